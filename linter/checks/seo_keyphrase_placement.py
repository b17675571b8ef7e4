"""SEO019: the focus keyphrase is missing from a place that matters.

Yoast, Rank Math and Google's own guidance put the topic of a page in its title, its
H1, its introduction, its meta description and at least one subheading. Each place that
lacks the keyphrase is its own finding, at that place, so an editor can jump to the
element to rewrite, and a place that is fine for this page can be dropped from
``places`` in config without losing the others. A place the page does not have (no H1,
no meta description, no subheading) is left to the rules about those. Runs only when a
keyphrase is set (``[seo] keyphrase`` or ``--keyphrase``) or ``infer_keyphrase`` asks for
one taken from the title, in which case the title itself is not checked (and a title
that is a long headline gives no keyphrase). Matching ignores case and plural endings,
and, as Yoast does, accepts all content words of the keyphrase in any order. Plain text has no markup, so only its title and first
paragraph are checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import heading_blocks, introduction, keyphrase, mentions, phrase_stems
from linter.checks.base import Hit, block_hit
from linter.model import MAIN, META, TITLE, Block, Document

PARAMS: dict[str, Any] = {
    "keyphrase": "",
    "infer": False,
    "places": ["title", "h1", "introduction", "meta description", "subheading"],
    "intro_min_words": 8,
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
