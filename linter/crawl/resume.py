"""Reading back a crawl WARC for ``--resume``: what is done, and what was stored.

A URL with a ``response`` record or a ``skipped`` metadata record is done. The stored
responses are replayed through the crawler's own link discovery, so the frontier is
rebuilt exactly as the live crawl would have built it. A file whose last record is cut
(the process was killed, not stopped) is truncated to its last whole record first.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from linter.crawl.urls import CrawlError
from linter.crawl.warc import Exchange


@dataclass
class Stored:
    exchange: Exchange
    meta: dict = field(default_factory=dict)


@dataclass
class Previous:
    responses: list[Stored] = field(default_factory=list)
    skipped: dict[str, dict] = field(default_factory=dict)
    has_warcinfo: bool = False
    cut_tail: bool = False


def _exchange(record) -> Exchange:
    http = record.http_headers
    status_line = http.statusline if http else "0"
    code, _, reason = status_line.partition(" ")
    return Exchange(
        url=record.rec_headers.get_header("WARC-Target-URI") or "",
        request_headers=[],
        http_version=http.protocol if http else "HTTP/1.1",
        status=int(code) if code.isdigit() else 0,
        reason=reason,
        headers=list(http.headers) if http else [],
        body=record.content_stream().read(),
        truncated=record.rec_headers.get_header("WARC-Truncated"),
        elapsed_ms=0.0,
        attempts=1,
    )


def read_previous(path: str) -> Previous:
    """Everything a previous crawl stored in ``path`` (a missing file: nothing)."""
    found = Previous()
    if not os.path.exists(path):
        return found
    by_id: dict[str, Stored] = {}
    good_end = 0
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                _take(record, found, by_id)
                records.read_to_end(record)
                good_end = records.get_record_offset() + records.get_record_length()
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
            if good_end == 0:
                raise CrawlError(f"{path}: not a readable WARC file ({error})") from None
            found.cut_tail = True
    if found.cut_tail:
        with open(path, "r+b") as stream:
            stream.truncate(good_end)
    return found


def _take(record, found: Previous, by_id: dict[str, Stored]) -> None:
    kind = record.rec_type
    if kind == "warcinfo":
        found.has_warcinfo = True
    elif kind == "response":
        stored = Stored(_exchange(record))
        by_id[record.rec_headers.get_header("WARC-Record-ID") or ""] = stored
        found.responses.append(stored)
    elif kind == "metadata":
        try:
            meta = json.loads(record.content_stream().read().decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return
        if not isinstance(meta, dict):
            return
        refers = record.rec_headers.get_header("WARC-Refers-To")
        if refers and refers in by_id:
            by_id[refers].meta = meta
        elif meta.get("skipped"):
            found.skipped[record.rec_headers.get_header("WARC-Target-URI") or ""] = meta
