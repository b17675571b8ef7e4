"""Fewer than ``min_words`` words of body text (``doc.word_count``: main-region prose).

Reported at the article's headline (``_page.article_headline``: the main region's H1,
or an H1 the title repeats), else the title, else the first body block; at ``<head>``
(HTML) or the first character when the page has none of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param, block_hit
from linter.checks.seo._page import article_headline, head_anchor
from linter.model import TITLE, Document

PARAMS: dict[str, Param] = {"min_words": COUNT}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    words = doc.word_count
    if words >= params["min_words"]:
        return
    anchor = article_headline(doc)
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
