"""The HTML report: one self-contained, escaped, CSP-locked file with charts and filters."""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_site import (
    HOSTILE_NAME,
    IMG_TAG,
    SCRIPT_TAG,
    TREND,
    lint_site,
    site_finding,
    with_history,
)

from linter.model import Finding, Related, Severity
from linter.report import FORMATS, Report, render
from linter.report.html.assets import csp_hash
from linter.report.html.pages import highlight
from linter.runner import FileResult


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser would build the elements."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def with_class(self, css: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if css in (a.get("class") or "").split()]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return with_history(lint_site(tmp_path_factory.mktemp("site")))


@pytest.fixture(scope="module")
def page(report: Report) -> str:
    return render(report, "html")


@pytest.fixture(scope="module")
def elements(page: str) -> Elements:
    return Elements(page)


def section(page: str, anchor: str) -> str:
    match = re.search(rf'<section[^>]* id="{anchor}".*?</section>', page, re.S)
    assert match, anchor
    return match.group(0)


def test_page_text_paths_and_messages_are_escaped(page: str, elements: Elements) -> None:
    assert "html" in FORMATS
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert SCRIPT_TAG not in page and "<script>alert" not in page
    assert IMG_TAG not in page
    assert len(elements.named("script")) == 1
    assert elements.named("img") == []
    assert not [name for _, attrs in elements.tags for name in attrs if name.startswith("on")]


def test_csp_allows_exactly_the_inline_style_and_script(page: str, elements: Elements) -> None:
    (meta,) = [
        m for m in elements.named("meta") if m.get("http-equiv") == "Content-Security-Policy"
    ]
    policy = dict(d.strip().split(" ", 1) for d in (meta["content"] or "").split(";"))
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert style and script
    assert policy["default-src"] == "'none'"
    assert policy["style-src"] == csp_hash(style.group(1))
    assert policy["script-src"] == csp_hash(script.group(1))
    assert policy["img-src"] == "data:"
    assert "unsafe" not in (meta["content"] or "")
    assert page.index("Content-Security-Policy") < page.index("<style>")


def test_nothing_is_loaded_from_outside(elements: Elements) -> None:
    targets = [
        value
        for _, attrs in elements.tags
        for name, value in attrs.items()
        if name in {"src", "href", "action", "srcset", "xlink:href", "poster", "data"}
    ]
    assert targets  # the page links, the favicon
    assert all(t and (t.startswith("#") or t == "data:,") for t in targets), targets
    assert not elements.named("link")[1:]  # only the favicon
    assert len(elements.named("style")) == 1


def test_no_inline_style_attributes(elements: Elements) -> None:
    """The CSP forbids them: they would be ignored and reported as violations."""
    assert not [tag for tag, attrs in elements.tags if "style" in attrs]


def test_overview_counts(report: Report, page: str) -> None:
    stats = section(page, "by-severity")
    summary = report.summary()
    for severity, key in (("error", "errors"), ("warning", "warnings"), ("info", "info")):
        assert f'data-label="{severity}" data-count="{summary[key]}"' in stats
    assert f'<div class="stat"><b>{summary["findings"]}</b><span>findings</span>' in page
    assert '<div class="stat"><b>1</b><span>pages failed</span>' in page
    assert f'<div class="stat error"><b>{summary["errors"]}</b><span>errors</span>' in page


def test_category_chart_counts_every_category(report: Report, page: str) -> None:
    chart = section(page, "by-category")
    drawn = dict(re.findall(r'data-label="([a-z]+)" data-count="(\d+)"', chart))
    counts = Counter(f.category for f in report.findings)
    assert drawn == {c: str(counts[c]) for c in drawn}
    assert set(drawn) == {"boilerplate", "contradiction", "faq", "hygiene", "readability",
                          "seo", "site"}  # fmt: skip
    assert drawn["site"] == "1"


def test_trend_chart_has_a_bar_per_run(report: Report, page: str) -> None:
    chart = section(page, "trend")
    runs = re.findall(r'data-run="([^"]+)" data-findings="(\d+)"', chart)
    assert runs == [("#1", "61"), ("#2", "52"), ("this run", str(len(report.findings)))]
    assert len(TREND) == 2


def test_no_trend_or_comparison_without_history(tmp_path: Path) -> None:
    page = render(lint_site(tmp_path), "html")
    assert 'id="trend"' not in page and 'id="comparison"' not in page
    assert 'id="interrupted"' not in page


def test_interrupted_banner(report: Report) -> None:
    report.interrupted = True
    try:
        page = render(report, "html")
    finally:
        report.interrupted = False
    assert 'id="interrupted"' in page and "This run was interrupted" in page


def test_comparison_lists_new_and_fixed(report: Report, page: str) -> None:
    part = section(page, "comparison")
    assert "Since run #2" in part
    assert '<b class="new">1</b>new' in part
    assert '<b class="fixed">1</b>fixed' in part
    assert '<b class="unchanged">40</b>unchanged' in part
    assert html.escape(report.comparison.new[0].message) in part
    assert "<code>HY002</code> &lt;img src=x onerror=alert(1)&gt;" in part


