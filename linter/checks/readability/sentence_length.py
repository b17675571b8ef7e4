"""Sentences of more than ``max_words`` words, each reported on the sentence itself.

Sentences and words are those of ``_stats`` (table cells left out).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param, sentence_hit
from linter.checks.readability._stats import text_stats
from linter.model import Document

PARAMS: dict[str, Param] = {"max_words": COUNT}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    limit = params["max_words"]
    for stats in text_stats(doc).longer_than(limit):
        yield sentence_hit(stats.sentence, words=stats.words, max_words=limit)
