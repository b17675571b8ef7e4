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
    ``table_cell`` inside a td, ``quote`` in a blockquote. A ``<p>`` inside an li or a td
    keeps that kind. Inline elements join the surrounding text; any other element ends
    the block, so a nested list and the text after it are blocks of their own. One
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
    article, the biggest ``<main>``, then the biggest ``articleBody``. When a container
    is found, everything outside it is chrome. Inside it (or anywhere when none is
    found) header/nav/footer/aside/form/menu/dialog elements are chrome, and so are
    landmark roles (navigation, banner, contentinfo, complementary, search) and elements
    whose class or id has a token such as nav, menu, footer, sidebar, cookie, comments,
    share, social, breadcrumb, related, widget, newsletter, promo or ad. Layout wrappers
    of the article often carry such tokens (``has-sidebar``), so apart from comment
    sections an element holding 30 % of the body's text is not chrome by its class, and
    the container and its ancestors never are. Chrome blocks are still emitted: an
    ``<h1>`` in a page header is a heading with region chrome. Title and meta blocks are
    main.

FAQ
    A heading that names an FAQ ("FAQ", "FAQs", "Frequently Asked Questions", "Questions
    and answers", "Q&A", "Common questions", with other words around) starts a section
    (``attrs["faq"] = True``) that ends at the next non-question heading of the same or a
    higher level, or where the region changes; deeper non-question headings in it get
    ``attrs["faq_group"]``. In it, headings ending with "?", paragraphs ending with "?" of
    at most 25 words and ``<dt>`` become ``faq_question`` (headings keep their level); the
    paragraphs, list items and ``<dd>`` after a question become ``faq_answer`` with
    ``attrs["question"]`` = the question block's index. ``<details>``/``<summary>``, Yoast
    and Rank Math blocks and schema.org Question microdata are recognised anywhere.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from lxml import etree

from linter.model import (
    CHROME,
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    MAIN,
    META,
    PARAGRAPH,
    QUOTE,
    TABLE_CELL,
    TITLE,
    Block,
    Document,
    Image,
    JsonLd,
    Link,
)
from linter.read.htmlpos import (
    RAW_TEXT,
    Run,
    SourceIndex,
    TagQueue,
    attr_value_span,
    decode_runs,
)
from linter.textmap import TextMap

# Elements whose content is never linted (RAW_TEXT ones are not even in the text stream).
SKIP = RAW_TEXT | frozenset(
    {
        "pre", "code", "noscript", "template", "svg", "math", "textarea", "select",
        "option", "optgroup", "datalist", "button", "kbd", "samp", "var", "object",
        "embed", "canvas", "audio", "video", "applet", "frameset", "frame", "head",
    }
)  # fmt: skip
# Skipped elements that still end the text before them (code and icons sit inside text).
_BLOCK_SKIP = frozenset(
    {
        "pre", "video", "audio", "object", "embed", "iframe", "canvas", "frameset", "applet",
        "xmp", "plaintext", "noembed", "noframes", "template",
    }
)  # fmt: skip
INLINE = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "blink", "cite", "data", "del",
        "dfn", "em", "font", "i", "img", "input", "ins", "label", "mark", "nobr", "q",
        "rb", "rp", "rt", "rtc", "ruby", "s", "small", "span", "strike", "strong", "sub",
        "sup", "time", "tt", "u", "wbr", "picture", "source", "track", "map", "area",
        "output", "meter", "progress", "link", "meta",
    }
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_INSIDE = etree.XPath(
    "boolean(.//p|.//div|.//li|.//table|.//section|.//article|.//h1|.//h2|.//h3|.//h4"
    "|.//blockquote|.//ul|.//ol)"
)


def _inline_custom(el: etree._Element) -> bool:
    """A custom element (``<hl-trusted-source>``) wrapping only inline content is part of
    the sentence around it, as browsers render it; one that wraps blocks is a container."""
    return not _BLOCK_INSIDE(el)


