"""A readability formula of the whole text judged against a limit.

``score`` names a formula by its key in a report's ``scores`` (``flesch_reading_ease``,
``flesch_kincaid_grade``); ``direction`` says whether a value ``below`` or ``above``
``limit`` is a finding. Texts under ``min_words`` words are not judged. The finding goes
on the body's first complete sentence (not a dateline or byline), with the score as
``{value}``, the limit as ``{limit}`` and the average sentence length as
``{words_per_sentence}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, NUMBER, TEXT, Hit, Param, sentence_hit
from linter.checks.readability._stats import SCORES, text_stats
from linter.model import Document

PARAMS: dict[str, Param] = {"score": TEXT, "limit": NUMBER, "direction": TEXT, "min_words": COUNT}
DIRECTIONS = ("below", "above")


def validate(params: Mapping[str, Any]) -> str | None:
    score, direction = params.get("score"), params.get("direction")
    if score is not None and score not in SCORES:
        return f"score must be one of {', '.join(SCORES)}, not {score!r}"
    if direction is not None and direction not in DIRECTIONS:
        return f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}"
    return None


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    stats = text_stats(doc)
    if stats.words < params["min_words"]:
        return
    value = SCORES[params["score"]](stats)
    if value is None:
        return
    limit = params["limit"]
    beyond = value < limit if params["direction"] == "below" else value > limit
    if beyond:
        yield sentence_hit(
            stats.anchor().sentence,
            value=f"{value:.1f}",
            limit=f"{limit:g}",
            words_per_sentence=f"{stats.words / len(stats.sentences):.0f}",
        )
