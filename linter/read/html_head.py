"""HTML reader, what does not come from walking text: the head and element attributes.

``Collector`` holds what the reader builds (blocks, links, images, metadata) and reads
titles, ``<meta>`` and ``<link>`` elements, links and images; ``jsonld`` parses the
``application/ld+json`` scripts the tokenizer found.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from typing import Any

from linter.model import META, TITLE, Block, Document, HeadMeta, Image, JsonLd, Link, Tag
from linter.read.html_hidden import hidden_in_markup, interface_in_markup
from linter.read.html_runs import STRIP, collapse, string_of, text_map
from linter.read.htmlpos import SourceIndex, TagQueue, attr_value_span, decode_runs
from linter.textmap import TextMap

# ``<meta name=...>`` tags read once each (the first wins), by the field they fill.
_SINGLE = {"robots": "robots", "og:site_name": "og_site_name", "og:title": "og_title"}


def attributes(el: Any) -> dict[str, str]:
    """An element's attributes as lxml read them. ``items()``, not ``dict(el.attrib)``:
    looking a name up again fails on names with control characters, which libxml2 keeps."""
    return dict(el.items())


class Collector:
    """The reader's output, and its positions for elements and attributes."""

    def __init__(self, source: str, index: SourceIndex, doc: Document) -> None:
        self.source = source
        self.index = index
        self.doc = doc  # its line index is built only if a fallback position needs it
        self.blocks: list[Block] = []
        self.block_tags: list[str] = []  # the element each block came from
        self.block_faq: list[Any] = []  # each block's FAQ role from markup, or None
        self.links: list[Link] = []
        self.images: list[Image] = []
        self.meta = HeadMeta()
        self.title: str | None = None
        self.title_offset: int | None = None
        self.queues = {name: TagQueue(tags) for name, tags in index.tags.items()}
        self._a_closes = [start for start, _ in index.closes["a"]]

    # --- positions ---------------------------------------------------------------------

    def _line_offset(self, el: Any) -> int:
        line = el.sourceline or 1
        lines = self.doc.lines
        return lines.line_start(min(line, lines.line_count))

    def _tag(self, el: Any, name: str) -> Tag | None:
        """The element's start tag in the source, with the attributes lxml read."""
        span = self.queues[name].take(el.sourceline)
        return None if span is None else Tag(name, span[0], span[1], attributes(el))

    # --- head and attribute-derived data -----------------------------------------------

    def add_title(self, el: Any) -> None:
        raw = el.text or ""
        text, runs = "", []
        if raw.strip(STRIP):
            located = self.index.locate(raw)
            if located is None:
                located = [(0, self._line_offset(el), len(raw), 1)]
            text, runs = collapse([(raw, located)])
        self.meta.titles.append(text)
        if not text:
            if self.title is None:
                self.title = ""
            return
        text, tmap = text_map([(text, runs)])
        if self.title is None:
            self.title = text
            self.title_offset = tmap.to_source(0)
        self._append_block(Block(TITLE, text, tmap), "title")

    def _append_block(self, block: Block, tag: str) -> None:
        self.blocks.append(block)
        self.block_tags.append(tag)
        self.block_faq.append(None)

    def add_meta(self, el: Any) -> None:
        span = self.queues["meta"].take(el.sourceline)
        offset = None if span is None else span[0]
        name = (el.get("name") or el.get("property") or "").strip().lower()
        if not name:
            return
        content = el.get("content")
        if name == "description":
            text, tmap = self._attr_text(el, offset, "content", content or "")
            self.meta.descriptions.append(text)
            if self.meta.description is None:
                self.meta.description = text
            if text:
                self._append_block(Block(META, text, tmap, attrs={"name": "description"}), "meta")
        elif name in _SINGLE and getattr(self.meta, _SINGLE[name]) is None:
            setattr(self.meta, _SINGLE[name], " ".join((content or "").split()))

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
        text, runs = collapse([(value, runs)])
        if not text:
            return "", TextMap()
        return text_map([(text, runs)])

    def add_rel_link(self, el: Any) -> None:
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and self.meta.canonical is None:
            self.meta.canonical = (el.get("href") or "").strip()

    def add_link(self, el: Any, region: str) -> None:
        span = self.queues["a"].take(el.sourceline)
        href = el.get("href")
        if href is None:
            return
        text = " ".join(string_of(el).split())
        if span is None:
            offset, tag, close = self._line_offset(el), None, None
        else:
            offset, tag = span[0], Tag("a", span[0], span[1], attributes(el))
            # the first </a> after the start tag (a link holds no other link)
            index = bisect_left(self._a_closes, span[1])
            closes = self.index.closes["a"]
            close = closes[index] if index < len(closes) else None
        rel = el.get("rel") or ""
        self.links.append(Link(href.strip(), text, offset, rel, region, tag, close))

    def add_image(self, el: Any, region: str, in_byline: bool = False) -> None:
        """Record an image; one in a byline (the author's photo) is the template's."""
        tag = self._tag(el, "img")
        offset = self._line_offset(el) if tag is None else tag.start
        src = el.get("src") or el.get("data-src") or ""
        image = Image(src.strip(), el.get("alt"), offset, region, tag)
        image.hidden = hidden_in_markup(el)
        image.interface = in_byline or interface_in_markup(el)
        self.images.append(image)


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
        while lo < hi and raw[lo] in STRIP:
            lo += 1
        while hi > lo and raw[hi - 1] in STRIP:
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


def jsonld(source: str, index: SourceIndex) -> list[JsonLd]:
    found = []
    for tag_start, body_start, body_end in index.ldjson_scripts:
        span = attr_value_span(source, tag_start, "type")
        if span is None:
            continue
        kind = source[span[0] : span[1]].split(";")[0].strip().lower()
        if kind == "application/ld+json":
            found.append(_parse_jsonld(source, body_start, body_end))
    return found