_OWN_KIND = {
    "li": LIST_ITEM,
    "td": TABLE_CELL,
    "th": TABLE_CELL,
    "blockquote": QUOTE,
    "dt": PARAGRAPH,
    "dd": PARAGRAPH,
    "summary": PARAGRAPH,
    "figcaption": PARAGRAPH,
    "caption": PARAGRAPH,
    "legend": PARAGRAPH,
    "address": PARAGRAPH,
}
# Kinds whose <br><br> starts a new block; a list item or a cell stays one unit.
_SPLIT_KINDS = frozenset({PARAGRAPH, QUOTE})
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside", "form", "menu", "dialog", "search"})
CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
)
_CHROME_WORDS = frozenset(
    {
        "nav", "navbar", "navigation", "navmenu", "subnav", "topnav", "sitenav", "menu",
        "menus", "submenu", "megamenu", "menubar", "footer", "sidebar", "sidebars",
        "cookie", "cookies", "consent", "gdpr", "share", "sharing", "shares", "sharedaddy",
        "sharethis", "addtoany", "social", "breadcrumb", "breadcrumbs", "related",
        "relatedposts", "widgets", "widgetarea", "subscribe", "subscription", "newsletter",
        "signup", "promo", "promos", "advert", "adverts", "advertisement", "advertising",
        "ad", "ads", "adslot", "adunit", "sponsored", "outbrain", "taboola", "popup",
        "modal", "pagination",
    }
)  # fmt: skip
_COMMENT_WORDS = frozenset({"comment", "comments", "commentlist", "disqus"})
# Page builders (Elementor...) call every content block "widget", so the word only counts
# when a class name starts with it ("widget", "widget_text", "widget-area").
_CHROME_FIRST = frozenset({"widget"})
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_TOKEN = re.compile(r"[a-z0-9]+")
_FAQ_CLASS = re.compile(
    r"(?:schema-faq-|rank-math-|faq[-_]+(?:item[-_]+)?)(question|answer)\b", re.I
)
FAQ_HEADING = re.compile(
    r"(?<![\w.])(?:faqs?|f\.a\.q\.?s?|frequently[\s-]+asked[\s-]+questions?|common\s+questions"
    r"|questions?\s+(?:and|&)\s+answers?|q\s*&\s*a)(?!\w)",
    re.I,
)
_NEVER_CHROME = frozenset({"html", "body"})
_STRIP = "\t\n\f\r \xa0"
# A whitespace run that is not already a single plain space.
_WS_RUN = re.compile(r"(?: [\t\n\f\r \xa0]|[\t\n\f\r\xa0])[\t\n\f\r \xa0]*")
_PROLOGUE = re.compile(r"\A\s*<\?xml[^>]*>")
_BODY_SHARE = 0.3
# An element holding this share of the body's text is not chrome by a "probably" class.
_KEEP_SHARE = 0.3
# Below this much <p> text the page's text is measured node by node instead.
_FEW_PARAGRAPHS = 1000
_STRING = etree.XPath("string()")


def _string(el: Any) -> str:
    """XPath ``string()`` of ``el``; most links and many paragraphs hold only text, which
    ``el.text`` reads without the cost of an XPath call (with no child nodes the two are
    the same: comments and processing instructions are removed by the parser)."""
    if len(el):
        return _STRING(el)
    return el.text or ""


# Case-sensitive "role" keeps the regex on its fast literal-prefix search.
_ROLE_MAIN = re.compile(r"role\s*=\s*[\"']?\s*(?i:main)\b")
_ARTICLE_BODY = re.compile(r"itemprop\s*=\s*[\"']?[^\"'>]*\barticleBody\b")
_TAG_NAME = re.compile(r"[A-Za-z][^\t\n\f\r />]*")

# (kind, level, region, tag, faq); faq is None or (role, key) with role "q", "a" or
# "scope" (inside a schema.org Question, before its name or answer).
Ctx = tuple[str, int, str, str, Any]
Piece = tuple[str, list[Run]]


