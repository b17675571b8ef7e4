"""One spelling of a web address, shared by the crawler (what it fetches and records) and
the site rules (the links they look up in the crawl), so a link written
``HTTP://Site:80/a b#top`` is the URL the crawl fetched as ``http://site/a%20b``.
"""

from __future__ import annotations

from urllib.parse import SplitResult, quote, urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


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
