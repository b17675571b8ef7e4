"""SEO003: a title so short it wastes the search result's headline.

Yoast and Screaming Frog ask for at least 30 characters: a short title says little
about the page and leaves room a descriptive phrase could use.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, block_hit
from linter.model import TITLE, Document

PARAMS: dict[str, Any] = {"min_chars": 30}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    block = next((b for b in doc.blocks if b.kind == TITLE), None)
    if block is None or block.text != doc.title:  # an empty first title is SEO001's
        return
    if block is not None and len(block.text) < params["min_chars"]:
        yield block_hit(block, 0, len(block.text), chars=len(block.text), **params)