@lru_cache(maxsize=16384)
def _chrome_names(value: str) -> int:
    """How surely a class or id value names chrome: 0 not, 1 probably, 2 surely.

    Layout classes mention sidebars and widgets on the wrappers of the article itself
    (``has-sidebar``, ``l-sidebar-fixed``, Blogger's ``widget Blog``), so most matches
    are only "probably" and give way when the element holds much of the body text;
    comment sections can be longer than the article, so those are "surely".
    """
    found = 0
    for name in value.split():
        tokens = _TOKEN.findall(_CAMEL.sub(r"\1-\2", name).lower())
        if not _COMMENT_WORDS.isdisjoint(tokens):
            return 2
        if (tokens and tokens[0] in _CHROME_FIRST) or not _CHROME_WORDS.isdisjoint(tokens):
            found = 1
    return found


def _collapse(pieces: list[Piece]) -> Piece:
    """Join pieces, collapse whitespace runs to one space and strip, keeping the runs."""
    if len(pieces) == 1:
        raw, runs = pieces[0]
    else:
        texts: list[str] = []
        runs = []
        offset = 0
        for text, piece_runs in pieces:
            texts.append(text)
            if offset:
                runs.extend([(offset + t, s, n, sn) for t, s, n, sn in piece_runs])
            else:
                runs.extend(piece_runs)
            offset += len(text)
        raw = "".join(texts)
    lo = len(raw) - len(raw.lstrip(_STRIP))
    hi = len(raw.rstrip(_STRIP))
    if lo >= hi:
        return "", []
    if len(runs) == 1 and runs[0][2] == runs[0][3] and _WS_RUN.search(raw, lo, hi) is None:
        # One plain run and nothing to collapse: the common single text node.
        source_start = runs[0][1] + lo
        return raw[lo:hi], [(0, source_start, hi - lo, hi - lo)]
    ranges: list[tuple[int, int]] = []
    position = lo
    for m in _WS_RUN.finditer(raw, lo, hi):
        ranges.append((position, m.start() + 1))
        position = m.end()
    ranges.append((position, hi))
    text = _WS_RUN.sub(" ", raw[lo:hi]) if len(ranges) > 1 else raw[lo:hi]
    out: list[Run] = []
    append = out.append
    t = 0
    index = 0
    for x, y in ranges:
        while runs[index][0] + runs[index][2] <= x:
            index += 1
        while x < y:
            rt, rs, rn, rsn = runs[index]
            stop = rt + rn
            if stop > y:
                stop = y
            if rn == rsn:
                append((t, rs + x - rt, stop - x, stop - x))
            else:
                append((t, rs, stop - x, rsn))
            t += stop - x
            x = stop
            if x >= rt + rn:
                index += 1
    return text, out


def _text_map(lines: list[Piece]) -> tuple[str, TextMap]:
    """Join collapsed lines with "\\n"; the newline maps to just after the previous line.

    Runs from ``_collapse`` are valid ``TextMap`` runs already, so they are handed over
    directly instead of through ``TextMap.add`` (hot path: one call per block).
    """
    if len(lines) == 1:
        text, runs = lines[0]
        return text, TextMap(runs, [run[0] for run in runs])
    merged: list[Run] = []
    offset = 0
    for number, (text, runs) in enumerate(lines):
        if number:
            _, s, _, sn = lines[number - 1][1][-1]
            merged.append((offset, s + sn, 1, 1))
            offset += 1
        merged.extend([(offset + t, s, n, sn) for t, s, n, sn in runs])
        offset += len(text)
    return "\n".join(text for text, _ in lines), TextMap(merged, [run[0] for run in merged])


def _all_text(root: Any) -> tuple[dict[Any, int], int]:
    """Length of visible text under each element (slow; for pages with few paragraphs)."""
    sizes: dict[Any, int] = {}
    total = 0
    for text in root.xpath("//text()"):
        size = len(text.strip())
        if not size:
            continue
        owner = text.getparent()
        if text.is_tail:
            owner = owner.getparent()
        elif owner.tag in RAW_TEXT:
            continue
        total += size
        while owner is not None:
            sizes[owner] = sizes.get(owner, 0) + size
            owner = owner.getparent()
    return sizes, total


