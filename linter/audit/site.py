"""Runs the site rules once all pages are in, and turns their hits into findings.

The site kinds (``linter.checks.site``) return ``SiteHit``s over the pages' facts; here
each becomes a finding on its page, like any other finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from linter.checks.site._facts import PageFacts
from linter.checks.site._hits import SiteHit
from linter.engine import excerpt_of, rule_finding
from linter.model import Finding
from linter.rulepack import Rule


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


def site_findings(
    rules: Sequence[Rule], pages: Sequence[PageFacts]
) -> tuple[dict[int, list[Finding]], list[str]]:
    """Findings of every site rule, by page index; and any rule that failed."""
    found: dict[int, list[Finding]] = {}
    errors: list[str] = []
    for rule in rules:
        if rule.scope != "corpus":
            continue
        indexes = [i for i, page in enumerate(pages) if rule.applies_to(page.format)]
        chosen = [pages[i] for i in indexes]
        try:
            hits = list(rule.module.check_site(chosen, rule.params))
        except Exception as error:  # one broken site rule must not lose the audit
            errors.append(f"site rule {rule.code} failed: {type(error).__name__}: {error}")
            continue
        for hit in hits:
            finding = make_site_finding(rule, chosen[hit.page], hit)
            found.setdefault(indexes[hit.page], []).append(finding)
    return found, errors
