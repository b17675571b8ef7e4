"""The share of sentences longer than ``max_words`` words, judged against ``max_share``.

Texts under ``min_sentences`` sentences are not judged. One finding per document, on the
first long sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, NUMBER, Hit, Param, sentence_hit
from linter.checks.readability._stats import text_stats
from linter.model import Document

PARAMS: dict[str, Param] = {"max_words": COUNT, "max_share": NUMBER, "min_sentences": COUNT}


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
