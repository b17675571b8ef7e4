"""Reports each visible FAQ question whose matching key (``question_key``) is not the
key of any question name in the page's FAQPage markup. Pages without FAQPage markup
are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, Param, block_hit
from linter.checks.faq._entries import faq_entries
from linter.checks.faq._schema import faq_pages
from linter.checks.faq._text import question_key, strip_markup
from linter.model import Document

PARAMS: dict[str, Param] = {}
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
