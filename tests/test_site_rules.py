"""Site rules on small hand-made sites: what they report, where, and what they leave."""

from __future__ import annotations

import re

import pytest

from linter.audit.run import AuditPlan, audit_documents
from linter.checks.site._minhash import body_signature, candidate_pairs, clusters, similarity
from linter.checks.site._template import passages, source_keys
from linter.engine import Engine
from linter.read import parse
from linter.rulepack import load_rules

SITE_RULES = [r for r in load_rules() if r.scope == "corpus"]


def audit(*pages: str, codes: tuple[str, ...] = ()) -> list:
    docs = [parse(html, f"page{n}.html", "html") for n, html in enumerate(pages, 1)]
    rules = [r for r in SITE_RULES if not codes or r.code in codes]
    outcome = audit_documents(docs, AuditPlan(Engine([]), rules))
    return [f for result in outcome.files for f in result.findings]


def faq_page(title: str, *qa: tuple[str, str]) -> str:
    body = "".join(f"<h3>{q}</h3>\n<p>{a}</p>\n" for q, a in qa)
    return f"<html><head><title>{title}</title></head><body>\n<h2>FAQ</h2>\n{body}</body></html>"


def test_faq_gap_names_the_sibling_and_its_questions() -> None:
    guide = faq_page(
        "Compost Bins Explained | Garden Notes",
        ("How long does compost take?", "Three to twelve months, faster when turned weekly."),
        ("Can I compost citrus peel?", "Yes, in small amounts chopped into pieces first."),
    )
    review = faq_page(
        "Best Compost Bins for Small Gardens",
        ("How long does compost take to be ready?", "Most bins take six months or so."),
    )
    (gap,) = audit(guide, review, codes=("SITE006",))
    assert (gap.path, gap.line, gap.column) == ("page2.html", 3, 5)
    assert gap.message.startswith("The FAQ of page1.html, a page on the same topic, answers 1")
    assert '"Can I compost citrus peel?"' in gap.message
    assert [(r.path, r.line) for r in gap.related] == [("page1.html", 5)]


def test_faq_gap_needs_a_shared_topic() -> None:
    first = faq_page("Compost Bins Explained", ("Can I compost citrus peel?", "Yes, chopped."))
    other = faq_page("Pruning Apple Trees", ("When should I prune?", "In winter, when dormant."))
    assert audit(first, other, codes=("SITE006",)) == []


def test_near_duplicates_are_grouped_once() -> None:
    text = " ".join(f"Paragraph about soil layer {n} and what grows well in it." for n in range(12))
    pages = [f"<html><body><h1>Soil {n}</h1><p>{text}</p></body></html>" for n in range(3)]
    (near,) = audit(*pages, codes=("SITE005",))
    assert (near.path, near.line) == ("page1.html", 1)
    assert near.message.startswith("3 pages have nearly the same body text (at least 100% alike)")
    assert [r.path for r in near.related] == ["page2.html", "page3.html"]


def test_near_duplicates_leave_out_pages_under_min_words() -> None:
    text = " ".join(f"Paragraph about soil layer {n} and what grows well in it." for n in range(12))
    docs = [
        parse(f"<html><body><h1>Soil {n}</h1><p>{text}</p></body></html>", f"p{n}.html", "html")
        for n in range(3)
    ]
    (rule,) = [r for r in SITE_RULES if r.code == "SITE005"]
    words = len(re.findall(r"\w+", text))  # the body text of each page
    for least, found in ((words, 1), (words + 1, 0)):
        plan = AuditPlan(Engine([]), [rule.with_overrides(None, {"min_words": least})])
        outcome = audit_documents(docs, plan)
        assert sum(len(result.findings) for result in outcome.files) == found


def test_minhash_estimates_jaccard_and_buckets_stay_linear() -> None:
    words = [f"w{n}" for n in range(400)]
    count, base = body_signature(" ".join(words))
    _, edited = body_signature(" ".join(words[:380] + [f"x{n}" for n in range(20)]))
    assert count == 400 and base is not None and edited is not None
    # 376 of 396 shingles are shared by both texts (Jaccard 0.90 exactly)
    assert abs(similarity(base, edited) - 376 / 416) < 0.08
    assert body_signature("too short to compare") == (4, None)  # under one shingle
    copies = [base] * 200
    # a bucket of 200 copies is compared with its first member, not in 19,900 pairs
    assert len(list(candidate_pairs(copies))) == 199
    assert clusters(copies, 0.9) == [list(range(200))]


def test_template_source_scan_sees_body_blocks_and_skips_scripts() -> None:
    passage = "A" + " long passage of words that a template repeats on every page" * 3 + "."
    html = (
        f"<html><body><script>var x = '{passage}';</script>"
        f"<div class=box><p>{passage}</p></div><p>Short.</p></body></html>"
    )
    keys = source_keys(html, "html", 100)
    assert len(keys) == 1
    assert list(passages("Too short.", 100)) == []


HIDDEN_CASES = [
    "<script>if (a < b) { x = '</scrip'; }</script>kept",
    "<SCRIPT type=x>a</Script >kept<style>p{}</style>",
    "<script>one</scripts> still script </script>kept",
    "<pre>code <b>bold</b> </pre>kept<!-- a <p> comment -->kept",
    "<script>never closed <p>kept?</p>",
    "<svg><text>label</text></svg>kept<code>x</code>",
    "<scripted>not hidden</scripted><textarea>a<</textarea>",
]


@pytest.mark.parametrize("html", HIDDEN_CASES)
def test_hidden_markup_is_cut_as_the_plain_lazy_pattern_cuts_it(html: str) -> None:
    """The template scan's fast pattern for scripts, styles and comments matches exactly
    what the plain ``<(name)\\b.*?</\\1\\s*>`` pattern matches."""
    from linter.checks.site._template import _HIDDEN

    plain = re.compile(
        r"<(script|style|noscript|template|svg|iframe|pre|code|textarea)\b.*?</\1\s*>|<!--.*?-->",
        re.S | re.I,
    )
    assert _HIDDEN.sub(" ", html) == plain.sub(" ", html)


def test_a_template_image_without_alt_is_reported_once_for_the_site() -> None:
    header = '<header><img src="/brand/logo.svg"><img src="/brand/search.svg" width="20"></header>'
    pages = [
        f"<html><body>\n{header}\n<article><h1>Page {n}</h1><p>Text {n}.</p>"
        f'<img src="/img/photo{n}.jpg"></article></body></html>'
        for n in range(3)
    ]
    findings = audit(*pages, codes=("SITE007",))
    assert [(f.path, f.line, f.column) for f in findings] == [
        ("page1.html", 2, 9),
        ("page1.html", 2, 36),
    ]
    logo = findings[0]
    assert logo.message == (
        "The template image “logo.svg” has no alt attribute on 3 pages: this page and "
        "page2.html, page3.html. Fix it once in the site template."
    )
    assert [(r.path, r.line, r.column) for r in logo.related] == [
        ("page2.html", 2, 9),
        ("page3.html", 2, 9),
    ]
