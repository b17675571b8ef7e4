"""Visible FAQ questions left out of the page's FAQPage markup.

When a page marks up its FAQ, search engines take the markup as the whole FAQ; a question
added to the page but not to the JSON-LD is invisible to them. Pages without FAQPage
markup are left alone: adding markup is a choice, not a fault.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, block_hit
from linter.faq import faq_entries, faq_pages, question_key, strip_markup
from linter.model import Document

PARAMS: dict[str, Any] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    pages = faq_pages(doc)
    if not pages:
        return
    marked = {
        question_key(strip_markup(q.name)) for page in pages for q in page.questions if q.name
    }
    for entry in faq_entries(doc):
        if question_key(entry.text) not in marked:
            block = entry.question
            yield block_hit(block, entry.text_start, len(block.text), question=entry.text)
