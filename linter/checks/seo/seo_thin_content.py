"""Fewer than ``min_words`` words of body text (``doc.word_count``: main-region prose).

Reported at the body's H1, else the title, else the first body block; at ``<head>``
(HTML) or the first character when the page has none of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param, block_hit
from linter.checks.seo._page import head_anchor, heading_blocks
from linter.model import MAIN, TITLE, Document

PARAMS: dict[str, Param] = {"min_words": COUNT}


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
