"""A heading of the article body more than one level below the one before it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, Param, block_hit
from linter.checks.seo._page import heading_blocks
from linter.model import MAIN, Document

PARAMS: dict[str, Param] = {}
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
