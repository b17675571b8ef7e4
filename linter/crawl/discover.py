"""What an answer adds to the frontier: a redirect's target, a sitemap's locations, an HTML
page's links and canonical. The live crawl and ``--resume`` (replaying stored answers)
both go through :func:`discover`, so a resumed crawl queues exactly what the live one would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter.crawl import sitemap
from linter.crawl.frontier import MAX_HOPS, Item
from linter.crawl.links import extract, is_html
from linter.crawl.urls import normalise
from linter.crawl.warc import Exchange

if TYPE_CHECKING:
    from linter.crawl.run import Crawler


def kind_of(item: Item, exchange: Exchange) -> str:
    """The metadata ``kind``: sitemaps and robots.txt keep theirs; a page URL's answer is
    "page" when HTML (or a redirect), "other" otherwise (a PDF: its body never fetched)."""
    if item.kind != "page":
        return item.kind
    if 300 <= exchange.status < 400 or is_html(exchange.header("content-type")):
        return "page"
    return "other"


def redirect_target(item: Item, exchange: Exchange) -> Item | None:
    """The next hop of a redirect, or None (no Location, a loop, or the 10-hop cap)."""
    location = exchange.header("location")
    if not (300 <= exchange.status < 400 and location):
        return None
    target = normalise(location, item.url)
    chain = (*item.chain, item.url)
    if target is None or target in chain:  # another scheme, or a loop: nothing to fetch
        return None
    return Item(
        target,
        depth=item.depth,
        via=item.url,
        found_by="redirect",
        kind=item.kind,
        follow=item.follow,
        pinned=item.pinned,
        chain=chain,
        level=item.level,
    )


def discover(crawler: Crawler, item: Item, exchange: Exchange, kind: str) -> int:
    """Offer what ``exchange`` points at to the frontier; 1 if an HTML page was parsed."""
    frontier = crawler.frontier
    hop = redirect_target(item, exchange)
    if hop is not None:
        if item.found_by == "seed" and not frontier._in_scope(hop):
            crawler.warn(
                f"the start URL {item.url} redirects to {hop.url}, outside the crawl's scope:"
                " start from that URL (or add --include-subdomains for another host of the site)"
            )
        if len(hop.chain) > MAX_HOPS:
            if hop.url not in frontier.seen and frontier._in_scope(hop):
                frontier.seen.add(hop.url)
                crawler.record_skip(hop, "error", f"redirect chain over {MAX_HOPS} hops")
        else:
            frontier.offer(hop, front=True)  # follow chains first: the hops stay together
        return 0
    if kind == "sitemap" and 200 <= exchange.status < 300:
        _sitemap(crawler, item, exchange)
        return 0
    if kind != "page" or not 200 <= exchange.status < 300 or not item.follow:
        return 0
    found = extract(
        exchange.body, item.url, exchange.header("content-type"), exchange.header("x-robots-tag")
    )
    depth = item.depth + 1
    if found.canonical and found.canonical != item.url:
        frontier.offer(Item(found.canonical, depth, item.url, "canonical"))
    for link in found.links:
        frontier.offer(Item(link, depth, item.url, "link"))
    return 1


def _sitemap(crawler: Crawler, item: Item, exchange: Exchange) -> None:
    try:
        parsed = sitemap.parse(exchange.body)
    except sitemap.SitemapError as error:
        crawler.warn(f"sitemap {item.url}: {error}")
        return
    if parsed.cut:
        crawler.warn(f"sitemap {item.url}: over {sitemap.MAX_URLS} URLs, the rest ignored")
    if parsed.kind == "sitemapindex" and item.level + 1 >= sitemap.MAX_LEVELS:
        crawler.warn(f"sitemap {item.url}: indexes nested over {sitemap.MAX_LEVELS} levels")
        return
    for loc in parsed.locations:
        url = normalise(loc, item.url)
        if url is None:
            continue
        if parsed.kind == "sitemapindex":
            crawler.frontier.offer(
                Item(url, 0, item.url, "sitemap", kind="sitemap", level=item.level + 1)
            )
        else:
            crawler.frontier.offer(Item(url, 0, item.url, "sitemap"))
