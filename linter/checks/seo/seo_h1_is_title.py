"""The article's headline (``_page.article_headline``, else the first H1) repeats the
title word for word (case and punctuation aside)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, Param, block_hit
from linter.checks.seo._keyphrase import normalised
from linter.checks.seo._page import article_headline, heading_blocks
from linter.model import Document

PARAMS: dict[str, Param] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    if not doc.title:
        return
    h1 = article_headline(doc) or next((b for b in heading_blocks(doc) if b.level == 1), None)
    if h1 is not None and normalised(h1.text) == normalised(doc.title) and normalised(h1.text):
        yield block_hit(h1, 0, len(h1.text))
