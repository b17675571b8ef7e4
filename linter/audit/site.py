"""Site rules: findings that only show across pages, run once all pages are in.

A site check is ``check_site(pages, params) -> Iterable[SiteHit]`` over every page's
``PageFacts``, in the order of the audit. Each hit lands on one page (the first of a
group, by that order) and lists the others as related places, so every reporter,
baseline and suppression-free fingerprint treats it like any other finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from linter.audit.facts import Located, PageFacts
from linter.engine import excerpt_of, rule_finding
from linter.model import Finding, Related
from linter.rulepack import Rule

MAX_LISTED = 10  # other pages named in a message; the rest are counted


@dataclass(slots=True)
class SiteHit:
    """A site finding: on ``pages[page]`` at ``at``, with the other places involved."""

    page: int
    at: Located
    args: dict[str, Any] = field(default_factory=dict)
    related: list[Related] = field(default_factory=list)


def related(page: PageFacts, at: Located) -> Related:
    """A place on another page, as findings list it."""
    return Related(at.line, at.column, at.text[:120], path=page.path)


def page_list(paths: Sequence[str], limit: int = MAX_LISTED) -> str:
    """``a, b and 3 more``: the pages a message names."""
    shown = ", ".join(paths[:limit])
    return shown + (f" and {len(paths) - limit} more" if len(paths) > limit else "")


def make_site_finding(rule: Rule, page: PageFacts, hit: SiteHit) -> Finding:
    at = hit.at
    return rule_finding(
        rule,
        hit.args,
        path=page.path,
        line=at.line,
        column=at.column,
        end_line=at.line,
        end_column=at.column,
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
