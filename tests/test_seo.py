"""On-page SEO rules (SEO001-SEO024): positions, messages and the cases that must pass.

Each rule runs alone through the engine on HTML written for these tests, so line,
column and message are checked exactly as users see them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import lint_rule, where

from linter.checks.seo._keyphrase import keyphrase, mentions, phrase_stems
from linter.checks.seo._width import pixel_width
from linter.config import Config, apply_overrides
from linter.engine import Engine
from linter.lexicon import keyphrase_stem
from linter.model import Finding
from linter.read import parse
from linter.rulepack import load_rules

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
RULES = {rule.code: rule for rule in load_rules() if rule.category == "seo"}


def run(code: str, source: str, fmt: str = "html", **params: Any) -> list[Finding]:
    """Findings of one SEO rule on ``source`` (HTML unless ``fmt`` says)."""
    return lint_rule(code, source, fmt, **params)


def test_rules_codes_and_severities() -> None:
    assert {code: str(rule.severity) for code, rule in RULES.items()} == {
        "SEO001": "error",
        "SEO002": "warning",
        "SEO003": "info",
        "SEO004": "error",
        "SEO005": "warning",
        "SEO006": "info",
        "SEO007": "error",
        "SEO008": "warning",
        "SEO009": "warning",
        "SEO010": "info",
        "SEO011": "warning",
        "SEO012": "info",
        "SEO013": "warning",
        "SEO014": "info",
        "SEO015": "info",
        "SEO016": "info",
        "SEO017": "info",
        "SEO018": "warning",
        "SEO019": "warning",
        "SEO020": "warning",
        "SEO021": "warning",
        "SEO022": "info",
        "SEO023": "warning",
        "SEO024": "info",
        "SEO025": "info",
        "SEO026": "info",
    }
    text_rules = {code for code, rule in RULES.items() if "text" in rule.formats}
    assert text_rules == {"SEO018", "SEO019", "SEO020", "SEO021"}


# A page with one of almost every fault, each on a line of its own.
PAGE = """<!DOCTYPE html>
<html>
<head>
<title>Pruning Roses</title>
<meta name="robots" content="noindex">
</head>
<body>
<header><h1>Garden Guides</h1></header>
<article>
<h1>How to Prune Roses</h1>
<p>Cut above an outward bud <a href="/tools"></a> and read <a href="/more">here</a>.</p>
<h2></h2>
<h4>Aftercare</h4>
<img src="/img/IMG_0042.jpg" alt="IMG_0042.jpg" width="640">
<img src="/img/rose.jpg">
</article>
</body>
</html>
"""

EXPECTED = {
    "SEO003": (
        (4, 8, 4, 21),
        "Title is only 13 characters (under 30). Say more about what the page offers: "
        "the topic and what the reader gets.",
    ),
    "SEO005": (
        (3, 1, 3, 7),
        'The meta description is missing. Add <meta name="description" content="..."> '
        "with a 70-160 character summary of the page.",
    ),
    "SEO010": (
        (13, 5, 13, 14),
        "Heading level skipped: H4 after H1. Make it an H2, or add the missing level above it.",
    ),
    "SEO011": ((12, 1, 12, 10), "Empty H2 heading. Give it text or remove the element."),
    "SEO013": (
        (15, 1, 15, 26),
        'Image “rose.jpg” has no alt attribute. Describe it in alt="...", or use alt="" if '
        "it is only decoration.",
    ),
    "SEO014": (
        (14, 1, 14, 61),
        "Alt text of this article image is the file name “IMG_0042.jpg”. Describe what "
        "the image shows.",
    ),
    "SEO015": (
        (11, 29, 11, 46),
        "Link to “/tools” has no text. Add anchor text, or an aria-label or image alt that "
        "says where it leads.",
    ),
    "SEO016": (
        (11, 60, 11, 84),
        "Link text “here” says nothing about where the link leads. Use words that name the target.",
    ),
    "SEO018": (
        (10, 5, 10, 23),
        "Only 8 words of body text (under 300). Thin pages rarely answer a search well: "
        "expand the article or merge it with a related one.",
    ),
    "SEO022": (
        (3, 1, 3, 7),
        'The canonical link is missing. Add <link rel="canonical" href="..."> with the '
        "page's preferred URL.",
    ),
    "SEO023": (
        (5, 1, 5, 39),
        '<meta name="robots"> says “noindex”: search engines will not index this page. '
        "Remove it before publishing, unless the page is meant to stay out of search.",
    ),
    "SEO024": (
        (2, 1, 2, 7),
        'The lang attribute of <html> is missing. Add the page\'s language, e.g. <html lang="en">.',
    ),
    "SEO026": (
        (8, 9, 8, 31),
        "The site template adds an extra H1 to the page. The headline is the H1 on line 10; "
        "make the other one H2 or plain text. Fix it once in the template.",
    ),
}


@pytest.mark.parametrize("code", sorted(RULES))
def test_faulty_page_exact_positions_and_messages(code: str) -> None:
    found = [(where(f), f.message) for f in run(code, PAGE)]
    assert found == ([EXPECTED[code]] if code in EXPECTED else [])


def test_clean_sample_has_no_seo_findings() -> None:
    source = (SAMPLES / "clean-article.html").read_text(encoding="utf-8")
    doc = parse(source, "clean-article.html", "html")
    engine = Engine(list(RULES.values()))
    assert [(f.code, f.message) for f in engine.check(doc).findings] == []


# Titles ----------------------------------------------------------------------------------


def test_missing_title_is_reported_at_head_and_empty_first_title_at_the_title() -> None:
    (missing,) = run("SEO001", "<html>\n<head>\n<meta charset='utf-8'>\n</head></html>")
    assert where(missing) == (2, 1, 2, 7)
    assert missing.message.startswith("The page title is missing.")
    # Browsers use the first <title>: a filled second one does not help.
    (empty,) = run("SEO001", "<html><head>\n  <title></title><title>Roses</title></head></html>")
    assert where(empty) == (2, 3, 2, 10)
    assert empty.message.startswith("The page title is empty.")


def test_long_title_message_gives_characters_and_pixels() -> None:
    title = "The Complete Beginner's Guide to Pruning Roses, Shrubs and Fruit Trees"
    (finding,) = run("SEO002", f"<html><head>\n<title>{title}</title></head></html>")
    assert where(finding) == (2, 8, 2, 8 + len(title))
    assert finding.message == (
        "Title is 70 characters, about 659 px wide in Google's results (limit 60 characters"
        " / 600 px); the end will be cut off. Shorten it and put the topic first."
    )


def test_title_of_wide_letters_is_too_long_before_60_characters() -> None:
    assert round(pixel_width("W" * 40)) == 755
    (finding,) = run("SEO002", "<title>" + "WMWM " * 11 + "</title>")
    assert "54 characters, about 837 px" in finding.message
    assert run("SEO002", "<title>" + "illicit " * 7 + "</title>") == []


def test_title_past_60_characters_that_fits_600_px_is_not_cut_off() -> None:
    # 64 characters of mostly narrow letters: about 520 px, shown whole by Google
    title = "Little tips: fill, trim, lift, tilt, tint, frill and lilt it right"
    assert len(title) > 60 and round(pixel_width(title)) < 600
    assert run("SEO002", f"<html><head><title>{title}</title></head></html>") == []
    # with no pixel limit the character count decides again
    (finding,) = run("SEO002", f"<title>{title}</title>", max_pixels=0)
    assert finding.message.startswith(f"Title is {len(title)} characters")


def test_several_titles_reported_after_the_first() -> None:
    source = "<html><head>\n<title>Pruning Roses in Late Winter</title>\n<title>Home</title>\n</head></html>"
    (finding,) = run("SEO004", source)
    assert where(finding) == (3, 1, 3, 8)
    assert finding.message == (
        "Another <title> element (2 on the page; the first is on line 2). Keep one title."
    )


# Meta description --------------------------------------------------------------------------


def test_description_length_and_duplicates() -> None:
    short = '<html><head>\n<meta name="description" content="Pruning roses.">\n</head></html>'
    (finding,) = run("SEO006", short)
    assert where(finding) == (2, 35, 2, 49)
    assert finding.message == (
        "Meta description is 14 characters, too short (limit 70): search engines may replace"
        " it with text from the page; say what the reader will find here."
    )
    both = short.replace("</head>", '<meta name="description" content="Roses.">\n</head>')
    (duplicate,) = run("SEO007", both)
    assert where(duplicate) == (3, 1, 3, 43)
    assert "(2 on the page; the first is on line 2)" in duplicate.message
    (empty,) = run("SEO005", '<head>\n<meta name="description" content=" ">\n</head>')
    assert where(empty) == (2, 1, 2, 38)
    assert empty.message.startswith("The meta description is empty.")


# Headings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "<header><h1>How to Prune Roses</h1></header><main><p>Text.</p></main>",
        "<article><header><h1>How to Prune Roses</h1></header><p>Text.</p></article>",
        "<nav>Menu</nav><article><h1>How to Prune Roses</h1><p>Text.</p></article>",
    ],
)
def test_h1_anywhere_counts(body: str) -> None:
    assert run("SEO008", f"<html><body>{body}</body></html>") == []


def test_missing_h1_reported_at_body() -> None:
    (finding,) = run("SEO008", "<html>\n<body class='post'>\n<h2>Tools</h2></body></html>")
    assert where(finding) == (2, 1, 2, 20)
    assert finding.message.startswith("The page's H1 is missing.")


def test_h1_in_template_or_script_is_not_an_h1() -> None:
    source = "<h1>Roses</h1><template><h1>Slot</h1></template><script>x='<h1>y</h1>'</script>"
    assert run("SEO009", source) == []
    assert run("SEO011", "<h1>Roses</h1><template><h2></h2></template><!-- <h3></h3> -->") == []


def _lint_with_config(code: str, source: str, params: dict[str, Any]) -> list[Finding]:
    """Findings of one rule with ``[params.CODE]`` of a user's config applied."""
    (rule,) = apply_overrides([RULES[code]], Config(params={code: params}))
    return Engine([rule]).check(parse(source, "page.html", "html")).findings


