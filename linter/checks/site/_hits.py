"""What a site check returns: a ``SiteHit`` on one page, with the other places involved.

A site check yields ``SiteHit``s (from ``reduce_site``, see ``_reduce``, or
``check_crawl``), pages in the order of the audit. Each hit lands on one page (the first of a
group, by that order) and lists the others as related places, so every reporter,
baseline and suppression-free fingerprint treats it like any other finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from linter.checks.site._facts import Located, PageFacts
from linter.model import Related


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


def page_list(paths: Sequence[str], limit: int) -> str:
    """``a, b and 3 more``: the pages a message names, at most ``limit`` of them."""
    shown = ", ".join(paths[:limit])
    return shown + (f" and {len(paths) - limit} more" if len(paths) > limit else "")
