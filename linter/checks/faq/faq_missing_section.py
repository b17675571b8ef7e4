"""With ``require_section`` set, reports a document with no FAQ entry and no FAQ
heading once, at ``faq_anchor`` (its first heading, else its title, else its first line).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import FLAG, Hit, Param
from linter.checks.faq._entries import faq_anchor, faq_entries, faq_headings
from linter.model import Document

PARAMS: dict[str, Param] = {"require_section": FLAG}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    if not params["require_section"] or faq_entries(doc) or faq_headings(doc):
        return
    start, end, excerpt = faq_anchor(doc)
    yield Hit(start, end, {}, excerpt=excerpt)
