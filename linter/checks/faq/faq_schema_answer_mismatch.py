"""Compares each FAQPage answer with the visible answer of the question of the same key.

Both texts are folded (``normalise``; tags stripped from the markup) and compared with
``similarity`` (difflib's ratio); below ``min_similarity`` the question's name in the
script is a hit, pointing at the visible answer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import SHARE, Hit, Param, related_at
from linter.checks.faq._entries import faq_entries
from linter.checks.faq._schema import faq_schema
from linter.checks.faq._text import normalise, question_key, quoted, similarity, strip_markup
from linter.model import Document

PARAMS: dict[str, Param] = {"min_similarity": SHARE}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    questions = [q for q in faq_schema(doc) if q.name and q.answer]
    if not questions:
        return
    visible = {}
    for entry in faq_entries(doc):
        if entry.answers:
            visible.setdefault(question_key(entry.text), entry)
    for question in questions:
        entry = visible.get(question_key(strip_markup(question.name or "")))
        if entry is None:
            continue
        marked = normalise(strip_markup(question.answer or ""))
        shown = normalise(entry.answer_text)
        score = similarity(marked, shown)
        if score >= params["min_similarity"]:
            continue
        first = entry.answers[0]
        hit = Hit(
            question.start,
            question.end,
            {"question": quoted(question.name or ""), "similarity": f"{score:.0%}"},
            excerpt=question.name,
        )
        hit.related.append(related_at(doc, first, 0, len(first.text)))
        hit.args["line"] = hit.related[0].line
        yield hit
