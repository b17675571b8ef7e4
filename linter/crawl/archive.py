"""Reads crawl WARCs (contentlint's conventions, version 1: ``docs``/issue 17's warc.md).

An audit of a crawl never talks to the site: everything it needs is in the WARC the
crawl wrote. ``read_crawl`` makes one pass over one or more WARC files and keeps, per
URL, how it answered (status, redirect target, time, depth, how it was found, or why it
was skipped), where each HTML page's response record starts (workers seek there and read
the page themselves, so the page bodies never travel between processes), and the URLs of
the stored sitemaps with the line and column of each ``<loc>``.

WARCs of other tools (no contentlint metadata) are read too: their HTML responses are
pages, with depth and timing unknown. A file that is not a WARC, or one broken in the
middle, is a one-line ``ArchiveError``; a crawl killed hard can leave its last record
cut short, which is dropped with a warning.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from linter.crawl.sitemap import MAX_UNPACKED, SitemapError, sitemap_root
from linter.weburl import normalise

SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: str) -> bool:
    """Whether ``path`` names a WARC file (by its name, as the audit's inputs do)."""
    return path.lower().endswith(SUFFIXES)


class ArchiveError(Exception):
    """A WARC that cannot be read; the message is one line naming the file."""


@dataclass(slots=True)
class PageSource:
    """Where a page's response record is: workers read the page from there."""

    warc: str
    offset: int
    charset: str | None = None


@dataclass(slots=True)
class Fetch:
    """One URL as the crawl saw it: its answer, or why it was not fetched."""

    url: str
    status: int | None = None
    location: str | None = None  # the redirect target, absolute
    content_type: str | None = None
    charset: str | None = None
    robots_header: str | None = None  # X-Robots-Tag
    elapsed_ms: float | None = None
    depth: int | None = None
    via: str | None = None
    found_by: str | None = None
    kind: str | None = None
    skipped: str | None = None  # robots, error, max-pages, max-depth
    error: str | None = None
    source: PageSource | None = None

    @property
    def is_html(self) -> bool:
        return (self.content_type or "").split(";")[0].strip().lower() in _HTML_TYPES

    @property
    def is_page(self) -> bool:
        """A page to audit: a 200 HTML response the crawler took for a page."""
        return (
            self.status == 200
            and self.is_html
            and self.kind in (None, "page")
            and self.source is not None
        )


@dataclass
class CrawlArchive:
    """Everything the WARC files say, merged (a URL seen again: the later record wins)."""

    files: list[str] = field(default_factory=list)
    urls: dict[str, Fetch] = field(default_factory=dict)
    sitemaps: list[Sitemap] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def pages(self) -> list[str]:
        """The URLs of the pages to audit, in crawl order."""
        return [url for url, fetch in self.urls.items() if fetch.is_page]

    def sources(self) -> dict[str, tuple[str, int, str | None]]:
        """url -> (WARC file, offset of its response record, charset), for the workers."""
        return {
            url: (f.source.warc, f.source.offset, f.charset)
            for url, f in self.urls.items()
            if f.is_page and f.source is not None
        }


@dataclass(slots=True)
class Loc:
    """A ``<loc>`` of a sitemap: the URL and where it stands in the sitemap's text."""

    url: str
    line: int
    column: int


@dataclass
class Sitemap:
    """A stored sitemap: its text (decoded, for quoting), its page URLs or, for a
    sitemap index, the sitemaps it names; ``error`` when it is no sitemap."""

    url: str
    text: str = ""
    locs: list[Loc] = field(default_factory=list)
    index: bool = False
    error: str | None = None


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value, if any."""
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_crawl(paths: Iterable[str]) -> CrawlArchive:
    """The crawl recorded in the WARC files ``paths``, merged in order."""
    archive = CrawlArchive()
    bodies: dict[str, bytes] = {}
    for path in paths:
        archive.files.append(path)
        _read_file(path, archive, bodies)
    for url, body in bodies.items():
        fetch = archive.urls.get(url)
        if fetch is None or fetch.status != 200 or fetch.kind not in (None, "sitemap"):
            continue
        sitemap = parse_sitemap(url, body)
        if sitemap.error and fetch.kind == "sitemap":
            archive.warnings.append(f"{url}: {sitemap.error}")
        elif not sitemap.error:
            archive.sitemaps.append(sitemap)
    return archive


def _read_file(path: str, archive: CrawlArchive, bodies: dict[str, bytes]) -> None:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        size = os.path.getsize(path)
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the iterator
    except OSError as error:
        raise ArchiveError(f"{path}: cannot read the WARC: {error.strerror or error}") from None
    with stream:
        records = ArchiveIterator(stream)
        last: tuple[int, int] | None = None  # the last record's offset and length
        try:
            for record in records:
                if record.rec_type is None or not str(record.format).startswith("warc"):
                    if last is not None and _cut_short(path, sum(last), size):
                        break  # the cut-short last record: warned about below
                    raise ArchiveLoadFailed("no WARC record")
                fetch = _take(record, path, archive, bodies)
                # Only after the record's content was read: these calls read past it.
                offset = records.get_record_offset()
                last = (offset, records.get_record_length() or 0)
                if fetch is not None:
                    fetch.source = PageSource(path, offset, fetch.charset)
        except (ArchiveLoadFailed, ValueError, OSError, zlib.error, EOFError) as error:
            where = f" at byte {records.offset}" if last else ""
            reason = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
            raise ArchiveError(f"{path}: not a readable WARC{where}: {reason}") from None
    if last is None:
        raise ArchiveError(f"{path}: not a readable WARC: no record in it")
    offset, length = last
    if offset + length < size:  # bytes after the last record read: one cut short
        cut = offset + length
    elif _cut_short(path, offset, size):
        cut = offset
        _forget_last(archive, path, offset, bodies)
    else:
        return
    archive.warnings.append(
        f"{path}: the last record (at byte {cut}) is cut short, as when a crawl is "
        "killed; read up to the record before it"
    )


def _take(record: Any, path: str, archive: CrawlArchive, bodies: dict) -> Fetch | None:
    """Keep what one record says; a response's ``Fetch`` is returned for its place."""
    kind = record.rec_type
    url = record.rec_headers.get_header("WARC-Target-URI")
    if not url or kind not in ("response", "metadata"):
        return None
    if kind == "response":
        return _take_response(record, url, archive, bodies)
    if "json" not in (record.rec_headers.get_header("Content-Type") or "json"):
        return None
    try:
        data = json.loads(record.content_stream().read(1_000_000))
    except (ValueError, UnicodeDecodeError):
        archive.warnings.append(f"{path}: metadata of {url} is not JSON; left out")
        return None
    if isinstance(data, dict):
        _take_metadata(archive.urls.setdefault(url, Fetch(url)), data)
    return None


def _take_response(record: Any, url: str, archive, bodies) -> Fetch | None:
    http = record.http_headers
    if http is None:
        return None
    fetch = Fetch(url)
    try:
        fetch.status = int(http.get_statuscode())
    except (TypeError, ValueError):
        fetch.status = None
    location = http.get_header("Location")
    if location and fetch.status is not None and 300 <= fetch.status < 400:
        fetch.location = normalise(location, url) or urljoin(url, location.strip())
    fetch.content_type = http.get_header("Content-Type")
    fetch.charset = charset_of(fetch.content_type)
    fetch.robots_header = http.get_header("X-Robots-Tag")
    archive.urls.pop(url, None)  # a URL seen again: the later record, at the end
    archive.urls[url] = fetch
    if _sitemap_like(url, fetch):
        bodies[url] = record.content_stream().read(MAX_UNPACKED + 1)
    return fetch


def _sitemap_like(url: str, fetch: Fetch) -> bool:
    """Sitemaps the crawler fetched (kind set later by the metadata) or XML answers."""
    kind = (fetch.content_type or "").lower()
    return "xml" in kind or "gzip" in kind or url.lower().endswith((".xml", ".xml.gz"))


def _take_metadata(fetch: Fetch, data: dict[str, Any]) -> None:
    """The crawl's own record of a URL (unknown keys are ignored: later versions)."""
    number = data.get("elapsed_ms")
    if isinstance(number, int | float):
        fetch.elapsed_ms = float(number)
    if isinstance(data.get("depth"), int):
        fetch.depth = data["depth"]
    for key in ("via", "found_by", "kind", "skipped", "error"):
        value = data.get(key)
        if isinstance(value, str):
            setattr(fetch, key, value)


def _cut_short(path: str, offset: int, size: int) -> bool:
    """Whether the record at ``offset``, the last one, ends before its declared end."""
    with open(path, "rb") as stream:
        stream.seek(offset)
        head = stream.read(2)
        stream.seek(offset)
        if head == b"\x1f\x8b":
            inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
            while not inflate.eof:
                chunk = stream.read(1 << 20)
                if not chunk:
                    return True
                try:
                    inflate.decompress(chunk, 0)
                except zlib.error:
                    return True
            return False
        data = stream.read(64 * 1024)
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return True
    for line in data[:end].split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return offset + end + 4 + int(value.strip()) > size
            except ValueError:
                return True
    return True


def _forget_last(archive: CrawlArchive, path: str, offset: int, bodies: dict) -> None:
    """Drop what the cut-short last record added (a response: the URL's answer)."""
    for url, fetch in list(archive.urls.items()):
        source = fetch.source
        if source is not None and source.warc == path and source.offset == offset:
            del archive.urls[url]
            bodies.pop(url, None)


def read_payload(path: str, offset: int, limit: int = 50 * 1024 * 1024) -> bytes:
    """The payload of the response record at ``offset`` of WARC ``path`` (a worker's read)."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        stream.seek(offset)
        for record in ArchiveIterator(stream):
            return record.content_stream().read(limit + 1)
    raise ArchiveError(f"{path}: no record at byte {offset}")


_LOC_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?loc\b[^>]*>")


def parse_sitemap(url: str, body: bytes) -> Sitemap:
    """The ``<loc>`` URLs of a sitemap body (gzip undone by its magic bytes), each with
    its line and column; entities are never resolved and nothing is fetched."""
    sitemap = Sitemap(url)
    try:
        root, body = sitemap_root(body)
    except SitemapError as error:
        sitemap.error = str(error)
        return sitemap
    sitemap.index = etree.QName(root).localname == "sitemapindex"
    sitemap.text = body.decode(root.getroottree().docinfo.encoding or "utf-8", "replace")
    columns = _loc_columns(body)
    for element in root.iter("{*}loc"):
        text = (element.text or "").strip()
        line = element.sourceline or 1
        places = columns.get(line, [])
        column = places.pop(0) if places else 1
        if text:
            sitemap.locs.append(Loc(normalise(text, url) or urljoin(url, text), line, column))
    return sitemap


def _loc_columns(body: bytes) -> dict[int, list[int]]:
    """Columns of the ``<loc>`` start tags on each line (1-based, in characters)."""
    found: dict[int, list[int]] = {}
    line, seen = 1, 0
    for match in _LOC_TAG.finditer(body):
        line += body.count(b"\n", seen, match.start())  # counted once, match to match
        seen = match.start()
        start = body.rfind(b"\n", 0, match.start()) + 1
        column = len(body[start : match.start()].decode("utf-8", "replace")) + 1
        found.setdefault(line, []).append(column)
    return found
