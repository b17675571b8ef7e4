"""The share of sentences with a passive phrase (``_passive``), judged against ``max_share``.

Texts under ``min_sentences`` sentences are not judged. One finding per document, at the
first passive phrase, quoting the first ``examples`` distinct phrases, with every later
phrase as a related location.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, NUMBER, Hit, Param, block_hit, related_at
from linter.checks.readability._stats import text_stats
from linter.model import Document

PARAMS: dict[str, Param] = {"max_share": NUMBER, "min_sentences": COUNT, "examples": COUNT}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    stats = text_stats(doc)
    if len(stats.sentences) < params["min_sentences"]:
        return
    passives = stats.passives()
    share = stats.share(len(passives))
    if not passives or share <= params["max_share"]:
        return
    phrases = dict.fromkeys(" ".join(p.text.split()) for p in passives)
    shown = [f"“{phrase}”" for phrase in list(phrases)[: max(params["examples"], 1)]]
    first = passives[0]
    hit = block_hit(
        first.block,
        first.start,
        first.end,
        share=f"{share:.0f}",
        passive=len(passives),
        sentences=len(stats.sentences),
        max_share=f"{params['max_share']:g}",
        examples=", ".join(shown),
    )
    hit.related = [related_at(doc, p.block, p.start, p.end) for p in passives[1:]]
    yield hit
