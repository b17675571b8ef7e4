"""What the crawl's site rules know beyond the pages: how every URL answered, and the
sitemaps' URLs with their places.

``linter.audit.crawl_facts`` builds ``CrawlFacts`` from a crawl WARC (or a rule example's
``crawl:``); ``site_crawl`` reads them with every audited page's links, canonical and
noindex (``_facts.PageFacts``). A sitemap is a ``PageFacts`` of its own (format
``xml``, its ``<loc>`` lines kept) so a finding on one of its URLs is reported, quoted and
fingerprinted like a finding on a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from http import HTTPStatus

from linter.checks.site._facts import Located, PageFacts, PageLink

MAX_HOPS = 20  # a chain longer than this is reported as a loop would be: it never ends


@dataclass(slots=True)
class UrlFacts:
    """How one URL answered the crawl, or why it was not fetched."""

    status: int | None = None
    location: str | None = None  # a redirect's absolute target
    elapsed_ms: float | None = None
    skipped: str | None = None  # robots, error, max-pages, max-depth
    error: str | None = None
    kind: str | None = None  # page, sitemap, robots, other
    found_by: str | None = None
    noindex_header: bool = False  # X-Robots-Tag: noindex

    @property
    def redirect(self) -> bool:
        return self.status is not None and 300 <= self.status < 400 and bool(self.location)

    @property
    def broken(self) -> bool:
        """4xx, 5xx, or a fetch that failed."""
        return (self.status is not None and self.status >= 400) or self.skipped == "error"

    def answer(self) -> str:
        """The answer as an SEO lead reads it after "answers": "404 Not Found", "nothing
        (timeout after 20 s)"."""
        if self.status is None:
            return f"nothing ({self.error or self.skipped or 'not fetched'})"
        try:
            return f"{self.status} {HTTPStatus(self.status).phrase}"
        except ValueError:
            return str(self.status)


@dataclass
class SitemapFacts:
    """A sitemap read: its page (path = its URL) and its ``<loc>`` URLs with places."""

    page: PageFacts
    locs: list[PageLink] = field(default_factory=list)
    index: bool = False


@dataclass
class CrawlFacts:
    """Every URL the crawl met, and the sitemaps it read."""

    urls: dict[str, UrlFacts] = field(default_factory=dict)
    sitemaps: list[SitemapFacts] = field(default_factory=list)

    def sitemap_urls(self) -> dict[str, tuple[int, Located]]:
        """Page URLs of the sitemaps (not of sitemap indexes): url -> (sitemap number,
        the first ``<loc>`` naming it)."""
        found: dict[str, tuple[int, Located]] = {}
        for number, sitemap in enumerate(self.sitemaps):
            if not sitemap.index:
                for loc in sitemap.locs:
                    found.setdefault(loc.url, (number, loc.at))
        return found


@dataclass(slots=True)
class Chain:
    """Where a URL's redirects lead: every URL on the way, the last one's answer (None
    when it was never fetched), and whether they go round in a loop."""

    urls: list[str]
    end: UrlFacts | None
    loop: bool = False

    @property
    def hops(self) -> int:
        return len(self.urls) - 1

    def written(self) -> str:
        return " -> ".join(self.urls)


def follow(crawl: CrawlFacts, url: str) -> Chain:
    """The redirects from ``url`` to the first URL that is not a redirect."""
    urls = [url]
    answer = crawl.urls.get(url)
    while answer is not None and answer.redirect:
        target = answer.location or ""
        if target in urls or len(urls) > MAX_HOPS:
            return Chain([*urls, target], answer, loop=True)
        urls.append(target)
        answer = crawl.urls.get(target)
    return Chain(urls, answer)


def inbound(pages: Sequence[PageFacts]) -> dict[str, list[tuple[int, Located]]]:
    """Link target -> every page linking to it (index, the link's place), in audit
    order; targets in the order they are first linked."""
    found: dict[str, list[tuple[int, Located]]] = {}
    for index, page in enumerate(pages):
        for link in page.links:
            found.setdefault(link.url, []).append((index, link.at))
    return found
