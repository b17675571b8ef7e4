"""The keyphrase's density (``keyphrase_density``) outside ``min_density``-``max_density``.

Too high is reported at the keyphrase's first occurrence, too low at the introduction
(or the first body block); above ``defer_above`` nothing is reported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, FLAG, NUMBER, TEXT, Hit, Param, block_hit
from linter.checks.seo._keyphrase import (
    count_text,
    keyphrase,
    keyphrase_density,
    percent,
    phrase_stems,
)
from linter.checks.seo._page import introduction
from linter.model import Document

PARAMS: dict[str, Param] = {
    "keyphrase": TEXT,
    "infer": FLAG,
    "min_density": NUMBER,
    "max_density": NUMBER,
    "defer_above": NUMBER,
    "min_words": COUNT,
}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    phrase = keyphrase(doc, params["keyphrase"], params["infer"])
    stems = phrase_stems(phrase)
    words = doc.word_count
    if not stems or words < params["min_words"]:
        return
    places, density = keyphrase_density(doc, stems)
    if params["min_density"] <= density <= params["max_density"] or density > params["defer_above"]:
        return
    args = {**params, "keyphrase": phrase, "count": count_text(len(places)), "words": words,
            "density": percent(density)}  # fmt: skip
    if density > params["max_density"]:
        block, (start, end) = places[0]
        yield block_hit(block, start, end, problem="too high", **args)
        return
    block = introduction(doc) or doc.body_blocks()[0]
    yield block_hit(block, 0, len(block.text), problem="too low", **args)
