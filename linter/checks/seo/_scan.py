"""The source scan the SEO checks share: start tags and headings read from ``doc.source``.

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
from bisect import bisect_left
from dataclasses import dataclass, field

from linter.checks.base import Hit
from linter.entities import unescape
from linter.model import Document

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
