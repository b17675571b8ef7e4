"""Reports an FAQPage without questions on its type, and each Question without a name
or an answer text (``acceptedAnswer`` or ``suggestedAnswer``) where it sits in the script.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, Param
from linter.checks.faq._schema import faq_pages
from linter.model import Document

PARAMS: dict[str, Param] = {}
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
