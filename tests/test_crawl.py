"""The polite crawler against a live site on 127.0.0.1 (tests/crawl_site.py): what it
writes to the WARC, and what the server's request log says about its manners."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from crawl_site import OFFSITE, PAGES, SAMPLES, max_in_flight, serve_site
from warcio.archiveiterator import ArchiveIterator

from linter import __version__
from linter.crawl import CrawlError, CrawlOptions, crawl
from linter.crawl import options as crawl_options
from linter.crawl.fetch import retry_after
from linter.crawl.sitemap import SitemapError, parse
from linter.crawl.urls import normalise


def read_warc(path: Path) -> list[dict]:
    """Every record, as a dict a test can look into (warcio reads the file)."""
    records = []
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            http = record.http_headers
            body = record.content_stream().read()
            entry = {
                "type": record.rec_type,
                "uri": record.rec_headers.get_header("WARC-Target-URI"),
                "id": record.rec_headers.get_header("WARC-Record-ID"),
                "refers": record.rec_headers.get_header("WARC-Refers-To"),
                "truncated": record.rec_headers.get_header("WARC-Truncated"),
                "headers": dict(http.headers) if http else {},
                "status": int(http.get_statuscode())
                if http and record.rec_type == "response"
                else None,
                "body": body,
            }
            if record.rec_type == "metadata":
                entry["meta"] = json.loads(body)
            records.append(entry)
    return records


def path_of(uri: str) -> str:
    return "/" + uri.split("/", 3)[3]


def responses(records: list[dict]) -> dict[str, dict]:
    return {path_of(r["uri"]): r for r in records if r["type"] == "response"}


def metadata(records: list[dict]) -> dict[str, dict]:
    return {path_of(r["uri"]): r["meta"] for r in records if r["type"] == "metadata"}


def options_for(port: int, **changes) -> CrawlOptions:
    settings = {
        "seeds": [f"http://127.0.0.1:{port}/"],
        "timeout": 0.5,
        "retries": 1,
        "delay": 0.05,
        "backoff": 0.2,
    }
    settings.update(changes)
    return CrawlOptions(**settings)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One full crawl of the site: Crawl-delay 0.3 s in robots.txt beats --delay 0.2."""
    warc = tmp_path_factory.mktemp("crawl") / "site.warc.gz"
    ticks: list[float] = []
    with serve_site(crawl_delay=0.3) as site:
        options = options_for(
            site.port,
            sitemaps=[f"http://localhost:{site.port}/sitemap_index.xml"],
            delay=0.2,
            per_host=2,
            headers={"X-Token": "secret"},
        )
        summary = crawl(options, str(warc), progress=lambda _: ticks.append(time.monotonic()))
    return site, summary, read_warc(warc), ticks


