"""The HTML report in a real headless Chromium: it loads cleanly under its own CSP, the
filters show exactly the findings chosen, hostile page text runs nothing, and it renders.

Uses the system Chromium (Debian's ``chromium``) through Playwright, never a downloaded
browser; skips when either is missing.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from browser import CHROMIUM, browser_context
from report_site import lint_site

from linter.model import Finding, Severity
from linter.report import Report, render
from linter.runner import FileResult

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install '.[test]')"
)
if CHROMIUM is None:
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)

WIDTH = 1280
PWNED = "<script>window.__pwned = 1; alert(1)</script>"
PWNED_IMG = '<img src=x onerror="window.__pwned = 1; alert(1)">'


@dataclass
class Opened:
    """A report open in a tab, with everything the tab said or asked for."""

    page: sync_api.Page
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sync_api.BrowserContext]:
    """One browser for the module: starting Chromium is most of the time these tests take."""
    with browser_context(
        tmp_path_factory.mktemp("profile"), viewport={"width": WIDTH, "height": 900}
    ) as context:
        yield context


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return lint_site(tmp_path_factory.mktemp("site"))


@pytest.fixture
def open_report(browser: sync_api.BrowserContext, tmp_path: Path) -> Iterator:
    """Write a report to disk and open it from its ``file://`` URL, recording the tab."""
    tabs: list[sync_api.Page] = []

    def open_(report: Report) -> Opened:
        path = tmp_path / "report.html"
        path.write_text(render(report, "html"), encoding="utf-8")
        opened = Opened(browser.new_page())
        tabs.append(opened.page)
        opened.page.on("console", lambda m: opened.console.append(f"{m.type}: {m.text}"))
        opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
        opened.page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        opened.page.on("request", lambda r: opened.requests.append(r.url))
        opened.page.goto(path.as_uri())
        return opened

    yield open_
    for tab in tabs:
        tab.close()


def visible_findings(page: sync_api.Page) -> list[tuple[str, str, str]]:
    return [
        (el.get_attribute("data-rule"), el.get_attribute("data-severity"), el.get_attribute("data-category"))
        for el in page.locator("#pages .finding:visible").all()
    ]  # fmt: skip


def visible_pages(page: sync_api.Page) -> list[str]:
    return [el.get_attribute("id") for el in page.locator("#pages details.page:visible").all()]


def expected(report: Report, **chosen: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The findings a filter should show, and the sections of the pages holding them."""

    def keep(f: Finding) -> bool:
        values = {"rule": f.code, "severity": str(f.severity), "category": f.category}
        return all(values[key] == value for key, value in chosen.items())

    findings = [(f.code, str(f.severity), f.category) for f in report.findings if keep(f)]
    pages = [f"page-{n}" for n, r in enumerate(report.files, 1) if any(map(keep, r.findings))]
    return findings, pages


def test_loads_from_file_without_errors_or_requests(report: Report, open_report) -> None:
    opened = open_report(report)
    page = opened.page
    assert opened.console == [] and opened.errors == []
    assert opened.requests == [page.url]  # nothing fetched but the file itself
    # The style's hash matched the CSP (else the page would be unstyled)...
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(244, 246, 248)"
    # ...and so did the script's: "Expand all" opens every page section.
    page.click("#expand")
    assert page.locator("details.page[open]").count() == len(report.files)
    assert page.inner_text("#shown") == f"{len(report.findings)} findings shown"


def test_filters_show_exactly_the_chosen_findings(report: Report, open_report) -> None:
    page = open_report(report).page
    counter = page.locator("#shown")

    page.select_option("#filter-severity", "error")
    findings, pages = expected(report, severity="error")
    assert counter.inner_text() == f"{len(findings)} findings shown"
    assert 0 < len(findings) < len(report.findings)
    assert visible_findings(page) == findings
    assert visible_pages(page) == pages

    page.select_option("#filter-category", "boilerplate")
    findings, pages = expected(report, severity="error", category="boilerplate")
    assert counter.inner_text() == f"{len(findings)} findings shown"
    assert visible_findings(page) == findings and findings
    assert visible_pages(page) == pages

    page.click("#reset")
    page.select_option("#filter-rule", "HY002")
    findings, pages = expected(report, rule="HY002")
    assert counter.inner_text() == f"{len(findings)} findings shown"
    assert visible_findings(page) == findings and {r for r, _, _ in findings} == {"HY002"}
    assert visible_pages(page) == pages

    page.select_option("#filter-severity", "info")
    assert counter.inner_text() == "0 findings shown"
    assert visible_findings(page) == [] and visible_pages(page) == []

    page.click("#reset")
    assert counter.inner_text() == f"{len(report.findings)} findings shown"
    assert len(visible_pages(page)) == len(report.files)


def hostile_report(report: Report) -> Report:
    """The linted site (a page with ``<script>`` and ``<img onerror>`` in its name and text)
    plus a page whose path, message, excerpt and quoted line try to set ``__pwned``."""
    path = f"{PWNED}.html"
    finding = Finding(
        "HY002", "hygiene.placeholder-text", "hygiene", Severity.ERROR,
        f"Placeholder {PWNED_IMG}", path, 1, 4, 1, 10, PWNED, fix=PWNED_IMG,
    )  # fmt: skip
    page = FileResult(path, "html", findings=[finding], lines={1: f"<p>{PWNED} {PWNED_IMG}"})
    return Report(files=[*report.files, page], rules=report.rules)


def test_injected_markup_runs_nothing(report: Report, open_report) -> None:
    opened = open_report(hostile_report(report))
    page = opened.page
    page.click("#expand")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert opened.dialogs == []
    assert opened.console == [] and opened.errors == []  # no CSP violation: nothing tried
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1
    text = page.inner_text("#pages")
    assert "<img src=x onerror=alert(1)>.txt" in text
    assert "<script>alert(1)</script>" in text
    assert f"Placeholder {PWNED_IMG}" in text
    assert page.inner_text(f"#page-{len(report.files) + 1} summary").startswith(PWNED)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header, after checking it is one."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_full_page_screenshot(report: Report, open_report, tmp_path: Path) -> None:
    page = open_report(report).page
    page.click("#expand")
    shot = tmp_path / "report.png"
    page.screenshot(path=shot, full_page=True)
    data = shot.read_bytes()
    width, height = png_size(data)
    assert width == WIDTH and height > 3000
    assert len(data) > 100_000  # charts, badges and text, not a blank page


def test_fits_a_narrow_screen(report: Report, open_report) -> None:
    page = open_report(report).page
    page.set_viewport_size({"width": 390, "height": 800})
    page.click("#expand")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
