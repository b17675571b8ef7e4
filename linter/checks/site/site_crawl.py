"""Findings only a crawl shows: broken links, redirects, sitemap gaps, canonicals that
lead nowhere, pages robots.txt blocks (SITE008 to SITE015, one rule each, picked by
``finding``; slow answers are ``site_slow_response``).

The kind reads every audited page's links, canonical and noindex (``_facts``) with how
each URL answered the crawl and the sitemaps' URLs (``_crawl``). An audit of local files
has no crawl: these rules then find nothing. A finding about a link target is reported
once, on the first page linking to it (audit order, which is crawl order) at the link's
tag, with every other linking page as a related place. A finding about a sitemap URL sits
on the sitemap's ``<loc>`` line: hit indexes past the pages are the sitemaps, in order.

Each link target gets one redirect or error finding: a target whose redirects loop, or
pass through more than one hop to a page that answers, is a redirect chain (SITE009); one
whose redirects end at an error is a broken link (SITE008, naming the redirects); one hop
to a page that answers is a link to a redirect (SITE010).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from linter.checks.base import COUNT, TEXT, Param
from linter.checks.site._crawl import Chain, CrawlFacts, follow, inbound
from linter.checks.site._facts import Located, PageFacts
from linter.checks.site._hits import SiteHit, page_list, related

SCOPE = "corpus"
FORMATS = ("html",)
PARAMS: dict[str, Param] = {"finding": TEXT, "max_listed": COUNT}

Links = dict[str, list[tuple[int, Located]]]


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    """Without a crawl (local files) there is nothing to find."""
    return ()


def check_crawl(
    pages: Sequence[PageFacts], crawl: CrawlFacts, params: Mapping[str, Any]
) -> Iterable[SiteHit]:
    return CHECKS[params["finding"]](pages, crawl, params)


def validate(params: Mapping[str, Any]) -> str | None:
    if params.get("finding") not in CHECKS:
        return f"finding must be one of {', '.join(CHECKS)}"
    return None


def _linked(
    pages: Sequence[PageFacts], places: list[tuple[int, Located]], params: Mapping[str, Any]
) -> tuple[int, Located, dict[str, Any], list]:
    """A hit's place on the first linking page, the count and the other pages."""
    (first, at), others = places[0], places[1:]
    seen: set[int] = {first}
    unique = []
    for index, place in others:
        if index not in seen:
            seen.add(index)
            unique.append((index, place))
    names = page_list([pages[i].path for i, _ in unique], params["max_listed"])
    args = {"count": len(seen), "also": f": this page and {names}" if unique else ""}
    return first, at, args, [related(pages[i], place) for i, place in unique]


def _target_hits(
    pages: Sequence[PageFacts],
    links: Links,
    judge: Callable[[str], dict[str, Any] | None],
    params: Mapping[str, Any],
) -> Iterator[SiteHit]:
    """One hit per link target ``judge`` finds a problem with (its message args)."""
    for url, places in links.items():
        found = judge(url)
        if found is None:
            continue
        first, at, args, others = _linked(pages, places, params)
        yield SiteHit(first, at, {"url": url, **args, **found}, others)


def _redirect_kind(chain: Chain) -> str | None:
    """``broken``, ``chain`` (a loop too), ``redirect`` or None, for one link target."""
    if chain.loop or (chain.hops > 1 and not (chain.end and chain.end.broken)):
        return "chain"
    if chain.end is not None and chain.end.broken:
        return "broken"
    return "redirect" if chain.hops == 1 and chain.end is not None else None


def broken_links(pages, crawl: CrawlFacts, params) -> Iterator[SiteHit]:
    def judge(url: str) -> dict[str, Any] | None:
        chain = follow(crawl, url)
        if _redirect_kind(chain) != "broken":
            return None
        assert chain.end is not None
        after = f" after redirecting: {chain.written()}" if chain.hops else ""
        return {"status": chain.end.answer(), "after": after}

    return _target_hits(pages, inbound(pages), judge, params)


def redirect_chains(pages, crawl: CrawlFacts, params) -> Iterator[SiteHit]:
    def judge(url: str) -> dict[str, Any] | None:
        chain = follow(crawl, url)
        if _redirect_kind(chain) != "chain":
            return None
        if chain.loop:
            what = f"goes round a redirect loop that never reaches a page: {chain.written()}"
            fix = "Make the first URL redirect to the page meant, or link to that page."
        else:
            what = f"passes through {chain.hops} redirects: {chain.written()}"
            fix = "Link straight to the final page, and make every old URL redirect there."
        return {"what": what, "hops": chain.hops, "fix": fix}

    return _target_hits(pages, inbound(pages), judge, params)


