"""contentlint audit of a crawl's WARC: the pages read from it, the crawl's site findings
(SITE008-SITE016) with their places, the reports' status columns and chart, and WARCs
that cannot be read. The WARCs are written by ``warc_site`` (warc.md's conventions) from
the project's samples, so no test needs a crawl or a network."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from warc_site import XML, page, skipped, status, write_crawl

from linter.crawl.archive import ArchiveError, read_crawl

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SITE = "https://site.test"
LINKS = {  # page -> links injected before </body>, one a line
    "/": [
        "/comparison", "/broken", "/faq", "/contradictions", "/missing", "/error", "/old",
        "/loop-a", "/moved", "/private/report",
    ],
    "/comparison": ["/missing", "/moved", "/"],
}  # fmt: skip
SAMPLE_OF = {
    "/": "clean-article.html",
    "/comparison": "clean-comparison.html",
    "/broken": "broken-article.html",
    "/faq": "broken-faq.html",
    "/contradictions": "contradictions.html",
}
ORPHAN = (
    "<html><head><title>Spring offer</title></head><body><p>Ten per cent off.</p></body></html>"
)
SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    + "".join(
        f"  <url><loc>{SITE}{p}</loc></url>\n"
        for p in ("/", "/comparison", "/contradictions", "/orphan", "/missing")
    )
    + "</urlset>\n"
)


def html_of(path: str) -> str:
    """The sample behind ``path``, its canonical made its own URL, its links added."""
    text = (SAMPLES / SAMPLE_OF[path]).read_text(encoding="utf-8")
    text = re.sub(r'rel="canonical" href="[^"]*"', f'rel="canonical" href="{SITE}{path}"', text)
    if path == "/broken":  # a canonical to a page that is gone
        text = text.replace(
            "<head>", f'<head>\n<link rel="canonical" href="{SITE}/gone-canonical">', 1
        )
    if path == "/contradictions":
        text = text.replace("<head>", '<head>\n<meta name="robots" content="noindex">', 1)
    links = "".join(f'<p><a href="{href}">to {href}</a></p>\n' for href in LINKS.get(path, []))
    return text.replace("</body>", links + "</body>", 1)


def site() -> dict:
    """Every URL of the crawl in crawl order, as ``write_crawl`` takes them."""
    robots = b"User-agent: *\nDisallow: /private/\n"
    return {
        f"{SITE}/robots.txt": (200, {"Content-Type": "text/plain"}, robots, {"kind": "robots"}),
        f"{SITE}/sitemap.xml": (200, XML, SITEMAP.encode(), {"kind": "sitemap"}),
        f"{SITE}/": page(html_of("/"), found_by="seed"),
        f"{SITE}/comparison": page(html_of("/comparison"), depth=1),
        f"{SITE}/broken": page(html_of("/broken"), depth=1),
        f"{SITE}/faq": page(html_of("/faq"), depth=1, elapsed_ms=3500.0),
        f"{SITE}/contradictions": page(html_of("/contradictions"), depth=1),
        f"{SITE}/missing": status(404, depth=1),
        f"{SITE}/error": status(500, depth=1),
        f"{SITE}/old": status(301, f"{SITE}/older", depth=1),
        f"{SITE}/older": status(301, "/comparison", depth=1, found_by="redirect"),
        f"{SITE}/loop-a": status(302, f"{SITE}/loop-b", depth=1),
        f"{SITE}/loop-b": status(302, f"{SITE}/loop-a", depth=1, found_by="redirect"),
        f"{SITE}/moved": status(301, f"{SITE}/faq", depth=1),
        f"{SITE}/gone-canonical": status(404, depth=2, found_by="canonical"),
        f"{SITE}/private/report": skipped("robots", via=f"{SITE}/"),
        f"{SITE}/orphan": page(ORPHAN, found_by="sitemap"),
    }


@pytest.fixture(scope="module")
def warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crawl") / "crawl.warc.gz"
    write_crawl(path, site())
    return path


@pytest.fixture(scope="module")
def audited(warc: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One audit of the WARC, every report written."""
    from click.testing import CliRunner

    from linter.cli import main

    out = tmp_path_factory.mktemp("reports")
    args = ["audit", str(warc), "-j", "1", "--format", "json", "--output", str(out / "r.json")]
    args += ["--pages-csv", str(out / "pages.csv"), "--html", str(out / "r.html")]
    args += ["--format", "summary", "--output", str(out / "summary.txt")]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return {
        "result": result,
        "json": json.loads((out / "r.json").read_text()),
        "pages": list(csv.DictReader(io.StringIO((out / "pages.csv").read_text()))),
        "html": (out / "r.html").read_text(),
        "summary": (out / "summary.txt").read_text(),
    }