def _with_attribute(
    root: Any, source: str, pattern: re.Pattern[str], name: str, accept: Callable[[str], bool]
) -> list[Any]:
    """Elements whose attribute ``name`` passes ``accept``.

    They are looked up by the names of the tags that carry ``pattern`` in the source: an
    XPath attribute scan over every element of a big page costs 15 ms (a Wikipedia
    article), ``root.iter(tag)`` a fraction of that.
    """
    tags: set[str] = set()
    for m in pattern.finditer(source):
        lt = source.rfind("<", 0, m.start())
        tag = _TAG_NAME.match(source, lt + 1)
        if tag:
            tags.add(tag.group().lower())
    return [el for tag in tags for el in root.iter(tag) if accept(el.get(name, ""))]


def _is_main_role(value: str) -> bool:
    return value.strip().lower() == "main"


def _is_article_body(value: str) -> bool:
    return "articleBody" in value.split()


class _Body(NamedTuple):
    container: Any | None  # the article body element, if one was found
    anchor: Any | None  # the container, or the parent of most paragraphs
    ptext: dict[Any, int]  # length of <p> text under each element that has some
    reference: int  # <p> text of the container, or of the whole page


def _find_body(root: Any, source: str) -> _Body:
    """Choose the article body; see the module docstring for the rules.

    One pass over the paragraphs adds each one's text length to all its ancestors; that
    measures the candidates and later keeps layout wrappers that hold most of the text
    (``class="has-sidebar"``...) from being taken for chrome.
    """
    articles = list(root.iter("article"))
    mains = list(root.iter("main"))
    mains += [
        el
        for el in _with_attribute(root, source, _ROLE_MAIN, "role", _is_main_role)
        if el.tag != "main"
    ]
    bodies = []
    if "articleBody" in source:
        bodies = [
            el
            for el in _with_attribute(root, source, _ARTICLE_BODY, "itemprop", _is_article_body)
            if el.tag != "meta"
        ]
    ptext: dict[Any, int] = defaultdict(int)
    parents: dict[Any, int] = defaultdict(int)
    total = 0
    for p in root.iter("p"):
        size = len(_string(p))
        total += size
        parent = p.getparent()
        if parent is not None:
            parents[parent] += 1
        if size:
            for ancestor in p.iterancestors():
                ptext[ancestor] += size
    if total < _FEW_PARAGRAPHS:
        # Pages that hold their text in <div>s and <br>s: measure every text node instead.
        text_sizes, text_total = _all_text(root)
        if text_total > total:
            ptext, total = text_sizes, text_total
    floor = max(total * _BODY_SHARE, 1)

    def measure(el: Any) -> int:
        return ptext.get(el, 0)

    def best(elements: list[Any]) -> Any | None:
        chosen, size = None, 0
        for el in elements:
            value = measure(el)
            if value >= floor and value > size:
                chosen, size = el, value
        return chosen

    container = None
    article = best(articles)
    main = best(mains)
    if article is not None:
        container = article
        if main is not None and main in article.iterancestors():
            h1 = root.find(".//h1")
            if h1 is not None:
                above = set(h1.iterancestors())
                if article not in above and main in above:
                    container = main
    elif main is not None:
        container = main
    else:
        container = best(bodies)
    if container is not None:
        return _Body(container, container, ptext, ptext.get(container, 0))
    anchor = max(parents, key=parents.__getitem__) if parents else None
    return _Body(None, anchor, ptext, total)


