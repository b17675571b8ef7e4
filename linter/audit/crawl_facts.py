"""Turns what a crawl recorded into the facts the crawl's site rules read.

``crawl_facts`` reads a ``CrawlArchive`` (``archive``); ``example_crawl`` builds the
same facts from a rule example's ``crawl:`` and ``sitemap:`` keys, so the rules' YAML
examples run without a WARC. The report's per-page columns (status, redirect target,
depth, response time) come from ``fetch_of``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linter.checks.site._crawl import CrawlFacts, SitemapFacts, UrlFacts
from linter.checks.site._facts import Located, PageFacts, PageLink
from linter.crawl.archive import CrawlArchive, Fetch, Sitemap, parse_sitemap
from linter.quote import keep_line
from linter.runner import FetchInfo


def _noindex(header: str | None) -> bool:
    words = (header or "").lower().replace(",", " ").split()
    return "noindex" in words or "none" in words


def url_facts(fetch: Fetch) -> UrlFacts:
    return UrlFacts(
        status=fetch.status,
        location=fetch.location,
        elapsed_ms=fetch.elapsed_ms,
        skipped=fetch.skipped,
        error=fetch.error,
        kind=fetch.kind,
        found_by=fetch.found_by,
        noindex_header=_noindex(fetch.robots_header),
    )


def sitemap_facts(sitemap: Sitemap) -> SitemapFacts:
    """A sitemap as a page of its own: path its URL, its ``<loc>`` lines kept for quoting."""
    page = PageFacts(sitemap.url, "xml")
    lines = sitemap.text.split("\n")
    spans: dict[int, list[tuple[int, int | None]]] = {}
    facts = SitemapFacts(page, index=sitemap.index)
    for loc in sitemap.locs:
        text = lines[loc.line - 1] if loc.line <= len(lines) else ""
        end = text.find("<", loc.column)  # the end of the URL (its closing tag)
        spans.setdefault(loc.line, []).append((loc.column - 1, end if end >= 0 else None))
        at = Located(loc.url, loc.line, loc.column, loc.line, (end + 1) if end >= 0 else 0)
        facts.locs.append(PageLink(loc.url, at))
    for number, line_spans in spans.items():
        if number <= len(lines):
            page.lines[number] = keep_line(lines[number - 1], line_spans)
    return facts


def crawl_facts(archive: CrawlArchive) -> CrawlFacts:
    """The crawl's facts: every URL's answer, every sitemap read."""
    return CrawlFacts(
        {url: url_facts(fetch) for url, fetch in archive.urls.items()},
        [sitemap_facts(sitemap) for sitemap in archive.sitemaps],
    )


def fetch_of(fetch: Fetch) -> FetchInfo:
    """A URL's columns in the reports."""
    return FetchInfo(
        status=fetch.status,
        redirect_to=fetch.location,
        depth=fetch.depth,
        response_ms=fetch.elapsed_ms,
        skipped=fetch.skipped,
        kind=fetch.kind,
    )


def example_crawl(
    crawl: Mapping[str, Mapping[str, Any]], sitemap: str | None, pages: list[str]
) -> CrawlFacts:
    """Facts for a rule example: its ``pages`` answered 200 (plus any ``crawl`` entry of
    theirs), ``crawl`` maps other URLs to their ``status``, ``location``, ``elapsed_ms``,
    ``skipped`` and so on, and ``sitemap`` is the text of the site's sitemap."""
    facts = CrawlFacts()
    for url in pages:
        facts.urls[url] = UrlFacts(status=200, kind="page", found_by="link", elapsed_ms=10.0)
    for url, fields in crawl.items():
        answer = facts.urls.setdefault(url, UrlFacts(found_by="link"))
        for key, value in fields.items():
            setattr(answer, key, value)
    if sitemap is not None:
        url = "https://example.com/sitemap.xml"
        facts.sitemaps.append(sitemap_facts(parse_sitemap(url, sitemap.encode())))
    return facts