def redirect_links(pages, crawl: CrawlFacts, params) -> Iterator[SiteHit]:
    def judge(url: str) -> dict[str, Any] | None:
        chain = follow(crawl, url)
        if _redirect_kind(chain) != "redirect":
            return None
        assert chain.end is not None
        return {"target": chain.urls[-1], "status": crawl.urls[url].answer()}

    return _target_hits(pages, inbound(pages), judge, params)


def robots_blocked(pages, crawl: CrawlFacts, params) -> Iterator[SiteHit]:
    def judge(url: str) -> dict[str, Any] | None:
        answer = crawl.urls.get(url)
        return {} if answer is not None and answer.skipped == "robots" else None

    return _target_hits(pages, inbound(pages), judge, params)


def _reached(pages: Sequence[PageFacts], crawl: CrawlFacts) -> set[str]:
    """URLs some audited page links to, and where their redirects lead."""
    found: set[str] = set()
    for url in inbound(pages):
        found.update(follow(crawl, url).urls)
    return found


def sitemap_orphans(pages, crawl: CrawlFacts, params) -> Iterator[SiteHit]:
    """Sitemap URLs no audited page links to (the crawl's seeds are reached directly)."""
    reached = _reached(pages, crawl)
    for url, (number, at) in crawl.sitemap_urls().items():
        answer = crawl.urls.get(url)
        if url in reached or (answer is not None and answer.found_by == "seed"):
            continue
        yield SiteHit(len(pages) + number, at, {"url": url})


def missing_from_sitemap(pages, crawl: CrawlFacts, params) -> Iterator[SiteHit]:
    """Linked pages that answer 200, are indexable and canonical, and are in no sitemap
    (only when a sitemap was read)."""
    listed = crawl.sitemap_urls()
    if not any(not sitemap.index for sitemap in crawl.sitemaps):
        return iter(())
    by_url = _indexing(pages)

    def judge(url: str) -> dict[str, Any] | None:
        page = by_url.get(url)
        if url in listed or page is None or page[0]:
            return None
        canonical = page[1] or url
        return {} if canonical == url else None

    return _target_hits(pages, inbound(pages), judge, params)


def sitemap_bad_urls(pages, crawl: CrawlFacts, params) -> Iterator[SiteHit]:
    """Sitemap URLs that are not 200, noindex, or canonical elsewhere."""
    by_url = _indexing(pages)
    for url, (number, at) in crawl.sitemap_urls().items():
        answer, page = crawl.urls.get(url), by_url.get(url)
        if answer is None or answer.skipped in ("max-pages", "max-depth"):
            continue  # never fetched: nothing known
        if answer.status != 200:
            why = f"answers {answer.answer()}"
            if answer.redirect:
                why += f" (a redirect to {follow(crawl, url).urls[-1]})"
            if answer.skipped == "robots":
                why = "is blocked by robots.txt"
        elif answer.noindex_header or (page is not None and page[0]):
            why = "is marked noindex"
        elif page is not None and page[1] and page[1] != url:
            why = f"names another page as its canonical: {page[1]}"
        else:
            continue
        yield SiteHit(len(pages) + number, at, {"url": url, "why": why})


def _indexing(pages: Iterable[PageFacts]) -> dict[str, tuple[bool, str | None]]:
    """Page URL -> (noindex, canonical URL): what the sitemap rules ask of a page, without
    keeping every page's facts (the audit reads them one at a time from its store)."""
    return {
        page.path: (page.noindex, page.canonical.url if page.canonical else None) for page in pages
    }


def canonical_targets(pages, crawl: CrawlFacts, params) -> Iterator[SiteHit]:
    """A canonical that redirects or leads to an error."""
    for index, page in enumerate(pages):
        if page.canonical is None or page.canonical.url == page.path:
            continue
        chain = follow(crawl, page.canonical.url)
        if chain.end is not None and chain.end.broken:
            why = f"answers {chain.end.answer()}"
        elif chain.loop:
            why = f"goes round a redirect loop: {chain.written()}"
        elif chain.hops:
            why = f"redirects: {chain.written()}"
        else:
            continue
        yield SiteHit(index, page.canonical.at, {"url": page.canonical.url, "why": why})


CHECKS: dict[str, Callable[..., Iterable[SiteHit]]] = {
    "broken-link": broken_links,
    "redirect-chain": redirect_chains,
    "redirect-link": redirect_links,
    "sitemap-orphan": sitemap_orphans,
    "missing-from-sitemap": missing_from_sitemap,
    "sitemap-bad-url": sitemap_bad_urls,
    "canonical-target": canonical_targets,
    "robots-blocked-link": robots_blocked,
}
