"""HTML reader: lxml's parser for structure, our own tokenizer for exact positions.

lxml (libxml2 2.14, whose tokenizer follows HTML5) builds the tree; ``htmlpos`` maps every
text node back to its source offsets, so each character of ``Block.text`` maps through
``Block.tmap`` to the character it came from (an entity's decoded characters map to its
``&``). A node that cannot be found exactly is placed by its first word, or at worst at
its element's line, column 1.

Blocks
    Headings (``level`` 1-6), paragraphs, list items, table cells and quotes come from
    their elements; text directly in a container (div, section, body...) becomes a block
    of the container's kind: ``paragraph`` at top level, ``list_item`` inside an li,
    ``table_cell`` inside a td, ``quote`` in a blockquote. A ``<p>`` inside an li, a td
    or a blockquote keeps that kind. Inline elements join the surrounding text; any other
    element ends the block, so a nested list and the text after it are blocks of their own. One
    ``<br>`` is a ``"\\n"`` in the text; two or more in a row split a paragraph or quote
    into separate blocks (a list item or cell keeps one ``"\\n"``). Code, pre, kbd,
    samp, var, scripts, styles, form controls, SVG/MathML, templates, iframes, noscript
    and media fallbacks are never linted. Whitespace runs collapse to one space and the
    ends are stripped; U+00A0 (``&nbsp;``) counts as whitespace and becomes a plain space.

Head
    Every ``<title>`` is a ``title`` block (``doc.title``/``title_offset`` from the first;
    the offset is that of its first character); ``<meta name=description>`` is a ``meta``
    block mapped into its content attribute. ``doc.meta`` holds ``titles`` and
    ``descriptions`` (always lists), ``description``, ``canonical``, ``robots``,
    ``og:title``, ``og:site_name`` when present, and ``body_found``.

Body and chrome (``region``)
    The body container is chosen from ``<article>``, ``<main>``/``[role=main]`` and
    ``[itemprop=articleBody]``, measured by the length of the ``<p>`` text inside them
    (by all text when the page has under 1,000 characters of ``<p>`` text). Candidates
    under 30 % of the page's text are teasers and do not count. The article with the
    most text wins; a ``<main>`` that holds that article and also the first ``<h1>``
    (outside the article) is used instead, so the headline stays in the body; with no
    article, the biggest ``<main>``, then the biggest ``articleBody``; with none of these,
    the element holding the article's paragraphs (``html_cluster``: scored as Readability
    does, by long paragraphs with commas and few links, outside footers, navigation,
    comment threads and story cards). When a container is found, everything outside it
    is chrome. Inside it (or anywhere when none is
    found) header/nav/footer/aside/form/menu/dialog elements are chrome, and so are
    landmark roles (navigation, banner, contentinfo, complementary, search) and elements
    whose class or id has a token such as nav, menu, footer, sidebar, cookie, comments,
    share, social, breadcrumb, related, widget, newsletter, promo or ad. Layout wrappers
    of the article often carry such tokens (``has-sidebar``), so apart from comment
    sections an element holding 30 % of the body's text is not chrome by its class, and
    the container and its ancestors never are. Inside the body (``html_parts``), link
    lists, grids of story cards, "More stories" lists and author boxes are chrome too;
    the headline, bylines, captions and "Read more:" lines stay main but get a
    ``Block.part``, which keeps them out of the prose rules; visually hidden and
    hover-only text is not read. Chrome blocks are still emitted: an ``<h1>`` in a page
    header is a heading with region chrome. Title and meta blocks are main.

FAQ
    A heading that names an FAQ ("FAQ", "FAQs", "Frequently Asked Questions", "Questions
    and answers", "Q&A", "Common questions", with other words around) starts a section
    (``faq_section``) that ends at the next non-question heading of the same or a
    higher level, or where the region changes; deeper non-question headings in it get
    ``faq_group``. In it, headings ending with "?", paragraphs ending with "?" of
    at most 25 words and ``<dt>`` become ``faq_question`` (headings keep their level); the
    paragraphs, list items and ``<dd>`` after a question become ``faq_answer`` with
    ``answers`` = the question block's index. ``<details>``/``<summary>``, Yoast
    and Rank Math blocks and schema.org Question microdata are recognised anywhere.

Page markup
    ``doc.page`` holds the markup rules about the page itself judge (``PageFacts``): the
    first ``<html>``, ``<head>`` and ``<body>`` tags, every ``<title>``, ``<meta>`` and
    ``<link>`` tag and the headings with their text and label, with source spans, leaving
    out comments and the insides of raw-text elements, templates, SVG, MathML, noscript,
    objects and textareas. Each link and image keeps its start tag (``tag``, with the
    attributes lxml read) and a link the span of the first ``</a>`` after it (``close``).

Modules
    ``html_tree`` walks the tree into blocks, ``html_runs`` collapses their text keeping
    the runs, ``html_body`` chooses the body and tells chrome (with
    ``html_cluster`` and ``html_parts``), ``html_faq`` marks FAQs,
    ``html_head`` reads the head, links, images and JSON-LD, ``html_page`` the page's
    markup; this module prepares the source and puts them together.
"""

