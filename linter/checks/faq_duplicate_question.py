"""The same question asked twice in one FAQ, word for word or nearly so.

Duplicates come from merged drafts and templates; the second copy wastes the reader's
time and may carry a different answer. Case, punctuation and numbering are ignored, and
questions whose word sets overlap almost completely count as the same question.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, block_hit, related_at
from linter.faq import FaqEntry, faq_entries, jaccard, question_key, question_signature
from linter.model import Document

PARAMS: dict[str, Any] = {
    # Overlap (Jaccard) of content words (stemmed, synonyms folded) from which two
    # questions with the same question word count as the same question.
    "min_similarity": 0.85,
}


def validate(params: Mapping[str, Any]) -> str | None:
    if not 0 < params.get("min_similarity", 0.85) <= 1:
        return "min_similarity must be above 0 and at most 1"
    return None


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
