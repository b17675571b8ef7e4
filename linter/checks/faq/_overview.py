"""The FAQ at a glance, for the editor's app: each visible question, whether it has an
answer and whether the page's FAQPage JSON-LD lists it, and the questions only the
JSON-LD lists. Built from the same entries and schema model the FAQ rules judge, so the
panel and the findings never disagree about what "the FAQ" is.
"""

from __future__ import annotations

from typing import Any

from linter.checks.faq._entries import faq_entries
from linter.checks.faq._schema import faq_pages
from linter.checks.faq._text import question_key
from linter.model import Document


def faq_overview(doc: Document) -> dict[str, Any]:
    """``questions`` (text, block index, answered, in_schema), ``schema_only`` (the
    JSON-LD questions no visible question matches) and ``has_schema``."""
    schema = [q for page in faq_pages(doc) for q in page.questions if q.name]
    schema_keys = {question_key(q.name or "") for q in schema}
    questions = []
    seen: set[str] = set()
    for entry in faq_entries(doc):
        key = question_key(entry.text)
        seen.add(key)
        questions.append(
            {
                "text": entry.text,
                "block": entry.question.index,
                "answered": bool(entry.answers),
                "in_schema": key in schema_keys,
            }
        )
    schema_only = [q.name for q in schema if question_key(q.name or "") not in seen]
    return {
        "questions": questions,
        "schema_only": list(dict.fromkeys(schema_only)),
        "has_schema": bool(faq_pages(doc)),
    }
