"""``check --statistics``: one line per rule with its count, instead of the findings.

As ``ruff check --statistics``: count, code, ``[*]`` when its findings have a fix that
``--fix`` applies (``[ ]`` when not), and the rule's name, most frequent rule first. The
JSON form is ruff's list of ``{code, name, count, fixable, fixable_count}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from linter.report import Report, summary_line

FORMATS = ("text", "json")


@dataclass
class RuleCount:
    code: str
    name: str
    count: int = 0
    fixable_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "count": self.count,
            "fixable": self.fixable_count > 0,
            "fixable_count": self.fixable_count,
        }


def rule_counts(report: Report) -> list[RuleCount]:
    """Findings counted per rule, most frequent first (then by code)."""
    rules = {rule.code: rule for rule in report.rules}
    counts: dict[str, RuleCount] = {}
    for result in report.files:
        for finding in result.findings:
            rule = rules.get(finding.code)
            name = rule.name if rule is not None else finding.code
            entry = counts.setdefault(finding.code, RuleCount(finding.code, name))
            entry.count += 1
            fixable = rule is not None and rule.fixes_safely(result.format or "")
            entry.fixable_count += finding.fix is not None and fixable
    return sorted(counts.values(), key=lambda c: (-c.count, c.code))


def render(report: Report, fmt: str, *, quiet: bool = False) -> str:
    """The statistics in ``fmt`` (text or json); text ends with the summary unless quiet."""
    counts = rule_counts(report)
    if fmt == "json":
        return json.dumps([c.to_dict() for c in counts], indent=2) + "\n"
    count_width = max((len(str(c.count)) for c in counts), default=0)
    code_width = max((len(c.code) for c in counts), default=0)
    lines = [
        f"{c.count:>{count_width}}\t{c.code:<{code_width}}\t"
        f"{'[*]' if c.fixable_count else '[ ]'} {c.name}"
        for c in counts
    ]
    if not quiet:
        lines.append(summary_line(report))
        fixable = sum(c.fixable_count for c in counts)
        if fixable:
            lines.append(f"[*] {fixable} fixable with --fix.")
    return "".join(line + "\n" for line in lines)