def test_several_h1_allows_max_count() -> None:
    source = "<h1>Pruning Roses</h1><p>Text.</p><h1>Tools</h1><p>Text.</p><h1>Aftercare</h1>"
    (once,) = run("SEO009", source)  # once per page, the other extra H1 related
    assert [r.excerpt for r in once.related] == ["Aftercare"]
    (third,) = run("SEO009", source, max_count=2)
    assert third.message.startswith("The page has 3 H1s. The headline is the H1 on line 1;")
    assert _lint_with_config("SEO009", source, {"max_count": 3}) == []


def test_several_h1_old_param_name_in_a_config_still_applies() -> None:
    source = "<h1>Pruning Roses</h1><p>Text.</p><h1>Tools</h1><p>Text.</p><h1>Aftercare</h1>"
    assert _lint_with_config("SEO009", source, {"max_h1": 3}) == []


def test_empty_headings_in_chrome_only_when_asked() -> None:
    source = "<article><h1>Roses</h1><p>Text.</p></article>\n<footer><h3 class='modal-title'></h3></footer>"
    assert run("SEO011", source) == []
    (finding,) = run("SEO011", source, body_only=False)
    assert where(finding) == (2, 9, 2, 38)


def test_h1_same_as_title_ignores_case_and_punctuation() -> None:
    source = "<title>Pruning Roses - A Guide</title>\n<h1>Pruning roses: a guide</h1>"
    (finding,) = run("SEO012", source)
    assert where(finding) == (2, 5, 2, 27)


