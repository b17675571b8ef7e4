"""Judges the answer of each visible FAQ entry (see ``_entries``).

A question with no answer block is a hit on the question when ``unanswered`` is on (and
is otherwise skipped). An answer is a hit on the whole answer when it has fewer than
``min_words`` words, or when it has at most ``overlap_max_words`` words and at least
``max_overlap`` of its content concepts (``concepts``) are its question's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import COUNT, FLAG, SHARE, Hit, Param, block_hit, word_count
from linter.checks.faq._coverage import concepts
from linter.checks.faq._entries import FaqEntry, faq_entries
from linter.model import Document

PARAMS: dict[str, Param] = {
    "unanswered": FLAG,
    "min_words": COUNT,
    "max_overlap": SHARE,
    "overlap_max_words": COUNT,
}


def _thin(entry: FaqEntry, params: Mapping[str, Any]) -> str | None:
    """Why the entry's answer is too thin to help, or None."""
    text = entry.answer_text
    words = word_count(text)
    if words < params["min_words"]:
        return f"has only {words} word{'s' if words != 1 else ''}"
    if words <= params["overlap_max_words"]:
        answer = concepts(text)
        if answer and len(answer & concepts(entry.text)) / len(answer) >= params["max_overlap"]:
            return "only repeats the question"
    return None


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for entry in faq_entries(doc):
        if not entry.answers:
            if params["unanswered"]:
                block = entry.question
                yield block_hit(block, 0, len(block.text), question=entry.text)
            continue
        reason = _thin(entry, params)
        if reason is not None:
            start, end = entry.answer_span()
            text = entry.answer_text
            yield Hit(start, end, {"reason": reason, "question": entry.text}, excerpt=text)
