"""URL normalisation and the crawl's scope.

Every URL the crawler meets goes through :func:`normalise` before it is compared, queued
or recorded, so ``HTTP://Site:80/a#top`` and ``http://site/a`` are fetched once.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import SplitResult, quote, urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


class CrawlError(ValueError):
    """A crawl that cannot start (a seed with another scheme, an unusable URL): one line."""


# What stays as written in a path and a query: RFC 3986's unreserved and reserved
# characters, and "%" so an existing escape is not escaped again.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


def normalise(url: str, base: str | None = None) -> str | None:
    """The canonical form of ``url`` (joined to ``base``), or None if it is not http(s).

    Fragment dropped, scheme and host lower-case, the default port dropped, an empty path
    "/". Percent-encoding and the query are kept as written (a server may tell them
    apart), but characters a URL may not hold (spaces, quotes, non-ASCII letters) are
    percent-encoded as a browser sends them, so the request and the WARC's
    ``WARC-Target-URI`` are valid.
    """
    url = url.strip()
    if base is not None:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in DEFAULT_PORTS or not host:
        return None
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = quote(parts.path or "/", safe=_PATH_SAFE)
    query = quote(parts.query, safe=_QUERY_SAFE)
    return urlunsplit(SplitResult(scheme, netloc, path, query, ""))


def host_of(url: str) -> str:
    """The host key politeness and scope use: host name plus a non-default port."""
    return urlsplit(url).netloc


def hostname_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


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
