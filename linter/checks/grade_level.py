"""RD008: a Flesch-Kincaid grade level above what a general audience reads easily.

A document-level score: reported once, on the first complete sentence of the body (not
a dateline or byline), and only for texts of at least ``min_words`` words, where the
formula is stable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, sentence_hit
from linter.model import Document
from linter.readability import text_stats

PARAMS: dict[str, Any] = {"max_grade": 12.0, "min_words": 100}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    stats = text_stats(doc)
    if stats.words < params["min_words"]:
        return
    grade = stats.flesch_kincaid_grade()
    if grade is not None and grade > params["max_grade"]:
        yield sentence_hit(
            stats.anchor().sentence,
            grade=f"{grade:.1f}",
            max_grade=f"{params['max_grade']:g}",
            words_per_sentence=f"{stats.words / len(stats.sentences):.0f}",
        )
