"""The HTML report: one self-contained page a manager can open from disk or a mail.

Everything is inline (one ``<style>``, one ``<script>``, SVG charts drawn here), so the
file works offline and can be archived as it is. The pages it describes are untrusted:
every piece of their text goes through ``html.escape``, none of it is placed inside the
script (filters read ``data-`` attributes), and a Content-Security-Policy that allows only
this file's own style and script (by hash) stops anything that slipped through.

``overview`` draws the top of the page (with ``charts``), ``pages`` the filters and a
section per page; ``assets`` holds the style, the script and the policy that allows them.
"""

from __future__ import annotations

from linter import __version__
from linter.report import Report
from linter.report.html import overview, pages
from linter.report.html.assets import SCRIPT, STYLE, content_security_policy
from linter.report.html.common import esc


def render(report: Report) -> str:
    """The whole report as one HTML document."""
    # Links to a page go to its section (the first one, should a path be listed twice).
    anchors = {r.path: f"page-{n}" for n, r in reversed(list(enumerate(report.files, 1)))}
    body = (
        overview.sections(report, anchors) + pages.filters(report) + pages.sections(report, anchors)
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="contentlint {esc(__version__)}">\n'
        '<link rel="icon" href="data:,">\n<title>contentlint report</title>\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
