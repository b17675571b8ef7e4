"""The audit's terminal report: totals, the rules that fire most, site findings, worst
pages. A site of 5,000 pages has too many findings to read one by one in a terminal;
``--format text`` still lists them all, and the HTML and CSV reports hold every one."""

from __future__ import annotations

from collections import Counter
from itertools import islice

from linter.model import Severity
from linter.report import Report, plural, summary_line

_TOP_RULES = 15
_WORST_PAGES = 10
_SITE_SHOWN = 20
STATUS_CLASSES = ("2xx", "3xx", "4xx", "5xx", "skipped")


def _rules_table(report: Report) -> list[str]:
    totals = report.rule_totals()
    lines = ["Rules that fire most:"]
    for total in totals[:_TOP_RULES]:
        lines.append(
            f"  {total.code:8} {total.name:38} {total.findings:>7,} on "
            f"{plural(total.pages, 'page')}"
        )
    if len(totals) > _TOP_RULES:
        lines.append(f"  … and {len(totals) - _TOP_RULES} more rules")
    return lines


def _site_lines(report: Report) -> list[str]:
    counted = sum(t.findings for t in report.rule_totals() if t.category == "site")
    if not counted:
        return []
    site = (f for f in report.each_finding() if f.category == "site")
    lines = [f"Site-level findings ({counted}):"]
    for finding in islice(site, _SITE_SHOWN):
        where = f"{finding.path}:{finding.line}:{finding.column}"
        lines.append(f"  {where}: {finding.code} [{finding.severity}] {finding.message}")
    if counted > _SITE_SHOWN:
        lines.append(f"  … and {counted - _SITE_SHOWN} more (see --format text, --csv, --html)")
    return lines


def _worst_pages(report: Report) -> list[str]:
    ranked = report.worst_pages(_WORST_PAGES, by_path=False)
    if not ranked:
        return []
    lines = ["Pages with the most problems (errors, warnings, info):"]
    for _, result in ranked:
        counts = Counter(f.severity for f in result.findings)
        errors, warnings, info = (
            counts[s] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        )
        lines.append(f"  {errors:>4} {warnings:>5} {info:>5}  {result.path}")
    return lines


def render_summary(report: Report, seconds: float, jobs: int, worker: str = "worker") -> str:
    """What a person reads at the end of an audit (``worker``: "Dask worker" on Dask)."""
    pages = len(report.files)
    rate = pages / seconds if seconds > 0 else 0.0
    head = f"Audited {plural(pages, 'page')} in {seconds:.1f} s ({rate:.1f} pages/s, "
    head += f"{plural(jobs, worker)})."
    if report.interrupted:
        head += " Interrupted: the report covers the pages done before Ctrl-C."
    sections = [[head]]
    failed = report.failed_files
    if failed:
        listed = [f"  {r.path}: {r.error}" for r in failed[:_SITE_SHOWN]]
        more = len(failed) - len(listed)
        listed += [f"  … and {more} more"] if more > 0 else []
        sections.append([f"Pages that could not be audited ({len(failed)}):", *listed])
    statuses = report.status_counts()
    if statuses:
        counts = ", ".join(f"{key} {statuses[key]}" for key in STATUS_CLASSES if statuses[key])
        sections.append([f"URLs by status: {counts}."])
    if sum(report.counts().values()):
        for part in (_rules_table(report), _site_lines(report), _worst_pages(report)):
            if part:
                sections.append(part)
    sections.append([summary_line(report)])
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"
