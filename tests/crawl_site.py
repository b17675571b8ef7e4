"""A small live site for the crawler tests, built from the project's samples and served by
the standard library on 127.0.0.1 (a free port), with a log of every request.

Its features, each one a thing the crawler must handle: robots.txt (``/private/``
disallowed, a Crawl-delay), a sitemap index (on the ``localhost`` name of the same server,
so it is another host) pointing at a gzipped sitemap and a plain one, internal links, a 404,
a 500 then 200, a 429 with Retry-After then 200, a redirect chain /a -> /b -> /c, a loop
/x -> /y -> /x, a redirect off the site, a 16-hop chain, a page whose links are nofollow,
a canonical pointing at a missing page, a page slower than the crawl's timeout, a PDF, an off-site link, and pages sent gzip- and
brotli-encoded.
"""

from __future__ import annotations

import gzip
import select
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PAGES = {
    "/guides/rainwater-harvesting": "clean-article.html",
    "/guides/electric-car-vs-hybrid": "clean-comparison.html",
    "/articles/broken-article": "broken-article.html",
    "/articles/broken-faq": "broken-faq.html",
    "/articles/contradictions": "contradictions.html",
}
OFFSITE = "http://offsite.invalid/page"
SLOW_SECONDS = 2.0


@dataclass
class Request:
    start: float
    end: float
    host: str
    path: str
    headers: dict[str, str]
    status: int = 0
    aborted: bool = False


@dataclass
class SiteLog:
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, request: Request) -> None:
        with self.lock:
            self.requests.append(request)

    def paths(self, host: str | None = None) -> list[str]:
        with self.lock:
            return [r.path for r in self.requests if host is None or r.host == host]


def _index(port: int) -> bytes:
    links = [
        *PAGES,
        "/missing",
        "/flaky",
        "/busy",
        "/a",
        "/x",
        "/private/secret",
        "/slow",
        "/files/report.pdf",
        "/out",
        "/quiet",
        OFFSITE,
        "mailto:editor@example.org",
    ]
    anchors = "\n".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Home</title></head>"
        f"<body><h1>Home</h1><ul>{anchors}</ul></body></html>"
    ).encode()


def _sitemaps(port: int) -> dict[str, bytes]:
    site = f"http://127.0.0.1:{port}"
    other = f"http://localhost:{port}"

    def urlset(paths: list[str]) -> bytes:
        urls = "".join(f"<url><loc>{site}{p}</loc></url>" for p in paths)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        ).encode()

    index = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{other}/sitemaps/pages.xml.gz</loc></sitemap>"
        f"<sitemap><loc>{other}/sitemaps/more.xml</loc></sitemap>"
        "</sitemapindex>"
    ).encode()
    return {
        "/sitemap_index.xml": index,
        "/sitemaps/pages.xml.gz": gzip.compress(urlset(["/", *list(PAGES)[:3]])),
        "/sitemaps/more.xml": urlset(["/orphan", "/guides/rainwater-harvesting"]),
    }


