"""HTML reader, the tree walk: one pass over the lxml tree, building blocks of text.

The rules for blocks are in ``linter.read.html``'s docstring. Text nodes are collected
into the open block with their runs in the source (from ``htmlpos``); an element that is
not inline ends the open block, and its text opens a new one with the element's kind.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from linter.model import (
    BYLINE,
    HEADING,
    LIST_ITEM,
    MAIN,
    PARAGRAPH,
    QUOTE,
    TABLE_CELL,
    Block,
    Document,
)
from linter.read.html_body import Regions
from linter.read.html_faq import FaqRoles
from linter.read.html_head import Collector
from linter.read.html_runs import STRIP, Piece, collapse, text_map
from linter.read.htmlpos import RAW_TEXT, SourceIndex

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

# (kind, level, region, tag, faq, part); faq is None or (role, key) with role "q", "a" or
# "scope" (inside a schema.org Question, before its name or answer); part is None or a
# ``Block.part`` (caption, byline, headline).
Ctx = tuple[str, int, str, str, Any, str | None]


class Reader(Collector):
    """One pass over the lxml tree, building blocks with positions from the index."""

    def __init__(self, source: str, index: SourceIndex, doc: Document) -> None:
        super().__init__(source, index, doc)
        self.regions = Regions()  # until the body is chosen
        self.roles = FaqRoles(source)
        # The open block: lines of pieces (a <br> starts a new line), its context and role.
        self.buf: list[list[Piece]] = [[]]
        self.buf_ctx: Ctx | None = None
        self.buf_faq: Any = None
        self.bctx: Ctx = (PARAGRAPH, 0, MAIN, "body", None, None)

    # --- text --------------------------------------------------------------------------

    def add_text(self, text: str | None, faq: Any, el: Any) -> None:
        if not text:
            return
        line = self.buf[-1]
        if not text.strip(STRIP):
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
            if text and tag not in RAW_TEXT and text.strip(STRIP):
                self.index.skip(text)
        for child in el:
            self.skip_subtree(child)
            tail = child.tail
            if tail and tail.strip(STRIP):
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
            text, runs = collapse(line) if line else ("", [])
            if text:
                group.append((text, runs))
            elif split and group:
                self._emit(group, ctx, faq)
                group = []
        if group:
            self._emit(group, ctx, faq)

    def _emit(self, group: list[Piece], ctx: Ctx, faq: Any) -> None:
        kind, level, region, tag, _, part = ctx
        text, tmap = text_map(group)
        self.blocks.append(Block(kind, text, tmap, level=level, region=region, part=part))
        self.block_tags.append(tag)
        self.block_faq.append(faq)

    # --- elements ----------------------------------------------------------------------

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
        regions = self.regions
        if el in regions.hidden:
            self.skip_subtree(el)
            return
        cls = el.get("class")
        region = ctx[2]
        if el is regions.container:
            region = MAIN
        elif region == MAIN:
            region = regions.of(el, tag, cls)
        part = regions.part.get(el)
        if part is not None and ctx[5] is None:
            ctx = (*ctx[:5], part)
        faq = ctx[4]
        if (
            faq is not None
            or tag == "details"
            or self.roles.microdata
            or (cls and ("question" in cls or "answer" in cls))
        ):
            faq = self.roles.of(el, tag, cls, faq)
        if (
            tag in INLINE
            or ":" in tag
            or (isinstance(tag, str) and "-" in tag and _inline_custom(el))
        ):
            self._walk_inline(el, tag, ctx, region, faq)
        elif tag == "title":
            if self.buf_ctx is not None:
                self.flush()
            self.add_title(el)
        else:
            self._walk_block(el, tag, ctx, region, faq)

    def _walk_inline(self, el: Any, tag: str, ctx: Ctx, region: str, faq: Any) -> None:
        """An inline element: its text joins the open block."""
        if tag == "a":
            self.add_link(el, region)
        elif tag == "img":
            self.add_image(el, region, ctx[5] == BYLINE)
        elif tag == "meta":
            self.add_meta(el)
            return
        elif tag == "link":
            self.add_rel_link(el)
            return
        if region != ctx[2] or faq is not ctx[4]:
            ctx = (ctx[0], ctx[1], region, ctx[3], faq, ctx[5])
        text = el.text
        if text:
            self.add_text(text, faq, el)
        for child in el:
            self.walk(child, ctx)
            text = child.tail
            if text:
                self.add_text(text, faq, child)

    def _walk_block(self, el: Any, tag: str, ctx: Ctx, region: str, faq: Any) -> None:
        """A block element: it ends the open block, and its text is blocks of its kind."""
        level = _HEADINGS.get(tag, 0)
        if level:
            kind = HEADING
        elif tag == "p":
            kind = ctx[0] if ctx[0] in (LIST_ITEM, TABLE_CELL, QUOTE) else PARAGRAPH
        else:
            kind = _OWN_KIND.get(tag) or ctx[0]
            level = ctx[1] if kind == ctx[0] else 0
        ctx = (kind, level, region, tag if tag in _OWN_KIND or tag == "p" else ctx[3], faq, ctx[5])
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
            if child.tail and child.tail.strip(STRIP):
                self.index.skip(child.tail)

    # --- head and attribute-derived data -----------------------------------------------
