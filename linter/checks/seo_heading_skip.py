"""SEO010: a heading level skipped (an H2 followed by an H4).

The heading levels are the outline of the article that screen readers and search
engines navigate by; a skipped level makes a section look like it belongs to one that
does not exist. Only headings of the article body are compared: a sidebar's H4 after
the article's H2 is the theme's business, not the editor's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import heading_blocks
from linter.checks.base import Hit, block_hit
from linter.model import MAIN, Document

PARAMS: dict[str, Any] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    previous = 0
    for block in heading_blocks(doc, MAIN):
        if previous and block.level > previous + 1:
            yield block_hit(
                block, 0, len(block.text), level=block.level, previous=previous,
                expected=previous + 1,
            )  # fmt: skip
        previous = block.level
