"""Sitemap files (sitemaps.org): ``urlset`` and ``sitemapindex``, plain or gzipped.

Parsed with lxml with entities unresolved and no network, so a hostile sitemap can neither
expand entities nor make the parser fetch anything. Gzip is recognised by its magic bytes
whatever the file is called or served as, and unpacked at most to 50 MB (the limit
sitemaps.org sets); at most 50,000 locations are read from one file (the same limit).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

MAX_UNPACKED = 50 * 1024 * 1024
MAX_URLS = 50_000
# An index may point at indexes; deeper than this is not followed (a loop would never end).
MAX_LEVELS = 3

GZIP_MAGIC = b"\x1f\x8b"


class SitemapError(ValueError):
    """A sitemap that cannot be read; the crawl warns in one line and goes on."""


@dataclass
class Sitemap:
    kind: str  # "urlset" | "sitemapindex"
    locations: list[str] = field(default_factory=list)
    cut: bool = False  # more than MAX_URLS locations: the rest were ignored


def gunzip(data: bytes) -> bytes:
    """``data`` unpacked if it is gzip (by its magic bytes); at most MAX_UNPACKED bytes
    either way, else :class:`SitemapError`."""
    if data.startswith(GZIP_MAGIC):
        unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            data = unpacker.decompress(data, MAX_UNPACKED + 1)
        except zlib.error as error:
            raise SitemapError(f"not a readable gzipped sitemap: {error}") from None
    if len(data) > MAX_UNPACKED:
        raise SitemapError("sitemap over 50 MB unpacked, left out")
    return data


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def sitemap_root(data: bytes) -> tuple[Any, bytes]:
    """The root element of a sitemap (``urlset`` or ``sitemapindex``) and the body it was
    parsed from (gzip undone), or :class:`SitemapError` saying why not. The one parse the
    crawler (``parse``) and the archive reader (``linter.crawl.archive``) share."""
    body = gunzip(data)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as error:
        raise SitemapError(f"not a valid sitemap: {str(error).splitlines()[0][:120]}") from None
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise SitemapError(f"not a sitemap: its root element is <{kind}>")
    return root, body


def parse(data: bytes) -> Sitemap:
    """The locations a sitemap lists, or :class:`SitemapError` saying why not."""
    root, _ = sitemap_root(data)
    kind = _local(root.tag)
    entry = "url" if kind == "urlset" else "sitemap"
    found = Sitemap(kind)
    for child in root:
        if _local(child.tag) != entry:
            continue
        for loc in child:
            if _local(loc.tag) == "loc" and loc.text and loc.text.strip():
                found.locations.append(loc.text.strip())
                break
        if len(found.locations) >= MAX_URLS:
            found.cut = True
            break
    return found
