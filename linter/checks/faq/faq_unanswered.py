"""Reports each visible FAQ entry (see ``_entries``) that has no answer block, on its
question.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, Param, block_hit
from linter.checks.faq._entries import faq_entries
from linter.model import Document

PARAMS: dict[str, Param] = {}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for entry in faq_entries(doc):
        if not entry.answers:
            block = entry.question
            yield block_hit(block, 0, len(block.text), question=entry.text)
