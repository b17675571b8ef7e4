"""SEO020: the focus keyphrase is too rare or too frequent in the body.

Yoast's range is 0.5-3 % (occurrences per 100 words of body text): below it the page
hardly talks about its topic, above it the text reads as written for robots. Above
``defer_above`` per cent the stuffing rule (SEO021) reports it instead, so one fault gets
one finding. Texts under ``min_words`` words are too short to measure. Works on plain
text too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import (
    count_text,
    find_phrase,
    introduction,
    keyphrase,
    percent,
    phrase_stems,
)
from linter.checks.base import Hit, block_hit
from linter.model import Document

PARAMS: dict[str, Any] = {
    "keyphrase": "",
    "infer": False,
    "min_density": 0.5,
    "max_density": 3.0,
    "defer_above": 5.0,
    "min_words": 100,
}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    phrase = keyphrase(doc, params["keyphrase"], params["infer"])
    stems = phrase_stems(phrase)
    words = doc.word_count
    if not stems or words < params["min_words"]:
        return
    places = [(b, s) for b in doc.body_blocks() for s in find_phrase(b.text, stems)]
    density = 100 * len(places) / words
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
