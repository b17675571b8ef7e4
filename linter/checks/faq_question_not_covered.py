"""Questions from a ``--questions`` file ("People also ask" exports) the FAQ misses.

These are suggestions, not faults: a question readers search for is a candidate FAQ
entry. Matched by meaning like ``faq.required-missing``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.checks.faq_required_missing import missing_hits
from linter.checks.faq_required_missing import validate as validate
from linter.model import Document

PARAMS: dict[str, Any] = {
    # Questions to cover (usually from --questions FILE, setting faq.questions).
    "questions": [""],
    "threshold": 0.6,
    "answer_weight": 0.5,
}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    yield from missing_hits(doc, list(params["questions"]), params)
