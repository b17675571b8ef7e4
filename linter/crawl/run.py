"""The crawl itself: an asyncio loop that dispatches the frontier through per-host gates,
records every answer in the WARC and feeds what it finds back into the frontier."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import httpx

from linter.crawl.discover import discover, kind_of
from linter.crawl.fetch import Fetcher, FetchFailed
from linter.crawl.frontier import Frontier, Item
from linter.crawl.hosts import Host
from linter.crawl.links import is_html
from linter.crawl.options import ROBOTS_AGENT, CrawlOptions, CrawlProgress, CrawlSummary
from linter.crawl.robots import fetch_robots
from linter.crawl.urls import Scope, host_of
from linter.crawl.warc import CrawlWarc, Exchange

# Tasks alive at once (most wait in a host's gate); bounds memory on a huge frontier.
MAX_TASKS = 256
PROGRESS_EVERY = 0.2  # seconds: the callback runs at most ~5 times a second


class Crawler:
    def __init__(
        self,
        options: CrawlOptions,
        scope: Scope,
        header_hosts: set[str],
        warc: CrawlWarc,
        progress: Callable[[CrawlProgress], None] | None,
        warn: Callable[[str], None],
    ) -> None:
        self.options = options
        self.scope = scope
        self.header_hosts = header_hosts
        self.warc = warc
        self.progress = progress
        self.warn = warn
        self.summary = CrawlSummary()
        self.frontier = Frontier(scope, options.max_depth, self.record_skip)
        self.hosts: dict[str, Host] = {}
        self.tasks: set[asyncio.Task] = set()
        self.side_tasks: set[asyncio.Task] = set()
        self.page_tasks = 0
        self.pages_before = 0  # HTML pages an earlier run (--resume) already fetched
        self.fetched = 0
        self.parsed = 0
        self.fetcher: Fetcher | None = None
        self._last_tick = 0.0
        self._started = time.perf_counter()

    # ---- hosts and requests ------------------------------------------------------------
    def host(self, url: str) -> Host:
        key = host_of(url)
        if key not in self.hosts:
            delay = self.options.delay if self.options.polite else 0.0
            self.hosts[key] = Host(key, self.options.per_host, delay)
        return self.hosts[key]

    def headers_for(self, url: str) -> dict[str, str]:
        """The user agent always; the user's --header values only to the seed hosts."""
        headers = {"User-Agent": self.options.user_agent}
        if host_of(url) in self.header_hosts:
            headers.update(self.options.headers)
        return headers

    async def fetch(self, url: str, *, whole: bool) -> Exchange:
        """``whole``: download the body whatever its type (sitemaps, robots.txt)."""

        def wants_body(response: httpx.Response) -> bool:
            if whole or 300 <= response.status_code < 400:
                return True
            return is_html(response.headers.get("content-type"))

        assert self.fetcher is not None
        return await self.fetcher.fetch(self.host(url), url, self.headers_for(url), wants_body)

    # ---- recording -----------------------------------------------------------------------
    def record_skip(self, item: Item, reason: str, error: str | None = None, attempts: int = 0):
        meta = {**item.meta(), "skipped": reason, "error": error, "attempts": attempts}
        self.warc.skipped(item.url, meta)

    def record(self, item: Item, exchange: Exchange, kind: str) -> None:
        """Store an answer; the values of the user's --header (cookies, tokens) are
        redacted in the stored request, so a WARC can be shared without them."""
        secret = {name.lower() for name in self.options.headers}
        exchange.request_headers = [
            (name, "<redacted>" if name.lower() in secret else value)
            for name, value in exchange.request_headers
        ]
        meta = {
            "depth": item.depth,
            "elapsed_ms": exchange.elapsed_ms,
            "attempts": exchange.attempts,
            "via": item.via,
            "found_by": item.found_by,
            "kind": kind,
        }
        self.warc.exchange(exchange, meta)
        self.fetched += 1
        self.summary.bytes += len(exchange.body)

    # ---- one URL -------------------------------------------------------------------------
    async def visit(self, item: Item) -> None:
        host = self.host(item.url)
        if host.robots is None and host.refuse_all is None:
            if host.robots_task is None:
                host.robots_task = asyncio.create_task(fetch_robots(self, host, item.url))
                self.side_tasks.add(host.robots_task)
            await asyncio.shield(host.robots_task)
        if not host.allowed(item.url, ROBOTS_AGENT):
            if host.unreachable:  # no answer from the host at all
                self.summary.errors += 1
                self.record_skip(item, "error", host.refuse_all)
            else:
                self.summary.blocked += 1
                self.record_skip(item, "robots", host.refuse_all)
            return
        try:
            exchange = await self.fetch(item.url, whole=item.kind != "page")
        except FetchFailed as failure:
            self.summary.errors += 1
            self.record_skip(item, "error", str(failure), failure.attempts)
            if item.kind == "sitemap":
                self.warn(f"sitemap {item.url}: {failure}")
            return
        kind = kind_of(item, exchange)
        self.record(item, exchange, kind)
        if kind == "page" and not 300 <= exchange.status < 400:
            self.summary.pages += 1
        elif kind == "other":
            self.summary.other_types += 1
        self.parsed += discover(self, item, exchange, kind)

    async def guarded(self, item: Item) -> None:
        """``visit`` with its bookkeeping; an unexpected error is a one-line warning."""
        try:
            await self.visit(item)
        except Exception as error:
            self.summary.errors += 1
            self.warn(f"{item.url}: {type(error).__name__}: {error}")
        finally:
            if item.kind == "page":
                self.page_tasks -= 1

    # ---- the loop ------------------------------------------------------------------------
    def room_for_page(self) -> bool:
        limit = self.options.max_pages
        return limit is None or self.pages_before + self.summary.pages + self.page_tasks < limit

    def dispatch(self) -> None:
        frontier = self.frontier
        while len(self.tasks) < MAX_TASKS and (frontier.sitemaps or frontier.pages):
            if frontier.sitemaps:
                item = frontier.sitemaps.popleft()
            elif self.room_for_page():
                item = frontier.pages.popleft()
                self.page_tasks += 1
            else:
                # --max-pages reached: what is left is neither fetched nor recorded. Not
                # recorded on purpose: --resume treats a "skipped" URL as done, so a resumed
                # crawl with a larger --max-pages would never reach those URLs.
                return
            self.tasks.add(asyncio.create_task(self.guarded(item)))

    def tick(self, force: bool = False) -> None:
        now = time.perf_counter()
        if self.progress is None or (not force and now - self._last_tick < PROGRESS_EVERY):
            return
        self._last_tick = now
        elapsed = max(now - self._started, 1e-6)
        requests = self.fetcher.requests if self.fetcher else 0
        self.progress(
            CrawlProgress(
                fetched=self.fetched,
                parsed=self.parsed,
                queued=len(self.frontier) + len(self.tasks),
                requests_per_second=round(requests / elapsed, 2),
            )
        )

    async def run(self, client: httpx.AsyncClient) -> None:
        self.fetcher = Fetcher(
            client, self.options.timeout, self.options.retries, self.options.backoff
        )
        self._started = time.perf_counter()
        try:
            while True:
                self.dispatch()
                if not self.tasks:
                    break
                done, _ = await asyncio.wait(
                    self.tasks, timeout=PROGRESS_EVERY, return_when=asyncio.FIRST_COMPLETED
                )
                self.tasks -= done
                self.tick()
            self.tick(force=True)
        finally:
            pending = self.tasks | self.side_tasks
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
            self.summary.requests = self.fetcher.requests
