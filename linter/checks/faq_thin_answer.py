"""FAQ answers too short to help, or that only say the question again.

"Yes." answers nothing a reader could not guess, and an answer that repeats its question
adds no information; both read as filler to people and to search engines.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, word_count
from linter.faq import concepts, faq_entries
from linter.model import Document

PARAMS: dict[str, Any] = {
    # Answers with fewer words than this are thin.
    "min_words": 8,
    # Share of the answer's content words already in the question that makes it a repeat.
    "max_overlap": 0.8,
    # Only answers up to this many words are tested for repeating the question.
    "overlap_max_words": 30,
}


def validate(params: Mapping[str, Any]) -> str | None:
    overlap = params.get("max_overlap", 0.8)
    if not 0 < overlap <= 1:
        return "max_overlap must be above 0 and at most 1"
    return None


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
