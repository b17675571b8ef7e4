"""Shared helpers of the on-page SEO checks (``seo_*`` modules).

The HTML reader keeps what prose rules need (blocks, links, images with their offsets)
but drops what SEO rules also look at: empty elements, attributes such as ``width`` or
``aria-hidden``, and the positions of ``<title>``, ``<meta>``, ``<html>`` and ``<head>``.
Those are read here from ``doc.source`` with small regular expressions over start tags,
skipping comments and the insides of script, style, template, SVG, noscript and similar
elements, so a heading in a ``<template>`` or an icon's ``<title>`` is never counted.
The scan runs once per document and is cached.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from linter.checks.base import Hit
from linter.entities import unescape
from linter.model import (
    CHROME,
    FAQ_QUESTION,
    HEADING,
    MAIN,
    META,
    PARAGRAPH,
    TITLE,
    Block,
    Document,
    Image,
    Link,
)

# Elements whose content is not page content (comments are handled as well).
_HIDDEN_TAGS = (
    "script", "style", "template", "svg", "math", "textarea", "noscript", "xmp", "iframe",
    "noembed", "noframes", "object",
)  # fmt: skip
# One leading "<" outside the alternation: the regex engine then skips to each "<" fast.
_HIDDEN_START = re.compile(r"<(?:!--|(" + "|".join(_HIDDEN_TAGS) + r")(?=[\s/>]))", re.I)
_HIDDEN_END = {name: re.compile(r"</" + name + r"\s*>", re.I) for name in _HIDDEN_TAGS}
_HEADING_END = re.compile(r"</h[1-6]\s*>", re.I)
# A start tag with its attributes; a quoted value may hold ">". The attribute text has
# one parse (each alternative starts with a different character), so possessive
# quantifiers match the same tags while sparing the engine a step per character and
# any backtracking on a quote left open.
_START_TAG = re.compile(
    r"<(h[1-6]|img|a|meta|link|html|head|title|body)(?=[\s/>])"
    r"((?:[^>\"']++|\"[^\"]*\"|'[^']*')*+)>",
    re.I,
)
_ATTR = re.compile(r"([^\s/>=\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]*)))?")
_TAGS = re.compile(r"<[^>]*>")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\xa0"


@dataclass(slots=True)
class Tag:
    """A start tag found in the source: name, offsets of ``<`` and ``>``+1, and the text
    of its attributes, parsed on first use of ``attrs`` (the scan finds thousands of
    links and images on a page; the SEO checks read the attributes of a few tags)."""

    name: str
    start: int
    end: int
    attrs_text: str = ""
    _attrs: dict[str, str] | None = field(default=None, repr=False)

    @property
    def attrs(self) -> dict[str, str]:
        if self._attrs is None:
            self._attrs = parse_attrs(self.attrs_text)
        return self._attrs


@dataclass(slots=True)
class Heading:
    """A heading element in the source; ``text`` is its visible text, ``end`` its close."""

    level: int
    start: int
    end: int
    text: str
    label: str  # alt of images inside, or aria-label: what a heading of only images says


def parse_attrs(raw: str) -> dict[str, str]:
    """Attributes of a start tag's attribute text; the first of a repeated name wins."""
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(raw):
        name = m.group(1).lower()
        if name not in attrs:
            # Groups 2-4 are the value's quoting alternatives: the last group that
            # matched is the value, or group 1 when the attribute has none.
            value = m.group(m.lastindex) if m.lastindex != 1 else ""
            attrs[name] = unescape(value) if "&" in value else value
    return attrs


def tag_at(source: str, offset: int) -> Tag | None:
    """The start tag that begins at ``offset`` (the reader's link and image offsets)."""
    m = _START_TAG.match(source, offset)
    if m is None:
        return None
    return Tag(m.group(1).lower(), m.start(), m.end(), m.group(2))


def _hidden_end(name: str) -> re.Pattern[str]:
    """The end tag of hidden element ``name`` (precompiled, unless an odd spelling such
    as "\u017fcript" matched case-insensitively)."""
    return _HIDDEN_END.get(name) or re.compile(r"</" + name + r"\s*>", re.I)


