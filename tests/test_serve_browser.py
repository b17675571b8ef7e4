"""The editor's page of ``contentlint serve`` in a real headless Chromium: what an editor
sees when pasting a draft, clicking through findings, reading an explanation, applying a
safe fix and downloading the result, dropping a Word document, and pasting hostile text.

One server (``python -m linter serve --port 0``, a subprocess) and one browser for the
module. Uses the system Chromium through Playwright, never a downloaded browser; skips when
either is missing. ``CONTENTLINT_SERVE_URL`` points the tests at a server already running.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import CHROMIUM, browser_context
from serve_server import running_server

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install '.[test]')"
)
expect = sync_api.expect
if CHROMIUM is None:
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)


TOKEN = "editor-token-5c1f0d7e"
PHRASE = "Sourdough Starter vs Instant Yeast"
# A title phrase pasted into three sentences (BP001), a doubled word (HY001) and two spaces
# in a row (HY006), both with safe fixes.
DRAFT = f"""# {PHRASE}

Home bakers often ask which leavening suits a busy week. The answer depends on how much
time you have and how much flavour you want from a plain loaf.

## Flavour

A starter brings a gentle sourness that many people love, and the the crumb keeps for days.
Shops now sell {PHRASE} kits next to the flour.

## Time

Instant yeast raises a loaf in a couple of hours. A starter needs feeding and patience,
and most {PHRASE} guides suggest an overnight rise.

## Cost

Both are cheap. Flour and water cost pennies, and a jar of  yeast lasts a month. Some
bakeries run {PHRASE} classes on Saturday mornings.
"""

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">x</a>',
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The server's base URL: a fresh ``contentlint serve`` on a free port, in an empty
    directory (no config of the repository applies), stopped at the end of the module."""
    if os.environ.get("CONTENTLINT_SERVE_URL"):
        yield os.environ["CONTENTLINT_SERVE_URL"].rstrip("/")
        return
    with running_server(tmp_path_factory.mktemp("serve")) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sync_api.BrowserContext]:
    with browser_context(
        tmp_path_factory.mktemp("profile"),
        viewport={"width": 1280, "height": 720},
        accept_downloads=True,
    ) as context:
        yield context


@dataclass
class Tab:
    """The app open in a tab, with everything the tab said or asked for."""

    page: sync_api.Page
    origin: str
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def check(self, draft: str, fmt: str = "markdown", keys: bool = False) -> None:
        """Paste ``draft``, pick its format and check it (Ctrl+Enter with ``keys``)."""
        self.page.fill("#draft", draft)
        self.page.select_option("#format", fmt)
        with self.page.expect_response(lambda r: r.url.endswith("/v1/review")):
            if keys:
                self.page.press("#draft", "Control+Enter")
            else:
                self.page.click("#check")
        expect(self.page.locator("#status")).to_contain_text("Checked")

    def items(self, code: str | None = None) -> sync_api.Locator:
        return self.page.locator(f'#groups .item[data-code="{code}"]' if code else "#groups .item")

    def highlight_text(self, finding_id: str) -> str:
        """The words finding ``finding_id`` highlights: its marks' text, in order."""
        marks = self.page.locator(f'#doc mark.hl[data-id="{finding_id}"]')
        return "".join(m.text_content() for m in marks.all())

    def assert_clean(self, allow: str | None = None) -> None:
        """Nothing went wrong: no script error, no console error or CSP report (beyond the
        one kind ``allow`` names), no dialog, and every request went to the server."""
        console = [c for c in self.console if not (allow and allow in c)]
        assert console == [] and self.errors == [] and self.dialogs == []
        foreign = [
            u for u in self.requests if not u.startswith((self.origin + "/", "blob:", "data:"))
        ]
        assert foreign == []


@pytest.fixture
def tab(browser: sync_api.BrowserContext, server: str) -> Iterator:
    pages: list[sync_api.Page] = []

    def open_(fragment: str = "", base: str = server) -> Tab:
        opened = Tab(browser.new_page(), base)
        pages.append(opened.page)
        opened.page.on("console", lambda m: opened.console.append(f"{m.type}: {m.text}"))
        opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
        opened.page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        opened.page.on("request", lambda r: opened.requests.append(r.url))
        opened.page.goto(base + "/" + fragment)
        return opened

    yield open_
    for page in pages:
        page.close()