from __future__ import annotations

import re

from lxml import etree

from linter.model import CHROME, MAIN, PARAGRAPH, Document
from linter.read.html_body import Regions, find_body
from linter.read.html_faq import mark_faq
from linter.read.html_head import jsonld
from linter.read.html_page import page_facts
from linter.read.html_runs import STRIP
from linter.read.html_tree import Reader
from linter.read.htmlpos import SourceIndex

_PROLOGUE = re.compile(r"\A\s*<\?xml[^>]*>")
_SELF_CLOSED_SCRIPT = re.compile(r"(<script\b[^<>]*?)/>", re.I)
# "<script" in any case, as ``"<script" in text.lower()`` finds it (no re.I, which would
# also take "\u017f" for "s"), without lowering the whole page.
_SCRIPT_OPEN = re.compile(r"<[sS][cC][rR][iI][pP][tT]")


def _open_self_closed_scripts(text: str) -> str:
    """``<script .../>`` opens a script in browsers (HTML ignores the slash), while
    libxml2 closes it and would read the code after it as text; match the browser.
    Same length, so offsets stay."""
    if "/>" not in text or _SCRIPT_OPEN.search(text) is None:
        return text
    return _SELF_CLOSED_SCRIPT.sub(lambda m: m.group(1) + " >", text)


def _neutralise_prologue(text: str) -> str:
    """lxml refuses str input with an XML encoding declaration; blank it, keeping offsets."""
    m = _PROLOGUE.match(text)
    if m is None:
        return text
    return " " * m.end() + text[m.end() :]


def read_html(text: str, path: str) -> Document:
    """Build the document for already-decoded HTML ``text``."""
    doc = Document(path=path, format="html", source=text)
    work = _open_self_closed_scripts(_neutralise_prologue(text))
    if "\x00" in work:
        work = work.replace("\x00", "\ufffd")  # as libxml2 does; same length
    index = SourceIndex(work)
    doc.jsonld = jsonld(text, index)
    reader = Reader(text, index, doc)
    root = None
    if work.strip():
        try:
            root = etree.fromstring(work, etree.HTMLParser(remove_comments=True, remove_pis=True))
        except (etree.LxmlError, ValueError):
            root = None
    if root is not None:
        _read_tree(root, text, reader, doc)
    for number, block in enumerate(reader.blocks):
        block.index = number
    doc.blocks = reader.blocks
    doc.links = reader.links
    doc.images = reader.images
    doc.title = reader.title
    doc.title_offset = reader.title_offset
    doc.meta = reader.meta
    doc.page = page_facts(text, index)
    return doc


def _read_tree(root: etree._Element, text: str, reader: Reader, doc: Document) -> None:
    """Choose the body, walk the tree and mark the FAQs."""
    lang = root.get("lang") or root.get("xml:lang")
    doc.lang = lang.strip() or None if lang else None
    body = find_body(root, text)
    reader.regions = Regions(body, root)
    region = CHROME if body.container is not None else MAIN
    reader.bctx = (PARAGRAPH, 0, region, "body", None, None)
    doc.body_found = body.container is not None
    for child in root:
        if child.tag == "head":
            reader.walk_head(child)
        else:
            reader.walk(child, reader.bctx)
        if child.tail and child.tail.strip(STRIP):
            reader.add_text(child.tail, None, child)
    reader.flush()
    mark_faq(reader.blocks, reader.block_tags, reader.block_faq)