def _hidden_ranges(source: str) -> list[tuple[int, int]]:
    """Source ranges that are not page content: comments and raw or foreign elements."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _HIDDEN_START.search(source, pos)
        if m is None:
            return ranges
        if m.group(0) == "<!--":
            close = source.find("-->", m.end())
            end = len(source) if close < 0 else close + 3
        else:
            name = m.group(1).lower()
            gt = source.find(">", m.end())
            if gt < 0:
                return ranges
            if source[gt - 1] == "/" and name in ("svg", "math"):
                pos = gt + 1
                continue
            close = _hidden_end(name).search(source, gt + 1)
            end = len(source) if close is None else close.end()
        ranges.append((m.start(), end))
        pos = end


@dataclass
class Scan:
    """Everything the SEO checks read from the source, found in one pass."""

    tags: list[Tag]
    headings: list[Heading]

    def named(self, name: str) -> list[Tag]:
        return [t for t in self.tags if t.name == name]

    def metas(self, *names: str) -> list[Tag]:
        """``<meta name=...>`` (or ``property=``) tags whose name is one of ``names``."""
        found = []
        for tag in self.tags:
            if tag.name == "meta":
                key = (tag.attrs.get("name") or tag.attrs.get("property") or "").strip().lower()
                if key in names:
                    found.append(tag)
        return found


def visible_text(fragment: str) -> str:
    """Text of an HTML fragment as a reader sees it: tags gone, entities decoded."""
    text = unescape(_TAGS.sub(" ", fragment))
    for char in _INVISIBLE:
        text = text.replace(char, " ")
    return " ".join(text.split())


_ANY_TAG = re.compile(r"<([A-Za-z][\w:-]*+)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>")
# A heading's label is looked for in its first characters only: a "heading" longer than
# this is an unclosed tag running over the page, and scanning it for every heading
# would grow with the square of the page.
_LABEL_SCAN = 20_000
_SVG_TITLE = re.compile(r"<title[^>]*>([^<]*)</title>", re.I)


def _heading_label(fragment: str) -> str:
    """What assistive technology reads for a heading without text: the alt of its images,
    the ``aria-label`` of anything inside, the ``<title>`` of an inline SVG logo."""
    if "<" not in fragment:
        return ""  # text only, the usual heading: nothing for the two regexes to find
    fragment = fragment[:_LABEL_SCAN]
    labels = []
    for m in _ANY_TAG.finditer(fragment):
        attrs = parse_attrs(m.group(2))
        label = attrs.get("aria-label") or (attrs.get("alt") if m.group(1).lower() == "img" else "")
        if label and label.strip():
            labels.append(label.strip())
    labels += [t.strip() for t in _SVG_TITLE.findall(fragment) if t.strip()]
    return " ".join(labels)


def _scan_source(source: str) -> Scan:
    hidden = _hidden_ranges(source)
    tags: list[Tag] = []
    index = 0
    for m in _START_TAG.finditer(source):
        while index < len(hidden) and hidden[index][1] <= m.start():
            index += 1
        if index < len(hidden) and hidden[index][0] <= m.start():
            continue
        tags.append(Tag(m.group(1).lower(), m.start(), m.end(), m.group(2)))
    headings = []
    hidden_starts = [start for start, _ in hidden]
    for tag in tags:
        if tag.name[0] != "h" or len(tag.name) != 2:
            continue
        close = _HEADING_END.search(source, tag.end)
        stop = close.start() if close else tag.end
        inner = raw = source[tag.end : stop]
        first, last = bisect_left(hidden_starts, tag.end), bisect_left(hidden_starts, stop)
        for lo, hi in reversed(hidden[first:last]):
            inner = inner[: lo - tag.end] + " " + inner[hi - tag.end :]
        label = tag.attrs.get("aria-label", "").strip() or _heading_label(raw)
        headings.append(
            Heading(int(tag.name[1]), tag.start, close.end() if close else tag.end,
                    visible_text(inner), label)
        )  # fmt: skip
    return Scan(tags, headings)


def scan(doc: Document) -> Scan:
    """The source scan of ``doc``, made once per document: the SEO checks share it."""
    return doc.memo("seo.scan", lambda: _scan_source(doc.source))


def head_anchor(doc: Document) -> Hit:
    """Where a finding about something missing from the page goes: the ``<head>`` tag,
    else the ``<html>`` tag, else the first character."""
    found = scan(doc)
    for name in ("head", "html", "body"):
        tags = found.named(name)
        if tags:
            return Hit(tags[0].start, tags[0].end)
    return Hit(0, 0, excerpt="")


def tag_hit(tag: Tag, **args: object) -> Hit:
    return Hit(tag.start, tag.end, dict(args))


def several_tags(doc: Document, count: int, tags: list[Tag]) -> Iterator[Hit]:
    """Findings for the second and later of ``count`` elements that should be unique:
    at each extra tag, or at the head when the tags cannot be located in the source."""
    if count < 2:
        return
    if len(tags) >= 2:
        first = doc.lines.position(tags[0].start)[0]
        for tag in tags[1:]:
            yield tag_hit(tag, count=count, line=first)
    else:
        hit = head_anchor(doc)
        hit.args.update(count=count, line=doc.lines.position(hit.start)[0])
        yield hit


def heading_blocks(doc: Document, region: str | None = None) -> list[Block]:
    """Blocks that came from ``<h1>``-``<h6>``, including headings the reader turned into
    FAQ questions (they keep their level)."""
    return [
        b
        for b in doc.blocks
        if (b.kind == HEADING or (b.kind == FAQ_QUESTION and b.level > 0))
        and (region is None or b.region == region)
    ]


def _text_starts(doc: Document) -> tuple[list[Block], list[int]]:
    """Blocks with text (no title or meta) and the running maximum of their source starts:
    the first block starting past an offset is found by bisection, not by a scan."""
    blocks = [b for b in doc.blocks if b.kind not in (TITLE, META) and b.text]
    reach, highest = [], -1
    for block in blocks:
        highest = max(highest, block.tmap.to_source(0))
        reach.append(highest)
    return blocks, reach


def region_at(doc: Document, offset: int) -> str:
    """The reader's region at a source offset where it made no block (an empty heading):
    main when the nearest blocks before and after it are both main, else chrome."""
    blocks, reach = doc.memo("seo.text_starts", lambda: _text_starts(doc))
    after_index = bisect_right(reach, offset)  # the first block that starts past it
    if after_index == 0 or after_index == len(blocks):  # before or after all the text
        return CHROME
    before, after = blocks[after_index - 1], blocks[after_index]
    return MAIN if before.region == after.region == MAIN else CHROME


def first_paragraph(doc: Document, min_words: int = 1) -> Block | None:
    """The first body paragraph with at least ``min_words`` words: the introduction."""
    for block in doc.blocks:
        if (
            block.kind == PARAGRAPH
            and block.region == MAIN
            and len(block.text.split()) >= min_words
        ):
            return block
    return None


def introduction(doc: Document, min_words: int = 8) -> Block | None:
    """The article's first paragraph of prose: at least ``min_words`` words and ending like
    a sentence, so a byline or a date line before it is passed over."""
    for block in doc.blocks:
        if block.kind == PARAGRAPH and block.region == MAIN:
            text = block.text.rstrip("\"'”’)]» ")
            if len(block.text.split()) >= min_words and text.endswith((".", "!", "?", ":")):
                return block
    return first_paragraph(doc, min_words) or first_paragraph(doc)


def percent(value: float) -> str:
    """A share for messages without misleading rounding: 0.49 stays 0.49, not 0.5."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def count_text(count: int) -> str:
    return {0: "not used", 1: "used once", 2: "used twice"}.get(count, f"used {count} times")


