"""RD004: long stretches of body text without a subheading.

Readers scan a web page by its subheadings; a long run without one is a wall of text.
Words are counted from the first H1 (or the start, without one) and the count starts
again at every heading or FAQ question. Table cells are left out: a table is structure
already. Reported once per stretch, at its first paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, block_hit
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
from linter.readability import text_stats

PARAMS: dict[str, Any] = {"max_words": 300}
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
