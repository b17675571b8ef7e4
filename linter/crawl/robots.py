"""robots.txt, fetched once per host before any other request to it, parsed by Protego
(Scrapy's maintained parser: wildcards, Allow/Disallow precedence, Crawl-delay).

What an answer means, as Google documents it: 2xx, the rules apply; a 4xx (404 above all),
no rules (everything allowed); a 429 or 5xx after the retries, or no answer at all, means
"disallow all" for that host, because a server in trouble must not be crawled harder.
Redirects are followed up to 5 hops within the scope, each hop recorded. ``Crawl-delay``
raises the host's delay (the larger of it and ``--delay`` wins) unless politeness is off.
Only the first 500 KiB are parsed (Google's limit too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from protego import Protego

from linter.crawl.discover import redirect_target
from linter.crawl.fetch import FetchFailed
from linter.crawl.frontier import Item
from linter.crawl.hosts import Host
from linter.crawl.options import ROBOTS_AGENT
from linter.crawl.warc import Exchange

if TYPE_CHECKING:
    from linter.crawl.run import Crawler

MAX_ROBOTS_HOPS = 5
MAX_ROBOTS_BYTES = 500 * 1024


def robots_url(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}/robots.txt"


def apply(crawler: Crawler, host: Host, exchange: Exchange) -> None:
    """Set ``host``'s rules from a (final, non-redirect) robots.txt answer."""
    status = exchange.status
    if status == 429 or status >= 500:
        host.refuse_all = f"robots.txt answered {status}"
        return
    if not 200 <= status < 300:
        host.robots = Protego.parse("")
        return
    text = exchange.body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
    host.robots = Protego.parse(text)
    delay = host.robots.crawl_delay(ROBOTS_AGENT)
    if delay and crawler.options.polite:
        host.set_delay(max(host.delay, float(delay)))


async def fetch_robots(crawler: Crawler, host: Host, url: str) -> None:
    item = Item(robots_url(url), found_by="robots", kind="robots")
    crawler.frontier.seen.add(item.url)  # a link to it later is not fetched a second time
    for _ in range(MAX_ROBOTS_HOPS + 1):
        try:
            exchange = await crawler.fetch(item.url, whole=True)
        except FetchFailed as failure:
            crawler.summary.errors += 1
            crawler.record_skip(item, "error", str(failure), failure.attempts)
            host.refuse_all = f"robots.txt: {failure}"
            host.unreachable = True
            return
        crawler.record(item, exchange, "robots")
        hop = redirect_target(item, exchange)
        if hop is None:
            apply(crawler, host, exchange)
            return
        if not crawler.scope.host_in(hop.url):
            break
        item = hop
    host.robots = Protego.parse("")  # a redirect out of scope, a loop or too many hops
