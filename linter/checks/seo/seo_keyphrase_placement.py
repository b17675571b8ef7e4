"""Each of ``places`` that lacks the keyphrase, reported at that place.

Places: ``title``, ``h1``, ``introduction`` (the first prose paragraph of at least
``intro_min_words`` words), ``meta description`` and ``subheading`` (any H2-H6 of the
body may have it). A place the page lacks is skipped; plain text has only a title and
an introduction. An inferred keyphrase (``infer``) comes from the title, so the title is
then not checked. Matching is ``mentions``: in order, or all content words in any order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, FLAG, TEXT, TEXTS, Hit, Param, block_hit
from linter.checks.seo._keyphrase import keyphrase, mentions, phrase_stems
from linter.checks.seo._page import heading_blocks, introduction
from linter.model import MAIN, META, TITLE, Block, Document

PARAMS: dict[str, Param] = {
    "keyphrase": TEXT,
    "infer": FLAG,
    "places": TEXTS,
    "intro_min_words": COUNT,
}
_TEXT_PLACES = ("title", "introduction")
_WHERE = {"h1": "the H1", "introduction": "the first paragraph", "subheading": "any subheading"}


def _place_blocks(doc: Document, place: str, intro_min_words: int) -> list[Block]:
    if place == "title":
        return [b for b in doc.blocks if b.kind == TITLE][:1]
    if place == "h1":
        return [b for b in heading_blocks(doc) if b.level == 1][:1]
    if place == "introduction":
        block = introduction(doc, intro_min_words)
        return [block] if block else []
    if place == "meta description":
        return [b for b in doc.blocks if b.kind == META and b.attrs.get("name") == "description"][
            :1
        ]
    if place == "subheading":
        return [b for b in heading_blocks(doc, MAIN) if b.level > 1]
    return []


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    phrase = keyphrase(doc, params["keyphrase"], params["infer"])
    stems = phrase_stems(phrase)
    if not stems:
        return
    inferred = not " ".join(params["keyphrase"].split())
    for place in params["places"]:
        if doc.format != "html" and place not in _TEXT_PLACES:
            continue
        if inferred and place == "title":
            continue
        blocks = _place_blocks(doc, place, params["intro_min_words"])
        if not blocks or any(mentions(b.text, stems) for b in blocks):
            continue
        block = blocks[0]
        where = _WHERE.get(place, f"the {place}")
        yield block_hit(block, 0, len(block.text), keyphrase=phrase, place=where)
