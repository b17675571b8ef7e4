"""HTML reader, the page's own markup (``Document.page``): what rules about the page
itself judge, such as the title and meta tags, ``<html lang>`` and the headings, with
their source spans.

The tokenizer (``htmlpos``) records the start tags and end tags concerned and the ranges
whose content is not the page's; this module gives the tags their attributes and the
headings their text and label. A heading runs from ``<hN`` to the first heading end tag
after it; its text is the tokenizer's text between the two tags, without hidden ranges.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from linter.model import Heading, PageFacts, Tag
from linter.read.html_frame import frame_headings
from linter.read.htmlpos import START_TAG, SourceIndex, start_tag_attrs

# Characters that show nothing: a heading of only these is empty.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\xa0"
_TAG_OPEN = re.compile(r"<[A-Za-z]")
_SVG_TITLE = re.compile(r"<title[^>]*>([^<]*)</title>", re.I)
# A heading's label is looked for in its first characters only: a "heading" longer than
# this is an unclosed tag running over the page, and scanning it for every heading
# would grow with the square of the page.
_LABEL_SCAN = 20_000


def page_facts(source: str, index: SourceIndex) -> PageFacts:
    """The page's markup from the tokenizer's records of ``source``."""
    page = PageFacts()
    closes = index.closes["h"]
    close_starts = [start for start, _ in closes]
    for name, start, end in index.page_tags:
        tag = Tag(name, start, end, start_tag_attrs(source, start, end))
        if name == "meta":
            page.metas.append(tag)
        elif name == "title":
            page.titles.append(tag)
        elif name == "link":
            page.rel_links.append(tag)
        elif name[0] == "h" and name[1].isdigit():
            at = bisect_left(close_starts, end)
            close = closes[at] if at < len(closes) else None
            page.headings.append(_heading(source, index, tag, close))
        elif getattr(page, name) is None:  # html, head, body: the first counts
            setattr(page, name, tag)
    frame_headings(source, [h for h in page.headings if h.level == 1])
    return page


def _heading(source: str, index: SourceIndex, tag: Tag, close: tuple[int, int] | None) -> Heading:
    stop = tag.end if close is None else close[0]
    text = _text(index, tag.end, stop)
    label = tag.attrs.get("aria-label", "").strip()
    label = label or _label(source[tag.end : min(stop, tag.end + _LABEL_SCAN)])
    return Heading(int(tag.name[1]), tag.start, tag.end if close is None else close[1], text, label)


def _text(index: SourceIndex, start: int, stop: int) -> str:
    """The text of the source range, markup apart: pieces of text that markup separates
    are separated by a space; hidden ranges and invisible characters are left out."""
    if stop <= start:
        return ""
    runs, hidden, stream = index.runs, index.hidden, index.stream
    pieces: list[str] = []
    after = -1  # source end of the previous run
    for at in range(bisect_left(runs, start, key=lambda run: run[1]), len(runs)):
        text_start, source_start, length, source_length = runs[at]
        if source_start >= stop:
            break
        h = bisect_right(hidden, source_start, key=lambda r: r[1]) if hidden else 0
        if h < len(hidden) and hidden[h][0] <= source_start:
            continue  # inside a template, an SVG, a noscript...
        if source_start != after:
            pieces.append(" ")
        pieces.append(stream[text_start : text_start + length])
        after = source_start + source_length
    text = "".join(pieces)
    for char in _INVISIBLE:
        text = text.replace(char, " ")
    return " ".join(text.split())


def _start_tags(fragment: str) -> Iterator[re.Match[str]]:
    """The start tags of a fragment, read as the tokenizer reads them: a tag with no
    ">" runs to the end, so the search stops there (trying again at each "<" inside it
    would take time growing with the square of its length)."""
    pos = 0
    while True:
        lt = fragment.find("<", pos)
        if lt < 0:
            return
        m = START_TAG.match(fragment, lt)
        if m is not None:
            yield m
            pos = m.end()
        elif _TAG_OPEN.match(fragment, lt):
            return  # a start tag left open
        else:
            pos = lt + 1


def _label(fragment: str) -> str:
    """What assistive technology reads for a heading without text: the ``aria-label`` of
    anything inside, the alt of its images, the ``<title>`` of an inline SVG logo (in
    the first ``_LABEL_SCAN`` characters of ``fragment``, the heading's content)."""
    if "<" not in fragment:
        return ""  # text only, the usual heading
    lower = fragment.lower()
    if "aria-label" not in lower and "alt" not in lower and "<title" not in lower:
        return ""  # nor a heading of links and spans (and no rereading of nested ones)
    labels = []
    for m in _start_tags(fragment):
        image = m.group(1).lower() == "img"
        written = m.group(0).lower()
        if "aria-label" not in written and not (image and "alt" in written):
            continue  # most tags in a heading are links and spans without either
        attrs = start_tag_attrs(fragment, m.start(), m.end())
        label = attrs.get("aria-label") or (attrs.get("alt") if image else "")
        if label and label.strip():
            labels.append(label.strip())
    labels += [t.strip() for t in _SVG_TITLE.findall(fragment) if t.strip()]
    return " ".join(labels)
