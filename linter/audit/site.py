"""Turns the site rules' hits into findings on the pages' results.

The site kinds (``linter.checks.site``) return ``SiteHit``s, reduced from the pages'
facts and keys in ``linter.audit.site_store``; here each becomes a finding on its page,
like any other finding. The crawl's kinds' hits past the last page sit on a sitemap,
which becomes a result of its own so the reports list it.
"""

from __future__ import annotations

from collections.abc import Callable

from linter.checks.site._facts import PageFacts
from linter.checks.site._hits import SiteHit
from linter.engine import excerpt_of, rule_finding
from linter.model import Finding
from linter.quote import keep_line, merge
from linter.report import make_findings_printable
from linter.rulepack import Rule
from linter.runner import FileResult


def make_site_finding(rule: Rule, path: str, hit: SiteHit) -> Finding:
    at = hit.at
    return rule_finding(
        rule,
        hit.args,
        path=path,
        line=at.line,
        column=at.column,
        end_line=at.end_line or at.line,
        end_column=at.end_column or at.column,
        excerpt=excerpt_of(at.text),
        related=hit.related,
    )


def attach_to(
    result: FileResult,
    findings: list[Finding],
    page: PageFacts,
    source: Callable[[str], str | None],
) -> None:
    """Add a page's site findings to its result, in place, with the lines they quote
    (read again through ``source`` when the facts did not keep them: a link's)."""
    make_findings_printable(findings)
    result.findings.extend(findings)
    result.findings.sort(key=lambda f: f.sort_key())
    for number, line in page.lines.items():
        kept = result.lines.get(number)
        result.lines[number] = line if kept is None else merge(kept, line)
    _read_missing_lines(result, findings, source)


def _read_missing_lines(
    result: FileResult, findings: list[Finding], source: Callable[[str], str | None]
) -> None:
    missing: dict[int, list[tuple[int, int | None]]] = {}
    for finding in findings:
        if finding.line not in result.lines:
            end = finding.end_column - 1 if finding.end_line == finding.line else None
            missing.setdefault(finding.line, []).append((finding.column - 1, end))
    if not missing:
        return
    text = source(result.path)
    if text is None:
        return
    lines = text.split("\n")
    for number, spans in missing.items():
        if 0 < number <= len(lines):
            result.lines[number] = keep_line(lines[number - 1], spans)