class _Reader:
    """One pass over the lxml tree, building blocks with positions from the index."""

    def __init__(self, source: str, index: SourceIndex, doc: Document) -> None:
        self.source = source
        self.index = index
        self.doc = doc  # its line index is built only if a fallback position needs it
        self.blocks: list[Block] = []
        self.block_tags: list[str] = []
        self.block_faq: list[Any] = []
        self.links: list[Link] = []
        self.images: list[Image] = []
        self.meta: dict[str, Any] = {"titles": [], "descriptions": []}
        self.title: str | None = None
        self.title_offset: int | None = None
        self.container: Any = None
        self.protected: set[Any] = set()
        self.ptext: dict[Any, int] = {}
        self.keep_share = 1.0
        self.faq_keys = 0
        self.queues = {name: TagQueue(tags) for name, tags in index.tags.items()}
        # Only pages with schema.org Question microdata pay for reading itemtype.
        self.microdata = "/Question" in source
        # The open block: lines of pieces (a <br> starts a new line), its context and role.
        self.buf: list[list[Piece]] = [[]]
        self.buf_ctx: Ctx | None = None
        self.buf_faq: Any = None
        self.bctx: Ctx = (PARAGRAPH, 0, MAIN, "body", None)

    # --- positions ---------------------------------------------------------------------

    def _line_offset(self, el: Any) -> int:
        line = el.sourceline or 1
        lines = self.doc.lines
        return lines.line_start(min(line, lines.line_count))

    def _tag_offset(self, el: Any, name: str) -> int:
        offset = self.queues[name].take(el.sourceline)
        return self._line_offset(el) if offset is None else offset

    # --- text --------------------------------------------------------------------------

    def add_text(self, text: str | None, faq: Any, el: Any) -> None:
        if not text:
            return
        line = self.buf[-1]
        if not text.strip(_STRIP):
            if line:
                _, s, _, sn = line[-1][1][-1]
                line.append((" ", [(0, s + sn, 1, 1)]))
            return
        runs = self.index.locate(text)
        if runs is None:
            runs = [(0, self._line_offset(el), len(text), 1)]
        if self.buf_ctx is None:
            self.buf_ctx = self.bctx
            self.buf_faq = faq
        elif self.buf_faq is None and faq is not None:
            self.buf_faq = faq
        line.append((text, runs))

    def skip_subtree(self, el: Any) -> None:
        """Move past a subtree that is not linted, keeping the cursor and tag queues in step."""
        tag = el.tag
        if isinstance(tag, str):
            queue = self.queues.get(tag)
            if queue is not None:
                queue.take(el.sourceline)
            text = el.text
            if text and tag not in RAW_TEXT and text.strip(_STRIP):
                self.index.skip(text)
        for child in el:
            self.skip_subtree(child)
            tail = child.tail
            if tail and tail.strip(_STRIP):
                self.index.skip(tail)

    def flush(self) -> None:
        ctx = self.buf_ctx
        buf = self.buf
        self.buf = [[]]
        self.buf_ctx = None
        if ctx is None:
            return
        kind = ctx[0]
        faq = self.buf_faq or ctx[4]
        split = kind in _SPLIT_KINDS
        group: list[Piece] = []
        for line in buf:
            text, runs = _collapse(line) if line else ("", [])
            if text:
                group.append((text, runs))
            elif split and group:
                self._emit(group, ctx, faq)
                group = []
        if group:
            self._emit(group, ctx, faq)

    def _emit(self, group: list[Piece], ctx: Ctx, faq: Any) -> None:
        kind, level, region, tag, _ = ctx
        text, tmap = _text_map(group)
        self.blocks.append(Block(kind, text, tmap, level=level, region=region))
        self.block_tags.append(tag)
        self.block_faq.append(faq)

    # --- elements ----------------------------------------------------------------------

    def region_of(self, el: Any, tag: str, cls: str | None) -> str:
        """Chrome by tag, landmark role, or class/id tokens (for an element in the body)."""
        if el in self.protected or tag in _NEVER_CHROME:
            return MAIN
        if tag in CHROME_TAGS:
            return CHROME
        chrome = _chrome_names(cls) if cls else 0
        if chrome < 2:
            ident = el.get("id")
            if ident:
                chrome = max(chrome, _chrome_names(ident))
            if not chrome:
                role = el.get("role")
                chrome = int(bool(role and role.strip().lower() in CHROME_ROLES))
        if chrome == 2 or (chrome and self.ptext.get(el, 0) < self.keep_share):
            return CHROME
        return MAIN

    def faq_of(self, el: Any, tag: str, cls: str | None, faq: Any) -> Any:
        """The FAQ role of an element's text: ("q"|"a"|"scope", key) or ``None``."""
        if tag == "details":
            self.faq_keys += 1
            return ("a", self.faq_keys)
        if tag == "summary" and faq is not None and faq[0] == "a":
            return ("q", faq[1])
        if cls and ("question" in cls or "answer" in cls):
            m = _FAQ_CLASS.search(cls)
            if m:
                return ("q" if m.group(1).lower() == "question" else "a", None)
        itemtype = el.get("itemtype") if self.microdata else None
        if itemtype and itemtype.rstrip("/").lower().endswith("/question"):
            self.faq_keys += 1
            return ("scope", self.faq_keys)
        if faq is not None and faq[0] == "scope":
            prop = el.get("itemprop")
            if prop == "name":
                return ("q", faq[1])
            if prop in ("acceptedAnswer", "suggestedAnswer"):
                return ("a", faq[1])
        return faq

    def walk(self, el: Any, ctx: Ctx) -> None:
        """Visit ``el``; ``ctx`` is the context its text would have (region for links)."""
        tag = el.tag
        if tag.__class__ is not str:
            return
        if tag in SKIP:
            if tag in _BLOCK_SKIP and self.buf_ctx is not None:
                self.flush()
            self.skip_subtree(el)
            return
        if tag == "br":
            self.buf.append([])
            return
        cls = el.get("class")
        region = ctx[2]
        if el is self.container:
            region = MAIN
        elif region == MAIN:
            region = self.region_of(el, tag, cls)
        faq = ctx[4]
        if (
            faq is not None
            or tag == "details"
            or self.microdata
            or (cls and ("question" in cls or "answer" in cls))
        ):
            faq = self.faq_of(el, tag, cls, faq)
        if (
            tag in INLINE
            or ":" in tag
            or (isinstance(tag, str) and "-" in tag and _inline_custom(el))
        ):
            if tag == "a":
                self.add_link(el, region)
            elif tag == "img":
                self.add_image(el, region)
            elif tag == "meta":
                self.add_meta(el)
                return
            elif tag == "link":
                self.add_rel_link(el)
                return
            if region != ctx[2] or faq is not ctx[4]:
                ctx = (ctx[0], ctx[1], region, ctx[3], faq)
            text = el.text
            if text:
                self.add_text(text, faq, el)
            for child in el:
                self.walk(child, ctx)
                text = child.tail
                if text:
                    self.add_text(text, faq, child)
            return
        if tag == "title":
            if self.buf_ctx is not None:
                self.flush()
            self.add_title(el)
            return
        level = _HEADINGS.get(tag, 0)
        if level:
            kind = HEADING
        elif tag == "p":
            kind = ctx[0] if ctx[0] in (LIST_ITEM, TABLE_CELL) else PARAGRAPH
        else:
            kind = _OWN_KIND.get(tag) or ctx[0]
            level = ctx[1] if kind == ctx[0] else 0
        ctx = (kind, level, region, tag if tag in _OWN_KIND or tag == "p" else ctx[3], faq)
        if self.buf_ctx is not None:
            self.flush()
        outer = self.bctx
        self.bctx = ctx
        text = el.text
        if text:
            self.add_text(text, faq, el)
        for child in el:
            self.walk(child, ctx)
            self.bctx = ctx
            text = child.tail
            if text:
                self.add_text(text, faq, child)
        if self.buf_ctx is not None:
            self.flush()
        self.bctx = outer

    def walk_head(self, head: Any) -> None:
        for child in head:
            tag = child.tag
            if tag == "title":
                self.add_title(child)
            elif tag == "meta":
                self.add_meta(child)
            elif tag == "link":
                self.add_rel_link(child)
            elif isinstance(tag, str):
                self.skip_subtree(child)
            if child.tail and child.tail.strip(_STRIP):
                self.index.skip(child.tail)

    # --- head and attribute-derived data -----------------------------------------------

    def add_title(self, el: Any) -> None:
        raw = el.text or ""
        text, runs = "", []
        if raw.strip(_STRIP):
            located = self.index.locate(raw)
            if located is None:
                located = [(0, self._line_offset(el), len(raw), 1)]
            text, runs = _collapse([(raw, located)])
        self.meta["titles"].append(text)
        if not text:
            if self.title is None:
                self.title = ""
            return
        text, tmap = _text_map([(text, runs)])
        if self.title is None:
            self.title = text
            self.title_offset = tmap.to_source(0)
        self._append_block(Block(TITLE, text, tmap), "title")

    def _append_block(self, block: Block, tag: str) -> None:
        self.blocks.append(block)
        self.block_tags.append(tag)
        self.block_faq.append(None)

    def add_meta(self, el: Any) -> None:
        offset = self.queues["meta"].take(el.sourceline)
        name = (el.get("name") or el.get("property") or "").strip().lower()
        if not name:
            return
        content = el.get("content")
        if name == "description":
            text, tmap = self._attr_text(el, offset, "content", content or "")
            self.meta["descriptions"].append(text)
            self.meta.setdefault("description", text)
            if text:
                self._append_block(Block(META, text, tmap, attrs={"name": "description"}), "meta")
        elif name in ("robots", "og:site_name", "og:title") and name not in self.meta:
            self.meta[name] = " ".join((content or "").split())

    def _attr_text(self, el: Any, offset: int | None, name: str, value: str) -> tuple[str, TextMap]:
        """Collapsed attribute text mapped into the attribute value in the source."""
        span = attr_value_span(self.source, offset, name) if offset is not None else None
        if span is None:
            runs = [(0, self._line_offset(el), len(value), 1)]
        else:
            decoded, runs = decode_runs(self.source[span[0] : span[1]], span[0], 0, attr=True)
            if decoded != value:
                runs = [(0, span[0], len(value), max(span[1] - span[0], 1))]
        if not value:
            return "", TextMap()
        text, runs = _collapse([(value, runs)])
        if not text:
            return "", TextMap()
        return _text_map([(text, runs)])

    def add_rel_link(self, el: Any) -> None:
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and "canonical" not in self.meta:
            self.meta["canonical"] = (el.get("href") or "").strip()

    def add_link(self, el: Any, region: str) -> None:
        offset = self._tag_offset(el, "a")
        href = el.get("href")
        if href is None:
            return
        text = " ".join(_string(el).split())
        self.links.append(Link(href.strip(), text, offset, el.get("rel") or "", region))

    def add_image(self, el: Any, region: str) -> None:
        offset = self._tag_offset(el, "img")
        src = el.get("src") or el.get("data-src") or ""
        self.images.append(Image(src.strip(), el.get("alt"), offset, region))

    # --- FAQ ---------------------------------------------------------------------------

    def mark_faq(self) -> None:
        blocks = self.blocks
        in_section = False
        section_level = 0
        section_region = MAIN
        current: int | None = None
        by_key: dict[int, int] = {}
        for i, block in enumerate(blocks):
            role = self.block_faq[i]
            kind = block.kind
            if kind in (TITLE, META):
                continue
            if role is not None and role[0] in ("q", "a"):
                if role[0] == "q":
                    block.kind = FAQ_QUESTION
                    current = i
                    if role[1] is not None:
                        by_key[role[1]] = i
                    continue
                question = by_key.get(role[1]) if role[1] is not None else current
                if question is not None:
                    block.kind = FAQ_ANSWER
                    block.attrs["question"] = question
                    continue
            text = block.text
            if kind == HEADING:
                if in_section and text.endswith("?"):
                    block.kind = FAQ_QUESTION
                    current = i
                elif FAQ_HEADING.search(text):
                    in_section = True
                    section_level = block.level
                    section_region = block.region
                    block.attrs["faq"] = True
                    current = None
                else:
                    if in_section and block.level <= section_level:
                        in_section = False
                    elif in_section:
                        # A sub-heading that groups questions, as the text reader marks it.
                        block.attrs["faq_group"] = True
                    current = None
                continue
            if in_section and block.region != section_region:
                in_section = False
                current = None
            if not in_section:
                continue
            tag = self.block_tags[i]
            if tag == "dt" or (
                kind == PARAGRAPH and text.endswith("?") and len(text.split()) <= 25
            ):
                block.kind = FAQ_QUESTION
                current = i
            elif current is not None and (tag == "dd" or kind in (PARAGRAPH, LIST_ITEM)):
                block.kind = FAQ_ANSWER
                block.attrs["question"] = current


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


