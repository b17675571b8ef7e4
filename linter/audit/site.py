"""Turns the site rules' hits into findings on the pages' results.

The site kinds (``linter.checks.site``) return ``SiteHit``s, reduced from the pages'
facts and keys in ``linter.audit.site_store``; here each becomes a finding on its page,
like any other finding. The crawl's kinds' hits past the last page sit on a sitemap,
which becomes a result of its own so the reports list it.
"""

from __future__ import annotations

from collections.abc import Callable

from linter.checks.site._crawl import CrawlFacts
from linter.checks.site._facts import PageFacts
from linter.checks.site._hits import SiteHit
from linter.engine import excerpt_of, rule_finding
from linter.model import Finding
from linter.quote import keep_line, merge
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


def attach_site_findings(
    files: list[FileResult],
    found: dict[int, list[Finding]],
    facts: Callable[[int], PageFacts],
    crawl: CrawlFacts | None,
    source: Callable[[str], str | None],
) -> None:
    """Hand each finding to the result of the page it is on (``facts``: the facts of
    the page of result ``index``, for the lines they kept); a sitemap with findings
    (index ``len(files) + n`` for sitemap ``n``) gets a result of its own, after the
    pages. Lines the facts did not keep (a link's) are read again through ``source``."""
    total = len(files)
    for index in sorted(found):
        findings = found[index]
        if index < total:
            result, page = files[index], facts(index)
        else:
            page = crawl.sitemaps[index - total].page  # type: ignore[union-attr]
            result = FileResult(page.path, page.format)
            files.append(result)
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
