"""Pages that took longer than ``slow_ms`` to answer the crawl (SITE016).

The time is the crawl's (``elapsed_ms``: from sending the request to the end of the
body). Reported on the page itself, at line 1. An audit of local files has no times.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from linter.checks.base import COUNT, Param
from linter.checks.site._crawl import CrawlFacts
from linter.checks.site._facts import Located, PageFacts
from linter.checks.site._hits import SiteHit

SCOPE = "corpus"
FORMATS = ("html",)
PARAMS: dict[str, Param] = {"slow_ms": COUNT}


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    """Without a crawl (local files) there is nothing to find."""
    return ()


def check_crawl(
    pages: Sequence[PageFacts], crawl: CrawlFacts, params: Mapping[str, Any]
) -> Iterator[SiteHit]:
    limit = params["slow_ms"]
    for index, page in enumerate(pages):
        answer = crawl.urls.get(page.path)
        if answer is None or answer.elapsed_ms is None or answer.elapsed_ms <= limit:
            continue
        yield SiteHit(
            index,
            Located(page.path, 1, 1),
            {
                "seconds": f"{answer.elapsed_ms / 1000:.1f}",
                "limit": f"{limit / 1000:g}",
                "ms": round(answer.elapsed_ms),
            },
        )
