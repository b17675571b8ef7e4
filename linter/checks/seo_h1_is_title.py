"""SEO012: the H1 repeats the title word for word.

The title is written for the search result and the H1 for the reader on the page; the
same words in both waste the chance to cover a second phrasing of the topic. Case and
punctuation do not count as a difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import heading_blocks, normalised
from linter.checks.base import Hit, block_hit
from linter.model import Document

PARAMS: dict[str, Any] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    if not doc.title:
        return
    h1 = next((b for b in heading_blocks(doc) if b.level == 1), None)
    if h1 is not None and normalised(h1.text) == normalised(doc.title) and normalised(h1.text):
        yield block_hit(h1, 0, len(h1.text))
