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

from collections.abc import Iterator

from linter import __version__
from linter.report import Report
from linter.report.html import overview, pages
from linter.report.html.assets import SCRIPT, STYLE, content_security_policy
from linter.report.html.common import esc


def _anchors(report: Report, shown: set[int] | None) -> dict[str, str]:
    """Where a link to a page goes: its section (the first, should a path be listed
    twice). On a large site only the pages with a section have one."""
    anchors: dict[str, str] = {}
    if shown is None:
        for n, result in enumerate(report.files, 1):
            anchors.setdefault(result.path, f"page-{n}")
    else:
        for n, path in sorted(report.worst_places(len(shown))):
            anchors.setdefault(path, f"page-{n + 1}")
    return anchors


def stream(report: Report) -> Iterator[str]:
    """The whole report as one HTML document, its page sections written one at a time."""
    shown = pages.shown_positions(report)
    anchors = _anchors(report, shown)
    yield (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="contentlint {esc(__version__)}">\n'
        '<link rel="icon" href="data:,">\n<title>contentlint report</title>\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
    )
    yield from overview.sections(report, anchors)
    yield pages.filters(report)
    yield from pages.sections(report, anchors, shown)
    yield f"\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"


def render(report: Report) -> str:
    return "".join(stream(report))