class Site:
    """The routes; ``crawl_delay`` goes into robots.txt."""

    def __init__(self, port: int, crawl_delay: float, robots_status: int = 200) -> None:
        self.port = port
        self.robots_status = robots_status
        self.crawl_delay = crawl_delay
        self.log = SiteLog()
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        self.files = _sitemaps(port)

    def hit(self, path: str) -> int:
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            return self.hits[path]

    def answer(self, path: str) -> tuple[int, list[tuple[str, str]], bytes]:
        html = [("Content-Type", "text/html; charset=utf-8")]
        count = self.hit(path)
        if path == "/robots.txt" and self.robots_status != 200:
            return self.robots_status, [("Content-Type", "text/plain")], b"down"
        if path == "/robots.txt":
            text = f"User-agent: *\nDisallow: /private/\nCrawl-delay: {self.crawl_delay}\n"
            return 200, [("Content-Type", "text/plain")], text.encode()
        if path == "/":
            return 200, [*html, ("Set-Cookie", "session=abc; Path=/")], _index(self.port)
        if path in PAGES:
            body = (SAMPLES / PAGES[path]).read_bytes()
            if path == "/articles/contradictions":  # sent gzip-encoded
                return 200, [*html, ("Content-Encoding", "gzip")], gzip.compress(body)
            if path == "/articles/broken-faq":  # sent brotli-encoded
                return 200, [*html, ("Content-Encoding", "br")], brotli.compress(body)
            return 200, html, body
        if path in self.files:
            kind = "application/gzip" if path.endswith(".gz") else "application/xml"
            return 200, [("Content-Type", kind)], self.files[path]
        return self.special(path, count)

    def special(self, path: str, count: int) -> tuple[int, list[tuple[str, str]], bytes]:
        html = [("Content-Type", "text/html; charset=utf-8")]
        if path == "/sitemaps/broken.xml":
            return 200, [("Content-Type", "application/xml")], b"<urlset><url><loc>/a</loc>"
        if path == "/sitemaps/bomb.xml":
            bomb = (
                b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa">'
                b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                b"<url><loc>/&b;</loc></url><url><loc>/orphan</loc></url></urlset>"
            )
            return 200, [("Content-Type", "application/xml")], bomb
        if path == "/orphan":
            head = '<title>Orphan</title><link rel="canonical" href="/canonical-target">'
            return 200, html, f"<html><head>{head}</head><body>alone</body></html>".encode()
        if path == "/quiet":  # its links are not to be followed
            head = '<meta name="robots" content="noindex, nofollow">'
            body = '<a href="/hidden">hidden</a>'
            return 200, html, f"<html><head>{head}</head><body>{body}</body></html>".encode()
        if path.startswith("/hop/"):  # /hop/0 -> /hop/1 -> ... -> /hop/15
            number = int(path.rsplit("/", 1)[1])
            if number < 15:
                return 302, [("Location", f"/hop/{number + 1}")], b""
        if path == "/flaky" and count == 1:
            return 500, html, b"<html><body>oops</body></html>"
        if path == "/busy" and count == 1:
            return 429, [*html, ("Retry-After", "1")], b"<html><body>slow down</body></html>"
        if path in ("/flaky", "/busy", "/c"):
            return 200, html, f"<html><body><p>{path} works</p></body></html>".encode()
        redirects = {"/a": "/b", "/b": "/c", "/x": "/y", "/y": "/x", "/out": OFFSITE}
        if path in redirects:
            return 301, [("Location", redirects[path])], b""
        if path == "/files/report.pdf":
            return 200, [("Content-Type", "application/pdf")], b"%PDF-1.4\n" + b"0" * 100_000
        return 404, html, b"<html><body>not found</body></html>"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            start = time.monotonic()
            host = self.headers.get("Host", "").split(":")[0]
            entry = Request(start, start, host, self.path, dict(self.headers.items()))
            # logged on arrival (its end filled in later), so a crawl that has its last
            # answer finds that request in the log
            site.log.add(entry)
            if self.path == "/slow":
                # wait until the client gives up (its socket closes) or SLOW_SECONDS pass
                select.select([self.connection], [], [], SLOW_SECONDS)
                entry.aborted = True
                entry.end = time.monotonic()
                site.hit(self.path)
                self.close_connection = True
                return
            status, headers, body = site.answer(self.path)
            entry.status = status
            try:
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
            except OSError:
                entry.aborted = True
            entry.end = time.monotonic()

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # a client that hung up
        pass


@contextmanager
def serve_site(crawl_delay: float = 0.3, robots_status: int = 200) -> Iterator[Site]:
    """The site on 127.0.0.1 (a free port) in a daemon thread, stopped on exit."""
    server = QuietServer(("127.0.0.1", 0), _handler(None))  # type: ignore[arg-type]
    site = Site(server.server_address[1], crawl_delay, robots_status)
    server.RequestHandlerClass = _handler(site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def max_in_flight(requests: list[Request], tolerance: float = 0.02) -> int:
    """The most requests the server was answering at once. A request the client abandoned
    (the slow page) ends when the server noticed; ``tolerance`` allows for that notice."""
    most = 0
    for one in requests:
        overlapping = sum(
            1
            for other in requests
            if other.start <= one.start < other.end - tolerance * other.aborted
        )
        most = max(most, overlapping)
    return most
