"""RD007: a Flesch reading ease too low for a general audience.

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

PARAMS: dict[str, Any] = {"min_reading_ease": 30.0, "min_words": 100}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    stats = text_stats(doc)
    if stats.words < params["min_words"]:
        return
    score = stats.flesch_reading_ease()
    if score is not None and score < params["min_reading_ease"]:
        yield sentence_hit(
            stats.anchor().sentence,
            score=f"{score:.1f}",
            min_reading_ease=f"{params['min_reading_ease']:g}",
            words_per_sentence=f"{stats.words / len(stats.sentences):.0f}",
        )