def test_sidebar_headings_do_not_count_as_skipped_levels() -> None:
    source = (
        "<article><h1>Roses</h1><h2>Tools</h2><p>Text.</p></article><aside><h4>Popular</h4></aside>"
    )
    assert run("SEO010", source) == []


# Images ------------------------------------------------------------------------------------


def test_missing_alt_is_capped_with_a_count() -> None:
    images = "\n".join(f'<img src="/g/{n}.jpg">' for n in range(14))
    found = run("SEO013", f"<article>\n{images}\n</article>", max_per_page=3)
    assert [f.line for f in found] == [2, 3, 4]
    assert found[-1].message.endswith(
        "only decoration (11 more article images without alt, listed below)."
    )
    assert [r.line for r in found[-1].related] == list(range(5, 16))


def test_pixels_spacers_and_hidden_images_need_no_alt() -> None:
    source = (
        '<img src="https://t.example.com/p.gif" width="1" height="1">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<img src="/i/a.svg" aria-hidden="true"><img src="/i/b.svg" role="presentation">'
    )
    assert run("SEO013", source) == []
    lazy = '<img src="data:image/gif;base64,R0lGOD=" data-src="/uploads/rose-bed.jpg">'
    (finding,) = run("SEO013", lazy)
    assert "“rose-bed.jpg”" in finding.message


