"""Exact duplicate paragraphs and sentences inside the article body.

Copy-paste and template merges leave the same paragraph or sentence twice. Only text long
enough to be meaningful is compared (short lines such as "Read more" repeat by design),
and list items are left out: lists repeat their structure on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, block_hit, related_at
from linter.model import LIST_ITEM, TABLE_CELL, Document

PARAMS = {"min_words": 8}

_TRAILING = re.compile(r"[\s.!?;:…]+$")


def _key(text: str) -> str:
    return _TRAILING.sub("", " ".join(text.split()).lower())


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    min_words = params["min_words"]
    first_block: dict[str, Any] = {}
    repeated_blocks: set[int] = set()
    blocks = [b for b in doc.body_blocks() if b.kind not in (LIST_ITEM, TABLE_CELL)]
    for block in blocks:
        if len(block.text.split()) < min_words:
            continue
        key = _key(block.text)
        earlier = first_block.setdefault(key, block)
        if earlier is not block:
            repeated_blocks.add(block.index)
            hit = block_hit(block, 0, len(block.text), what="paragraph")
            hit.args["line"] = related_at(doc, earlier, 0, len(earlier.text)).line
            hit.related.append(related_at(doc, earlier, 0, len(earlier.text)))
            yield hit
    indexes = {b.index for b in blocks}
    first_sentence: dict[str, Any] = {}
    for sentence in doc.sentences:
        block = sentence.block
        if block.index not in indexes or block.index in repeated_blocks:
            continue
        if len(sentence.text.split()) < min_words:
            continue
        key = _key(sentence.text)
        earlier = first_sentence.setdefault(key, sentence)
        if earlier is not sentence:
            related = related_at(doc, earlier.block, earlier.start, earlier.end)
            hit = block_hit(block, sentence.start, sentence.end, what="sentence", line=related.line)
            hit.related.append(related)
            yield hit
