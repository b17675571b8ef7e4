"""The top of the report: status, totals, charts, trend, comparison with an earlier run,
the pages to fix first and the problems across pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from linter.model import Finding
from linter.report import Report, plural, summary_line
from linter.report.html.charts import bar_chart, trend_chart
from linter.report.html.common import (
    SEVERITIES,
    SITE,
    categories,
    esc,
    page_link,
    ranked_pages,
    related,
    severity_counts,
)

_WORST_PAGES = 10
# Findings about a link target (a crawl's): their place and related places are the
# pages that link there, which the report names as such.
LINK_FINDINGS = frozenset(
    {
        "site.broken-link",
        "site.redirect-chain",
        "site.link-to-redirect",
        "site.missing-from-sitemap",
        "site.robots-blocked-link",
    }
)


def _stat(label: str, value: int, css: str = "") -> str:
    classes = f"stat {css}".strip()
    return f'<div class="{classes}"><b>{value}</b><span>{esc(label)}</span></div>'


def _header(report: Report) -> str:
    summary = report.summary()
    status = "failed" if summary["exit_code"] else "passed"
    banner = (
        '<p class="banner" id="interrupted" role="alert">This run was interrupted: the report '
        f"covers only the {plural(len(report.files), 'page')} checked before it stopped.</p>"
        if report.interrupted
        else ""
    )
    return (
        f"<header><h1>contentlint report</h1>"
        f'<p class="lede">{esc(summary_line(report))}</p>'
        f'<span class="status {status}">{status.capitalize()} (fails on '
        f"{esc(summary['fail_on'])})</span></header>{banner}"
    )


def _stats(report: Report) -> str:
    summary = report.summary()
    return (
        '<div class="stats" id="stats">'
        + _stat("pages", summary["files"])
        + _stat("pages failed", summary["files_failed"])
        + _stat("findings", summary["findings"])
        + _stat("errors", summary["errors"], "error")
        + _stat("warnings", summary["warnings"], "warning")
        + _stat("info", summary["info"], "info")
        + "</div>"
    )


def _charts(report: Report) -> str:
    by_category: Counter[str] = Counter()
    for total in report.rule_totals():
        by_category[total.category] += total.findings
    by_severity = report.counts()
    category_bars = [(c, by_category[c], c) for c in categories(report)]
    severity_bars = [(str(s), by_severity[s], str(s)) for s in SEVERITIES]
    return (
        '<div class="grid">'
        f'<section class="card" id="by-category"><h2>Findings by category</h2>'
        f"{bar_chart('Findings by category', category_bars)}</section>"
        f'<section class="card" id="by-severity"><h2>Findings by severity</h2>'
        f"{bar_chart('Findings by severity', severity_bars)}</section></div>"
    )


# The status chart's bars: (label, CSS class, which colours the bar).
STATUS_BARS = (
    ("2xx", "status-ok"),
    ("3xx", "info"),
    ("4xx", "error"),
    ("5xx", "error"),
    ("skipped", "warning"),
)


def _status_chart(report: Report) -> str:
    """URLs of a crawl by answer (nothing for an audit of local files)."""
    counts = report.status_counts()
    if not counts:
        return ""
    bars = [(label, counts[label], css) for label, css in STATUS_BARS]
    return (
        '<section class="card" id="by-status"><h2>URLs by status</h2>'
        '<p class="muted">Every URL the crawl met: pages, redirects, errors, and URLs it '
        "did not fetch (robots.txt, limits, fetch errors).</p>"
        f"{bar_chart('URLs by status', bars)}</section>"
    )


def _trend(report: Report) -> str:
    if not report.trend:
        return ""
    summary = report.summary()
    runs = [
        {**run, "label": f"#{run['id']}", "started": str(run["started"])[:16].replace("T", " ")}
        for run in report.trend
    ]
    runs.append(
        {
            "label": "this run",
            "started": "now",
            "findings": summary["findings"],
            "errors": summary["errors"],
            "warnings": summary["warnings"],
            "info": summary["info"],
        }
    )
    return (
        '<section class="card" id="trend"><h2>Trend</h2>'
        '<p class="muted">Findings per run, oldest first, split into '
        '<span class="badge error">errors</span> <span class="badge warning">warnings</span> '
        f'<span class="badge info">info</span></p>{trend_chart(runs)}</section>'
    )


def _finding_line(finding: Finding, anchors: dict[str, str]) -> str:
    """One finding in a list of the overview: severity, code, message, where."""
    return (
        f'<li><span class="badge {finding.severity}">{finding.severity}</span> '
        f"<code>{esc(finding.code)}</code> {esc(finding.message)}"
        f'<div class="where">{page_link(finding.path, anchors)}, line {finding.line}</div></li>'
    )


def _comparison(report: Report, anchors: dict[str, str]) -> str:
    comparison = report.comparison
    if comparison is None:
        return ""
    not_compared = int(getattr(comparison, "not_compared", 0))
    started = str(getattr(comparison, "started", ""))[:16].replace("T", " ")
    new = "".join(_finding_line(f, anchors) for f in comparison.new)
    fixed = "".join(
        f"<li><code>{esc(item['code'])}</code> {esc(item['message'])}"
        f'<div class="where">{page_link(item["path"], anchors)}, line {esc(item["line"])}'
        "</div></li>"
        for item in comparison.fixed
    )
    skipped = (
        f'<p class="muted">Not compared: {plural(not_compared, "page")} checked by only one '
        "of the two runs.</p>"
        if not_compared
        else ""
    )
    return (
        f'<section class="card" id="comparison"><h2>Since run #{esc(comparison.against)}</h2>'
        f'<p class="muted">started {esc(started)}</p>'
        '<div class="compare">'
        f'<div><b class="new">{len(comparison.new)}</b>new</div>'
        f'<div><b class="fixed">{len(comparison.fixed)}</b>fixed</div>'
        f'<div><b class="unchanged">{int(comparison.unchanged)}</b>unchanged</div></div>{skipped}'
        + (f'<h3>New findings</h3><ul class="plain" id="new">{new}</ul>' if new else "")
        + (f'<h3>Fixed findings</h3><ul class="plain" id="fixed">{fixed}</ul>' if fixed else "")
        + "</section>"
    )


def _worst_pages(report: Report, anchors: dict[str, str]) -> str:
    """The pages with the most errors, then warnings: where to start fixing."""
    ranked = [result for _, result in ranked_pages(report, _WORST_PAGES)]
    if not ranked:
        body = '<p class="muted">No page has findings.</p>'
    else:
        rows = "".join(
            f'<tr><td class="path">{page_link(r.path, anchors)}</td>'
            + "".join(f'<td class="num">{severity_counts(r)[s]}</td>' for s in SEVERITIES)
            + f'<td class="num">{len(r.findings)}</td></tr>'
            for r in ranked
        )
        body = (
            '<div class="table-wrap"><table><thead><tr><th>Page</th><th class="num">Errors</th>'
            '<th class="num">Warnings</th><th class="num">Info</th><th class="num">Total</th>'
            f"</tr></thead><tbody>{rows}</tbody></table></div>"
        )
    return f'<section class="card" id="worst"><h2>Pages to fix first</h2>{body}</section>'


def _site_item(finding: Finding, anchors: dict[str, str]) -> str:
    linked = finding.name in LINK_FINDINGS
    sources = '<div class="where">Also linked from:</div>' if linked and finding.related else ""
    return (
        f'<li class="site-finding"><span class="badge {finding.severity}">'
        f"{finding.severity}</span> <code>{esc(finding.code)}</code> {esc(finding.message)}"
        f'<div class="where">{"Linked from " if linked else ""}'
        f"{page_link(finding.path, anchors)}, line {finding.line}</div>"
        f"{sources}{related(finding, anchors)}</li>"
    )


def _site_findings(report: Report, anchors: dict[str, str]) -> Iterator[str]:
    """Problems across pages (duplicate titles, copied text) with every page involved,
    written one at a time (a large site has thousands)."""
    count = sum(t.findings for t in report.rule_totals() if t.category == SITE)
    if not count:
        return
    yield f'<section class="card" id="site"><h2>Across pages ({count})</h2><ul class="plain">'
    for finding in report.each_finding():
        if finding.category == SITE:
            yield _site_item(finding, anchors)
    yield "</ul></section>"


def sections(report: Report, anchors: dict[str, str]) -> Iterator[str]:
    """Everything above the filters, in reading order."""
    yield (
        _header(report)
        + _stats(report)
        + _charts(report)
        + _status_chart(report)
        + _trend(report)
        + _comparison(report, anchors)
        + _worst_pages(report, anchors)
    )
    yield from _site_findings(report, anchors)
