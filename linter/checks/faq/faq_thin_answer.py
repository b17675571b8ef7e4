"""Counts the words of each FAQ answer and, for short ones, compares its content
concepts (``concepts``) with its question's; the hit covers the whole answer.

Questions with no answer are left to ``faq_unanswered``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import COUNT, SHARE, Hit, Param, word_count
from linter.checks.faq._coverage import concepts
from linter.checks.faq._entries import faq_entries
from linter.model import Document

PARAMS: dict[str, Param] = {
    "min_words": COUNT,
    "max_overlap": SHARE,
    "overlap_max_words": COUNT,
}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for entry in faq_entries(doc):
        if not entry.answers:
            continue  # faq.unanswered-question reports those
        text = entry.answer_text
        words = word_count(text)
        start, end = entry.answer_span()
        if words < params["min_words"]:
            reason = f"has only {words} word{'s' if words != 1 else ''}"
        elif words <= params["overlap_max_words"]:
            answer = concepts(text)
            if (
                not answer
                or len(answer & concepts(entry.text)) / len(answer) < params["max_overlap"]
            ):
                continue
            reason = "only repeats the question"
        else:
            continue
        yield Hit(start, end, {"reason": reason, "question": entry.text}, excerpt=text)
