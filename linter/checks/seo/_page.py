"""Parts of the page the SEO checks report on: headings, the introduction, the region
of a place the reader made no block for, where a finding about something missing goes,
and lists of findings capped per page."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import TypeVar

from linter.checks.base import Hit
from linter.lexicon import KEYPHRASE_WORD
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
    Heading,
    PageFacts,
    Tag,
)

T = TypeVar("T")


def heading_blocks(doc: Document, region: str | None = None) -> list[Block]:
    """Blocks that came from ``<h1>``-``<h6>``, including headings the reader turned into
    FAQ questions (they keep their level)."""
    return [
        b
        for b in doc.blocks
        if (b.kind == HEADING or (b.kind == FAQ_QUESTION and b.level > 0))
        and (region is None or b.region == region)
    ]


def article_headline(doc: Document) -> Block | None:
    """The H1 that titles the article: the first one in the main region, else an H1 the
    page's ``<title>`` repeats (most of its words are in the title's headline part, and
    it holds half of that part: many sites put the headline in a header the reader
    counts as chrome, and a logo H1 repeats only the site name), else None."""
    h1s = [b for b in heading_blocks(doc) if b.level == 1 and b.text.strip()]
    main = next((b for b in h1s if b.region == MAIN), None)
    if main is not None or not doc.title:
        return main
    # the title's headline part: its longest piece between separators ("Headline | Site")
    pieces = _TITLE_SEPARATOR.split(doc.title.lower())
    title = set(KEYPHRASE_WORD.findall(max(pieces, key=len)))
    for block in h1s:
        words = set(KEYPHRASE_WORD.findall(block.text.lower()))
        shared = len(words & title)
        if words and shared / len(words) >= 0.6 and shared / max(len(title), 1) >= 0.5:
            return block
    return None


_TITLE_SEPARATOR = re.compile(r"\s+[|·•–—-]\s+|\s*[|·•]\s*")


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


def page_of(doc: Document) -> PageFacts:
    """The page's markup as the HTML reader recorded it (nothing for other formats)."""
    return doc.page if doc.page is not None else PageFacts()


def head_anchor(doc: Document) -> Hit:
    """Where a finding about something missing from the page goes: the ``<head>`` tag,
    else the ``<html>`` tag, else the ``<body>`` tag, else the first character."""
    page = page_of(doc)
    tag = page.head or page.html or page.body
    return Hit(0, 0, excerpt="") if tag is None else Hit(tag.start, tag.end)


def tag_hit(tag: Tag | Heading, **args: object) -> Hit:
    """A finding over a tag (or a whole heading element)."""
    return Hit(tag.start, tag.end, dict(args))


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


def capped(found: list[T], limit: int, what: str) -> Iterator[tuple[T, str]]:
    """The first ``limit`` of ``found``, each with the tail of its message: empty, but for
    the last one listed, which says how many more ``what`` the page has (a gallery page
    would otherwise drown the report)."""
    shown = found[:limit]
    for n, item in enumerate(shown, 1):
        rest = len(found) - len(shown) if n == len(shown) else 0
        yield item, f" ({rest} more {what} on this page not listed)" if rest > 0 else ""
