"""Units of text (``unit``: sentences, paragraphs or sections) of more than ``max_words``
words, each reported on the unit itself with ``{words}`` and ``{max_words}``.

Words are counted by ``_stats`` (table cells left out).

- ``sentence``: every sentence of ``_stats`` but quotations: a sentence in a blockquote,
  or most of it between quotation marks, is someone's words, which an editor does not
  split.
- ``paragraph``: body paragraphs, quotes and FAQ answers that read as prose
  (``_prose``: not reference entries, code or bylines), on the whole block. Lists of
  short lines broken by ``<br>`` (``is_line_list``) are not paragraphs, nor are list
  items and table cells.
- ``section``: the stretches between subheadings. A stretch starts after the first H1
  (or at the start, without one) and at every heading, FAQ question or title; it counts
  the words of the main region's paragraphs, list items, quotes and FAQ answers. The
  finding goes on its first block of at least ``_MIN_PARAGRAPH`` words (else its first
  block).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param, block_hit, choice
from linter.checks.readability._prose import prose_blocks
from linter.checks.readability._stats import TextStats, text_stats, words
from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    MAIN,
    PARAGRAPH,
    QUOTE,
    TITLE,
    Block,
    Document,
)

# A unit over the limit: (words, block, start, end), offsets in ``block.text``.
_Long = tuple[int, Block, int, int]


def _trimmed(block: Block) -> tuple[int, int]:
    """The block's text without its leading and trailing white space."""
    text = block.text
    return len(text) - len(text.lstrip()), len(text.rstrip())


# Quotation marks that open and close a quotation (straight ones do both).
_OPEN, _CLOSE, _BOTH = "“«", "”»", '"'
# A sentence this share of which is quoted is someone else's words.
_QUOTED_SHARE = 0.6


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` between quotation marks; one left open runs to the end (a quote
    that goes on over several sentences of a paragraph)."""
    spans, start = [], None
    for i, char in enumerate(text):
        if start is None and (char in _OPEN or char == _BOTH):
            start = i
        elif start is not None and (char in _CLOSE or char == _BOTH):
            spans.append((start, i + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _is_quotation(block: Block, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    if block.kind == QUOTE:
        return True
    inside = sum(max(0, min(end, b) - max(start, a)) for a, b in spans)
    return inside >= (end - start) * _QUOTED_SHARE


def _sentences(doc: Document, stats: TextStats, limit: int) -> Iterator[_Long]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for sentence in stats.longer_than(limit):
        block, start, end = sentence.sentence.block, sentence.sentence.start, sentence.sentence.end
        if block.index not in spans:
            spans[block.index] = quoted_spans(block.text)
        if _is_quotation(block, start, end, spans[block.index]):
            continue
        yield (
            sentence.words,
            sentence.sentence.block,
            sentence.sentence.start,
            sentence.sentence.end,
        )


_PARAGRAPHS = frozenset({PARAGRAPH, FAQ_ANSWER, QUOTE})


def is_line_list(text: str) -> bool:
    """A "paragraph" of short lines split by ``<br>`` (tour dates, addresses, a list of
    links) is a list laid out by hand, not a paragraph anyone reads through."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 3:
        return False
    short = sum(1 for line in lines if len(words(line)) <= 12)
    return short * 2 > len(lines)


def _paragraphs(doc: Document, stats: TextStats, limit: int) -> Iterator[_Long]:
    prose = prose_blocks(doc)
    for block in doc.body_blocks():
        if block.kind not in _PARAGRAPHS or block.index not in prose:
            continue
        count = stats.block_words(block)
        if count > limit and not is_line_list(block.text):
            yield count, block, *_trimmed(block)


_COUNTED = frozenset({PARAGRAPH, LIST_ITEM, QUOTE, FAQ_ANSWER})
_BREAKS = frozenset({HEADING, FAQ_QUESTION, TITLE})
_MIN_PARAGRAPH = 12


def _stretches(doc: Document) -> list[list[Block]]:
    blocks = doc.blocks
    first_h1 = next((i for i, b in enumerate(blocks) if b.kind == HEADING and b.level == 1), -1)
    stretches: list[list[Block]] = [[]]
    for block in blocks[first_h1 + 1 :]:
        if block.kind in _BREAKS:
            stretches.append([])
        elif block.kind in _COUNTED and block.region == MAIN:
            stretches[-1].append(block)
    return [s for s in stretches if s]


def _sections(doc: Document, stats: TextStats, limit: int) -> Iterator[_Long]:
    for stretch in _stretches(doc):
        count = sum(stats.block_words(b) for b in stretch)
        if count > limit:
            # Point at the first real paragraph, not at a byline or an "Advertisement"
            # label the stretch happens to start with.
            first = next((b for b in stretch if stats.block_words(b) >= _MIN_PARAGRAPH), stretch[0])
            yield count, first, *_trimmed(first)


UNITS: dict[str, Callable[[Document, TextStats, int], Iterator[_Long]]] = {
    "sentence": _sentences,
    "paragraph": _paragraphs,
    "section": _sections,
}

PARAMS: dict[str, Param] = {"unit": choice(*UNITS), "max_words": COUNT}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    limit = params["max_words"]
    for count, block, start, end in UNITS[params["unit"]](doc, text_stats(doc), limit):
        yield block_hit(block, start, end, words=count, max_words=limit)
