"""RD001: sentences too long to follow in one reading.

Reported on the sentence itself, so an editor sees exactly what to split.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, sentence_hit
from linter.model import Document
from linter.readability import text_stats

PARAMS: dict[str, Any] = {"max_words": 35}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    limit = params["max_words"]
    for stats in text_stats(doc).longer_than(limit):
        yield sentence_hit(stats.sentence, words=stats.words, max_words=limit)
