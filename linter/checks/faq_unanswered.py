"""FAQ questions with no answer before the next question or the end of the FAQ.

A question left without its answer is usually a paste or template accident; readers and
search engines both expect an answer right below each question.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, block_hit
from linter.faq import faq_entries
from linter.model import Document

PARAMS: dict[str, Any] = {}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for entry in faq_entries(doc):
        if not entry.answers:
            block = entry.question
            yield block_hit(block, 0, len(block.text), question=entry.text)