def place(path: str, needle: str) -> tuple[int, int]:
    """Line and column of ``needle`` in the page at ``path`` (as the WARC stores it)."""
    text = html_of(path) if path in SAMPLE_OF else SITEMAP
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def findings(audited: dict, code: str) -> list[dict]:
    return [f for f in audited["json"]["findings"] if f["code"] == code]


def one(audited: dict, code: str, text: str) -> dict:
    found = [f for f in findings(audited, code) if text in f["message"]]
    assert len(found) == 1, (code, text, [f["message"] for f in findings(audited, code)])
    return found[0]


def at(finding: dict) -> tuple[str, int, int]:
    return finding["path"], finding["line"], finding["column"]


def related(finding: dict) -> list[tuple[str, int, int]]:
    return [(r["path"], r["line"], r["column"]) for r in finding.get("related", [])]


def test_archive_reads_every_url_page_and_sitemap(warc: Path) -> None:
    archive = read_crawl([str(warc)])
    assert archive.pages() == [f"{SITE}{p}" for p in SAMPLE_OF] + [f"{SITE}/orphan"]
    assert archive.urls[f"{SITE}/older"].location == f"{SITE}/comparison"  # made absolute
    assert archive.urls[f"{SITE}/faq"].elapsed_ms == 3500.0
    assert archive.urls[f"{SITE}/private/report"].skipped == "robots"
    assert archive.urls[f"{SITE}/comparison"].depth == 1
    assert archive.urls[f"{SITE}/"].charset == "utf-8"
    (sitemap,) = archive.sitemaps
    assert [(loc.url, loc.line, loc.column) for loc in sitemap.locs][:2] == [
        (f"{SITE}/", 3, 8),
        (f"{SITE}/comparison", 4, 8),
    ]
    assert archive.warnings == []


def test_broken_links_one_per_target_with_every_linking_page(audited: dict) -> None:
    missing = one(audited, "SITE008", f"{SITE}/missing:")
    assert at(missing) == (f"{SITE}/", *place("/", '<a href="/missing"'))
    assert missing["message"] == (
        f"Broken link to {SITE}/missing: it answers 404 Not Found. 2 pages link to it: this page "
        f"and {SITE}/comparison. Fix the link, or bring the page back."
    )
    assert related(missing) == [(f"{SITE}/comparison", *place("/comparison", '<a href="/missing"'))]
    error = one(audited, "SITE008", f"{SITE}/error:")
    assert "answers 500 Internal Server Error. 1 page links to it." in error["message"]
    assert related(error) == []
    assert len(findings(audited, "SITE008")) == 2


def test_redirect_chain_and_loop_are_written_out(audited: dict) -> None:
    chain = one(audited, "SITE009", f"{SITE}/old ")
    assert at(chain) == (f"{SITE}/", *place("/", '<a href="/old"'))
    assert (
        f"passes through 2 redirects: {SITE}/old -> {SITE}/older -> {SITE}/comparison"
        in chain["message"]
    )
    loop = one(audited, "SITE009", "loop")
    assert at(loop) == (f"{SITE}/", *place("/", '<a href="/loop-a"'))
    assert f"{SITE}/loop-a -> {SITE}/loop-b -> {SITE}/loop-a" in loop["message"]
    assert len(findings(audited, "SITE009")) == 2


def test_link_to_a_redirect(audited: dict) -> None:
    (moved,) = findings(audited, "SITE010")
    assert moved["severity"] == "info"
    assert at(moved) == (f"{SITE}/", *place("/", '<a href="/moved"'))
    assert moved["message"] == (
        f"This link to {SITE}/moved is redirected (301 Moved Permanently) to {SITE}/faq. "
        f"2 pages link to it: this page and {SITE}/comparison. Link to {SITE}/faq directly."
    )
    assert related(moved) == [(f"{SITE}/comparison", *place("/comparison", '<a href="/moved"'))]