def test_pasted_title_phrase_is_highlighted_at_its_words_and_clicks_through(tab) -> None:
    opened = tab()
    page = opened.page
    with page.expect_response(lambda r: r.url.endswith("/v1/review")) as answer:
        opened.check(DRAFT, keys=True)
    findings = answer.value.json()["findings"]
    pasted = [f for f in findings if f["code"] == "BP001"]
    assert len(pasted) == 3
    # The list shows every finding once, three of them the pasted phrase, counted in its group.
    expect(opened.items()).to_have_count(len(findings))
    expect(opened.items("BP001")).to_have_count(3)
    expect(page.locator('[data-category="boilerplate"] .count')).to_have_text("3")
    # Each highlight covers exactly the pasted words.
    for finding in pasted:
        assert opened.highlight_text(finding["id"]) == PHRASE
    # List -> document: the last one is scrolled into view and marked active.
    last = pasted[-1]["id"]
    page.locator(f'.item[data-id="{last}"] .item-main').click()
    mark = page.locator(f'#doc mark.hl[data-id="{last}"]').first
    expect(mark).to_be_in_viewport()
    expect(mark).to_have_class(re.compile(r"\bactive\b"))
    # Document -> list: clicking the first highlight selects its item.
    first = pasted[0]["id"]
    page.locator(f'#doc mark.hl[data-id="{first}"]').first.click()
    item = page.locator(f'.item[data-id="{first}"]')
    expect(item).to_have_class(re.compile(r"\bselected\b"))
    expect(item).to_be_in_viewport()
    expect(item.locator(".item-main")).to_have_attribute("aria-current", "true")
    expect(page.locator(f'.item[data-id="{last}"]')).not_to_have_class(re.compile(r"\bselected\b"))
    # Severity is shown in words, not by colour alone.
    expect(item.locator(".badge")).to_have_text(re.compile("Error"))
    opened.assert_clean()


def test_explanation_shows_the_rules_description(tab, server: str) -> None:
    opened = tab()
    page = opened.page
    opened.check(DRAFT)
    rule = page.request.get(f"{server}/v1/rules/BP001").json()
    button = opened.items("BP001").first.locator("button.explain")
    button.click()
    panel = opened.items("BP001").first.locator(".explain-panel")
    expect(panel).to_be_visible()
    words = " ".join(rule["description"].split())
    expect(panel.locator(".rule-desc")).to_have_text(words)
    expect(panel.locator("pre").first).to_be_visible()  # an example
    expect(button).to_have_attribute("aria-expanded", "true")
    # Closed and opened again, and opened on another BP001 item: still one request.
    button.click()
    expect(panel).to_be_hidden()
    button.click()
    opened.items("BP001").nth(1).locator("button.explain").click()
    expect(opened.items("BP001").nth(1).locator(".rule-desc")).to_have_text(words)
    assert sum(u.endswith("/v1/rules/BP001") for u in opened.requests) == 1
    # Once the draft is edited, fixing would overwrite the edit: the fix buttons wait.
    expect(page.locator("#groups .apply:visible")).to_have_count(2)
    page.locator("#draft").press("End")
    page.locator("#draft").type(" More soon.")
    expect(page.locator("#groups .apply:visible")).to_have_count(0)
    expect(page.locator("#fix-all")).to_be_hidden()
    expect(page.locator("#status")).to_contain_text("check it again")
    opened.assert_clean()


def test_safe_fix_applied_shown_and_downloaded(tab, tmp_path: Path) -> None:
    opened = tab()
    page = opened.page
    opened.check(DRAFT)
    expect(page.locator("#doc")).to_contain_text("and the the crumb")
    expect(page.locator("#download")).to_be_hidden()
    expect(page.locator("#fix-all")).to_have_text("Fix all safe problems (2)")
    doubled = opened.items("HY001")
    expect(doubled).to_have_count(1)
    expect(doubled.locator(".fix")).to_have_text("Safe fix: replace “the the” with “the”")
    doubled.locator("button.apply").click()
    expect(page.locator("#status")).to_have_text("1 fix applied.")
    expect(opened.items("HY001")).to_have_count(0)
    expect(page.locator("#doc mark.hl.sev-warning", has_text="the the")).to_have_count(0)
    expect(opened.items("BP001")).to_have_count(3)  # the other findings stay
    expect(opened.items("HY006")).to_have_count(1)
    expect(page.locator("#doc")).to_contain_text("and the crumb keeps for days")
    expect(page.locator("#doc")).not_to_contain_text("the the")
    fixed = page.input_value("#draft")
    assert "and the crumb" in fixed and "the the" not in fixed and "of  yeast" in fixed
    # The rest in one go.
    page.click("#fix-all")
    expect(page.locator("#status")).to_have_text("1 fix applied.")
    expect(opened.items("HY006")).to_have_count(0)
    expect(page.locator("#fix-all")).to_be_hidden()
    fixed = page.input_value("#draft")
    assert "a jar of yeast" in fixed
    with page.expect_download() as download:
        page.click("#download")
    assert download.value.suggested_filename.endswith(".md")
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.read_text(encoding="utf-8") == fixed
    opened.assert_clean()


