"""The filters and a section per page: every finding with its line quoted and the flagged
text marked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from linter.model import Finding
from linter.quote import Line, cut, length
from linter.report import Report, plural
from linter.report.html.common import (
    SEVERITIES,
    categories,
    counted,
    esc,
    related,
    severity_counts,
    shown_line,
)
from linter.runner import FileResult

# A quoted line shows this many characters either side of the flagged text, and at most
# _MARK_LIMIT of the flagged text itself: lines of minified HTML can be enormous.
_CONTEXT = 80
_MARK_LIMIT = 240
PAGE_SECTIONS = 2000  # page sections in one report; past that, the worst pages
_SCORE_LABELS = {
    "flesch_reading_ease": "Reading ease",
    "flesch_kincaid_grade": "Grade level",
    "sentences": "Sentences",
    "words": "Words",
    "words_per_sentence": "Words per sentence",
    "long_sentence_share": "Long sentences (%)",
    "passive_share": "Passive voice (%)",
}


def _option(value: str, label: str) -> str:
    return f'<option value="{esc(value)}">{esc(label)}</option>'


def _select(key: str, label: str, options: Iterable[tuple[str, str]]) -> str:
    choices = _option("", "All") + "".join(_option(v, text) for v, text in options)
    return (
        f'<label>{esc(label)}<select id="filter-{key}" data-filter="{key}">{choices}</select>'
        "</label>"
    )


def filters(report: Report) -> str:
    """Controls the script reads; without the script every finding simply stays shown."""
    totals = report.rule_totals()
    rules = {t.code: t.name for t in totals}
    return (
        '<section class="card filters" id="filters" aria-label="Filter findings">'
        + _select("severity", "Severity", ((str(s), str(s)) for s in SEVERITIES))
        + _select("category", "Category", ((c, c) for c in categories(report)))
        + _select("rule", "Rule", ((c, f"{c} {rules[c]}") for c in sorted(rules)))
        + '<button type="button" id="reset">Reset</button>'
        '<button type="button" id="expand">Expand all</button>'
        '<button type="button" id="collapse">Collapse all</button>'
        f'<p id="shown" aria-live="polite">{shown_line(sum(t.findings for t in totals))}</p>'
        "</section>"
    )


def highlight(line: Line, finding: Finding) -> str:
    """The flagged line as escaped HTML with the flagged span in ``<mark>``; a long line is
    cut to a window around the span."""
    total = length(line, "\r\n")
    start = max(0, min(finding.column - 1, total))
    end = total if finding.end_line != finding.line else finding.end_column - 1
    end = max(start, min(end, total))
    left = max(0, start - _CONTEXT)
    flagged = cut(line, start, min(end, start + _MARK_LIMIT + 1))
    if len(flagged) > _MARK_LIMIT:
        flagged = flagged[:_MARK_LIMIT] + "…"
    before = ("…" if left else "") + cut(line, left, start)
    after = cut(line, end, min(end + _CONTEXT, total)) + ("…" if end + _CONTEXT < total else "")
    return f"{esc(before)}<mark>{esc(flagged)}</mark>{esc(after)}"


def _fix(fix: str | None) -> str:
    if fix is None:
        return ""
    shown = "(one space)" if fix == " " else fix if fix.strip() else "(delete)"
    return f'<p class="fix">Suggested fix: <code>{esc(shown)}</code></p>'


def _finding(finding: Finding, line: Line | None, anchors: dict[str, str]) -> str:
    context = (
        f'<pre class="context"><span class="lineno">{finding.line}</span>'
        f"{highlight(line, finding)}</pre>"
        if line is not None
        else ""
    )
    return (
        f'<li class="finding" data-severity="{finding.severity}" '
        f'data-category="{esc(finding.category)}" data-rule="{esc(finding.code)}">'
        f'<div class="finding-head"><span class="badge {finding.severity}">{finding.severity}'
        f"</span> <code>{esc(finding.code)}</code>"
        f'<span class="rule-name">{esc(finding.name)}</span>'
        f'<span class="where">line {finding.line}:{finding.column}</span></div>'
        f'<p class="message">{esc(finding.message)}</p>'
        f"{context}{_fix(finding.fix)}{related(finding, anchors)}</li>"
    )


def _score(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else esc(value)


def _scores(scores: dict[str, Any]) -> str:
    if not scores:
        return ""
    items = "".join(
        f"<div><dt>{esc(_SCORE_LABELS.get(key, key.replace('_', ' ')))}</dt>"
        f"<dd>{_score(value)}</dd></div>"
        for key, value in scores.items()
    )
    return f'<dl class="scores">{items}</dl>'


def _page_badges(result: FileResult) -> str:
    if result.error is not None:
        return '<span class="badge failed">not linted</span>'
    counts = severity_counts(result)
    badges = "".join(
        f'<span class="badge {s}">{counted(counts[s], str(s))}</span>'
        for s in SEVERITIES
        if counts[s]
    )
    return badges or '<span class="muted">no findings</span>'


def _page(result: FileResult, anchor: str, anchors: dict[str, str]) -> str:
    error = f'<p class="error-text">{esc(result.error)}</p>' if result.error else ""
    findings = "".join(_finding(f, result.lines.get(f.line), anchors) for f in result.findings)
    listing = (
        f'<ol class="findings">{findings}</ol>'
        if findings
        else '<p class="muted">Nothing to fix on this page.</p>'
    )
    return (
        f'<details class="page" id="{anchor}"><summary><span class="page-path">'
        f"{esc(result.path)}</span>{_page_badges(result)}</summary>"
        f'<div class="page-body"><p class="muted">{esc(result.format or "unknown format")}, '
        f"{plural(result.words, 'word')}</p>{error}{_scores(result.scores)}{listing}</div></details>"
    )


def shown_positions(report: Report) -> set[int] | None:
    """Positions (from 0) of the pages that get a section: all (None), or on a large site
    only the worst pages, so the file stays something a browser opens (every page is in
    the CSV reports)."""
    if len(report.files) <= PAGE_SECTIONS:
        return None
    return {n for n, _ in report.worst_places(PAGE_SECTIONS)}


def sections(report: Report, anchors: dict[str, str], shown: set[int] | None) -> Iterator[str]:
    """A section per page shown, in report order, written a page at a time."""
    yield '<section id="pages"><h2>Pages</h2>'
    if shown is not None:
        yield (
            f'<p class="muted">Sections for the {len(shown):,} pages with the most problems; '
            f"the other {len(report.files) - len(shown):,} pages are in the CSV reports.</p>"
        )
    for n, result in enumerate(report.files):
        if shown is None or n in shown:
            yield _page(result, f"page-{n + 1}", anchors)
    yield "</section>"
