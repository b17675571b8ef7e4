"""Live sites: the polite crawler behind ``contentlint audit URL``, which fetches a site
and writes everything it saw to one WARC file, and the reader of such a file
(``archive``: pages, answers, sitemaps), which the audit uses live or offline.

No rules, engine or reports here: ``crawl(options, warc_path)`` is the crawler's entry,
``archive.read_crawl(paths)`` the reader's; the site facts the audit builds from an
archive are ``linter.audit.crawl_facts``.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable

import httpx

from linter.crawl.discover import discover
from linter.crawl.fetch import no_cookies
from linter.crawl.frontier import Item
from linter.crawl.options import CrawlOptions, CrawlProgress, CrawlSummary
from linter.crawl.resume import read_previous
from linter.crawl.robots import apply as apply_robots
from linter.crawl.run import Crawler
from linter.crawl.urls import CrawlError, Scope, host_of, seed_url
from linter.crawl.warc import CrawlWarc

__all__ = ["CrawlError", "CrawlOptions", "CrawlProgress", "CrawlSummary", "crawl"]


def _stderr_warning(message: str) -> None:
    print(f"contentlint: warning: {message}", file=sys.stderr)


def _inputs(options: CrawlOptions, warn: Callable[[str], None]):
    """Seeds, sitemaps and --urls entries normalised: a bad seed or sitemap stops the crawl
    (one line, :class:`CrawlError`); a bad line of a URL list is a warning."""
    seeds = [seed_url(url) for url in options.seeds]
    sitemaps = [seed_url(url) for url in options.sitemaps]
    listed = []
    for url in options.url_list:
        try:
            listed.append(seed_url(url))
        except CrawlError as error:
            warn(str(error))
    if not (seeds or sitemaps or listed):
        raise CrawlError("nothing to crawl: give a URL, --sitemap or --urls")
    return seeds, sitemaps, listed


def _settings(options: CrawlOptions, scope: Scope, seeds: list[str]) -> dict[str, str]:
    def text(value: object) -> str:
        return "none" if value is None else str(value)

    return {
        "seeds": " ".join(seeds) or "none",
        "sitemaps": " ".join(options.sitemaps) or "none",
        "scope": scope.describe(),
        "include-subdomains": "yes" if scope.subdomains else "no",
        "path-prefixes": " ".join(scope.path_prefixes) or "none",
        "max-pages": text(options.max_pages),
        "max-depth": text(options.max_depth),
        "delay": text(options.delay if options.polite else 0),
        "per-host": text(options.per_host),
        "user-agent": options.user_agent,
    }


def _replay(crawler: Crawler, warc_path: str, listed_only: set[str]) -> bool:
    """Rebuild the frontier from a previous run's WARC; True if it had a warcinfo record."""
    previous = read_previous(warc_path)
    if previous.cut_tail:
        crawler.warn(f"{warc_path}: its last record was incomplete and was removed")
    done = {stored.exchange.url for stored in previous.responses} | set(previous.skipped)
    crawler.frontier.seen |= done
    for stored in previous.responses:
        exchange, meta = stored.exchange, stored.meta
        kind = str(meta.get("kind", "page"))
        if kind == "robots":
            if not 300 <= exchange.status < 400:
                apply_robots(crawler, crawler.host(exchange.url), exchange)
            continue
        if kind == "page" and not 300 <= exchange.status < 400:
            crawler.pages_before += 1
        item = Item(
            exchange.url,
            depth=int(meta.get("depth") or 0),
            via=meta.get("via"),
            found_by=str(meta.get("found_by", "seed")),
            kind="sitemap" if kind == "sitemap" else "page",
            follow=exchange.url not in listed_only,
        )
        discover(crawler, item, exchange, kind)
    return previous.has_warcinfo


def crawl(
    options: CrawlOptions,
    warc_path: str,
    *,
    resume: bool = False,
    progress: Callable[[CrawlProgress], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> CrawlSummary:
    """Crawl from ``options``' seeds, sitemaps and URL list into the WARC at ``warc_path``.

    ``resume``: continue the crawl stored there (append; what it holds is not fetched
    again). Ctrl-C stops cleanly: the WARC stays valid and the summary says
    ``interrupted``. A bad seed raises :class:`CrawlError` (one line) before any request.
    """
    warn_user = warn or _stderr_warning
    started = time.perf_counter()
    seeds, sitemaps, listed = _inputs(options, warn_user)
    pages = seeds + listed
    scope = Scope(
        frozenset(host_of(url) for url in (pages or sitemaps)),
        options.subdomains,
        tuple(options.path_prefixes),
    )
    header_hosts = {host_of(url) for url in (seeds or listed or sitemaps)}
    warc = CrawlWarc(warc_path, append=resume)
    messages: list[str] = []

    def warn_and_keep(message: str) -> None:
        messages.append(message)
        warn_user(message)

    crawler = Crawler(options, scope, header_hosts, warc, progress, warn_and_keep)
    try:
        listed_only = set() if options.follow else set(listed) - set(seeds)
        had_info = resume and _replay(crawler, warc_path, listed_only)
        if not had_info:
            warc.warcinfo(_settings(options, scope, seeds))
        for url in sitemaps:
            crawler.frontier.offer(Item(url, kind="sitemap", pinned=True))
        for url in pages:
            crawler.frontier.offer(Item(url, pinned=True, follow=url not in listed_only))
        try:
            asyncio.run(_main(crawler, options))
        except KeyboardInterrupt:
            crawler.summary.interrupted = True
    finally:
        warc.close()
    summary = crawler.summary
    summary.warnings = messages
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


async def _main(crawler: Crawler, options: CrawlOptions) -> None:
    """httpx.AsyncClient: redirects never followed by the client (each hop is recorded),
    no cookie jar, no proxy or .netrc from the environment (nothing the user did not pass
    is sent), keep-alive pools per host."""
    async with httpx.AsyncClient(
        follow_redirects=False,
        timeout=httpx.Timeout(options.timeout),
        cookies=no_cookies(),
        trust_env=False,
        headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"},
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=64),
    ) as client:
        await crawler.run(client)
