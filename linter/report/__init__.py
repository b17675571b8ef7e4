"""Reporters: findings in, text for a person or a machine out.

Every reporter reads the same ``Report``; none of them recomputes anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from linter.escape import shown, visible
from linter.message import plural
from linter.model import Comparison, Finding, Severity
from linter.rulepack import Rule
from linter.runner import FetchInfo, FileResult


@dataclass(frozen=True, slots=True)
class RuleTotal:
    """One rule's findings across a run: how many, and on how many files."""

    code: str
    name: str
    category: str
    findings: int
    pages: int


@dataclass
class Report:
    """A whole run: per-file results, the threshold that decides failure.

    ``files`` is a list (``check``), or an audit's result store (``linter.audit.store``),
    which streams its results from disk and answers the totals below with SQL. Reporters
    therefore iterate ``files`` and ask for totals here, never build a list of every
    finding: over a store of 100,000 pages that list would not fit.
    """

    files: Any = field(default_factory=list)  # list[FileResult], or a ResultStore
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

    @property
    def _store(self) -> Any:
        """The result store behind ``files``, or None for a list."""
        return None if isinstance(self.files, list) else self.files

    def status_counts(self) -> Counter[str]:
        """URLs of a crawl by answer: ``2xx`` to ``5xx`` and ``skipped`` (empty when no
        page was crawled)."""
        counts = Counter(fetch.status_class for _, fetch in self.crawled)
        if self._store is not None:
            return counts + self._store.status_counts()
        counts.update(r.fetch.status_class for r in self.files if r.fetch is not None)
        return counts

    @property
    def findings(self) -> list[Finding]:
        """Every finding, in a list: for a ``check`` run and tests (``each_finding``
        streams)."""
        return list(self.each_finding())

    def each_finding(self) -> Iterator[Finding]:
        """Every finding in report order, one file's at a time."""
        for result in self.files:
            yield from result.findings

    @property
    def failed_files(self) -> list[FileResult]:
        if self._store is not None:
            return self._store.failed()
        return [r for r in self.files if r.error is not None]

    def counts(self) -> Counter[Severity]:
        if self._store is not None:
            return self._store.severity_counts()
        return Counter(f.severity for f in self.each_finding())

    def rule_totals(self) -> list[RuleTotal]:
        """Each rule that found something, most findings first (then by code)."""
        if self._store is not None:
            return self._store.rule_totals()
        return rule_totals(self.files)

    def categories_found(self) -> set[str]:
        """The categories of the findings."""
        if self._store is not None:
            return self._store.categories()
        return {f.category for f in self.each_finding()}

    def worst_places(self, limit: int) -> list[tuple[int, str]]:
        """``worst_pages`` as positions and paths only (nothing read but two columns)."""
        if self._store is not None:
            return self._store.worst_places(limit)
        return [(n, result.path) for n, result in self.worst_pages(limit)]

    def worst_pages(self, limit: int, by_path: bool = True) -> list[tuple[int, FileResult]]:
        """The ``limit`` files with the most errors, then warnings, then info (ties by
        path, or in report order), with their positions in the report (from 0)."""
        if self._store is not None:
            return self._store.worst(limit, by_path)

        def rank(item: tuple[int, FileResult]) -> tuple:
            counts = Counter(f.severity for f in item[1].findings)
            tie = (item[1].path, item[0]) if by_path else (item[0],)
            return (*(-counts[s] for s in sorted(Severity, reverse=True)), *tie)

        ranked = sorted(((n, r) for n, r in enumerate(self.files) if r.findings), key=rank)
        return ranked[:limit]

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
        return any(count and severity >= self.fail_on for severity, count in self.counts().items())

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


def rule_totals(results: Iterable[FileResult]) -> list[RuleTotal]:
    """``Report.rule_totals`` counted over results in memory."""
    findings: Counter[str] = Counter()
    pages: Counter[str] = Counter()
    names: dict[str, tuple[str, str]] = {}
    for result in results:
        codes = Counter(f.code for f in result.findings)
        findings.update(codes)
        pages.update(codes.keys())
        for finding in result.findings:
            names.setdefault(finding.code, (finding.name, finding.category))
    ranked = sorted(findings, key=lambda code: (-findings[code], code))
    return [RuleTotal(code, *names[code], findings[code], pages[code]) for code in ranked]


def make_printable(report: Report) -> None:
    """Escape control characters and undecodable bytes in every path and message, and
    cap messages, in place, so no report or terminal receives them raw (a file name with
    a newline would forge a finding line). Excerpts and fixes stay exact for machines;
    the line-based reporters escape them where they print them."""
    for result in report.files:
        make_result_printable(result)


def make_result_printable(result: FileResult) -> None:
    """``make_printable`` of one result (an audit applies it to each page as it arrives)."""
    result.path = visible(result.path)
    if result.error is not None:
        result.error = shown(result.error)
    make_findings_printable(result.findings)


def make_findings_printable(findings: Iterable[Finding]) -> None:
    """``make_printable`` of findings not yet made printable (an audit's site findings)."""
    for finding in findings:
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


FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit", "gitlab", "csv", "html")


def stream(report: Report, fmt: str, *, color: bool = False, quiet: bool = False) -> Iterator[str]:
    """The report in ``fmt``, in pieces, so a report of 100,000 pages is written as it is
    made, never held whole; reporters are imported only when asked for."""
    import importlib

    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    module = importlib.import_module(f"linter.report.{fmt}")
    if fmt == "text":
        return module.stream(report, color=color, quiet=quiet)
    return module.stream(report)


def render(report: Report, fmt: str, *, color: bool = False, quiet: bool = False) -> str:
    """The whole report in ``fmt`` as one string."""
    return "".join(stream(report, fmt, color=color, quiet=quiet))
