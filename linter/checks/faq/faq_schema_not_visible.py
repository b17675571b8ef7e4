"""Looks for each FAQPage question's key (``question_key``, tags stripped) in the page's
visible text: as a block of its own, or inside any block but the title and meta tags.
A question found nowhere is a hit on its name in the script.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, Param
from linter.checks.faq._schema import faq_schema, visible_text_keys
from linter.checks.faq._text import question_key, quoted, strip_markup
from linter.model import Document

PARAMS: dict[str, Param] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    questions = [q for q in faq_schema(doc) if q.name]
    if not questions:
        return
    keys = visible_text_keys(doc)
    visible = f" {keys} "
    # A question shown as a block of its own is found in a set; the others are searched
    # in the page's text once per distinct question (in C), never block by block.
    blocks = set(keys.split(" | "))
    shown: dict[str, bool] = {}
    for question in questions:
        key = question_key(strip_markup(question.name or ""))
        if not key:
            continue
        if key not in shown:
            shown[key] = key in blocks or f" {key} " in visible
        if not shown[key]:
            name = question.name or ""
            yield Hit(question.start, question.end, {"question": quoted(name)}, excerpt=name)
