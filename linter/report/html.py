"""The HTML report: one self-contained page a manager can open from disk or a mail.

Everything is inline (one ``<style>``, one ``<script>``, SVG charts drawn here), so the
file works offline and can be archived as it is. The pages it describes are untrusted:
every piece of their text goes through ``html.escape``, none of it is placed inside the
script (filters read ``data-`` attributes), and a Content-Security-Policy that allows only
this file's own style and script (by hash) stops anything that slipped through.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from collections.abc import Iterable
from typing import Any

from linter import __version__
from linter.model import Finding, Severity
from linter.quote import Line, cut, length
from linter.report import Report, plural, summary_line
from linter.runner import FileResult

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SITE = "site"
# A quoted line shows this many characters either side of the flagged text, and at most
# _MARK_LIMIT of the flagged text itself: lines of minified HTML can be enormous.
_CONTEXT = 80
_MARK_LIMIT = 240
_WORST_PAGES = 10
_RELATED_LIMIT = 20
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

STYLE = """
:root{--fg:#1f2328;--muted:#57606a;--bg:#f4f6f8;--card:#fff;--line:#d8dee4;
--accent:#0b5cad;--error:#b42318;--warning:#9a5b00;--info:#1d5bbf;--site:#6941c6;
--mark:#ffe58f;--ok:#1a7f37}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:1.7rem;margin:0 0 4px}
h2{font-size:1.2rem;margin:0 0 12px}
h3{font-size:1rem;margin:16px 0 8px}
a{color:var(--accent)}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
.lede{color:var(--muted);margin:0}
.status{display:inline-block;margin-top:8px;padding:2px 12px;border-radius:999px;color:#fff;
font-weight:600}
.status.failed{background:var(--error)}
.status.passed{background:var(--ok)}
.banner{background:#fff4e5;border:1px solid #f0b35b;color:#6b3a00;border-radius:10px;
padding:12px 16px;margin:16px 0;font-weight:600}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;
padding:16px 20px;margin:16px 0}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:12px;
margin:16px 0}
.stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
.stat b{display:block;font-size:1.9rem;line-height:1.2;font-variant-numeric:tabular-nums}
.stat span{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.05em}
.stat.error b{color:var(--error)}
.stat.warning b{color:var(--warning)}
.stat.info b{color:var(--info)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
.grid .card{margin:0}
svg.chart{display:block;max-width:100%;height:auto}
svg text{fill:var(--fg);font-size:13px;font-family:inherit}
svg text.value,svg text.axis{fill:var(--muted)}
svg rect{fill:var(--accent)}
svg .error rect,svg rect.error{fill:var(--error)}
svg .warning rect,svg rect.warning{fill:var(--warning)}
svg .info rect,svg rect.info{fill:var(--info)}
svg .site rect{fill:var(--site)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.path{word-break:break-all;min-width:14em}
.badge{display:inline-block;padding:0 8px;border-radius:999px;font-size:.78rem;
font-weight:600;color:#fff;background:var(--muted);white-space:nowrap}
.badge.error{background:var(--error)}
.badge.warning{background:var(--warning)}
.badge.info{background:var(--info)}
.badge.failed{background:#333}
.compare{display:flex;flex-wrap:wrap;gap:24px;margin-bottom:8px}
.compare b{font-size:1.5rem;margin-right:4px}
ul.plain{list-style:none;padding:0;margin:0}
ul.plain>li{padding:8px 0;border-top:1px solid var(--line)}
ul.plain>li:first-child{border-top:0}
.where{color:var(--muted);font-size:.9rem;word-break:break-all}
.filters{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end}
.filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted);
text-transform:uppercase;letter-spacing:.05em}
select,button{font:inherit;font-size:.95rem;padding:6px 10px;border:1px solid var(--line);
border-radius:6px;background:#fff;color:var(--fg);text-transform:none;letter-spacing:0}
select{min-width:170px;max-width:100%}
button{cursor:pointer}
button:hover,select:hover{border-color:var(--accent)}
#shown{margin:0 0 0 auto;font-weight:600;align-self:center}
details.page{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:10px 0}
details.page>summary{cursor:pointer;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px;
align-items:center}
details.page[open]>summary{border-bottom:1px solid var(--line)}
.page-path{font-weight:600;word-break:break-all;flex:1 1 280px}
.page-body{padding:8px 16px 16px}
.scores{display:flex;flex-wrap:wrap;gap:8px 24px;margin:8px 0;padding:0}
.scores div{display:flex;flex-direction:column}
.scores dt{font-size:.75rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.scores dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
ol.findings{list-style:none;padding:0;margin:0}
.finding{border-top:1px solid var(--line);padding:12px 0}
.finding-head{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.rule-name{color:var(--muted);font-size:.9rem}
.message{margin:6px 0}
pre.context{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;
border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:6px 0;
font-size:13px;line-height:1.5}
pre.context .lineno{color:var(--muted);user-select:none;margin-right:8px}
mark{background:var(--mark);color:inherit;border-bottom:2px solid var(--error);padding:0 1px}
.fix{margin:4px 0;font-size:.92rem}
.fix code{background:#eef6ee;border:1px solid #cfe6cf;border-radius:4px;padding:0 4px}
.error-text{color:var(--error);font-weight:600}
.muted{color:var(--muted)}
[hidden]{display:none!important}
@media (max-width:640px){main{padding:12px 10px 32px}.card{padding:12px}
h1{font-size:1.35rem}.stat b{font-size:1.5rem}select{min-width:0;width:100%}
.filters label{flex:1 1 140px}#shown{margin:0}}
@media print{.filters{display:none}details.page{break-inside:avoid}}
"""

SCRIPT = """
(function () {
  "use strict";
  var controls = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var findings = Array.prototype.slice.call(document.querySelectorAll("#pages .finding"));
  var pages = Array.prototype.slice.call(document.querySelectorAll("#pages details.page"));
  var counter = document.getElementById("shown");

  function apply() {
    var chosen = controls.filter(function (c) { return c.value !== ""; });
    var shown = 0;
    findings.forEach(function (el) {
      var keep = chosen.every(function (c) { return el.dataset[c.dataset.filter] === c.value; });
      el.hidden = !keep;
      if (keep) { shown += 1; }
    });
    pages.forEach(function (page) {
      var any = page.querySelector(".finding:not([hidden])") !== null;
      page.hidden = chosen.length > 0 && !any;
      if (chosen.length > 0 && any) { page.open = true; }
    });
    counter.textContent = shown + (shown === 1 ? " finding shown" : " findings shown");
  }

  function setOpen(open) {
    pages.forEach(function (page) { page.open = open; });
  }

  function openTarget() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }

  controls.forEach(function (c) { c.addEventListener("change", apply); });
  document.getElementById("reset").addEventListener("click", function () {
    controls.forEach(function (c) { c.value = ""; });
    apply();
  });
  document.getElementById("expand").addEventListener("click", function () { setOpen(true); });
  document.getElementById("collapse").addEventListener("click", function () { setOpen(false); });
  window.addEventListener("hashchange", openTarget);
  openTarget();
  apply();
})();
"""


def esc(value: Any) -> str:
    """Text of a page, a path or a message, safe in element content and quoted attributes."""
    return html.escape(str(value), quote=True)


def csp_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline style or script."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy() -> str:
    """Nothing but this file's own style and script; ``data:`` images for the favicon."""
    return (
        f"default-src 'none'; style-src {csp_hash(STYLE)}; script-src {csp_hash(SCRIPT)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def counted(count: int, word: str) -> str:
    """``1 finding`` / ``2 findings``; ``info`` does not take an ``s``."""
    return f"{count} info" if word == "info" else plural(count, word)


def shown_line(count: int) -> str:
    return f"{counted(count, 'finding')} shown"


# -- charts ---------------------------------------------------------------------------


def bar_chart(title: str, bars: list[tuple[str, int, str]]) -> str:
    """Horizontal bars, one per ``(label, count, css class)``; counts printed beside them."""
    row, label_width, bar_width = 30, 110, 280
    width, height = label_width + bar_width + 50, row * len(bars)
    top = max((count for _, count, _ in bars), default=0) or 1
    parts = [
        f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{esc(title)}">'
        f"<title>{esc(title)}</title>"
    ]
    for n, (label, count, css) in enumerate(bars):
        y = n * row
        length = round(bar_width * count / top, 1)
        parts.append(
            f'<g class="bar {esc(css)}" data-label="{esc(label)}" data-count="{count}">'
            f'<text x="{label_width - 10}" y="{y + 20}" text-anchor="end">{esc(label)}</text>'
            f'<rect x="{label_width}" y="{y + 6}" width="{length}" height="{row - 12}" rx="3"/>'
            f'<text class="value" x="{label_width + length + 8}" y="{y + 20}">{count}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


# Trend bars stack a run's counts bottom up: (key in a trend entry, CSS class).
_STACK = (("errors", "error"), ("warnings", "warning"), ("info", "info"))


def trend_chart(runs: list[dict[str, Any]]) -> str:
    """Findings per run as bars stacked by severity, oldest on the left."""
    slot, bar, plot, floor = 56, 40, 150, 170
    width, height = max(320, slot * len(runs) + 16), floor + 44
    top = max((int(run["findings"]) for run in runs), default=0) or 1
    parts = [
        f'<svg class="chart trend" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Findings per run"><title>Findings per run</title>'
    ]
    for n, run in enumerate(runs):
        x, y, total = 16 + n * slot, float(floor), int(run["findings"])
        tip = (
            f"{run['label']} ({run['started']}): {total} findings, "
            f"{run['errors']} errors, {run['warnings']} warnings, {run['info']} info"
        )
        parts.append(
            f'<g class="run" data-run="{esc(run["label"])}" data-findings="{total}">'
            f"<title>{esc(tip)}</title>"
        )
        for key, css in _STACK:
            size = round(plot * int(run[key]) / top, 1)
            y -= size
            parts.append(f'<rect class="{css}" x="{x}" y="{y}" width="{bar}" height="{size}"/>')
        parts.append(
            f'<text class="value" x="{x + bar / 2}" y="{y - 6}" text-anchor="middle">{total}</text>'
            f'<text class="axis" x="{x + bar / 2}" y="{floor + 18}" text-anchor="middle">'
            f"{esc(run['label'])}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


# -- overview -------------------------------------------------------------------------


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


def categories(report: Report) -> list[str]:
    """Categories of the rules that ran and of the findings, plus ``site``, sorted."""
    seen = {rule.category for rule in report.rules} | {f.category for f in report.findings}
    return sorted(seen | {SITE})


def _charts(report: Report) -> str:
    by_category = Counter(f.category for f in report.findings)
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
        f'<div class="where">{_page_link(finding.path, anchors)}, line {finding.line}</div></li>'
    )


def _page_link(path: str, anchors: dict[str, str]) -> str:
    if path in anchors:
        return f'<a href="#{anchors[path]}">{esc(path)}</a>'
    return esc(path)


def _comparison(report: Report, anchors: dict[str, str]) -> str:
    comparison = report.comparison
    if comparison is None:
        return ""
    not_compared = int(getattr(comparison, "not_compared", 0))
    started = str(getattr(comparison, "started", ""))[:16].replace("T", " ")
    new = "".join(_finding_line(f, anchors) for f in comparison.new)
    fixed = "".join(
        f"<li><code>{esc(item['code'])}</code> {esc(item['message'])}"
        f'<div class="where">{_page_link(item["path"], anchors)}, line {esc(item["line"])}'
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


def severity_counts(result: FileResult) -> Counter[Severity]:
    return Counter(f.severity for f in result.findings)


def ranked_pages(report: Report) -> list[FileResult]:
    """Pages with findings, most errors first, then warnings, then info."""
    return sorted(
        (r for r in report.files if r.findings),
        key=lambda r: (*(-severity_counts(r)[s] for s in SEVERITIES), r.path),
    )


def _worst_pages(report: Report, anchors: dict[str, str]) -> str:
    """The pages with the most errors, then warnings: where to start fixing."""
    ranked = ranked_pages(report)[:_WORST_PAGES]
    if not ranked:
        body = '<p class="muted">No page has findings.</p>'
    else:
        rows = "".join(
            f'<tr><td class="path">{_page_link(r.path, anchors)}</td>'
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


def _site_findings(report: Report, anchors: dict[str, str]) -> str:
    """Problems across pages (duplicate titles, copied text) with every page involved."""
    found = [f for f in report.findings if f.category == SITE]
    if not found:
        return ""
    items = [
        f'<li class="site-finding"><span class="badge {finding.severity}">'
        f"{finding.severity}</span> <code>{esc(finding.code)}</code> {esc(finding.message)}"
        f'<div class="where">{_page_link(finding.path, anchors)}, line {finding.line}</div>'
        f"{_related(finding, anchors)}</li>"
        for finding in found
    ]
    return (
        f'<section class="card" id="site"><h2>Across pages ({len(found)})</h2>'
        f'<ul class="plain">{"".join(items)}</ul></section>'
    )


# -- pages ----------------------------------------------------------------------------


def _option(value: str, label: str) -> str:
    return f'<option value="{esc(value)}">{esc(label)}</option>'


def _select(key: str, label: str, options: Iterable[tuple[str, str]]) -> str:
    choices = _option("", "All") + "".join(_option(v, text) for v, text in options)
    return (
        f'<label>{esc(label)}<select id="filter-{key}" data-filter="{key}">{choices}</select>'
        "</label>"
    )


def _filters(report: Report) -> str:
    """Controls the script reads; without the script every finding simply stays shown."""
    rules = {f.code: f.name for f in report.findings}
    return (
        '<section class="card filters" id="filters" aria-label="Filter findings">'
        + _select("severity", "Severity", ((str(s), str(s)) for s in SEVERITIES))
        + _select("category", "Category", ((c, c) for c in categories(report)))
        + _select("rule", "Rule", ((c, f"{c} {rules[c]}") for c in sorted(rules)))
        + '<button type="button" id="reset">Reset</button>'
        '<button type="button" id="expand">Expand all</button>'
        '<button type="button" id="collapse">Collapse all</button>'
        f'<p id="shown" aria-live="polite">{shown_line(len(report.findings))}</p></section>'
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


def _related(finding: Finding, anchors: dict[str, str]) -> str:
    """The other places a finding names; a site finding on hundreds of pages lists the
    first few and how many more."""
    shown = finding.related[:_RELATED_LIMIT]
    items = "".join(
        f"<li>{_page_link(r.path, anchors) + ', ' if r.path else ''}line {r.line}, "
        f"column {r.column}: <q>{esc(r.excerpt)}</q></li>"
        for r in shown
    )
    more = len(finding.related) - len(shown)
    if more:
        items += f"<li>and {plural(more, 'more place')}</li>"
    return f'<ul class="related where">{items}</ul>' if items else ""


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
        f"{context}{_fix(finding.fix)}{_related(finding, anchors)}</li>"
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


def _pages(report: Report, anchors: dict[str, str]) -> str:
    """A section per page; on a large site only the worst pages, so the file stays
    something a browser opens (every page is in the CSV reports)."""
    shown = {id(r) for r in report.files}
    note = ""
    if len(report.files) > PAGE_SECTIONS:
        shown = {id(r) for r in ranked_pages(report)[:PAGE_SECTIONS]}
        note = (
            f'<p class="muted">Sections for the {len(shown):,} pages with the most problems; '
            f"the other {len(report.files) - len(shown):,} pages are in the CSV reports.</p>"
        )
    pages = "".join(
        _page(result, f"page-{n}", anchors)
        for n, result in enumerate(report.files, 1)
        if id(result) in shown
    )
    return f'<section id="pages"><h2>Pages</h2>{note}{pages}</section>'


def render(report: Report) -> str:
    """The whole report as one HTML document."""
    # Links to a page go to its section (the first one, should a path be listed twice).
    anchors = {r.path: f"page-{n}" for n, r in reversed(list(enumerate(report.files, 1)))}
    body = (
        _header(report)
        + _stats(report)
        + _charts(report)
        + _trend(report)
        + _comparison(report, anchors)
        + _worst_pages(report, anchors)
        + _site_findings(report, anchors)
        + _filters(report)
        + _pages(report, anchors)
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
