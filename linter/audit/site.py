"""Runs the site rules once all pages are in, and turns their hits into findings.

The site kinds (``linter.checks.site``) return ``SiteHit``s over the pages' facts; here
each becomes a finding on its page, like any other finding. The crawl's kinds
(``check_crawl``) also read what the crawl learnt (``CrawlFacts``); their hits past the
last page sit on a sitemap, which becomes a result of its own so the reports list it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from linter.checks.site._crawl import CrawlFacts
from linter.checks.site._facts import PageFacts
from linter.checks.site._hits import SiteHit
from linter.engine import excerpt_of, rule_finding
from linter.model import Finding
from linter.quote import keep_line, merge
from linter.report import make_findings_printable
from linter.rulepack import Rule
from linter.runner import FileResult


def make_site_finding(rule: Rule, page: PageFacts, hit: SiteHit) -> Finding:
    at = hit.at
    return rule_finding(
        rule,
        hit.args,
        path=page.path,
        line=at.line,
        column=at.column,
        end_line=at.end_line or at.line,
        end_column=at.end_column or at.column,
        excerpt=excerpt_of(at.text),
        related=hit.related,
    )


def _hits(
    rule: Rule, chosen: list[PageFacts], crawl: CrawlFacts | None
) -> tuple[list[SiteHit], list[PageFacts]]:
    """The rule's hits and the places they index: the pages, then the sitemaps."""
    if hasattr(rule.module, "check_crawl"):
        if crawl is None:
            return [], chosen
        places = chosen + [sitemap.page for sitemap in crawl.sitemaps]
        return list(rule.module.check_crawl(chosen, crawl, rule.params)), places
    return list(rule.module.check_site(chosen, rule.params)), chosen


def site_findings(
    rules: Sequence[Rule], pages: Sequence[PageFacts], crawl: CrawlFacts | None = None
) -> tuple[dict[int, list[Finding]], list[str]]:
    """Findings of every site rule, by page index (``len(pages) + n``: sitemap ``n`` of
    the crawl); and any rule that failed."""
    found: dict[int, list[Finding]] = {}
    errors: list[str] = []
    for rule in rules:
        if rule.scope != "corpus":
            continue
        indexes = [i for i, page in enumerate(pages) if rule.applies_to(page.format)]
        chosen = [pages[i] for i in indexes]
        try:
            hits, places = _hits(rule, chosen, crawl)
        except Exception as error:  # one broken site rule must not lose the audit
            errors.append(f"site rule {rule.code} failed: {type(error).__name__}: {error}")
            continue
        for hit in hits:
            finding = make_site_finding(rule, places[hit.page], hit)
            on_page = hit.page < len(chosen)
            index = indexes[hit.page] if on_page else len(pages) + hit.page - len(chosen)
            found.setdefault(index, []).append(finding)
    return found, errors


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