def test_poor_alt_only_on_content_images() -> None:
    chrome = '<header><img src="/logo.png" alt="logo.png" width="200"></header>'
    icon = '<article><p>Text.</p><img src="/i/print.png" alt="" width="16"></article>'
    avatar = '<article><p>Text.</p><img class="avatar" src="/u/jo.jpg" alt=""></article>'
    assert run("SEO014", chrome + icon + avatar) == []
    (empty,) = run("SEO014", '<article><p>Text.</p><img src="/u/rose.jpg" alt=""></article>')
    assert "is empty" in empty.message
    assert run("SEO014", '<article><img src="/a.jpg" alt=""></article>', report_empty=False) == []


# Links -------------------------------------------------------------------------------------


def test_links_in_navigation_are_not_judged() -> None:
    source = (
        '<nav><a href="/"></a><a href="/more">More</a></nav>'
        '<article><p>See the <a href="/guides/roses">rose guide</a>.</p></article>'
    )
    assert run("SEO015", source) == []
    assert run("SEO016", source) == []
    assert run("SEO017", source) == []


def test_no_links_in_body() -> None:
    source = "<article>\n<p>Cut above an outward bud.</p>\n</article><footer><a href='/'>Home</a></footer>"
    (finding,) = run("SEO017", source)
    assert where(finding) == (2, 4, 2, 29)
    assert finding.message.startswith("The article body has no internal or outbound links.")
    internal_only = (
        '<html><head><link rel="canonical" href="https://example.org/a"></head><body>'
        '<article><p><a href="https://www.example.org/b">b</a></p></article></body></html>'
    )
    assert run("SEO017", internal_only) == []
    (each,) = run("SEO017", internal_only, each=True)
    assert "has no outbound links" in each.message


# Content -----------------------------------------------------------------------------------


def test_thin_content_counts_body_words_only_and_works_on_text() -> None:
    footer = "<footer><p>" + "word " * 400 + "</p></footer>"
    (finding,) = run(
        "SEO018",
        f"<article><h1>Roses</h1><p>Ten words of body text are not an article yet.</p></article>{footer}",
    )
    assert "Only 10 words" in finding.message
    (text,) = run(
        "SEO018", "Pruning Roses\n\nCut above an outward bud in late winter.\n", fmt="text"
    )
    assert where(text) == (1, 1, 1, 14)
    assert run("SEO018", "Roses\n\n" + "Words go here. " * 120, fmt="text") == []


KEY_PAGE = """<html><head>
<title>Pruning Roses in Late Winter</title>
<meta name="description" content="How to prune rose bushes: tools, timing and cuts.">
</head><body>
<h1>Pruning Roses</h1>
<p>By Jo Gardener, 3 March</p>
<p>Late winter is the time to cut back your bushes, before the buds open.</p>
<h2>Tools for rose bushes</h2>
</body></html>
"""


