"""Stretches of more than ``max_words`` body words between subheadings.

A stretch starts after the first H1 (or at the start, without one) and at every
heading, FAQ question or title; it counts the words of the main region's paragraphs,
list items, quotes and FAQ answers (not table cells). One finding per stretch, on its
first block of at least ``_MIN_PARAGRAPH`` words (else its first block).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param, block_hit
from linter.checks.readability._stats import text_stats
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

PARAMS: dict[str, Param] = {"max_words": COUNT}
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


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    limit = params["max_words"]
    stats = text_stats(doc)
    for stretch in _stretches(doc):
        count = sum(stats.block_words(b) for b in stretch)
        if count > limit:
            # Point at the first real paragraph, not at a byline or an "Advertisement"
            # label the stretch happens to start with.
            first = next((b for b in stretch if stats.block_words(b) >= _MIN_PARAGRAPH), stretch[0])
            text = first.text
            yield block_hit(
                first,
                len(text) - len(text.lstrip()),
                len(text.rstrip()),
                words=count,
                max_words=limit,
            )
