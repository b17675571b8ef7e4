"""FAQPage markup with a Question that lacks its name or its answer text.

Google ignores a Question without ``name`` or ``acceptedAnswer.text``, and an FAQPage
with no questions at all, so the rich result silently disappears.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.faq import faq_pages
from linter.model import Document

PARAMS: dict[str, Any] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for page in faq_pages(doc):
        if not page.questions:
            yield Hit(
                page.start,
                page.end,
                {
                    "what": "This FAQPage has no questions (mainEntity is missing or empty)",
                    "todo": "add its questions",
                },
            )
            continue
        for number, question in enumerate(page.questions, 1):
            missing = []
            if not question.name:
                missing.append("its question text (name)")
            if not question.answer:
                missing.append("its answer text (acceptedAnswer.text)")
            if missing:
                label = f"“{question.name}”" if question.name else f"number {number}"
                yield Hit(
                    question.start,
                    question.end,
                    {
                        "what": f"Question {label} in the FAQPage markup lacks "
                        + " and ".join(missing),
                        "todo": "fill it in",
                    },
                )