def test_keyphrase_places_each_reported_where_it_is_missing() -> None:
    found = run("SEO019", KEY_PAGE, keyphrase="rose bush")
    assert [(where(f), f.message) for f in found] == [
        (
            (2, 8, 2, 36),
            "The keyphrase “rose bush” is not in the title. Work it in where it reads naturally.",
        ),
        (
            (5, 5, 5, 18),
            "The keyphrase “rose bush” is not in the H1. Work it in where it reads naturally.",
        ),
        (
            (7, 4, 7, 74),
            "The keyphrase “rose bush” is not in the first paragraph. Work it in where it "
            "reads naturally.",
        ),
    ]


def test_keyphrase_matching_ignores_case_plurals_and_order() -> None:
    stems = phrase_stems("rose bush")
    assert keyphrase_stem("Bushes") == "bush" and keyphrase_stem("berries") == "berry"
    assert keyphrase_stem("glass") == "glass"
    assert mentions("Rose Bushes for Small Gardens", stems)
    assert mentions("Bushes of roses", stems)
    assert not mentions("Rose gardens", stems)


def test_keyphrase_from_config_reaches_the_rule() -> None:
    config = Config(settings={"seo.keyphrase": "rose bush"})
    (rule,) = apply_overrides([RULES["SEO019"]], config)
    assert rule.params["keyphrase"] == "rose bush"
    doc = parse(KEY_PAGE, "x.html", "html")
    assert len(Engine([rule]).check(doc).findings) == 3


def test_inferred_keyphrase_drops_site_name_and_long_headlines() -> None:
    doc = parse(
        '<title>Garden Co | Pruning Roses</title><meta property="og:site_name" content="Garden Co">',
        "x.html",
        "html",
    )
    assert keyphrase(doc, "", True) == "Pruning Roses"
    assert keyphrase(doc, "", False) == ""
    doc = parse("<title>Pruning Roses: Tools, Timing and Cuts</title>", "x.html", "html")
    assert keyphrase(doc, "", True) == "Pruning Roses"
    headline = parse(
        "<title>Why every gardener should prune their roses in late winter</title>",
        "x.html",
        "html",
    )
    assert keyphrase(headline, "", True) == ""
    page = (
        "<title>Pruning Roses | Garden Co</title><h1>Pruning roses</h1>"
        "<p>When pruning roses, start with the dead wood and work inwards.</p>"
    )
    assert run("SEO019", page, infer=True) == []  # "Pruning Roses", not the site name
    (finding,) = run("SEO019", page.replace("When pruning roses", "When cutting"), infer=True)
    assert "“Pruning Roses” is not in the first paragraph" in finding.message


def test_density_low_and_high() -> None:
    body = "<p>" + "Gardeners cut stems above a bud in spring. " * 25 + "Roses need it.</p>"
    (low,) = run("SEO020", body, keyphrase="roses")
    assert low.message == (
        "Keyphrase “roses” density is 0.49 % (used once in 203 words of body text), too low;"
        " aim for 0.5-3.0 %."
    )
    assert run("SEO020", body, keyphrase="roses", min_density=0.4) == []
    many = (
        "<p>"
        + "Roses need a cut above a bud. " * 2
        + "Gardeners cut stems in spring now. " * 8
        + "</p>"
    )
    (high,) = run("SEO020", many, keyphrase="roses", min_words=10)
    assert "too high" in high.message and "used twice in 62 words" in high.message
    assert where(high) == (1, 4, 1, 9)


def test_stuffing_by_density_and_by_repeated_phrase() -> None:
    stuffed = "<p>" + "Buy cheap rose bushes today. " * 9 + "</p>"
    (finding,) = run("SEO021", stuffed, min_words=10)
    assert finding.message == (
        "“Buy cheap rose bushes today” is stuffed into the text: in 9 of 9 sentences. Cut most"
        " repetitions; use pronouns and other phrasings."
    )
    assert where(finding) == (1, 4, 1, 31)
    (dense,) = run("SEO021", stuffed, keyphrase="rose bush", min_words=10)
    assert "20 % of 45 words" in dense.message