def test_every_answer_is_recorded_with_its_metadata(crawled):
    site, summary, records, _ = crawled
    assert records[0]["type"] == "warcinfo"
    info = records[0]["body"].decode()
    for field in (
        "software: contentlint/",
        "contentlint-crawl: 1",
        "seeds: http://127.0.0.1:",
        "scope: 127.0.0.1:",
        "max-pages: none",
        "delay: 0.2",
        "user-agent: contentlint/",
    ):
        assert field in info
    got = responses(records)
    meta = metadata(records)
    expected = {
        "/": 200,
        "/missing": 404,
        "/flaky": 200,
        "/busy": 200,
        "/a": 301,
        "/b": 301,
        "/c": 200,
        "/x": 301,
        "/y": 301,
        "/files/report.pdf": 200,
        "/orphan": 200,
        "/robots.txt": 200,
        "/sitemap_index.xml": 200,
        "/sitemaps/pages.xml.gz": 200,
        "/sitemaps/more.xml": 200,
    }
    for path in PAGES:
        expected[path] = 200
    for path, status in expected.items():
        assert got[path]["status"] == status, path
    assert meta["/flaky"]["attempts"] == 2 and meta["/busy"]["attempts"] == 2
    assert meta["/c"] | {"elapsed_ms": 0} == {
        "depth": 1,
        "elapsed_ms": 0,
        "attempts": 1,
        "via": got["/b"]["uri"],
        "found_by": "redirect",
        "kind": "page",
    }
    assert meta["/orphan"]["found_by"] == "sitemap" and meta["/orphan"]["depth"] == 0
    assert got["/canonical-target"]["status"] == 404
    assert meta["/canonical-target"]["found_by"] == "canonical"
    assert got["/out"]["headers"]["Location"] == OFFSITE  # recorded, its target not fetched
    assert got["/quiet"]["status"] == 200 and "/hidden" not in meta  # meta robots nofollow
    assert meta["/sitemaps/pages.xml.gz"]["kind"] == "sitemap"
    assert meta["/sitemap_index.xml"] | {"elapsed_ms": 0} == {
        "depth": 0,
        "elapsed_ms": 0,
        "attempts": 1,
        "via": None,
        "found_by": "seed",
        "kind": "sitemap",
    }
    assert meta["/private/secret"] == {
        "depth": 1,
        "via": got["/"]["uri"],
        "found_by": "link",
        "kind": "page",
        "skipped": "robots",
        "error": None,
        "attempts": 0,
    }
    assert meta["/slow"]["skipped"] == "error"
    assert meta["/slow"]["error"] == "timeout after 0.5 s" and meta["/slow"]["attempts"] == 2
    # the PDF: headers kept, body never downloaded
    pdf = got["/files/report.pdf"]
    assert pdf["body"] == b"" and pdf["truncated"] == "unspecified"
    assert pdf["headers"]["Content-Length"] == "0" and meta["/files/report.pdf"]["kind"] == "other"
    # bodies stored as decoded: gzip and br undone, Content-Encoding dropped
    for path in ("/articles/contradictions", "/articles/broken-faq"):
        assert got[path]["body"] == (SAMPLES / PAGES[path]).read_bytes()
    # the gzipped sitemap is stored as served (gzip is its content, not its transfer)
    assert gzip.decompress(got["/sitemaps/pages.xml.gz"]["body"]).startswith(b"<?xml")
    # each answer: request, response, then metadata that refers to it
    for index, record in enumerate(records):
        if record["type"] == "response":
            assert records[index - 1]["type"] == "request"
            assert records[index + 1]["refers"] == record["id"]
            assert "Content-Encoding" not in record["headers"]
            assert int(record["headers"]["Content-Length"]) == len(record["body"])
    # every URL answered once in the WARC; the loop x -> y -> x ends after /y
    answered = [r["uri"] for r in records if r["type"] == "response"]
    assert len(answered) == len(set(answered))
    assert summary.pages == 17 and summary.other_types == 1
    assert (summary.blocked, summary.errors, summary.interrupted) == (1, 1, False)
    assert summary.requests == len(site.log.requests)


def test_politeness_in_the_request_log(crawled):
    site, _, _, _ = crawled
    for host in ("127.0.0.1", "localhost"):
        requests = sorted((r for r in site.log.requests if r.host == host), key=lambda r: r.start)
        assert requests[0].path == "/robots.txt"  # robots.txt first, on every host
        assert max_in_flight(requests) <= 2
        gaps = [b.start - a.start for a, b in itertools.pairwise(requests)]
        assert min(gaps) >= 0.25, (host, min(gaps))  # Crawl-delay 0.3 won over --delay 0.2
    # the two hosts were crawled side by side, not one after the other
    sitemap_starts = [r.start for r in site.log.requests if r.path.startswith("/sitemap")]
    page_starts = [r.start for r in site.log.requests if r.host == "127.0.0.1"]
    assert max(sitemap_starts) < max(page_starts)
    paths = site.log.paths()
    assert not [p for p in paths if p.startswith("/private/")]
    assert not [r for r in site.log.requests if r.host not in ("127.0.0.1", "localhost")]
    assert OFFSITE not in paths and "/hidden" not in paths


def test_headers_user_agent_and_cookies(crawled):
    site, _, records, _ = crawled
    for request in site.log.requests:
        assert request.headers["User-Agent"].startswith(f"contentlint/{__version__} (+https://")
        assert "Cookie" not in request.headers  # "/" sets one; it is never sent back
        token = request.headers.get("X-Token")
        assert token == ("secret" if request.host == "127.0.0.1" else None), request.path
    stored = [r["headers"] for r in records if r["type"] == "request" and "X-Token" in r["headers"]]
    assert stored and {h["X-Token"] for h in stored} == {"<redacted>"}