def more_note(total: int, shown: int, what: str) -> str:
    """Message tail for the last finding of a capped list."""
    rest = total - shown
    return f" ({rest} more {what} on this page not listed)" if rest > 0 else ""


# --- keyphrase matching ----------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SEPARATORS = re.compile(r"\s+[|\-–—·•»:/]+\s+|\s*[|–—·•»]\s*|:\s+")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Lower case without a plural ending, so "barrels" matches "barrel".

    Cached: the keyphrase and stuffing checks stem every word of the body, and words
    recur.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """``(stem, start, end)`` for each word of ``text``."""
    return [(stem(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """The stems of the words of ``phrase`` (the words of ``words_with_offsets``)."""
    return tuple(map(stem, _WORD.findall(phrase)))


def find_phrase(text: str, stems: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of ``text`` where the keyphrase occurs: same words in order, any case, plural
    or singular."""
    if not stems:
        return []
    words = words_with_offsets(text)
    size = len(stems)
    spans = []
    i = 0
    while i + size <= len(words):
        if all(words[i + k][0] == stems[k] for k in range(size)):
            spans.append((words[i][1], words[i + size - 1][2]))
            i += size
        else:
            i += 1
    return spans


# An inferred keyphrase longer than this is a headline, not a search phrase: keyphrase
# checks on it would report every page, so none are made.
MAX_INFERRED_WORDS = 5


def keyphrase(doc: Document, given: str, infer: bool) -> str:
    """The keyphrase the user gave, or one inferred from the title when asked: the title
    without the site name (``og:site_name``), then its first segment ("Pruning Roses" of
    "Pruning Roses: A Guide | Garden Co"); "" when that is still a long headline."""
    given = " ".join(given.split())
    if given or not infer or not doc.title:
        return given
    segments = [s.strip() for s in _SEPARATORS.split(doc.title) if s.strip()]
    site = " ".join(str(doc.meta.get("og:site_name", "")).split()).casefold()
    if site:
        segments = [s for s in segments if s.casefold() != site] or segments
    phrase = segments[0] if segments else ""
    return phrase if len(phrase_stems(phrase)) <= MAX_INFERRED_WORDS else ""


# Words a keyphrase can lose or reorder in a title or heading ("pruning of roses").
_FUNCTION = "a an the and or of to in on at for with by from as is are how what why your you"
FUNCTION_WORDS = frozenset(_FUNCTION.split())


def mentions(text: str, stems: tuple[str, ...]) -> bool:
    """Whether ``text`` contains the keyphrase: in order, or (as Yoast accepts in titles,
    headings and descriptions) all its content words in any order."""
    if find_phrase(text, stems):
        return True
    content = {s for s in stems if s not in FUNCTION_WORDS}
    return bool(content) and content <= {w for w, _, _ in words_with_offsets(text)}


def normalised(text: str) -> str:
    """Case- and punctuation-insensitive form, for comparing a title with an H1."""
    return " ".join(m.group().casefold() for m in _WORD.finditer(text))


# --- title width -----------------------------------------------------------------------

# Advance widths of Arial in thousandths of an em (the metric-compatible Helvetica/Liberation
# Sans table). Google's desktop result titles are Arial at about 20 px and are cut near
# 600 px; other characters count as a digit (556), CJK and other wide scripts as 1000.
_ARIAL = {
    " ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667, "'": 191,
    "(": 333, ")": 333, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278,
    ":": 278, ";": 278, "<": 584, "=": 584, ">": 584, "?": 556, "@": 1015, "[": 278,
    "\\": 278, "]": 278, "^": 469, "_": 556, "`": 333, "{": 334, "|": 260, "}": 334,
    "~": 584, "‘": 222, "’": 222, "“": 333, "”": 333, "–": 556, "—": 1000, "…": 1000,
    "•": 350, "·": 278, "«": 556, "»": 556, "©": 737, "®": 737, "™": 1000,
    "A": 667, "B": 667, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778, "H": 722,
    "I": 278, "J": 500, "K": 667, "L": 556, "M": 833, "N": 722, "O": 778, "P": 667,
    "Q": 778, "R": 722, "S": 667, "T": 611, "U": 722, "V": 667, "W": 944, "X": 667,
    "Y": 667, "Z": 611,
    "a": 556, "b": 556, "c": 500, "d": 556, "e": 556, "f": 278, "g": 556, "h": 556,
    "i": 222, "j": 222, "k": 500, "l": 222, "m": 833, "n": 556, "o": 556, "p": 556,
    "q": 556, "r": 333, "s": 500, "t": 278, "u": 556, "v": 500, "w": 722, "x": 500,
    "y": 500, "z": 500,
}  # fmt: skip


def pixel_width(text: str, font_px: float = 20) -> float:
    """Estimated width of ``text`` in pixels of Arial at ``font_px`` (Google's SERP title)."""
    units = 0
    for char in text:
        width = _ARIAL.get(char)
        if width is None:
            width = 1000 if ord(char) >= 0x2E80 else 556
        units += width
    return units * font_px / 1000


# --- images ----------------------------------------------------------------------------


def _size(value: str | None) -> int | None:
    m = re.match(r"\s*(\d+)", value or "")
    return int(m.group(1)) if m else None


def image_tag(doc: Document, image: Image) -> Tag:
    """The ``<img>`` start tag of a reader image (attributes the reader does not keep)."""
    tag = tag_at(doc.source, image.offset)
    if tag is None or tag.name != "img":
        return Tag("img", image.offset, image.offset)
    return tag


_LAZY = ("data-src", "data-lazy-src", "data-original", "srcset", "data-srcset")


def is_spacer(attrs: dict[str, str]) -> bool:
    """A data: URI image with no real image to load later: a spacer or placeholder."""
    src = (attrs.get("src") or "").strip().lower()
    return src.startswith("data:") and not any(attrs.get(k) for k in _LAZY)


def is_hidden_image(tag: Tag, max_pixel: int = 2) -> bool:
    """Images nobody sees as content: tracking pixels, data: spacers, aria-hidden,
    role=presentation, display:none."""
    attrs = tag.attrs
    if is_spacer(attrs):
        return True
    if attrs.get("aria-hidden", "").strip().lower() == "true":
        return True
    if attrs.get("role", "").strip().lower() in ("presentation", "none"):
        return True
    width, height = _size(attrs.get("width")), _size(attrs.get("height"))
    if (width is not None and width <= max_pixel) or (height is not None and height <= max_pixel):
        return True
    style = attrs.get("style", "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def is_content_image(image: Image, tag: Tag, max_icon: int) -> bool:
    """An image of the article body worth describing: in the main region, visible, not an
    icon (width or height attribute at most ``max_icon``) and not a data: spacer."""
    if image.region != MAIN or is_hidden_image(tag):
        return False
    attrs = tag.attrs
    width, height = _size(attrs.get("width")), _size(attrs.get("height"))
    if (width is not None and width <= max_icon) or (height is not None and height <= max_icon):
        return False
    src = image.src.lower()
    if "avatar" in attrs.get("class", "").lower() or "gravatar.com/" in src:
        return False  # an author's or commenter's face next to the name: decoration
    return bool(src) or any(attrs.get(k) for k in _LAZY)


# --- links -----------------------------------------------------------------------------

_CLOSE_A = re.compile(r"</a\s*>", re.I)


def link_label(doc: Document, link: Link) -> str:
    """What a link says to a screen reader or crawler when its text is empty: its
    ``aria-label`` or ``title``, or the alt text of images inside it."""
    tag = tag_at(doc.source, link.offset)
    if tag is None or tag.name != "a":
        return ""
    label = (tag.attrs.get("aria-label") or tag.attrs.get("title") or "").strip()
    if label or tag.attrs.get("aria-labelledby"):
        return label or "(aria-labelledby)"
    close = _CLOSE_A.search(doc.source, tag.end)
    stop = close.start() if close else tag.end
    alts = [(i.alt or "").strip() for i in doc.images if tag.end <= i.offset < stop and i.alt]
    return " ".join(a for a in alts if a)


def link_span(doc: Document, link: Link, whole: bool = False) -> tuple[int, int]:
    """Source span of the link's start tag, or with ``whole`` of the element up to its
    ``</a>`` (so the span shows the link text)."""
    tag = tag_at(doc.source, link.offset)
    if tag is None:
        return link.offset, link.offset
    if whole:
        close = _CLOSE_A.search(doc.source, tag.end)
        if close is not None:
            return tag.start, close.end()
    return tag.start, tag.end


def is_navigable(href: str) -> bool:
    """A link that leads to a page (not ``#top``, ``javascript:``, ``mailto:``...)."""
    href = href.strip().lower()
    return bool(href) and not href.startswith(("#", "javascript:", "mailto:", "tel:", "data:"))
