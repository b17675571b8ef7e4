"""SEO018: thin content, under 300 words of body text.

Yoast and most audit tools treat a page under 300 words as thin: too little to answer
a query, likely to be seen as low value. Only the article body counts (main-region
prose, ``doc.word_count``), not menus, footers or sidebars. Works on plain text too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import head_anchor, heading_blocks
from linter.checks.base import Hit, block_hit
from linter.model import MAIN, TITLE, Document

PARAMS: dict[str, Any] = {"min_words": 300}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    words = doc.word_count
    if words >= params["min_words"]:
        return
    anchor = next((b for b in heading_blocks(doc, MAIN) if b.level == 1), None)
    anchor = anchor or next((b for b in doc.blocks if b.kind == TITLE), None)
    anchor = anchor or next(iter(doc.body_blocks()), None)
    if anchor is not None:
        yield block_hit(anchor, 0, len(anchor.text), words=words, min_words=params["min_words"])
    elif doc.format == "html":
        hit = head_anchor(doc)
        hit.args.update(words=words, min_words=params["min_words"])
        yield hit
    else:
        yield Hit(0, 0, {"words": words, "min_words": params["min_words"]}, excerpt="")
