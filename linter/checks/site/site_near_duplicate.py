"""Groups of pages whose body text is nearly the same.

Each page's body text (without template passages) is cut into five-word shingles in the
worker that reads it (``_facts``); here MinHash signatures estimate the Jaccard
similarity of every pair that LSH puts in a common bucket (``_minhash``), so the work
grows with the site, not with its square. Pages with fewer than ``min_words`` body
words are left out. One hit per group, at its first page's H1 (else title, else top).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from linter.checks.base import COUNT, NUMBER, Param
from linter.checks.site._facts import Located, PageFacts
from linter.checks.site._hits import SiteHit, page_list, related

SCOPE = "corpus"
PARAMS: dict[str, Param] = {"threshold": NUMBER, "min_words": COUNT, "max_listed": COUNT}


def validate(params: Mapping[str, Any]) -> str | None:
    if not 0 < params.get("threshold", 0.9) <= 1:
        return "threshold must be a Jaccard similarity between 0 and 1, such as 0.9"
    return None


def _start(page: PageFacts) -> Located:
    """Where to report on a page: its H1, else its title, else the top."""
    return page.h1 or page.title or Located(page.path, 1, 1)


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    from linter.checks.site._minhash import clusters, similarity  # numpy: only in audits

    least = params["min_words"]
    signatures = [p.signature if p.body_words >= least else None for p in pages]
    for group in clusters(signatures, params["threshold"]):
        first, others = group[0], group[1:]
        base = signatures[first]
        lowest = min(similarity(base, signatures[i]) for i in others)  # type: ignore[arg-type]
        yield SiteHit(
            first,
            _start(pages[first]),
            {
                "count": len(group),
                "similarity": round(100 * lowest),
                "pages": page_list([pages[i].path for i in others], params["max_listed"]),
            },
            [related(pages[i], _start(pages[i])) for i in others],
        )
