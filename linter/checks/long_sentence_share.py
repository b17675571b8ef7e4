"""RD002: too many long sentences overall (Yoast's sentence-length check).

A single long sentence is fine; a text where every fourth sentence is long is tiring.
Judged only from ``min_sentences`` on, since a share of three sentences says nothing.
Reported once, on the first long sentence, so the finding has a place to start from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, sentence_hit
from linter.model import Document
from linter.readability import text_stats

PARAMS: dict[str, Any] = {"max_words": 20, "max_share": 25.0, "min_sentences": 10}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    stats = text_stats(doc)
    if len(stats.sentences) < params["min_sentences"]:
        return
    long = stats.longer_than(params["max_words"])
    share = stats.share(len(long))
    if long and share > params["max_share"]:
        yield sentence_hit(
            long[0].sentence,
            share=f"{share:.0f}",
            long=len(long),
            sentences=len(stats.sentences),
            max_words=params["max_words"],
            max_share=f"{params['max_share']:g}",
        )
