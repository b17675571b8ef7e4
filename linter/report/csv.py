"""CSV reports for spreadsheets: one row per finding (``render``), one per page
(``render_pages``). A crawl's pages carry their status, redirect target, depth and
response time, and its other URLs (redirects, errors, skipped) get a row of their own.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, so a
page whose text starts that way could run a command on the reader's machine (CSV
injection). Following OWASP's advice, such text cells get a leading apostrophe, which
spreadsheets show as text; numbers are written as they are.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from linter.escape import visible
from linter.model import Finding, Related, Severity
from linter.report import Report
from linter.runner import FetchInfo

FINDING_COLUMNS = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "name",
    "category",
    "severity",
    "message",
    "excerpt",
    "fix",
    "related",
)
SEVERITY_COLUMNS = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}
# Site-level findings are reported even when no site rule is among ``report.rules``.
SITE = "site"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet shows it: text that could start a formula is quoted,
    ``None`` is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV text, a few hundred rows at a time."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for number, row in enumerate(rows, 1):
        writer.writerow([safe_cell(value) for value in row])
        if number % 256 == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def _place(related: Related) -> str:
    where = f"{related.path}:" if related.path else ""
    return f"{where}{related.line}:{related.column}"


def _finding_row(finding: Finding) -> list[Any]:
    return [
        finding.path,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.code,
        finding.name,
        finding.category,
        str(finding.severity),
        finding.message,
        visible(finding.excerpt, line_breaks=True),
        None if finding.fix is None else visible(finding.fix, line_breaks=True),
        "; ".join(_place(r) for r in finding.related),
    ]


def stream(report: Report) -> Iterator[str]:
    """Every finding, one row each, in report order."""
    return _table(FINDING_COLUMNS, (_finding_row(f) for f in report.each_finding()))


def render(report: Report) -> str:
    return "".join(stream(report))


def score_keys(report: Report) -> list[str]:
    """Every score any page has, in the order the linter produces them: the columns do
    not move when the first page happens to have no scores."""
    keys: dict[str, None] = {}
    for result in report.files:
        keys.update(dict.fromkeys(result.scores))
    return list(keys)


def categories(report: Report) -> list[str]:
    """The categories of the rules that ran, plus ``site``, sorted: a category without
    findings still gets its column (of zeros)."""
    seen = {rule.category for rule in report.rules} | {SITE}
    return sorted(seen | report.categories_found())


PAGE_COLUMNS = ("path", "format", "words", "error")
# How a crawled URL answered: columns of an audit that read a crawl (empty for its local
# files); an audit of local files alone keeps the table it always had.
FETCH_COLUMNS = ("status", "redirect_to", "depth", "response_ms")


def _fetch_cells(fetch: FetchInfo | None) -> list[Any]:
    if fetch is None:
        return [None] * len(FETCH_COLUMNS)
    ms = None if fetch.response_ms is None else round(fetch.response_ms)
    status = fetch.status if fetch.status is not None else fetch.skipped and f"({fetch.skipped})"
    return [status, fetch.redirect_to, fetch.depth, ms]


def render_pages(report: Report) -> str:
    return "".join(stream_pages(report))


def stream_pages(report: Report) -> Iterator[str]:
    """One row per page: its scores, and its findings counted by severity and category.

    A score named like a page column (the readability ``words`` counts sentence words,
    the page's ``words`` body words) is headed ``scores.<key>``, as JSON nests it.
    """
    keys = score_keys(report)
    cats = categories(report)
    crawled = bool(report.crawled) or bool(report.status_counts())
    named = PAGE_COLUMNS + (FETCH_COLUMNS if crawled else ())
    scores = [f"scores.{key}" if key in named else key for key in keys]
    header = [*named, *scores, "findings"]
    header += [*SEVERITY_COLUMNS.values(), *cats]

    def rows() -> Iterator[list[Any]]:
        for result in report.files:
            by_severity = Counter(f.severity for f in result.findings)
            by_category = Counter(f.category for f in result.findings)
            yield (
                [result.path, result.format, result.words, result.error]
                + (_fetch_cells(result.fetch) if crawled else [])
                + [result.scores.get(key) for key in keys]
                + [len(result.findings)]
                + [by_severity[severity] for severity in SEVERITY_COLUMNS]
                + [by_category[category] for category in cats]
            )
        # URLs of a crawl that are no page of the report: redirects, errors, skipped.
        for url, fetch in report.crawled:
            zeros = [0] * (1 + len(SEVERITY_COLUMNS) + len(cats))
            yield [url, None, None, None, *_fetch_cells(fetch)] + [None] * len(keys) + zeros

    return _table(header, rows())
