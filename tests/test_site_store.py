"""The site rules reduced in SQLite (``linter.audit.site_store``): what a user sees of
each kind's findings, found through stored keys rather than a list of every page."""

from __future__ import annotations

import numpy as np
import pytest

from linter.audit.facts_codec import decode, encode
from linter.audit.site_store import SiteStore, emit_keys, temporary_connection
from linter.checks.site._facts import FaqItem, Located, PageFacts, PageLink
from linter.quote import LinePart
from linter.rulepack import load_rules

RULES = {r.code: r for r in load_rules() if r.scope == "corpus"}
PASSAGE = (2**64 - 5, "A passage the template pastes into every article body, word for word.")


def page(n: int, title: str, **extra) -> PageFacts:
    facts = PageFacts(f"site/p{n}.html", "html", words=300, body_words=300)
    facts.title = Located(title, 2, 8, 2, 8 + len(title))
    facts.h1 = Located(f"Heading {n}", 5, 5)
    for name, value in extra.items():
        setattr(facts, name, value)
    return facts


def signature(seed: int, changed: int = 0, base: bytes | None = None) -> bytes:
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 2**32, 128, dtype=np.uint32)
    if base is not None:
        values = np.frombuffer(base, dtype=np.uint32).copy()
        values[:changed] = rng.integers(0, 2**32, changed, dtype=np.uint32)
    return values.tobytes()


def findings(pages: dict[int, PageFacts], *codes: str, total: int | None = None):
    store = SiteStore(temporary_connection(), [RULES[c] for c in codes])
    for index, facts in pages.items():
        store.add(index, facts, emit_keys(store.rules, facts))
    found, errors = store.findings(None, total or max(pages) + 1)
    assert errors == []
    return {
        index: [(f.code, f.line, f.column, f.message, f.related) for f in fs]
        for index, fs in found.items()
    }


def places(related) -> list[tuple[str, int, int]]:
    return [(r.path, r.line, r.column) for r in related]


def test_duplicate_titles_land_on_the_first_page_by_audit_index() -> None:
    # indexes 1 and 3 are pages that could not be read: they have no facts
    pages = {0: page(0, "Rose Care"), 2: page(2, "Tulips"), 4: page(4, "rose  CARE")}
    found = findings(pages, "SITE001")
    ((code, line, column, message, related),) = found[0]
    assert (code, line, column) == ("SITE001", 2, 8)
    assert message.startswith('2 pages share the title "Rose Care": this page and site/p4.html.')
    assert places(related) == [("site/p4.html", 2, 8)]
    assert list(found) == [0]


def test_template_text_and_image_once_for_the_site() -> None:
    key, text = PASSAGE
    logo = [("logo.png", Located("logo.png", 7, 3))]
    pages = {
        n: page(n, f"Page {n}", template=[(key, Located(text, 10 + n, 4))], template_images=logo)
        for n in range(3)
    }
    found = findings(pages, "SITE004", "SITE007")
    text_hit, image_hit = sorted(found[0], key=lambda f: f[0])
    assert text_hit[:3] == ("SITE004", 10, 4)
    assert places(text_hit[4]) == [("site/p1.html", 11, 4), ("site/p2.html", 12, 4)]
    assert "3" in text_hit[3] and "site/p1.html, site/p2.html" in text_hit[3]
    assert image_hit[:3] == ("SITE007", 7, 3)
    assert "“logo.png” has no alt attribute on 3 pages" in image_hit[3]


def test_near_duplicates_through_lsh_buckets_larger_than_the_all_pairs_limit() -> None:
    base = signature(1)
    pages = {n: page(n, f"Copy {n}", signature=base) for n in range(60)}  # one bucket of 62
    pages[60] = page(60, "Edited", signature=signature(2, changed=4, base=base))
    pages[61] = page(61, "Other", signature=signature(3))
    pages[62] = page(62, "Edited too", signature=signature(4, changed=4, base=base))
    found = findings(pages, "SITE005")
    ((code, line, column, message, related),) = found[0]
    assert (code, line, column) == ("SITE005", 5, 5)  # the first page's H1
    assert message.startswith("62 pages have nearly the same body text (at least 97% alike)")
    assert [p for p, _, _ in places(related)] == [f"site/p{n}.html" for n in (*range(1, 61), 62)]


def test_faq_gap_between_siblings_sharing_a_title_phrase() -> None:
    def faq(*questions: str) -> list[FaqItem]:
        return [FaqItem(Located(q, 20 + n, 5), "An answer.") for n, q in enumerate(questions)]

    pages = {
        0: page(
            0,
            "Compost Bins Explained",
            faq=faq("How long does compost take?", "Can I compost citrus peel?"),
        ),
        1: page(1, "Best Compost Bins", faq=faq("How long does compost take to be ready?")),
    }
    found = findings(pages, "SITE006")
    ((code, line, column, message, related),) = found[1]
    assert (code, line, column) == ("SITE006", 20, 5)
    assert message.startswith("The FAQ of site/p0.html, a page on the same topic, answers 1")
    assert '"Can I compost citrus peel?"' in message
    assert places(related) == [("site/p0.html", 21, 5)]


def test_a_failing_map_step_reports_the_rule_not_a_traceback() -> None:
    store = SiteStore(temporary_connection(), [RULES["SITE001"], RULES["SITE003"]])
    store.add(0, page(0, "A"), {"SITE001": "ValueError: bad page", "SITE003": ["heading"]})
    found, errors = store.findings(None, 1)
    assert errors == ["site rule SITE001 failed: ValueError: bad page"]
    assert [f.code for f in found.get(0, [])] == []  # one page: no duplicate H1 either


def test_facts_come_back_as_they_were_stored() -> None:
    long_line = LinePart(900, ((0, "<title>x"), (600, "tail")))
    facts = page(
        3,
        "Title",
        faq=[FaqItem(Located("Why?", 4, 1), "Because.")],
        signature=signature(5),
        template=[(PASSAGE[0], Located("passage", 6, 2, 6, 9))],
        lines={2: "<title>Title</title>", 3: long_line},
        links=[PageLink("https://example.com/a", Located("/a", 8, 3, 8, 20))],
        canonical=PageLink("https://example.com/c", Located("/c", 1, 1)),
        noindex=True,
    )
    assert decode(encode(facts), facts.signature) == facts
    store = SiteStore(temporary_connection(), list(RULES.values()))
    store.add(3, facts)
    assert store.facts(3) == facts
    with pytest.raises(KeyError):
        store.facts(4)
