"""``contentlint audit URL``: a live site crawled politely into a WARC and audited, with
the crawl's site findings; the same WARC audited offline gives the same report.

The site is tests/crawl_site.py's, served on 127.0.0.1 for the module.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from crawl_site import serve_site

from linter.cli import main


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory):
    """One crawl-and-audit of the site: the JSON report, the pages CSV, the WARC."""
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("live")
    with serve_site(crawl_delay=0.1) as site:
        port = site.port
        result = CliRunner().invoke(
            main,
            [
                "audit", f"http://127.0.0.1:{port}/",
                "--sitemap", f"http://localhost:{port}/sitemap_index.xml",
                "--include-subdomains", "--delay", "0.05", "--fetch-timeout", "0.5", "--retries", "1",
                "--warc-out", str(out / "site.warc.gz"), "--pages-csv", str(out / "pages.csv"),
                "--format", "json", "--output", str(out / "live.json"), "--jobs", "1",
            ],
            catch_exceptions=False,
        )  # fmt: skip
        requested = site.log.paths()
    report = json.loads((out / "live.json").read_text(encoding="utf-8"))
    return port, out, result, report, requested


def by_code(report: dict, code: str) -> list[dict]:
    return [f for f in report["findings"] if f["code"] == code]


def test_the_crawl_is_said_and_its_warc_written(live) -> None:
    _, out, result, report, requested = live
    assert result.exit_code == 1  # broken links are errors
    assert (
        "contentlint: crawled " in result.output
        and " pages in " in result.output
        and str(out / "site.warc.gz") in result.output
    )
    assert (out / "site.warc.gz").stat().st_size > 0
    assert "/private/secret" not in requested  # robots.txt obeyed
    assert report["summary"]["files_failed"] == 0
    home = next(f for f in report["files"] if f["path"] == f"http://127.0.0.1:{live[0]}/")
    assert home["fetch"]["status"] == 200 and home["fetch"]["depth"] == 0
    assert home["fetch"]["response_ms"] >= 0 and home["fetch"]["skipped"] is None


def test_link_findings_of_the_crawl(live) -> None:
    port, _, _, report, _ = live
    site = f"http://127.0.0.1:{port}"
    missing = next(f for f in by_code(report, "SITE008") if f"{site}/missing:" in f["message"])
    assert missing["path"] == f"{site}/" and missing["message"].startswith(
        f"Broken link to {site}/missing: it answers 404 Not Found."
    )
    slow = next(f for f in by_code(report, "SITE008") if f"{site}/slow:" in f["message"])
    assert "it answers nothing (timeout after 0.5 s)" in slow["message"]
    chains = [f["message"] for f in by_code(report, "SITE009")]
    assert any(f"{site}/a -> {site}/b -> {site}/c" in m for m in chains)
    assert any("redirect loop" in m and f"{site}/x -> {site}/y" in m for m in chains)
    blocked = by_code(report, "SITE015")
    assert [f["path"] for f in blocked] == [f"{site}/"]
    assert f"{site}/private/secret" in blocked[0]["message"]
    orphan = by_code(report, "SITE011")
    assert [f["path"] for f in orphan] == [f"http://localhost:{port}/sitemaps/more.xml"]
    assert orphan[0]["message"].startswith(f"{site}/orphan is in the sitemap")


def test_pages_csv_has_the_fetch_columns(live) -> None:
    port, out, _, _, _ = live
    lines = (out / "pages.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    assert header[:8] == [
        "path", "format", "words", "error", "status", "redirect_to", "depth", "response_ms"
    ]  # fmt: skip
    rows = {line.split(",")[0]: line.split(",") for line in lines[1:]}
    assert rows[f"http://127.0.0.1:{port}/"][4:7] == ["200", "", "0"]
    assert rows[f"http://127.0.0.1:{port}/a"][4:6] == ["301", f"http://127.0.0.1:{port}/b"]


def test_the_warc_audited_offline_gives_the_same_report(live) -> None:
    from click.testing import CliRunner

    _, out, _, report, _ = live
    again = CliRunner().invoke(
        main,
        ["audit", str(out / "site.warc.gz"), "--format", "json", "--output",
         str(out / "offline.json"), "--jobs", "1"],
        catch_exceptions=False,
    )  # fmt: skip
    assert again.exit_code == 1
    offline = json.loads((out / "offline.json").read_text(encoding="utf-8"))
    assert offline["findings"] == report["findings"]
    assert offline["summary"] == report["summary"]


def test_live_inputs_are_checked_before_any_request(tmp_path: Path) -> None:
    from click.testing import CliRunner

    runner = CliRunner()
    bad = runner.invoke(main, ["audit", "--sitemap", "ftp://example.org/sitemap.xml"])
    assert bad.exit_code == 2 and "--sitemap 'ftp://example.org/sitemap.xml'" in bad.output
    header = runner.invoke(main, ["audit", "http://127.0.0.1:9/", "--header", "nocolon"])
    assert header.exit_code == 2 and "--header 'nocolon': give it as 'Name: value'" in header.output
    urls = tmp_path / "urls.txt"
    urls.write_text("http://127.0.0.1:9/a\nnot a url\n")
    listed = runner.invoke(main, ["audit", "--urls", str(urls)])
    assert listed.exit_code == 2 and "'not a url' is not an http(s) URL" in listed.output
    taken = tmp_path / "taken.warc.gz"
    taken.write_bytes(b"")
    exists = runner.invoke(main, ["audit", "http://127.0.0.1:9/", "--warc-out", str(taken)])
    assert (
        exists.exit_code == 2 and "exists: name another --warc-out, or --resume it" in exists.output
    )


def test_no_page_named_is_still_an_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    nothing = CliRunner().invoke(main, ["audit"])
    assert nothing.exit_code == 2 and "a start URL" in nothing.output


def test_ctrl_c_during_the_crawl_audits_what_was_fetched(tmp_path: Path) -> None:
    """Ctrl-C as a terminal sends it (SIGINT to the process) once the site has answered a
    few requests: the pages fetched are audited, the report is written and says so, the
    WARC reads back, and the exit code is 130."""
    import os
    import signal
    import subprocess
    import sys
    import time

    out, warc = tmp_path / "report.json", tmp_path / "cut.warc.gz"
    with serve_site(crawl_delay=0.2) as site:
        command = [
            sys.executable, "-m", "linter", "audit", f"http://127.0.0.1:{site.port}/",
            "--warc-out", str(warc), "--format", "json", "--output", str(out), "--jobs", "1",
        ]  # fmt: skip
        root = str(Path(__file__).resolve().parents[1])
        process = subprocess.Popen(
            command, env={**os.environ, "PYTHONPATH": root}, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while len(site.log.requests) < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "; interrupted:" in stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["interrupted"] is True and report["summary"]["files"] >= 1
    from linter.crawl.archive import read_crawl

    assert read_crawl([str(warc)]).pages()  # the WARC stays valid and holds the pages


def test_a_link_written_unlike_the_crawled_url_is_still_matched(tmp_path: Path) -> None:
    """The audit spells a page's links as the crawler spelled what it fetched: a link
    written with an upper-case host, the default port and a space is the URL the crawl
    recorded (percent-encoded), and a relative link resolves against ``<base href>``, so
    their errors are reported."""
    from click.testing import CliRunner
    from warc_site import page, status, write_crawl

    warc = tmp_path / "site.warc.gz"
    write_crawl(
        warc,
        {
            "http://shop.example/": page(
                "<html lang='en'><head><title>Garden tools for small plots</title></head>"
                "<body><h1>Garden tools</h1><p>See <a href='HTTP://Shop.Example:80/spring"
                " sale'>the spring sale</a>.</p></body></html>"
            ),
            "http://shop.example/spring%20sale": status(404, found_by="link"),
            "http://shop.example/guides/": page(
                "<html lang='en'><head><base href='/guides/tools/'><title>Guides to garden"
                " tools</title></head><body><h1>Guides</h1><p>Read <a href='pruning'>how to"
                " prune</a>.</p></body></html>"
            ),
            "http://shop.example/guides/tools/pruning": status(410, found_by="link"),
        },
    )
    result = CliRunner().invoke(
        main, ["audit", str(warc), "--select", "SITE008", "-q"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert "Broken link to http://shop.example/spring%20sale: it answers 404" in result.output
    # resolved against <base href>, as the crawler resolved it when it fetched the link
    assert (
        "Broken link to http://shop.example/guides/tools/pruning: it answers 410" in result.output
    )


def test_a_site_that_does_not_answer_is_an_error(tmp_path: Path) -> None:
    """Nothing listens on the port: no page to audit is the run's one error line."""
    import socket

    from click.testing import CliRunner

    with socket.socket() as probe:  # a port that was free a moment ago, now closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = CliRunner().invoke(
        main,
        ["audit", f"http://127.0.0.1:{port}/", "--retries", "0", "--fetch-timeout", "2",
         "--warc-out", str(tmp_path / "none.warc.gz")],
    )  # fmt: skip
    assert result.exit_code == 2
    # robots.txt and the start page: both refused
    assert "the crawl fetched no HTML page (2 URLs failed, 0 blocked by robots.txt)" in (
        result.output
    )
