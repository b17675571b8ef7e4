"""What a crawl is asked to do, what it reports while running, and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from linter import __version__

USER_AGENT = f"contentlint/{__version__} (+https://github.com/contentlint/contentlint)"
# The product token robots.txt groups are matched against (``User-agent: contentlint``).
ROBOTS_AGENT = "contentlint"
# A body past this is cut (streamed, so memory stays bounded) and marked WARC-Truncated.
BODY_LIMIT = 50 * 1024 * 1024


@dataclass
class CrawlOptions:
    """The crawl's settings; the CLI's options map one to one onto these fields."""

    seeds: list[str]
    sitemaps: list[str] = ()
    url_list: list[str] = ()
    max_pages: int | None = None
    max_depth: int | None = None
    delay: float = 1.0
    per_host: int = 2
    timeout: float = 20.0
    retries: int = 3
    subdomains: bool = False
    path_prefixes: list[str] = ()
    headers: dict[str, str] = field(default_factory=dict)
    user_agent: str = USER_AGENT
    polite: bool = True
    # --follow: the links of --urls pages are followed too (by default they are only fetched).
    follow: bool = False
    # The first wait of the exponential backoff (then x2, x4): tests shorten it.
    backoff: float = 1.0


@dataclass
class CrawlProgress:
    fetched: int = 0  # responses received (pages, sitemaps, robots.txt, other types)
    parsed: int = 0  # HTML pages whose links were read
    queued: int = 0  # URLs waiting or in flight
    requests_per_second: float = 0.0


@dataclass
class CrawlSummary:
    pages: int = 0  # HTML responses (any status but 3xx) fetched in this run
    other_types: int = 0  # non-HTML responses, headers kept, body never downloaded
    blocked: int = 0  # URLs robots.txt disallowed (never requested)
    errors: int = 0  # URLs that got no answer after every attempt
    requests: int = 0  # HTTP requests sent, retries and robots.txt included
    seconds: float = 0.0
    interrupted: bool = False
    bytes: int = 0  # body bytes stored
    warnings: list[str] = field(default_factory=list)
