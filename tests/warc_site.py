"""Writes a crawl WARC the way contentlint's crawler does (warc.md, version 1), for tests
of everything that reads one, without a crawl.

``write_crawl(path, site)``: ``site`` maps each URL, in crawl order, to
``(status, headers, body, metadata)``. A URL with status ``None`` was never fetched: it
gets a metadata record alone (``metadata`` must then say ``skipped``). Otherwise it gets
a request, a response (the body as given, ``Content-Length`` set to its length) and a
metadata record referring to the response. Metadata defaults: depth 0, elapsed_ms 10,
attempts 1, via None, found_by "link", kind "page" for HTML, else "other".
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

Entry = tuple[int | None, Mapping[str, str], bytes, Mapping[str, Any]]


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def write_crawl(path, site: Mapping[str, Entry], *, gzip: bool = True) -> None:
    """A crawl WARC at ``path`` holding ``site``."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        info = {
            "software": "contentlint/test",
            "format": "WARC File Format 1.0",
            "contentlint-crawl": "1",
            "seeds": next(iter(site), ""),
            "scope": "host",
        }
        writer.write_record(writer.create_warcinfo_record(str(path), info))
        for url, (status, headers, body, meta) in site.items():
            if status is None:
                payload = {"depth": 1, "via": None, "found_by": "link", "kind": "page"}
                payload |= {"error": None, "attempts": 1, **meta}
                writer.write_record(_metadata(writer, url, payload, None))
                continue
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("User-Agent", "contentlint/test")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), http_headers=request
                )
            )
            fields = [(k, v) for k, v in headers.items() if k.lower() != "content-length"]
            fields.append(("Content-Length", str(len(body))))
            http = StatusAndHeaders(f"{status} {_reason(status)}", fields, protocol="HTTP/1.1")
            response = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http
            )
            writer.write_record(response)
            html = "html" in headers.get("Content-Type", "")
            payload = {"depth": 0, "elapsed_ms": 10.0, "attempts": 1, "via": None}
            payload |= {"found_by": "link", "kind": "page" if html else "other", **meta}
            record_id = response.rec_headers.get_header("WARC-Record-ID")
            writer.write_record(_metadata(writer, url, payload, record_id))


def _metadata(writer: WARCWriter, url: str, payload: dict, refers_to: str | None):
    extra = {"WARC-Refers-To": refers_to} if refers_to else {}
    return writer.create_warc_record(
        url,
        "metadata",
        payload=io.BytesIO(json.dumps(payload).encode()),
        warc_content_type="application/json",
        warc_headers_dict=extra,
    )


HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/xml"}


def page(body: str | bytes, **meta: Any) -> Entry:
    """A 200 HTML page."""
    data = body.encode() if isinstance(body, str) else body
    return 200, HTML, data, meta


def status(code: int, location: str | None = None, **meta: Any) -> Entry:
    """An answer without a page: an error, or a redirect to ``location``."""
    headers = {"Content-Type": "text/html; charset=utf-8"}
    if location:
        headers["Location"] = location
    return code, headers, b"", meta


def skipped(reason: str, **meta: Any) -> Entry:
    """A URL never fetched (robots, error, max-pages, max-depth)."""
    return None, {}, b"", {"skipped": reason, **meta}
