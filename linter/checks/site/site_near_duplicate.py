"""Groups of pages whose body text is nearly the same.

Each page's body text (without template passages) is cut into five-word shingles in the
worker that reads it (``_facts``); here MinHash signatures estimate the Jaccard
similarity of every pair that LSH puts in a common bucket (``_minhash``), so the work
grows with the site, not with its square. Pages with fewer than ``min_words`` body
words are left out. One hit per group, at its first page's H1 (else title, else top).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from linter.checks.base import COUNT, NUMBER, Param
from linter.checks.site._facts import Located, PageFacts
from linter.checks.site._hits import SiteHit, page_list
from linter.checks.site._reduce import Group, Pages, others_of, reduce_in_memory

SCOPE = "corpus"
PARAMS: dict[str, Param] = {"threshold": NUMBER, "min_words": COUNT, "max_listed": COUNT}


def validate(params: Mapping[str, Any]) -> str | None:
    if not 0 < params.get("threshold", 0.9) <= 1:
        return "threshold must be a Jaccard similarity between 0 and 1, such as 0.9"
    return None


def _start(page: PageFacts) -> Located:
    """Where to report on a page: its H1, else its title, else the top."""
    return page.h1 or page.title or Located(page.path, 1, 1)


def site_keys(page: PageFacts, params: Mapping[str, Any]) -> list[int]:
    """The LSH buckets of the page's signature (none under ``min_words`` body words)."""
    from linter.checks.site._minhash import band_keys  # numpy: only in audits

    if page.signature is None or page.body_words < params["min_words"]:
        return []
    return band_keys(page.signature)


def reduce_site(
    groups: Iterable[Group], pages: Pages, params: Mapping[str, Any]
) -> Iterator[SiteHit]:
    """Pairs from the buckets, their signatures compared, pages linked into groups; one
    hit per group, at its first page."""
    from linter.checks.site._minhash import bucket_pairs, linked, similarity

    pairs = sorted(bucket_pairs(members for _, members in groups))

    def signature(index: int) -> bytes:
        return pages.facts(index).signature  # type: ignore[return-value]

    for group in linked(pairs, signature, params["threshold"]):
        first, others = group[0], group[1:]
        base = signature(first)
        lowest = min(similarity(base, signature(i)) for i in others)
        paths, places = others_of(pages, others, _start)
        yield SiteHit(
            first,
            _start(pages.facts(first)),
            {
                "count": len(group),
                "similarity": round(100 * lowest),
                "pages": page_list(paths, params["max_listed"]),
            },
            places,
        )


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    return reduce_in_memory(sys.modules[__name__], pages, params)