_UNWRAP_HEAD = ("<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA[")
_UNWRAP_TAIL = ("-->", "//]]>", "/*]]>*/", "]]>", ";")


def _parse_jsonld(source: str, start: int, end: int) -> JsonLd:
    raw = source[start:end]
    try:
        return JsonLd(offset=start, data=json.loads(raw))
    except json.JSONDecodeError:
        pass
    except RecursionError:
        return JsonLd(offset=start, error="JSON nested too deeply", error_offset=start)
    # Strip comment/CDATA wrappers and a trailing ";" before giving up.
    lo, hi = 0, len(raw)
    changed = True
    while changed:
        changed = False
        while lo < hi and raw[lo] in _STRIP:
            lo += 1
        while hi > lo and raw[hi - 1] in _STRIP:
            hi -= 1
        for head in _UNWRAP_HEAD:
            if raw.startswith(head, lo, hi):
                lo += len(head)
                changed = True
        for tail in _UNWRAP_TAIL:
            if hi - lo >= len(tail) and raw.endswith(tail, lo, hi):
                hi -= len(tail)
                changed = True
    try:
        return JsonLd(offset=start, data=json.loads(raw[lo:hi]))
    except json.JSONDecodeError as error:
        return JsonLd(offset=start, error=error.msg, error_offset=start + lo + error.pos)
    except RecursionError:
        return JsonLd(offset=start, error="JSON nested too deeply", error_offset=start)


