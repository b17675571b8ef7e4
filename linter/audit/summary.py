"""The audit's terminal report: totals, the rules that fire most, site findings, worst
pages. A site of 5,000 pages has too many findings to read one by one in a terminal;
``--format text`` still lists them all, and the HTML and CSV reports hold every one."""

from __future__ import annotations

from collections import Counter, defaultdict

from linter.model import Severity
from linter.report import Report, plural, summary_line

_TOP_RULES = 15
_WORST_PAGES = 10
_SITE_SHOWN = 20
STATUS_CLASSES = ("2xx", "3xx", "4xx", "5xx", "skipped")


def _rules_table(report: Report) -> list[str]:
    findings = Counter(f.code for f in report.findings)
    pages: dict[str, set[str]] = defaultdict(set)
    names = {}
    for finding in report.findings:
        pages[finding.code].add(finding.path)
        names[finding.code] = finding.name
    lines = ["Rules that fire most:"]
    for code, count in findings.most_common(_TOP_RULES):
        lines.append(
            f"  {code:8} {names[code]:38} {count:>7,} on {plural(len(pages[code]), 'page')}"
        )
    if len(findings) > _TOP_RULES:
        lines.append(f"  … and {len(findings) - _TOP_RULES} more rules")
    return lines


def _site_lines(report: Report) -> list[str]:
    site = [f for f in report.findings if f.category == "site"]
    if not site:
        return []
    lines = [f"Site-level findings ({len(site)}):"]
    for finding in site[:_SITE_SHOWN]:
        where = f"{finding.path}:{finding.line}:{finding.column}"
        lines.append(f"  {where}: {finding.code} [{finding.severity}] {finding.message}")
    if len(site) > _SITE_SHOWN:
        lines.append(f"  … and {len(site) - _SITE_SHOWN} more (see --format text, --csv, --html)")
    return lines


def _worst_pages(report: Report) -> list[str]:
    def weight(result) -> tuple[int, int, int]:
        counts = Counter(f.severity for f in result.findings)
        return counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO]

    ranked = sorted((r for r in report.files if r.findings), key=weight, reverse=True)
    if not ranked:
        return []
    lines = ["Pages with the most problems (errors, warnings, info):"]
    for result in ranked[:_WORST_PAGES]:
        errors, warnings, info = weight(result)
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
    for part in (_rules_table(report), _site_lines(report), _worst_pages(report)):
        if part and report.findings:
            sections.append(part)
    sections.append([summary_line(report)])
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"
