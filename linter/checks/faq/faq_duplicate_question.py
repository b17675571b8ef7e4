"""Compares each visible FAQ question with the earlier ones of its FAQ section.

Two questions are the same when their matching keys (``question_key``) are equal, or
when they start with the same question word and the Jaccard overlap of their content
concepts (``question_signature``) reaches ``min_similarity``. The hit covers the later
question and points back at the first copy.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import SHARE, Hit, Param, block_hit, related_at
from linter.checks.faq._coverage import question_signature
from linter.checks.faq._entries import FaqEntry, faq_entries
from linter.checks.faq._text import jaccard, question_key
from linter.model import Document

PARAMS: dict[str, Param] = {"min_similarity": SHARE}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    seen: dict[int, list[tuple[FaqEntry, str, tuple[str, frozenset[str]]]]] = {}
    for entry in faq_entries(doc):
        key = question_key(entry.text)
        wh, words = question_signature(entry.text)
        earlier_ones = seen.setdefault(entry.section, [])
        for earlier, earlier_key, (earlier_wh, earlier_words) in earlier_ones:
            if key == earlier_key or (
                wh == earlier_wh
                and words
                and jaccard(set(words), set(earlier_words)) >= params["min_similarity"]
            ):
                block, first = entry.question, earlier.question
                related = related_at(doc, first, earlier.text_start, len(first.text))
                hit = block_hit(block, entry.text_start, len(block.text), line=related.line)
                hit.related.append(related)
                yield hit
                break
        else:
            earlier_ones.append((entry, key, (wh, words)))