def _jsonld(source: str, index: SourceIndex) -> list[JsonLd]:
    found = []
    for tag_start, body_start, body_end in index.ldjson_scripts:
        span = attr_value_span(source, tag_start, "type")
        if span is None:
            continue
        kind = source[span[0] : span[1]].split(";")[0].strip().lower()
        if kind == "application/ld+json":
            found.append(_parse_jsonld(source, body_start, body_end))
    return found


def read_html(text: str, path: str) -> Document:
    """Build the document for already-decoded HTML ``text``."""
    doc = Document(path=path, format="html", source=text)
    work = _open_self_closed_scripts(_neutralise_prologue(text))
    if "\x00" in work:
        work = work.replace("\x00", "\ufffd")  # as libxml2 does; same length
    index = SourceIndex(work)
    doc.jsonld = _jsonld(text, index)
    reader = _Reader(text, index, doc)
    root = None
    if work.strip():
        try:
            root = etree.fromstring(work, etree.HTMLParser(remove_comments=True, remove_pis=True))
        except (etree.LxmlError, ValueError):
            root = None
    if root is not None:
        lang = root.get("lang") or root.get("xml:lang")
        doc.lang = lang.strip() or None if lang else None
        body = _find_body(root, text)
        container, anchor = body.container, body.anchor
        reader.container = container
        if anchor is not None:
            reader.protected = {anchor, *anchor.iterancestors()}
        reader.ptext = body.ptext
        reader.keep_share = max(body.reference * _KEEP_SHARE, 1)
        region = CHROME if container is not None else MAIN
        reader.bctx = (PARAGRAPH, 0, region, "body", None)
        doc.meta["body_found"] = container is not None
        for child in root:
            if child.tag == "head":
                reader.walk_head(child)
            else:
                reader.walk(child, reader.bctx)
            if child.tail and child.tail.strip(_STRIP):
                reader.add_text(child.tail, None, child)
        reader.flush()
        reader.mark_faq()
    for number, block in enumerate(reader.blocks):
        block.index = number
    doc.blocks = reader.blocks
    doc.links = reader.links
    doc.images = reader.images
    doc.title = reader.title
    doc.title_offset = reader.title_offset
    doc.meta.update(reader.meta)
    return doc