def test_sitemap_findings_sit_on_the_loc_line(audited: dict) -> None:
    sitemap = f"{SITE}/sitemap.xml"
    (orphan,) = findings(audited, "SITE011")
    assert at(orphan) == (sitemap, *place("sitemap", f"<loc>{SITE}/orphan<"))
    assert orphan["message"].startswith(f"{SITE}/orphan is in the sitemap, but no page")
    bad = findings(audited, "SITE013")
    assert [(at(f), f["message"].split(", which ")[1].split(".")[0]) for f in bad] == [
        ((sitemap, *place("sitemap", f"<loc>{SITE}/contradictions<")), "is marked noindex"),
        ((sitemap, *place("sitemap", f"<loc>{SITE}/missing<")), "answers 404 Not Found"),
    ]
    result = next(f for f in audited["json"]["files"] if f["path"] == sitemap)
    assert result["format"] == "xml"


def test_linked_pages_missing_from_the_sitemap(audited: dict) -> None:
    # /broken is linked and in no sitemap too, but its canonical names another URL.
    (found,) = findings(audited, "SITE012")
    assert at(found) == (f"{SITE}/", *place("/", '<a href="/faq"'))
    assert found["message"].startswith(f"1 page links to {SITE}/faq: an indexable page")


def test_canonical_robots_and_slow_page(audited: dict) -> None:
    (canonical,) = findings(audited, "SITE014")
    assert at(canonical) == (f"{SITE}/broken", *place("/broken", '<link rel="canonical"'))
    assert f"points at {SITE}/gone-canonical, which answers 404 Not Found" in (canonical["message"])
    (blocked,) = findings(audited, "SITE015")
    assert at(blocked) == (f"{SITE}/", *place("/", '<a href="/private/report"'))
    assert "robots.txt forbids crawling it" in blocked["message"]
    (slow,) = findings(audited, "SITE016")
    assert at(slow) == (f"{SITE}/faq", 1, 1)
    assert slow["message"].startswith("This page took 3.5 s to answer (the limit is 2 s)")


def test_pages_csv_has_the_crawl_columns(audited: dict) -> None:
    rows = {row["path"]: row for row in audited["pages"]}
    assert list(audited["pages"][0])[:8] == [
        "path", "format", "words", "error", "status", "redirect_to", "depth", "response_ms",
    ]  # fmt: skip
    assert rows[f"{SITE}/faq"]["status"] == "200"
    assert rows[f"{SITE}/faq"]["response_ms"] == "3500"
    assert rows[f"{SITE}/faq"]["depth"] == "1"
    assert rows[f"{SITE}/old"]["redirect_to"] == f"{SITE}/older"
    assert rows[f"{SITE}/old"]["status"] == "301"
    assert rows[f"{SITE}/missing"]["status"] == "404"
    assert rows[f"{SITE}/private/report"]["status"] == "(robots)"
    assert rows[f"{SITE}/"]["depth"] == "0"


def test_html_report_status_chart_and_link_sources(audited: dict) -> None:
    html = audited["html"]
    chart = html[html.index('id="by-status"') :]
    chart = chart[: chart.index("</section>")]
    bars = dict(re.findall(r'data-label="([^"]+)" data-count="(\d+)"', chart))
    assert bars == {"2xx": "8", "3xx": "5", "4xx": "2", "5xx": "1", "skipped": "1"}
    assert "Linked from " in html and "Also linked from:" in html


def test_summary_counts_urls_by_status(audited: dict) -> None:
    assert "URLs by status: 2xx 8, 3xx 5, 4xx 2, 5xx 1, skipped 1." in audited["summary"]


def test_history_records_crawl_findings(warc: Path, tmp_path: Path, cli) -> None:
    db = tmp_path / "h.sqlite"
    cli("audit", str(warc), "-j", "1", "--db", str(db), "--format", "json", "--output", "-")
    import sqlite3

    with sqlite3.connect(db) as con:
        codes = {row[0] for row in con.execute("SELECT code FROM findings")}
    assert {"SITE008", "SITE011", "SITE016"} <= codes


def test_page_findings_equal_those_of_the_same_html_as_files(
    audited: dict, tmp_path: Path, cli
) -> None:
    names = {}
    for path in SAMPLE_OF:
        name = (path.strip("/") or "index") + ".html"
        (tmp_path / name).write_text(html_of(path), encoding="utf-8")
        names[f"{SITE}{path}"] = str(tmp_path / name)
    local = json.loads(cli("audit", *names.values(), "-j", "1", "--format", "json").output)

    def page_findings(report: dict, path: str) -> list[tuple]:
        return [
            (f["code"], f["line"], f["column"], f["message"])
            for f in report["findings"]
            if f["path"] == path and f["category"] != "site"
        ]

    for url, file in names.items():
        assert page_findings(audited["json"], url) == page_findings(local, file), url
    assert sum(len(page_findings(local, file)) for file in names.values()) > 20


