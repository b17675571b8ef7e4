"""What every part of the HTML report uses: escaping, counts, page links, the places a
finding names."""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from linter.model import Finding, Severity
from linter.report import Report, plural
from linter.runner import FileResult

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SITE = "site"
RELATED_LIMIT = 20


def esc(value: Any) -> str:
    """Text of a page, a path or a message, safe in element content and quoted attributes."""
    return html.escape(str(value), quote=True)


def counted(count: int, word: str) -> str:
    """``1 finding`` / ``2 findings``; ``info`` does not take an ``s``."""
    return f"{count} info" if word == "info" else plural(count, word)


def shown_line(count: int) -> str:
    return f"{counted(count, 'finding')} shown"


def categories(report: Report) -> list[str]:
    """Categories of the rules that ran and of the findings, plus ``site``, sorted."""
    seen = {rule.category for rule in report.rules} | report.categories_found()
    return sorted(seen | {SITE})


def severity_counts(result: FileResult) -> Counter[Severity]:
    return Counter(f.severity for f in result.findings)


def ranked_pages(report: Report, limit: int) -> list[tuple[int, FileResult]]:
    """The ``limit`` pages with findings, most errors first, then warnings, then info,
    with their positions (from 0)."""
    return report.worst_pages(limit)


def page_link(path: str, anchors: dict[str, str]) -> str:
    if path in anchors:
        return f'<a href="#{anchors[path]}">{esc(path)}</a>'
    return esc(path)


def related(finding: Finding, anchors: dict[str, str]) -> str:
    """The other places a finding names; a site finding on hundreds of pages lists the
    first few and how many more."""
    shown = finding.related[:RELATED_LIMIT]
    items = "".join(
        f"<li>{page_link(r.path, anchors) + ', ' if r.path else ''}line {r.line}, "
        f"column {r.column}: <q>{esc(r.excerpt)}</q></li>"
        for r in shown
    )
    more = len(finding.related) - len(shown)
    if more:
        items += f"<li>and {plural(more, 'more place')}</li>"
    return f'<ul class="related where">{items}</ul>' if items else ""