def docx_draft() -> bytes:
    docx = pytest.importorskip("docx", reason="python-docx is not installed")
    document = docx.Document()
    document.core_properties.title = PHRASE
    document.add_heading(PHRASE, level=1)
    for paragraph in DRAFT.split("\n\n")[1:]:
        text = " ".join(paragraph.split())
        if text.startswith("## "):
            document.add_heading(text[3:], level=2)
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_dropped_word_document_shows_findings_at_paragraphs(tab, server: str) -> None:
    data = docx_draft()
    opened = tab()
    page = opened.page
    probe = page.request.post(
        f"{server}/v1/review?filename=draft.docx",
        data=data,
        headers={"Content-Type": "application/octet-stream"},
    )
    if not probe.ok:
        pytest.skip(f"the server does not read .docx yet: {probe.text()[:200]}")
    transfer = page.evaluate_handle(
        "bytes => { const t = new DataTransfer();"
        " t.items.add(new File([new Uint8Array(bytes)], 'draft.docx')); return t; }",
        list(data),
    )
    with page.expect_response(lambda r: "/v1/review" in r.url) as answer:
        page.locator("#drop").dispatch_event("drop", {"dataTransfer": transfer})
    expect(page.locator("#status")).to_contain_text("Checked")
    findings = answer.value.json()["findings"]
    expect(opened.items("BP001")).to_have_count(3)
    for finding in (f for f in findings if f["code"] == "BP001"):
        assert opened.highlight_text(finding["id"]) == PHRASE
    wheres = page.locator("#groups .item .where").all_text_contents()
    assert wheres and all(w.startswith("¶") or w == "whole document" for w in wheres)
    # Word documents cannot be fixed: no fix buttons.
    expect(page.locator("#groups .apply")).to_have_count(0)
    expect(page.locator("#fix-all")).to_be_hidden()
    expect(page.locator("#source")).to_contain_text("draft.docx")
    opened.assert_clean()


def test_unreadable_file_shows_the_servers_message(tab) -> None:
    opened = tab()
    page = opened.page
    page.set_input_files(
        "#file", files=[{"name": "notes.pdf", "mimeType": "application/pdf", "buffer": b"%PDF"}]
    )
    expect(page.locator("#alert")).to_contain_text("notes.pdf")
    broken = {"name": "draft.docx", "mimeType": "application/octet-stream", "buffer": b"not a zip"}
    with page.expect_response(lambda r: "/v1/review" in r.url) as answer:
        page.set_input_files("#file", files=[broken])
    assert answer.value.status >= 400
    message = answer.value.json()["error"]["message"]
    expect(page.locator("#alert")).to_be_visible()
    expect(page.locator("#alert")).to_have_text(message)
    opened.assert_clean(allow="Failed to load resource")


@pytest.mark.parametrize("fmt", ["html", "text"])
def test_hostile_draft_is_shown_as_text_and_runs_nothing(tab, fmt: str) -> None:
    opened = tab()
    page = opened.page
    escaped = [p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in PAYLOADS]
    if fmt == "html":
        body = "".join(
            f"<p>A note on watering: {p} then {e} as the plugin printed it.</p>"
            for p, e in zip(PAYLOADS, escaped, strict=True)
        )
        draft = f"<html lang=en><head><title>Watering a Summer Garden</title></head><body><h1>Watering a Summer Garden</h1>{body}</body></html>"  # fmt: skip
    else:
        draft = "Watering a Summer Garden\n\n" + "\n\n".join(f"A note on watering: {p} as the plugin printed it." for p in PAYLOADS)  # fmt: skip
    opened.check(draft, fmt)
    doc = page.locator("#doc")
    text = doc.text_content()
    for payload in PAYLOADS:
        assert payload in text  # visible where it was written, as the characters it is
    assert doc.locator("script, img, a, iframe, object").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.locator("#groups .item button.explain").first.click()  # the list, too, stays text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    opened.assert_clean()  # no dialog, and no CSP report: nothing tried to run


