"""URL normalisation and the crawl's scope.

Every URL the crawler meets goes through :func:`normalise` before it is compared, queued
or recorded, so ``HTTP://Site:80/a#top`` and ``http://site/a`` are fetched once.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from linter.weburl import DEFAULT_PORTS, normalise

__all__ = ["DEFAULT_PORTS", "CrawlError", "Scope", "host_of", "normalise", "seed_url"]


class CrawlError(ValueError):
    """A crawl that cannot start (a seed with another scheme, an unusable URL): one line."""


def host_of(url: str) -> str:
    """The host key politeness and scope use: host name plus a non-default port."""
    return urlsplit(url).netloc


def seed_url(url: str) -> str:
    """A user-given URL normalised, or :class:`CrawlError` naming it."""
    found = normalise(url)
    if found is None:
        scheme = urlsplit(url.strip()).scheme or "no scheme"
        raise CrawlError(f"{url}: only http and https URLs can be crawled ({scheme})")
    return found


@dataclass(frozen=True)
class Scope:
    """Which URLs the crawl may request: the seed hosts (and, with ``subdomains``, any host
    under them), under ``path_prefixes`` when given. A URL out of scope is never requested
    and never recorded."""

    hosts: frozenset[str]
    subdomains: bool = False
    path_prefixes: tuple[str, ...] = ()

    def host_in(self, url: str) -> bool:
        host = host_of(url)
        if host in self.hosts:
            return True
        if not self.subdomains:
            return False
        return any(host.endswith("." + seed) for seed in self.hosts)

    def path_in(self, url: str) -> bool:
        if not self.path_prefixes:
            return True
        path = urlsplit(url).path
        return any(path.startswith(prefix) for prefix in self.path_prefixes)

    def allows(self, url: str) -> bool:
        return self.host_in(url) and self.path_in(url)

    def describe(self) -> str:
        return " ".join(sorted(self.hosts))