def test_worst_pages_first(page: str) -> None:
    table = section(page, "worst")
    order = [
        Path(p).name for p in re.findall(r'<td class="path"><a href="#page-\d+">([^<]+)', table)
    ]
    assert order[:4] == [
        "broken-template.txt", "broken-faq.html", "broken-article.html", "contradictions.html",
    ]  # fmt: skip
    assert "clean-article.html" not in order


def test_site_findings_list_the_other_pages(report: Report, page: str) -> None:
    part = section(page, "site")
    assert "SITE001" in part
    assert "The title “Bulbs &lt;script&gt;alert(1)&lt;/script&gt;” is used by 2 pages" in part
    assert f'<a href="#page-1">{report.files[0].path}</a>, line 1' in part


def test_a_section_per_page_with_its_findings(report: Report, elements: Elements) -> None:
    pages = elements.with_class("page")
    assert [p["id"] for p in pages] == [f"page-{n}" for n in range(1, len(report.files) + 1)]
    shown = elements.with_class("finding")
    assert len(shown) == len(report.findings)
    assert [(f["data-severity"], f["data-category"], f["data-rule"]) for f in shown] == [
        (str(f.severity), f.category, f.code) for f in report.findings
    ]


def test_flagged_text_is_marked_in_its_line(page: str) -> None:
    assert "<mark>Electric Bikes vs Regular Bikes for Commuting</mark> usually save money" in page
    hostile = (
        "Plant the the bulbs in autumn. &lt;script&gt;alert(1)&lt;/script&gt; <mark>TODO</mark>"
    )
    assert hostile in page
    assert "Suggested fix: <code>electric bikes</code>" in page
    assert "not linted" in page and "cannot read: missing" in page
    assert html.escape(HOSTILE_NAME) in page


def test_filter_controls_and_counter(report: Report, elements: Elements, page: str) -> None:
    filters = {s["data-filter"] for s in elements.named("select")}
    assert filters == {"severity", "category", "rule"}
    codes = {f.code for f in report.findings}
    rule_options = re.search(r'data-filter="rule">(.*?)</select>', page, re.S)
    assert rule_options
    assert set(re.findall(r'<option value="([A-Z]+\d+)"', rule_options.group(1))) == codes
    assert f'<p id="shown" aria-live="polite">{len(report.findings)} findings shown</p>' in page


def marked(line: str, column: int, end_column: int, end_line: int = 1) -> str:
    finding = Finding(
        "HY001", "hygiene.doubled-word", "hygiene", Severity.WARNING, "m", "p", 1, column,
        end_line, end_column, "x",
    )  # fmt: skip
    return highlight(line, finding)


def test_highlight_clamps_and_windows() -> None:
    assert marked("a <b> c", 3, 6) == "a <mark>&lt;b&gt;</mark> c"
    assert marked("short", 3, 99) == "sh<mark>ort</mark>"
    assert marked("short", 9, 12) == "short<mark></mark>"
    assert marked("two lines\r\n", 5, 2, end_line=2) == "two <mark>lines</mark>"
    long = "x" * 500 + "FLAG" + "y" * 500
    shown = marked(long, 501, 505)
    assert shown == "…" + "x" * 80 + "<mark>FLAG</mark>" + "y" * 80 + "…"
    huge = marked("z" * 1000, 1, 1001)
    assert huge == "<mark>" + "z" * 240 + "…</mark>"


def test_a_site_finding_on_many_pages_lists_the_first_twenty() -> None:
    paths = [f"page-{n}.html" for n in range(26)]
    finding = site_finding(paths[0], paths[1])
    finding.related = [Related(1, 1, "Same title", path=p) for p in paths[1:]]
    results = [FileResult(p, "html", findings=[finding] if p == paths[0] else []) for p in paths]
    part = section(render(Report(files=results), "html"), "site")
    assert part.count('<a href="#page-') == 21  # the page itself, then 20 others
    assert "and 5 more places" in part


def test_a_large_site_gets_sections_for_its_worst_pages_only(monkeypatch) -> None:
    from linter.model import Finding, Severity
    from linter.report import Report
    from linter.report import html as html_report
    from linter.report.html import pages as html_pages
    from linter.runner import FileResult

    def result(n: int, errors: int) -> FileResult:
        finding = Finding(
            "HY001", "hygiene.doubled-word", "hygiene", Severity.ERROR, "m", "p", 1, 1, 1, 2, "x"
        )
        return FileResult(f"page{n}.html", "html", findings=[finding] * errors)

    monkeypatch.setattr(html_pages, "PAGE_SECTIONS", 2)
    report = Report([result(1, 1), result(2, 3), result(3, 0), result(4, 2)])
    page = html_report.render(report)
    assert page.count('<details class="page"') == 2
    assert 'id="page-2"' in page and 'id="page-4"' in page and 'id="page-1"' not in page
    assert "Sections for the 2 pages with the most problems; the other 2 pages" in page