def test_a_file_that_is_no_warc_is_one_line_naming_it(tmp_path: Path, cli) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"hello, not a WARC at all\n")
    result = cli("audit", str(bad))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert (
        len(lines) == 1
        and lines[0] == f"contentlint: error: {bad}: not a readable WARC: no WARC record"
    )
    with pytest.raises(ArchiveError, match="not a readable WARC"):
        read_crawl([str(bad)])


def test_a_warc_broken_in_the_middle_is_an_error(warc: Path, tmp_path: Path, cli) -> None:
    data = warc.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[:2000] + data[2400:])
    result = cli("audit", str(broken))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and f"error: {broken}: " in result.output


def test_a_cut_short_last_record_is_dropped_with_a_warning(tmp_path: Path, cli) -> None:
    pages = {f"{SITE}/": page(html_of("/"), found_by="seed")}
    pages[f"{SITE}/comparison"] = page(html_of("/comparison"))
    whole = tmp_path / "whole.warc.gz"
    write_crawl(whole, pages)
    archive = read_crawl([str(whole)])
    last = archive.urls[f"{SITE}/comparison"].source
    assert last is not None
    cut = tmp_path / "cut.warc.gz"  # killed while writing the last response
    cut.write_bytes(whole.read_bytes()[: last.offset + 300])
    result = cli("audit", str(cut), "-j", "1", "--format", "json", "--output", "-")
    assert f"{cut}: the last record (at byte {last.offset}) is cut short" in result.output
    report = json.loads(result.output[result.output.index("{") :])
    assert [f["path"] for f in report["files"]] == [f"{SITE}/"]


def test_warc_and_local_files_in_one_audit(warc: Path, tmp_path: Path, cli) -> None:
    local = tmp_path / "draft.html"
    local.write_text(html_of("/broken"), encoding="utf-8")
    pages_csv = tmp_path / "pages.csv"
    args = ["-j", "1", "--format", "json", "--pages-csv", str(pages_csv)]
    report = json.loads(cli("audit", str(local), str(warc), *args).output)
    paths = [f["path"] for f in report["files"]]
    assert paths[0] == str(local) and f"{SITE}/faq" in paths
    rows = {row["path"]: row for row in csv.DictReader(io.StringIO(pages_csv.read_text()))}
    assert [rows[str(local)][c] for c in ("status", "redirect_to", "depth", "response_ms")] == [
        "", "", "", "",
    ]  # fmt: skip
    assert rows[f"{SITE}/faq"]["status"] == "200"


def test_header_charset_decodes_the_page(tmp_path: Path) -> None:
    from linter.audit.sources import page_text

    body = "<html><head><title>Caf\u00e9</title></head><body><p>Cr\u00e8me.</p></body></html>"
    path = tmp_path / "latin.warc.gz"
    headers = {"Content-Type": "text/html; charset=ISO-8859-1"}
    write_crawl(path, {f"{SITE}/": (200, headers, body.encode("latin-1"), {})})
    archive = read_crawl([str(path)])
    text, fmt = page_text(archive.sources(), None, f"{SITE}/")
    assert "Caf\u00e9" in text and fmt == "html"


def test_gzipped_sitemap_index_and_entities(tmp_path: Path) -> None:
    import gzip

    from linter.crawl.archive import parse_sitemap

    index = (
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>/pages.xml.gz</loc></sitemap></sitemapindex>"
    )
    read = parse_sitemap(f"{SITE}/sitemap.xml", gzip.compress(index.encode()))
    assert read.index and [(loc.url, loc.line, loc.column) for loc in read.locs] == [
        (f"{SITE}/pages.xml.gz", 1, index.index("<loc>") + 1)
    ]
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://site.test/&b;</loc></url></urlset>"
    )
    read = parse_sitemap(f"{SITE}/s.xml", bomb.encode())
    assert all("aaaaaaaaaa" not in loc.url for loc in read.locs)
    assert (
        parse_sitemap(f"{SITE}/s.xml", b"<rss></rss>").error
        == "not a sitemap: its root element is <rss>"
    )
    assert parse_sitemap(f"{SITE}/s.xml", b"<urlset").error.startswith("not a valid sitemap")