def test_retries_honour_retry_after_and_back_off(crawled):
    site, _, _, _ = crawled
    busy = [r.start for r in site.log.requests if r.path == "/busy"]
    flaky = [r.start for r in site.log.requests if r.path == "/flaky"]
    slow = [r for r in site.log.requests if r.path == "/slow"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 0.95  # Retry-After: 1
    assert len(flaky) == 2 and flaky[1] - flaky[0] >= 0.15  # backoff 0.2 s
    assert len(slow) == 2 and all(r.end - r.start < 1.5 for r in slow)  # given up at 0.5 s


def test_progress_is_called_at_most_five_times_a_second(crawled):
    _, _, _, ticks = crawled
    gaps = [b - a for a, b in itertools.pairwise(ticks[:-1])]
    assert len(ticks) >= 3 and min(gaps) >= 0.15


def test_ctrl_c_leaves_a_valid_warc_and_resume_fetches_only_what_is_missing(tmp_path):
    warc = tmp_path / "crawl.warc.gz"

    def stop_after_five(progress) -> None:
        if progress.fetched >= 5:
            raise KeyboardInterrupt

    with serve_site(crawl_delay=0.05) as site:
        options = options_for(site.port)
        first = crawl(options, str(warc), progress=stop_after_five)
        assert first.interrupted
        before = read_warc(warc)  # readable: every record whole
        done_before = set(responses(before)) | {
            p for p, m in metadata(before).items() if "skipped" in m
        }
        assert 5 <= len(responses(before)) < 20
        requests_before = len(site.log.requests)

        second = crawl(options, str(warc), resume=True)
        assert not second.interrupted
        again = [r.path for r in site.log.requests[requests_before:]]
        assert not set(again) & done_before, set(again) & done_before
        assert "/robots.txt" not in again  # the stored robots.txt is used
    after = read_warc(warc)
    assert [r["type"] for r in after].count("warcinfo") == 1
    answered = [r["uri"] for r in after if r["type"] == "response"]
    assert len(answered) == len(set(answered))
    assert {"/", "/c", "/y", "/busy", "/flaky", "/missing", *PAGES} <= set(map(path_of, answered))


def test_a_real_sigint_inside_the_event_loop_stops_cleanly(tmp_path):
    """Ctrl-C as the terminal sends it (SIGINT to the process) after the 4th request."""
    warc = tmp_path / "crawl.warc.gz"
    with serve_site(crawl_delay=0.05) as site:

        def press_ctrl_c() -> None:
            deadline = time.monotonic() + 10
            while len(site.log.requests) < 4 and time.monotonic() < deadline:
                time.sleep(0.01)
            os.kill(os.getpid(), signal.SIGINT)

        threading.Thread(target=press_ctrl_c, daemon=True).start()
        summary = crawl(options_for(site.port), str(warc))
    assert summary.interrupted and summary.requests < 20
    assert read_warc(warc)[0]["type"] == "warcinfo"


def test_limits_depth_pages_body_and_url_list(tmp_path, monkeypatch):
    with serve_site(crawl_delay=0.05) as site:
        base = f"http://127.0.0.1:{site.port}"
        crawl(options_for(site.port, max_depth=0), str(tmp_path / "depth.warc.gz"))
        meta = metadata(read_warc(tmp_path / "depth.warc.gz"))
        assert meta["/"]["depth"] == 0 and meta["/missing"]["skipped"] == "max-depth"
        assert site.log.paths() == ["/robots.txt", "/"]

        summary = crawl(options_for(site.port, max_pages=3), str(tmp_path / "pages.warc.gz"))
        assert summary.pages == 3
        monkeypatch.setattr(crawl_options, "BODY_LIMIT", 1000)
        listed = options_for(site.port, seeds=[], url_list=[base + "/guides/rainwater-harvesting"])
        crawl(listed, str(tmp_path / "cut.warc.gz"))
    records = read_warc(tmp_path / "cut.warc.gz")
    page = responses(records)["/guides/rainwater-harvesting"]
    assert len(page["body"]) == 1000 and page["truncated"] == "length"
    assert set(responses(records)) == {
        "/robots.txt",
        "/guides/rainwater-harvesting",
    }  # not followed


def test_redirect_chains_stop_at_ten_hops(tmp_path):
    with serve_site(crawl_delay=0.05) as site:
        options = options_for(site.port, seeds=[f"http://127.0.0.1:{site.port}/hop/0"])
        crawl(options, str(tmp_path / "hops.warc.gz"))
        assert site.log.paths()[1:] == [f"/hop/{n}" for n in range(11)]
    meta = metadata(read_warc(tmp_path / "hops.warc.gz"))
    assert meta["/hop/10"]["found_by"] == "redirect" and meta["/hop/10"]["via"].endswith("/hop/9")
    assert meta["/hop/11"]["skipped"] == "error"
    assert meta["/hop/11"]["error"] == "redirect chain over 10 hops"


def test_a_robots_txt_that_answers_5xx_disallows_the_host(tmp_path):
    with serve_site(crawl_delay=0.05, robots_status=503) as site:
        summary = crawl(options_for(site.port), str(tmp_path / "r.warc.gz"))
        assert site.log.paths() == ["/robots.txt", "/robots.txt"]  # retried once, then obeyed
    meta = metadata(read_warc(tmp_path / "r.warc.gz"))
    assert meta["/"]["skipped"] == "robots" and meta["/"]["error"] == "robots.txt answered 503"
    assert (summary.blocked, summary.pages) == (1, 0)


def test_a_bad_sitemap_is_a_warning_and_entities_are_not_expanded(tmp_path):
    warnings: list[str] = []
    with serve_site(crawl_delay=0.05) as site:
        base = f"http://127.0.0.1:{site.port}"
        options = options_for(
            site.port,
            seeds=[],
            sitemaps=[base + "/sitemaps/broken.xml", base + "/sitemaps/bomb.xml"],
        )
        summary = crawl(options, str(tmp_path / "s.warc.gz"), warn=warnings.append)
        paths = site.log.paths()
    assert len(warnings) == 1 and warnings[0].startswith(f"sitemap {base}/sitemaps/broken.xml: ")
    assert "\n" not in warnings[0] and summary.warnings == warnings
    assert "/orphan" in paths and not [p for p in paths if "aaaa" in p]


def test_urls_are_normalised_and_other_schemes_refused(tmp_path):
    assert normalise("HTTP://Example.COM:80#top") == "http://example.com/"
    assert normalise("https://example.com:443/a?b=1#c") == "https://example.com/a?b=1"
    assert normalise("../x", "http://h:8080/a/b/") == "http://h:8080/a/x"
    assert normalise("mailto:a@b.c") is None and normalise("javascript:void(0)") is None
    with pytest.raises(CrawlError, match=r"^ftp://example.com/: only http and https"):
        crawl(CrawlOptions(seeds=["ftp://example.com/"]), str(tmp_path / "x.warc.gz"))
    assert retry_after("7") == 7 and retry_after("99999") == 120
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10
    assert retry_after("soon") is None
    assert parse(gzip.compress(b"<urlset><url><loc>http://h/a</loc></url></urlset>")).locations == [
        "http://h/a"
    ]
    with pytest.raises(SitemapError):
        parse(b"<html><body>no</body></html>")


def test_urls_with_spaces_and_letters_are_sent_encoded():
    """A link written with a space, quotes or an accented letter is requested (and stored
    in the WARC) as a browser sends it; an escape already in the link is kept."""
    assert normalise("http://Site.example/search/?q=docker editions#top") == (
        "http://site.example/search/?q=docker%20editions"
    )
    assert normalise('/search?by="Ann Lee"', "http://site.example/") == (
        "http://site.example/search?by=%22Ann%20Lee%22"
    )
    assert normalise("http://site.example/café/caf%C3%A9") == (
        "http://site.example/caf%C3%A9/caf%C3%A9"
    )


def test_a_start_url_redirecting_out_of_scope_is_said(tmp_path):
    """A start URL that redirects to another host (example.org -> www.example.org, or here
    off the site) would crawl nothing more: the user is told where it went."""
    said: list[str] = []
    with serve_site(crawl_delay=0.05) as site:
        options = options_for(site.port, seeds=[f"http://127.0.0.1:{site.port}/out"])
        summary = crawl(options, str(tmp_path / "out.warc.gz"), warn=said.append)
    assert summary.pages == 0
    assert said == [
        f"the start URL http://127.0.0.1:{site.port}/out redirects to {OFFSITE}, outside the"
        " crawl's scope: start from that URL (or add --include-subdomains for another host"
        " of the site)"
    ]
    assert OFFSITE not in site.log.paths()