def test_thin_content_points_at_the_headline_in_the_page_header() -> None:
    source = (
        "<html><head><title>Ferry fares rise again | Harbour News</title></head><body>\n"
        "<header><nav><a href='/'>Home</a></nav>\n<h1>Ferry fares rise again</h1></header>\n"
        "<main><article><p>Fares on the island route go up by a tenth in May.</p></article>"
        "</main></body></html>"
    )
    (finding,) = run("SEO018", source)
    assert (finding.line, finding.column, finding.excerpt) == (3, 5, "Ferry fares rise again")
    # an H1 the title does not repeat (a logo, a dialog) is not the headline
    logo = source.replace("<h1>Ferry fares rise again</h1>", "<h1>Harbour</h1>")
    (finding,) = run("SEO018", logo)
    assert finding.line == 1 and finding.excerpt.startswith("Ferry fares rise again")


# Images: the article's, the template's, and the ones nobody sees (issue 14) ------------


TEMPLATE_PAGE = (
    "<html><body>\n"
    '<header><a href="/"><img src="/img/site-logo.png" width="140"></a>\n'
    '<nav><a href="/feed"><img src="/img/feed.svg"></a></nav></header>\n'
    "<main><article><h1>Pruning roses</h1><p>Cut above a bud.</p>\n"
    '<img src="/uploads/cut.jpg">\n'
    '<p>Then feed.</p><img class="print-logo" src="/img/brand.png"></article></main>\n'
    '<footer><img src="/img/badge.png"></footer>\n'
    "</body></html>"
)


def test_template_images_without_alt_are_one_info_finding_listing_them() -> None:
    (finding,) = run("SEO025", TEMPLATE_PAGE)
    assert str(finding.severity) == "info"
    assert where(finding) == (2, 21, 2, 63)
    assert finding.message == (
        "4 images in the page's header, footer, navigation or sidebar have no alt attribute,"
        " the first “site-logo.png”. Fix them once in the site template: describe logos and"
        ' linked images, use alt="" for decoration.'
    )
    places = [(r.line, r.column, r.excerpt) for r in finding.related]
    assert places == [
        (2, 21, "site-logo.png"),
        (3, 22, "feed.svg"),
        (6, 18, "brand.png"),
        (7, 9, "badge.png"),
    ]
    assert "template" in RULES["SEO025"].tags


def test_article_images_keep_their_own_warning_apart_from_the_template() -> None:
    (finding,) = run("SEO013", TEMPLATE_PAGE)
    assert where(finding) == (5, 1, 5, 29)
    assert "“cut.jpg”" in finding.message
    one = '<header><img src="/logo.png"></header><article><p>Text.</p></article>'
    (single,) = run("SEO025", one)
    assert single.message.startswith(
        "1 image in the page's header, footer, navigation or sidebar has"
    )


def test_interface_images_in_the_article_are_the_templates() -> None:
    source = (
        "<article><p>Share this.</p>\n"
        '<a href="/share"><img src="/s/fb-icon.png"></a><img src="/team/avatar-jo.jpg">'
        '<img class="print" src="/p/masthead.png"><img src="/i/logo.svg"></article>'
    )
    assert run("SEO013", source) == []
    (finding,) = run("SEO025", source)
    assert [r.excerpt for r in finding.related] == [
        "fb-icon.png",
        "avatar-jo.jpg",
        "masthead.png",
        "logo.svg",
    ]


def test_images_nobody_sees_are_neither_article_nor_template() -> None:
    hidden = [
        '<img class="ad-choice">',  # a script sets its src later
        '<img src="#">',
        '<div style="display: none"><div><img src="/promo/card.jpg"></div></div>',
        '<section hidden><img src="/promo/tile.jpg"></section>',
        '<span aria-hidden="true"><img src="/deco/leaf.jpg"></span>',
        '<div style="visibility:hidden"><img src="/x/hidden.jpg"></div>',
        '<img src="/x/zero.gif" width="0" height="0">',
        '<img src="/x/styled.gif" style="width:0;height:0px">',
        '<img src="https://stats.example.net/pixel?id=4">',
        '<img src="https://m.example.org/p?c1=2&c2=77">',
        '<img src="https://ads.example.com/ad/N1;sz=1x1;ord=5">',
        '<img src="https://stats.example.net/collect?v=1&t=pageview">',
    ]
    body = "\n".join(hidden)
    source = f"<header>{body}</header><article><p>Text.</p>\n{body}\n</article>"
    assert run("SEO013", source) == []
    assert run("SEO025", source) == []
    # a tracking address alone is no proof when the image has a size of its own
    sized = '<article><p>Text.</p><img src="/img/p?id=3" width="400"></article>'
    assert len(run("SEO013", sized)) == 1


