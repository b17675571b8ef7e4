"""FAQPage answers that differ from the answer shown on the page.

Search engines show the marked-up answer in results; when it says something other than
the page (an old price, a changed policy), readers get two answers. Texts are compared
with tags stripped and case, punctuation and spacing folded, so formatting differences
and small edits pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, related_at
from linter.faq import (
    faq_entries,
    faq_schema,
    normalise,
    question_key,
    quoted,
    similarity,
    strip_markup,
)
from linter.model import Document

PARAMS: dict[str, Any] = {
    # Likeness (0..1, difflib ratio of the normalised texts) below which answers differ.
    "min_similarity": 0.9,
}
FORMATS = ("html",)


def validate(params: Mapping[str, Any]) -> str | None:
    if not 0 < params.get("min_similarity", 0.9) <= 1:
        return "min_similarity must be above 0 and at most 1"
    return None


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