FAQ_PAGE = """<html lang="en"><head><title>Balcony Tomatoes: A Beginner's Guide to Pots</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage",
"mainEntity": [{"@type": "Question", "name": "How big should the pot be?",
"acceptedAnswer": {"@type": "Answer", "text": "At least twenty litres for one plant."}},
{"@type": "Question", "name": "Do tomatoes need a cage?",
"acceptedAnswer": {"@type": "Answer", "text": "Yes, a cage or a stake."}}]}</script></head>
<body><h1>Balcony Tomatoes</h1><p>Tomatoes grow well in pots if they get six hours of sun.</p>
<h2>FAQ</h2><h3>How big should the pot be?</h3><p>At least twenty litres for one plant.</p>
<h3>How often should I water?</h3></body></html>"""


def test_readability_and_faq_panels(tab) -> None:
    opened = tab()
    page = opened.page
    page.fill("#keyphrase", "balcony tomatoes")
    with page.expect_request(lambda r: r.url.endswith("/v1/review")) as sent:
        opened.check(FAQ_PAGE, "html")
    assert sent.value.post_data_json["keyphrase"] == "balcony tomatoes"
    expect(page.locator("#readability .plain")).to_contain_text(re.compile(r"Grade [\d.]+: "))
    faq = page.locator("#faq")
    expect(faq).to_contain_text("The page has FAQPage markup")
    answered = faq.locator("li", has_text="How big should the pot be?")
    expect(answered.locator(".tag")).to_have_text(["✓ answered", "✓ in JSON-LD"])
    open_question = faq.locator("li", has_text="How often should I water?")
    expect(open_question.locator(".tag")).to_have_text(["✖ no answer", "▲ not in JSON-LD"])
    expect(faq.locator(".schema-only li")).to_have_text(["Do tomatoes need a cage?"])
    opened.assert_clean()


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second server, one that wants ``TOKEN`` on its API calls."""
    if os.environ.get("CONTENTLINT_SERVE_URL"):
        pytest.skip("CONTENTLINT_SERVE_URL: no server of the tests' own to start")
    cwd = tmp_path_factory.mktemp("serve-token")
    with running_server(cwd, "--token", TOKEN, "--workers", "1") as url:
        yield url.rstrip("/")


def test_token_asked_for_kept_and_sent(tab, token_server: str) -> None:
    # Without the token, the server's refusal is shown and the page asks for it.
    opened = tab(base=token_server)
    page = opened.page
    page.fill("#draft", "A short note about the weather in spring.\n")
    page.click("#check")
    expect(page.locator("#alert")).to_contain_text("token")
    expect(page.locator("#token-form")).to_be_visible()
    page.fill("#token", TOKEN)
    with page.expect_request(lambda r: r.url.endswith("/v1/review")) as sent:
        page.click("#use-token")
    expect(page.locator("#status")).to_contain_text("Checked")
    assert sent.value.headers.get("authorization") == f"Bearer {TOKEN}"
    opened.assert_clean(allow="Failed to load resource")  # the 401 before the token
    # With #token= in the address, the page keeps it, takes it off the address bar, sends it.
    opened = tab(f"#token={TOKEN}", base=token_server)
    page = opened.page
    assert TOKEN not in page.url
    with page.expect_request(lambda r: r.url.endswith("/v1/review")) as sent:
        opened.check("A short note about the weather in spring.\n", "text")
    assert sent.value.headers.get("authorization") == f"Bearer {TOKEN}"
    expect(page.locator("#alert")).to_be_hidden()
    opened.assert_clean()


def test_narrow_window_is_one_column(tab) -> None:
    opened = tab()
    page = opened.page
    page.set_viewport_size({"width": 700, "height": 900})
    opened.check(DRAFT)
    doc, side = page.locator("#results").bounding_box(), page.locator("#side").bounding_box()
    assert side["y"] >= doc["y"] + doc["height"]  # the panels come after the document
    assert page.evaluate("document.documentElement.scrollWidth") <= 700
    assert urlsplit(page.url).path == "/"
    opened.assert_clean()
