"""The HTML reader: blocks, regions, FAQ, links, JSON-LD and exact source positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.model import Block, Document
from linter.read import read_bytes
from linter.read.decode import decode
from linter.read.html import read_html
from tests.helpers import lint_rule

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bench"


def read(source: str) -> Document:
    return read_html(source, "page.html")


def block(doc: Document, needle: str) -> Block:
    """The first block whose text contains ``needle``."""
    for candidate in doc.blocks:
        if needle in candidate.text:
            return candidate
    raise AssertionError(f"no block contains {needle!r}: {[b.text for b in doc.blocks]}")


def where(doc: Document, needle: str, word: str | None = None) -> tuple[int, int]:
    """Line and column of the first character of ``word`` in the block holding ``needle``."""
    found = block(doc, needle)
    return doc.lines.position(found.tmap.to_source(found.text.index(word or needle)))


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


# --- text and positions ------------------------------------------------------------------


def test_paragraph_over_several_lines_collapses_whitespace_and_keeps_columns() -> None:
    source = "\n".join(
        [
            "<html><body>",
            "<p>The first line",
            "      goes on here",
            "\tand ends there.</p>",
            "</body></html>",
        ]
    )
    doc = read(source)
    para = block(doc, "first line")
    assert para.text == "The first line goes on here and ends there."
    assert para.kind == "paragraph"
    assert where(doc, "first line", "The") == (2, 4)
    assert where(doc, "first line", "goes") == (3, 7)
    assert where(doc, "first line", "ends") == (4, 6)
    start, end = para.source_span(para.text.index("goes"), para.text.index("here") + 4)
    assert source[start:end] == "goes on here"


def test_entities_decode_and_the_following_word_keeps_its_column() -> None:
    source = "<p>Salt &amp; pepper, it&#8217;s fine,&nbsp;really &lt;3 &copy x</p>"
    doc = read(source)
    para = doc.blocks[0]
    # &nbsp; becomes a plain space (collapsed with its neighbours).
    assert para.text == "Salt & pepper, it’s fine, really <3 © x"
    assert where(doc, "Salt", "pepper") == (1, 15)
    assert where(doc, "Salt", "s fine") == (1, 32)
    assert where(doc, "Salt", "really") == (1, 45)
    # A decoded character maps to the "&" that starts its entity.
    assert source[para.tmap.to_source(para.text.index("&"))] == "&"
    assert source[para.tmap.to_source(para.text.index("’"))] == "&"
    start, end = para.source_span(para.text.index("&"), para.text.index("&") + 1)
    assert source[start:end] == "&amp;"


def test_entity_edge_cases_follow_html5_like_libxml2() -> None:
    source = "<p>&notit; &#x80; &#0; &bogus; &amp &AMP; end</p>"
    doc = read(source)
    assert doc.blocks[0].text == "¬it; € \ufffd &bogus; & & end"
    assert where(doc, "end", "it;") == (1, 8)
    assert where(doc, "end", "&bogus") == (1, 24)
    assert where(doc, "end", "end") == (1, 43)


def test_inline_tags_inside_a_sentence_stay_in_one_block() -> None:
    source = '<p>One <b>two</b> <a href="/x">three <em>four</em></a>, five.</p>'
    doc = read(source)
    assert kinds(doc) == [("paragraph", "One two three four, five.")]
    assert where(doc, "One", "two") == (1, 11)
    assert where(doc, "One", "four") == (1, 42)
    assert where(doc, "One", ", five") == (1, 55)


def test_single_br_is_a_line_break_and_double_br_splits_paragraphs() -> None:
    source = "<div>\nRoses are red,<br>violets are blue.<br>\n<br>New paragraph here.\n</div>"
    doc = read(source)
    assert kinds(doc) == [
        ("paragraph", "Roses are red,\nviolets are blue."),
        ("paragraph", "New paragraph here."),
    ]
    assert where(doc, "Roses", "violets") == (2, 19)
    assert where(doc, "New paragraph") == (3, 5)


def test_br_inside_a_list_item_keeps_one_block() -> None:
    doc = read("<ul><li>first<br><br>second</li></ul>")
    assert kinds(doc) == [("list_item", "first\nsecond")]


def test_words_in_attributes_comments_and_scripts_are_not_matched() -> None:
    source = (
        '<div title="hello world" data-x="hello world">\n'
        "<!-- hello world -->\n"
        '<script>var s = "hello world";</script>\n'
        '<img alt="hello world" src="a.png">\n'
        "<p>Say hello world now.</p>\n"
        "</div>"
    )
    doc = read(source)
    assert kinds(doc) == [("paragraph", "Say hello world now.")]
    assert where(doc, "Say", "hello") == (5, 8)


def test_text_before_and_after_a_comment_inside_a_paragraph() -> None:
    source = "<p>Before <!-- after --> after the comment.</p>"
    doc = read(source)
    assert doc.blocks[0].text == "Before after the comment."
    assert where(doc, "Before", "after") == (1, 26)


def test_skipped_elements_are_not_linted() -> None:
    source = (
        "<p>Run <code>rm -rf</code> with care.</p>"
        "<pre>print('hi')</pre><p>Press <kbd>Enter</kbd> now.</p>"
        "<form><button>Send it</button><textarea>draft</textarea>"
        "<select><option>One</option></select></form>"
        "<svg><text>chart label</text></svg><noscript>Enable JS</noscript>"
        "<template><p>hidden</p></template><p>End.</p>"
    )
    doc = read(source)
    assert kinds(doc) == [
        ("paragraph", "Run with care."),
        ("paragraph", "Press now."),
        ("paragraph", "End."),
    ]
    assert where(doc, "Run with", "with") == (1, 28)


def test_loose_text_in_containers_and_nested_lists() -> None:
    source = (
        "<body><div>Loose text <span>in a div</span><section>Inner text</section>"
        "after the section</div>"
        "<ul><li>Parent item<ul><li>Child item</li></ul></li><li>Second</li></ul>"
        "<table><tr><th>Head</th><td>Cell <b>one</b></td></tr></table>"
        "<blockquote>Quoted words<p>Quoted paragraph</p></blockquote>"
        "<h2>Sub <i>title</i></h2></body>"
    )
    doc = read(source)
    assert kinds(doc) == [
        ("paragraph", "Loose text in a div"),
        ("paragraph", "Inner text"),
        ("paragraph", "after the section"),
        ("list_item", "Parent item"),
        ("list_item", "Child item"),
        ("list_item", "Second"),
        ("table_cell", "Head"),
        ("table_cell", "Cell one"),
        ("quote", "Quoted words"),
        ("quote", "Quoted paragraph"),
        ("heading", "Sub title"),
    ]
    assert block(doc, "Sub title").level == 2
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_paragraphs_inside_list_items_and_cells_keep_their_kind() -> None:
    doc = read("<ul><li><p>In a list</p></li></ul><table><td><p>In a cell</p></td></table>")
    assert kinds(doc) == [("list_item", "In a list"), ("table_cell", "In a cell")]


def test_crlf_source_positions() -> None:
    source = "<p>first line\r\nsecond &amp; line</p>\r\n<p>third</p>"
    doc = read(source)
    assert kinds(doc) == [("paragraph", "first line second & line"), ("paragraph", "third")]
    assert where(doc, "first", "second") == (2, 1)
    assert where(doc, "first", "line") == (1, 10)
    assert where(doc, "third") == (3, 4)


# --- robustness --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    ["", "   \n\t ", "<!-- only a comment -->", "<?php echo 1; ?>", "</p></div>", "<![CDATA[]]>"],
)
def test_inputs_without_text_give_no_blocks(source: str) -> None:
    doc = read(source)
    assert doc.blocks == []
    assert doc.format == "html"
    assert doc.meta.titles == []


def test_a_lone_less_than_or_ampersand_is_text() -> None:
    assert kinds(read("<")) == [("paragraph", "<")]
    assert kinds(read("a & b")) == [("paragraph", "a & b")]


def test_broken_markup_keeps_positions() -> None:
    source = (
        "<div><p>First <b>bold\n"
        "<p>Second</span> paragraph</em>\n"
        "<li>Item <![CDATA[ x > y ]]> tail\n"
        "<p>Nul\x00char and a < b stays"
    )
    doc = read(source)
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "First bold"
    assert "Second paragraph" in texts
    assert where(doc, "Second", "paragraph") == (2, 18)
    assert where(doc, "Item", "tail") == (3, 30)
    assert block(doc, "stays").text == "Nul\ufffdchar and a < b stays"
    assert where(doc, "stays", "b stays") == (4, 21)


def test_unclosed_tags_and_stray_end_tags() -> None:
    source = "<section><p>alpha</i> beta</b>\n<ul><li>gamma<li>delta</ul></section>"
    doc = read(source)
    assert kinds(doc) == [
        ("paragraph", "alpha beta"),
        ("list_item", "gamma"),
        ("list_item", "delta"),
    ]
    assert where(doc, "alpha", "beta") == (1, 23)
    assert where(doc, "delta") == (2, 18)


def test_xml_prologue_is_accepted() -> None:
    source = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html lang="fr"><body><p>Bonjour</p></body></html>'
    )
    doc = read(source)
    assert kinds(doc) == [("paragraph", "Bonjour")]
    assert doc.lang == "fr"
    assert where(doc, "Bonjour") == (2, 26)


def test_latin1_page_declared_in_meta() -> None:
    data = (
        b'<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head>\n'
        b"<body><p>Cr\xe8me br\xfbl\xe9e, s'il vous pla\xeet.</p></body></html>"
    )
    doc = read_bytes(data, "x.html")
    assert doc.format == "html"
    assert doc.title == "Café"
    assert block(doc, "Crème").text == "Crème brûlée, s'il vous plaît."
    assert where(doc, "Crème", "brûlée") == (2, 16)


# --- head, links, images, JSON-LD --------------------------------------------------------


def test_title_meta_and_head_data() -> None:
    source = (
        '<html lang="en-GB"><head>\n'
        "<title>  Main   title &amp; more </title>\n"
        '<meta name="Description" content="A short &amp; sweet summary.">\n'
        '<meta name="robots" content="noindex, follow">\n'
        '<meta property="og:title" content="OG title">\n'
        '<meta property="og:site_name" content="Site">\n'
        '<link rel="canonical" href="https://example.com/a">\n'
        "<style>p { color: red }</style>\n"
        "</head><body><p>Body.</p><title>Second title</title></body></html>"
    )
    doc = read(source)
    assert doc.title == "Main title & more"
    assert doc.lines.position(doc.title_offset) == (2, 10)
    assert doc.meta.titles == ["Main title & more", "Second title"]
    assert doc.meta.description == "A short & sweet summary."
    assert doc.meta.descriptions == ["A short & sweet summary."]
    assert doc.meta.robots == "noindex, follow"
    assert doc.meta.og_title == "OG title"
    assert doc.meta.og_site_name == "Site"
    assert doc.meta.canonical == "https://example.com/a"
    assert doc.lang == "en-GB"
    title, meta = doc.blocks[0], doc.blocks[1]
    assert (title.kind, title.region) == ("title", "main")
    assert (meta.kind, meta.region, meta.attrs) == ("meta", "main", {"name": "description"})
    # The description maps into the content attribute's value.
    assert where(doc, "sweet", "sweet") == (3, 49)
    assert [b.kind for b in doc.blocks] == ["title", "meta", "paragraph", "title"]


def test_links_and_images() -> None:
    source = (
        '<nav><a href="/home">Home</a></nav>\n'
        '<article><p>Read <a href=" /doc " rel="nofollow">the <b>docs</b></a> and\n'
        '<img src="a.png" alt="A chart"><img src="b.png"><img src="c.png" alt=""></p>'
        "<a name=anchor>no href</a><p>Enough words to make this the article body.</p>"
        "</article>"
    )
    doc = read(source)
    assert [(link.href, link.text, link.rel, link.region) for link in doc.links] == [
        ("/home", "Home", "", "chrome"),
        ("/doc", "the docs", "nofollow", "main"),
    ]
    assert doc.lines.position(doc.links[0].offset) == (1, 6)
    assert doc.lines.position(doc.links[1].offset) == (2, 18)
    assert [(image.src, image.alt, image.region) for image in doc.images] == [
        ("a.png", "A chart", "main"),
        ("b.png", None, "main"),
        ("c.png", "", "main"),
    ]
    assert doc.lines.position(doc.images[1].offset) == (3, 32)


def test_link_and_image_tags() -> None:
    source = '<p><a HREF=/x Title="T &amp; U">go <img src=a.png Width=1></a> <a href=/y>y'
    doc = read(source)
    first, second = doc.links
    assert first.tag is not None and first.close is not None
    assert source[first.tag.start : first.tag.end] == '<a HREF=/x Title="T &amp; U">'
    assert first.tag.attrs == {"href": "/x", "title": "T & U"}
    assert source[first.close[0] : first.close[1]] == "</a>"
    assert second.close is None
    (image,) = doc.images
    assert image.tag is not None and image.tag.attrs == {"src": "a.png", "width": "1"}
    assert source[image.tag.start : image.tag.end] == "<img src=a.png Width=1>"
    assert read_bytes(b"[a](/x) ![i](b.png)", "a.md").links[0].tag is None


def test_page_facts() -> None:
    source = (
        "<!doctype html><html lang=en><head><title>T</title><title>U</title>\n"
        '<meta name="Description" content="D"><meta property=og:title content=O>'
        '<link rel=canonical href="/c"></head>\n<body class=b>'
        '<h1 aria-label="Site"></h1><h2>A <b>&amp;</b>&nbsp;B<script>x</script></h2>'
        '<h3><a href=/><img src=l.png alt="Logo"></a><svg><title>Icon</title></svg></h3>'
        "<h4><!-- c --> \u200b <template>t</template></h4><h5>open"
    )
    page = read(source).page
    assert page is not None and page.html is not None and page.head is not None
    assert (page.html.attrs, source[page.head.start : page.head.end]) == ({"lang": "en"}, "<head>")
    assert page.body is not None and page.body.attrs == {"class": "b"}
    assert [source[t.start : t.end] for t in page.titles] == ["<title>", "<title>"]
    assert [t.attrs["content"] for t in page.metas_named("description")] == ["D"]
    assert [t.attrs["href"] for t in page.rel_links] == ["/c"]
    found = [(h.level, h.text, h.label, source[h.start : h.end][-5:]) for h in page.headings]
    assert found == [
        (1, "", "Site", "</h1>"),
        (2, "A & B", "", "</h2>"),
        (3, "", "Logo Icon", "</h3>"),
        (4, "", "", "</h4>"),
        (5, "", "", "<h5>"),
    ]
    assert read_bytes(b"# Title", "a.md").page is None


def test_jsonld_valid_wrapped_and_invalid() -> None:
    source = (
        "<html><head>\n"
        '<script type="application/ld+json">{"@type": "Article", "name": "A"}</script>\n'
        '<script type="application/ld+json">\n//<![CDATA[\n{"@type": "Thing"};\n//]]>\n</script>\n'
        '<script type="application/ld+json">\n{\n  "@type": "FAQPage",\n  "name": "x",,\n}\n'
        "</script>\n"
        '<script type="text/javascript">{"not": "json-ld"}</script>\n'
        "</head><body></body></html>"
    )
    doc = read(source)
    assert [item.data for item in doc.jsonld[:2]] == [
        {"@type": "Article", "name": "A"},
        {"@type": "Thing"},
    ]
    assert len(doc.jsonld) == 3
    assert doc.lines.position(doc.jsonld[0].offset) == (2, 36)
    broken = doc.jsonld[2]
    assert broken.data is None
    assert broken.error and "property name" in broken.error
    assert doc.lines.position(broken.error_offset) == (11, 15)


# --- regions -----------------------------------------------------------------------------


def test_regions_with_an_article() -> None:
    source = (
        "<body><header><a href='/'>Site</a><p>Tagline of the site</p></header>"
        "<nav><ul><li>Menu item</li></ul></nav>"
        "<article><header><h1>Article headline</h1></header>"
        "<p>The article body has enough words to be the main content of this page.</p>"
        "<div class='share-buttons'><p>Share this</p></div>"
        "<div class='comments'><p>A reader comment</p></div></article>"
        "<aside><p>Sidebar text</p></aside><footer><p>Copyright notice</p></footer>"
        "<p>Loose text outside the article</p></body>"
    )
    doc = read(source)
    region = {b.text: (b.kind, b.region) for b in doc.blocks}
    assert region["Article headline"] == ("heading", "chrome")  # inside the article's <header>
    assert region["The article body has enough words to be the main content of this page."] == (
        "paragraph",
        "main",
    )
    for text in (
        "Tagline of the site",
        "Menu item",
        "Share this",
        "A reader comment",
        "Sidebar text",
        "Copyright notice",
        "Loose text outside the article",
    ):
        assert region[text][1] == "chrome", text
    assert doc.body_found is True
    assert len(doc.headings()) == 1


def test_h1_in_page_header_is_still_a_heading() -> None:
    source = (
        "<header><h1>Page title</h1></header>"
        "<main><p>Plenty of body text in the main element of this page.</p></main>"
    )
    doc = read(source)
    assert (block(doc, "Page title").kind, block(doc, "Page title").region) == (
        "heading",
        "chrome",
    )
    assert block(doc, "Plenty").region == "main"


@pytest.mark.parametrize("attribute", ['role="main"', "itemprop='articleBody'"])
def test_role_main_or_article_body_is_the_container(attribute: str) -> None:
    source = (
        f"<div><p>Before the body.</p></div><div {attribute}>"
        "<p>The body of the article, with more words than anything around it.</p></div>"
        "<div><p>After the body.</p></div>"
    )
    doc = read(source)
    assert doc.body_found is True
    assert [(b.text, b.region) for b in doc.blocks] == [
        ("Before the body.", "chrome"),
        ("The body of the article, with more words than anything around it.", "main"),
        ("After the body.", "chrome"),
    ]


def test_layout_wrapper_named_after_the_sidebar_stays_main() -> None:
    body = "<p>" + "Real article text that is long enough. " * 5 + "</p>"
    source = (
        "<div class='content-with-sidebar'>" + body + body + "</div>"
        "<div class='sidebar'><p>Popular posts</p></div>"
    )
    doc = read(source)
    assert block(doc, "Real article").region == "main"
    assert block(doc, "Popular posts").region == "chrome"
    assert doc.body_found is False


# --- FAQ ---------------------------------------------------------------------------------


def test_faq_section_from_headings() -> None:
    source = (
        "<h2>Intro</h2><p>Not an answer.</p>"
        "<h2>(FAQs) About Widgets</h2>"
        "<h3>What is a widget?</h3><p>A small thing.</p><ul><li>Often blue.</li></ul>"
        "<h3>How much does it cost?</h3><p>Very little.</p>"
        "<h4>Returns</h4><p><strong>Can I return one?</strong></p><p>Yes, within a month.</p>"
        "<h2>Conclusion</h2><p>Bye.</p>"
    )
    doc = read(source)
    assert [(b.kind, b.text, b.roles()) for b in doc.blocks] == [
        ("heading", "Intro", {}),
        ("paragraph", "Not an answer.", {}),
        ("heading", "(FAQs) About Widgets", {"faq_section": True}),
        ("faq_question", "What is a widget?", {}),
        ("faq_answer", "A small thing.", {"answers": 3}),
        ("faq_answer", "Often blue.", {"answers": 3}),
        ("faq_question", "How much does it cost?", {}),
        ("faq_answer", "Very little.", {"answers": 6}),
        ("heading", "Returns", {"faq_group": True}),
        ("faq_question", "Can I return one?", {}),
        ("faq_answer", "Yes, within a month.", {"answers": 9}),
        ("heading", "Conclusion", {}),
        ("paragraph", "Bye.", {}),
    ]
    assert doc.blocks[3].level == 3


def test_faq_definition_list_details_and_plugins() -> None:
    source = (
        "<h2>Frequently Asked Questions</h2>"
        "<dl><dt>Is it safe</dt><dd>Yes.</dd><dt>Is it fast</dt><dd>Very.</dd></dl>"
        "<h2>Other</h2>"
        "<details><summary>Where is it made?</summary><p>In Spain.</p></details>"
        "<div class='schema-faq-section'><strong class='schema-faq-question'>Yoast Q?</strong>"
        "<p class='schema-faq-answer'>Yoast A.</p></div>"
        "<div class='rank-math-list-item'><h3 class='rank-math-question'>Rank Q?</h3>"
        "<div class='rank-math-answer'><p>Rank A.</p></div></div>"
    )
    doc = read(source)
    got = [(b.kind, b.text, b.answers) for b in doc.blocks]
    index = {text: i for i, (_, text, _) in enumerate(got)}
    assert got == [
        ("heading", "Frequently Asked Questions", None),
        ("faq_question", "Is it safe", None),
        ("faq_answer", "Yes.", index["Is it safe"]),
        ("faq_question", "Is it fast", None),
        ("faq_answer", "Very.", index["Is it fast"]),
        ("heading", "Other", None),
        ("faq_question", "Where is it made?", None),
        ("faq_answer", "In Spain.", index["Where is it made?"]),
        ("faq_question", "Yoast Q?", None),
        ("faq_answer", "Yoast A.", index["Yoast Q?"]),
        ("faq_question", "Rank Q?", None),
        ("faq_answer", "Rank A.", index["Rank Q?"]),
    ]


def test_faq_microdata_and_section_end() -> None:
    source = (
        '<div itemscope itemtype="https://schema.org/Question">'
        '<h3 itemprop="name">Why microdata?</h3>'
        '<div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">'
        '<p itemprop="text">Search engines read it.</p></div></div>'
        "<h2>FAQ</h2><h3>Inside?</h3><p>Yes.</p><footer><p>Footer text</p></footer>"
    )
    doc = read(source)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("faq_question", "Why microdata?"),
        ("faq_answer", "Search engines read it."),
        ("heading", "FAQ"),
        ("faq_question", "Inside?"),
        ("faq_answer", "Yes."),
        ("paragraph", "Footer text"),
    ]
    assert doc.blocks[1].roles() == {"answers": 0}


# --- corpus ------------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason="benchmark corpus not available")
def test_corpus_pages_read_and_every_character_maps_to_the_source() -> None:
    pages = sorted(CORPUS.glob("*.html"))[::4]
    assert pages
    checked = mismatched = 0
    for page in pages:
        text, _ = decode(page.read_bytes(), is_html=True)
        doc = read_html(text, str(page))
        for item in doc.blocks:
            for i, char in enumerate(item.text):
                if char.isspace():
                    continue
                checked += 1
                offset = item.tmap.to_source(i)
                if not (0 <= offset < len(text)) or text[offset] not in (char, "&"):
                    mismatched += 1
    assert checked > 100_000
    assert mismatched == 0


def test_self_closed_script_still_hides_its_code():
    doc = read(
        '<p>Before the code.</p>\n<script type="text/javascript"/>\nvar x = "hidden";\n'
        "</script>\n<p>After the code.</p>"
    )
    texts = [b.text for b in doc.blocks]
    assert texts == ["Before the code.", "After the code."]
    after = doc.blocks[1]
    assert doc.lines.position(after.tmap.to_source(0)) == (5, 4)


def test_custom_inline_element_stays_inside_its_sentence():
    doc = read(
        "<p>Fat was measured (<cite-ref><a href='#r1'>1</a></cite-ref>) twice.</p>"
        "<my-card><p>Card text.</p></my-card>"
    )
    assert [b.text for b in doc.blocks] == ["Fat was measured (1) twice.", "Card text."]


def test_white_space_only_text_between_inline_elements_is_one_mapped_space() -> None:
    source = "<p><b>one</b>\n\t <i>two</i>\u2003<i>three</i></p>"
    doc = read(source)
    para = doc.blocks[0]
    assert para.text == "one two\u2003three"
    # The space stands just after "one"'s closing tag's text: at the "<" of "</b>".
    assert source[para.tmap.to_source(para.text.index(" "))] == "<"
    assert where(doc, "one", "two") == (2, 6)


# --- parts of the article and the text cluster (issue 14) ------------------------------

_LONG = (
    "Our volunteers repaired forty bicycles last spring, and most of them went to students"
    " who ride to the technical college, which has no bus stop within two miles. "
)


def test_headline_byline_and_caption_are_article_parts_outside_its_prose():
    doc = read(
        "<html><body><article><h1>Fixing bikes for students</h1>"
        '<div class="entry-meta">By Rosa Lind, 4 March</div>'
        f"<p>{_LONG * 3}</p>"
        '<figure><img src="/img/workshop.jpg" alt="A workshop bench">'
        "<figcaption>The workshop on Mill Lane, photographed in May.</figcaption></figure>"
        f"<p>{_LONG}</p></article></body></html>"
    )
    assert block(doc, "Fixing bikes").part == "headline"
    assert block(doc, "By Rosa Lind").part == "byline"
    assert block(doc, "The workshop on Mill Lane").part == "caption"
    body = [b.text for b in doc.body_blocks()]
    assert len(body) == 2 and all(text.startswith("Our volunteers") for text in body)
    assert block(doc, "The workshop on Mill Lane").region == "main"  # still the article's


def test_related_line_is_a_part_the_related_line_rule_still_sees():
    source = (
        f"<article><p>{_LONG * 3}</p>"
        '<p>Read more: <a href="/tyres">How to patch a tyre at home</a></p>'
        f"<p>{_LONG}</p></article>"
    )
    doc = read(source)
    assert block(doc, "Read more:").part == "related"
    assert all("Read more" not in b.text for b in doc.body_blocks())
    (finding,) = lint_rule("BP006", source, "html")
    assert (finding.line, finding.column) == (1, source.index("Read more") + 1)


def test_visually_hidden_text_is_not_glued_into_the_sentence():
    doc = read(
        f"<article><p>{_LONG}</p><p>The mayor <a href='/x'>said<span class='sr-only'>"
        " (opens in a new window)</span></a> the lane would stay open.</p></article>"
    )
    assert block(doc, "The mayor").text == "The mayor said the lane would stay open."


def test_story_cards_and_a_more_stories_list_inside_the_article_are_chrome():
    cards = "".join(
        f'<div class="card"><h3><a href="/s{n}">Story number {n}</a></h3><p>Teaser {n}.</p></div>'
        for n in range(3)
    )
    doc = read(
        f"<article><p>{_LONG * 4}</p><div class='grid'>{cards}</div>"
        "<h3>More local stories</h3><ul>"
        '<li><a href="/a">Library hours change</a></li><li><a href="/b">A new cafe</a></li>'
        f"</ul><p>{_LONG}</p></article>"
    )
    for needle in ("Story number 1", "Teaser 2.", "More local stories", "Library hours"):
        assert block(doc, needle).region == "chrome", needle
    assert block(doc, "Our volunteers").region == "main"


def test_without_a_container_the_paragraph_cluster_is_the_article():
    comments = "".join(f"<p>{_LONG}</p>" for _ in range(6))
    doc = read(
        "<html><body><div class='top'><a href='/'>Home</a></div>"
        f"<div class='story'><h1>Bikes for students</h1><p>{_LONG * 2}</p><p>{_LONG * 2}</p></div>"
        f"<div class='comments'>{comments}</div>"
        "<div class='bottom'><p>Copyright the volunteers.</p></div></body></html>"
    )
    assert doc.body_found
    assert [b.region for b in doc.blocks if b.kind != "title"][:4] == [
        "chrome",
        "main",
        "main",
        "main",
    ]
    assert block(doc, "Copyright").region == "chrome"
    assert len(doc.body_blocks()) == 2


def test_the_short_line_beside_an_image_in_its_wrapper_is_a_caption():
    doc = read(
        f"<article><p>{_LONG * 3}</p>"
        '<div class="media"><img src="/img/lane.jpg" alt="The new lane">'
        "<p>The new cycle lane on Mill Road, seen from the bridge</p></div>"
        f"<p>{_LONG}</p></article>"
    )
    assert block(doc, "The new cycle lane").part == "caption"
    assert len(doc.body_blocks()) == 2


def test_text_hidden_by_its_markup_is_not_read_unless_it_is_a_folded_panel():
    doc = read(
        f"<article><p>{_LONG * 3}</p>"
        '<div style="display: none" itemprop="articleBody">A hidden copy of the text.</div>'
        "<div hidden>A pop-up nobody opened.</div>"
        "<h2>FAQ</h2><h3>Is the workshop free?</h3>"
        '<div class="accordion-panel" hidden><p>Yes, repairs cost nothing.</p></div>'
        "</article>"
    )
    texts = [b.text for b in doc.blocks]
    assert "A hidden copy of the text." not in texts and "A pop-up nobody opened." not in texts
    answer = block(doc, "Yes, repairs cost nothing.")
    assert answer.kind == "faq_answer"


def test_paragraphs_written_with_br_in_a_div_make_the_cluster():
    lines = "<br>".join([_LONG, _LONG, _LONG])
    doc = read(
        "<html><body><div class='top'><a href='/'>Home</a></div>"
        f"<div class='post'>{lines}<div>P.S. Thanks, all of you, for the help, the tools,"
        " the tea, and the patience.</div></div>"
        "<div class='side'><p>Archive</p></div></body></html>"
    )
    assert doc.body_found
    assert block(doc, "Our volunteers").region == "main"
    assert block(doc, "P.S. Thanks").region == "main"
    assert block(doc, "Archive").region == "chrome"


def test_a_recommended_box_whose_label_sits_in_its_own_wrapper_is_chrome():
    cards = "".join(
        f'<li><a href="/s{n}"><h3>Story {n} of the day</h3><p>What happened {n}.</p></a></li>'
        for n in range(3)
    )
    doc = read(
        f"<article><p>{_LONG * 4}</p>"
        '<div class="hd"><h2>Recommended for you</h2></div>'
        f'<div class="bd"><ul>{cards}</ul></div></article>'
    )
    for needle in ("Recommended for you", "Story 1 of the day", "What happened 2."):
        assert block(doc, needle).region == "chrome", needle
    assert block(doc, "Our volunteers").region == "main"
