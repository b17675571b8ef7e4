"""Body paragraphs, quotes and FAQ answers of more than ``max_words`` words.

Reports the whole block. Lists of short lines broken by ``<br>`` (``is_line_list``) are
not paragraphs, nor are list items and table cells.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param, block_hit
from linter.checks.readability._stats import text_stats, words
from linter.model import FAQ_ANSWER, PARAGRAPH, QUOTE, Document

PARAMS: dict[str, Param] = {"max_words": COUNT}
_KINDS = frozenset({PARAGRAPH, FAQ_ANSWER, QUOTE})


def is_line_list(text: str) -> bool:
    """A "paragraph" of short lines split by ``<br>`` (tour dates, addresses, a list of
    links) is a list laid out by hand, not a paragraph anyone reads through."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 3:
        return False
    short = sum(1 for line in lines if len(words(line)) <= 12)
    return short * 2 > len(lines)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    limit = params["max_words"]
    stats = text_stats(doc)
    for block in doc.body_blocks():
        if block.kind not in _KINDS:
            continue
        count = stats.block_words(block)
        if count > limit and not is_line_list(block.text):
            text = block.text
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            yield block_hit(block, start, end, words=count, max_words=limit)
