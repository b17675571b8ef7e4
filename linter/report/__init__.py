"""Reporters: findings in, text for a person or a machine out.

Every reporter reads the same ``Report``; none of them recomputes anything.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from linter.escape import shown, visible
from linter.message import plural
from linter.model import Comparison, Finding, Severity
from linter.rulepack import Rule
from linter.runner import FetchInfo, FileResult


@dataclass
class Report:
    """A whole run: per-file results, the threshold that decides failure."""

    files: list[FileResult] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    # The rules that ran: SARIF and JUnit describe them, not just the ones that fired.
    rules: list[Rule] = field(default_factory=list)
    # Set when a baseline was applied: findings it hid, and its entries no longer seen.
    baseline_hidden: int | None = None
    baseline_fixed: int | None = None
    # Audit only. Set when Ctrl-C stopped the run: the report covers the pages done.
    interrupted: bool = False
    # What else decides the exit code, so the reports state the one the process exits
    # with: --exit-zero, and problems outside the inputs (a baseline or history database
    # that could not be written or read) that make it 2.
    exit_zero: bool = False
    problems: int = 0
    # How this run compares with an earlier one in the history database, and the totals
    # of earlier runs, oldest first.
    comparison: Comparison | None = None
    trend: list[dict[str, Any]] = field(default_factory=list)
    # Audit of a crawl: the URLs that are no page of ``files`` (redirects, errors, URLs
    # skipped, files other than HTML) and how each answered.
    crawled: list[tuple[str, FetchInfo]] = field(default_factory=list)

    def status_counts(self) -> Counter[str]:
        """URLs of a crawl by answer: ``2xx`` to ``5xx`` and ``skipped`` (empty when no
        page was crawled)."""
        fetches = [r.fetch for r in self.files if r.fetch is not None]
        fetches += [fetch for _, fetch in self.crawled]
        return Counter(fetch.status_class for fetch in fetches)

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @property
    def failed_files(self) -> list[FileResult]:
        return [r for r in self.files if r.error is not None]

    def counts(self) -> Counter[Severity]:
        return Counter(f.severity for f in self.findings)

    def exit_code(self) -> int:
        """The process's exit code: 130 interrupted; 2 an input could not be linted or
        another problem; 1 findings at or above the threshold (0 under --exit-zero);
        else 0."""
        if self.interrupted:
            return 130
        if self.failed_files or self.problems:
            return 2
        return int(self.failing and not self.exit_zero)

    @property
    def failing(self) -> bool:
        """Whether a finding is at or above the threshold (what fails a CI job)."""
        return any(f.severity >= self.fail_on for f in self.findings)

    def summary(self) -> dict[str, Any]:
        counts = self.counts()
        return (
            {
                "files": len(self.files),
                "files_failed": len(self.failed_files),
                "findings": sum(counts.values()),
                "errors": counts[Severity.ERROR],
                "warnings": counts[Severity.WARNING],
                "info": counts[Severity.INFO],
                "fail_on": str(self.fail_on),
                "exit_code": self.exit_code(),
            }
            | ({"interrupted": True} if self.interrupted else {})
            | (
                {"baseline_hidden": self.baseline_hidden, "baseline_fixed": self.baseline_fixed}
                if self.baseline_hidden is not None
                else {}
            )
        )


def make_printable(report: Report) -> None:
    """Escape control characters and undecodable bytes in every path and message, and
    cap messages, in place, so no report or terminal receives them raw (a file name with
    a newline would forge a finding line). Excerpts and fixes stay exact for machines;
    the line-based reporters escape them where they print them."""
    for result in report.files:
        result.path = visible(result.path)
        if result.error is not None:
            result.error = shown(result.error)
        for finding in result.findings:
            finding.path = visible(finding.path)
            finding.message = shown(finding.message)
            for related in finding.related:
                if related.path is not None:
                    related.path = visible(related.path)


def summary_line(report: Report) -> str:
    """One sentence a person reads at the end of a run. Without problems, only the files
    that were linted count: "No problems found in 1 file" of a file that could not be
    read would read as a clean bill."""
    counts = report.counts()
    total = sum(counts.values())
    failed = len(report.failed_files)
    linted = len(report.files) - failed
    line = ""
    if total:
        parts = [
            plural(counts[Severity.ERROR], "error"),
            plural(counts[Severity.WARNING], "warning"),
            f"{counts[Severity.INFO]} info",
        ]
        files = plural(len(report.files), "file")
        line = f"Found {plural(total, 'problem')} ({', '.join(parts)}) in {files}."
    elif linted or not failed:
        line = f"No problems found in {plural(linted, 'file')}."
    if failed:
        line = f"{line} {plural(failed, 'file')} could not be linted.".lstrip()
    if report.baseline_hidden is not None:
        line += (
            f" {plural(report.baseline_hidden, 'known problem')} hidden by the baseline;"
            f" {plural(report.baseline_fixed or 0, 'baseline entry', 'baseline entries')}"
            " no longer found (fixed)."
        )
    return line


FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "csv", "html")


def render(report: Report, fmt: str, *, color: bool = False, quiet: bool = False) -> str:
    """The report in ``fmt``; reporters are imported only when asked for."""
    import importlib

    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    module = importlib.import_module(f"linter.report.{fmt}")
    if fmt == "text":
        return module.render(report, color=color, quiet=quiet)
    return module.render(report)
