"""RD006: too much passive voice in the text as a whole (Yoast's 10 % check).

Passive sentences are sometimes the right choice, so single ones are not findings; a
text where many sentences hide who acts is. Reported once, at the first passive phrase,
with the share and the first phrases in the message and every phrase as a related
location, so an editor can walk through them without one finding per sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, block_hit, related_at
from linter.model import Document
from linter.readability import text_stats

PARAMS: dict[str, Any] = {"max_share": 10.0, "min_sentences": 10, "examples": 3}


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
