"""Writing the crawl WARC (contentlint-crawl version 1: the conventions the audit reads).

One ``.warc.gz`` (a gzip member per record) holds everything the crawl learned: a
``warcinfo`` record, then per answered request a ``request``, a ``response`` (body as
decoded, Content-Encoding/Transfer-Encoding dropped, Content-Length the stored length) and
a JSON ``metadata`` record; a URL never fetched gets a ``metadata`` record alone with
``skipped``. Every record is written whole and flushed, so a crawl stopped with Ctrl-C
leaves a file any WARC reader accepts.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from io import BytesIO
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from linter import __version__

DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass
class Exchange:
    """One answered HTTP request, as the crawler saw it."""

    url: str
    request_headers: list[tuple[str, str]]
    http_version: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    truncated: str | None  # None | "length" (cut at the limit) | "unspecified" (not downloaded)
    elapsed_ms: float
    attempts: int

    def header(self, name: str) -> str | None:
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None


class CrawlWarc:
    """The open WARC file; ``append`` continues one (``--resume``) instead of starting it."""

    def __init__(self, path: str, *, append: bool = False) -> None:
        self.path = path
        self.file: BinaryIO = open(path, "ab" if append else "wb")  # noqa: SIM115 - closed by close()
        self.writer = WARCWriter(self.file, gzip=True)

    def _write(self, record) -> None:
        self.writer.write_record(record)
        self.file.flush()

    def warcinfo(self, settings: dict[str, str]) -> None:
        info = {
            "software": f"contentlint/{__version__}",
            "format": "WARC File Format 1.0",
            "contentlint-crawl": "1",
            **settings,
        }
        self._write(self.writer.create_warcinfo_record(os.path.basename(self.path), info))

    def exchange(self, exchange: Exchange, meta: dict) -> None:
        """The request, response and metadata records of one answered request."""
        headers = [(k, v) for k, v in exchange.headers if k.lower() not in DROPPED_HEADERS]
        headers.append(("Content-Length", str(len(exchange.body))))
        http_headers = StatusAndHeaders(
            f"{exchange.status} {exchange.reason}".strip(),
            headers,
            protocol=exchange.http_version,
        )
        warc_headers = {}
        if exchange.truncated:
            warc_headers["WARC-Truncated"] = exchange.truncated
        response = self.writer.create_warc_record(
            exchange.url,
            "response",
            payload=BytesIO(exchange.body),
            length=len(exchange.body),
            http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        parts = urlsplit(exchange.url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        request = self.writer.create_warc_record(
            exchange.url,
            "request",
            payload=BytesIO(b""),
            length=0,
            http_headers=StatusAndHeaders(
                f"GET {target} {exchange.http_version}",
                exchange.request_headers,
                is_http_request=True,
            ),
            warc_headers_dict={"WARC-Concurrent-To": response_id},
        )
        self._write(request)
        self._write(response)
        self._write(self._metadata(exchange.url, meta, refers_to=response_id))

    def skipped(self, url: str, meta: dict) -> None:
        """A URL never fetched (robots, error, max-depth): its metadata record alone."""
        self._write(self._metadata(url, meta, refers_to=None))

    def _metadata(self, url: str, meta: dict, refers_to: str | None):
        data = json.dumps(meta, ensure_ascii=False).encode("utf-8")
        headers = {"WARC-Refers-To": refers_to} if refers_to else {}
        return self.writer.create_warc_record(
            url,
            "metadata",
            payload=BytesIO(data),
            length=len(data),
            warc_content_type="application/json",
            warc_headers_dict=headers,
        )

    def close(self) -> None:
        if not self.file.closed:
            self.file.flush()
            self.file.close()