def test_missing_alt_names_a_lazy_image_from_its_srcset() -> None:
    source = (
        '<article><p>Text.</p><img src="data:image/gif;base64,R0lGOD=" '
        'srcset="https://cdn.example.com/beds/rose-bed.jpg 800w"></article>'
    )
    (finding,) = run("SEO013", source)
    assert "“rose-bed.jpg”" in finding.message


def test_images_in_an_interface_wrapper_or_folder_are_the_templates() -> None:
    source = (
        "<article><p>Text.</p>\n"
        '<div class="author-avatar"><a href="/jo"><img src="/u/jo.jpg"></a></div>\n'
        '<a id="site-logo" href="/"><img src="/media/brand.png"></a>\n'
        '<img src="/static/icons/mail.svg"><img src="/uploads/beds.jpg"></article>'
    )
    (article,) = run("SEO013", source)
    assert (article.line, article.column) == (4, 35)
    (template,) = run("SEO025", source)
    assert [(r.line, r.excerpt) for r in template.related] == [
        (2, "jo.jpg"),
        (3, "brand.png"),
        (4, "mail.svg"),
    ]


# The article's headline (issue 14) ---------------------------------------------------------


def test_logo_h1_above_the_headline_is_the_template_extra_not_the_headline() -> None:
    source = (
        "<html><head><title>Pruning Roses in Winter | Garden Notes</title></head><body>\n"
        '<header><h1><a href="/"><img src="/logo.png" alt="Garden Notes"></a></h1></header>\n'
        "<article><h1>Pruning Roses in Winter</h1><p>Cut above a bud.</p></article>\n"
        "<footer><h1>Newsletter</h1><h1>Follow us</h1></footer></body></html>"
    )
    assert run("SEO009", source) == []
    (once,) = run("SEO026", source)
    assert where(once)[:2] == (2, 9)
    assert once.message == (
        "The site template adds 3 extra H1s to the page. The headline is the H1 on line 3; "
        "make the other 3 H2 or plain text. Fix it once in the template."
    )
    assert [r.excerpt for r in once.related] == ["Newsletter", "Follow us"]


def test_extra_h1_in_the_body_is_one_warning_naming_the_headline() -> None:
    source = (
        "<html><body><header><h1>Garden Notes</h1></header>\n"
        "<article><h1>Pruning Roses</h1><p>Cut above a bud.</p>\n"
        "<h1>Tools</h1><p>Sharp shears.</p><h1>Aftercare</h1><p>Water well.</p></article>"
        "</body></html>"
    )
    (once,) = run("SEO009", source)
    assert where(once)[:2] == (3, 1)
    assert once.message == (
        "The page has 4 H1s. The headline is the H1 on line 2; make the other 3 H2 or plain text."
    )
    assert [r.excerpt for r in once.related] == ["Garden Notes", "Aftercare"]
    assert run("SEO026", source) == []


@pytest.mark.parametrize(
    ("body", "what"),
    [
        ('<div class="login-modal"><h1>Log In</h1></div>', "a button"),
        ("<dialog><h1>Before you go</h1></dialog>", "a pop-up's title"),
        ('<header><h1><a class="btn" href="/give">Donate</a></h1></header>', "a button"),
        ('<header><h1><img src="/logo.svg" alt="Garden Notes"></h1></header>', "the site's logo"),
    ],
)
def test_login_dialog_button_or_logo_h1_is_no_headline(body: str, what: str) -> None:
    source = (
        f"<html><body>{body}<article><h2>Pruning Roses</h2><p>Text.</p></article></body></html>"
    )
    (finding,) = run("SEO008", source)
    assert finding.message.startswith(
        f"The page's H1 is missing: the page's only H1 (line 1) is {what}"
    )
    assert run("SEO009", source) == []


