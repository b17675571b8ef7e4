"""Articles without any FAQ, when the team's config asks for one.

Some content types (guides, product pages) must carry an FAQ; this rule is off unless
``[faq] require_section = true``, because most articles are fine without one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.faq import faq_anchor, faq_entries, faq_headings
from linter.model import Document

PARAMS: dict[str, Any] = {"require_section": False}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    if not params["require_section"] or faq_entries(doc) or faq_headings(doc):
        return
    start, end, excerpt = faq_anchor(doc)
    yield Hit(start, end, {}, excerpt=excerpt)