def test_headline_marked_up_as_h2_is_where_the_missing_h1_is_reported() -> None:
    source = (
        "<html><head><title>Pruning Roses in Winter - Garden Notes</title></head><body>\n"
        "<header><h1>Garden Notes</h1></header>\n<main><h2>Pruning Roses in Winter</h2>"
        "<p>Text.</p></main></body></html>"
    )
    (finding,) = run("SEO008", source)
    assert where(finding) == (3, 11, 3, 34)
    assert finding.message.startswith(
        "The page's H1 is missing: the page's only H1 (line 2) is the site's name, not a "
        "headline; the headline here is marked up as an H2."
    )


def test_empty_h1_is_an_empty_heading_not_another_h1() -> None:
    body = "<article><h1>Pruning Roses</h1><p>Text.</p><h1> </h1><p>More.</p></article>"
    (empty,) = run("SEO011", body)
    assert (where(empty)[:2], empty.message) == (
        (1, 44),
        "Empty H1 heading. Give it text or remove the element.",
    )
    assert run("SEO009", body) == [] and run("SEO026", body) == []
    chrome = (
        "<article><h1>Pruning Roses</h1><p>Text.</p></article><div class='modal'><h1></h1></div>"
    )
    assert run("SEO011", chrome) == [] and run("SEO009", chrome) == []
    (template,) = run("SEO026", chrome)
    assert template.message.startswith("The site template adds an empty H1 to the page.")


def test_site_name_h1_gives_way_to_the_headline_for_thin_content_and_same_title() -> None:
    source = (
        "<html><head><title>Pruning Roses - Garden Notes</title>"
        '<meta property="og:site_name" content="Garden Notes"></head><body>\n'
        "<main><h1>Garden Notes</h1>\n<article><h1>Pruning Roses</h1><p>Short.</p></article>"
        "</main></body></html>"
    )
    (thin,) = run("SEO018", source)
    assert where(thin)[:2] == (3, 14)
    assert run("SEO012", source) == []


def test_a_share_box_repeating_the_title_is_not_taken_for_the_headline() -> None:
    source = (
        "<html><head><title>Pruning Roses in Winter - Garden Notes</title></head><body>\n"
        "<nav><h2>Garden Notes</h2></nav><aside class='share'><h4>Pruning Roses in Winter"
        "</h4></aside>\n<main><h3>Pruning Roses in Winter</h3><p>Text.</p></main></body></html>"
    )
    (finding,) = run("SEO008", source)
    assert where(finding) == (3, 11, 3, 34)
    assert finding.message.startswith(
        "The page's H1 is missing; the headline here is marked up as an H3."
    )


def test_the_authors_photo_in_the_byline_is_a_template_image() -> None:
    source = (
        "<article><h1>Pruning Roses</h1>"
        '<div class="byline"><img src="/people/rosa-lind.jpg"> By Rosa Lind</div>'
        '<p>Cut above an outward bud.</p><img src="/img/pruning-cut.jpg"></article>'
    )
    (article,) = run("SEO013", source)
    assert article.message.startswith("Image “pruning-cut.jpg” has no alt attribute.")
    (template,) = run("SEO025", source)
    assert "rosa-lind.jpg" in template.message


def test_an_app_store_badge_in_the_article_is_a_template_image() -> None:
    source = (
        "<article><h1>Tide Tables</h1><p>Check the tides before you walk out.</p>"
        '<a href="https://apps.apple.com/app/tides/id1"><img src="/badges/app-store.png"></a>'
        '<img src="/img/causeway.jpg"></article>'
    )
    (article,) = run("SEO013", source)
    assert article.message.startswith("Image “causeway.jpg” has no alt attribute.")
    (template,) = run("SEO025", source)
    assert "app-store.png" in template.message
