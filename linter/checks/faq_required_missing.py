"""Required FAQ topics (``[faq] required`` in config) that no FAQ entry covers.

SEO teams keep a list of questions every article of a kind must answer ("salary",
"What education is required?"). Matching is by meaning, not spelling: word stems and a
small synonym table, so "earning potential" covers "salary".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.faq import covered, faq_anchor, faq_entries
from linter.model import Document

PARAMS: dict[str, Any] = {
    # Questions or topics the FAQ must cover (usually set in config: [faq] required).
    "required": [""],
    # Share of a topic's content words an FAQ entry must cover (see linter/faq.py).
    "threshold": 0.6,
    # What a word found only in an answer counts for, against 1 in the question.
    "answer_weight": 0.5,
}


def validate(params: Mapping[str, Any]) -> str | None:
    if not 0 < params.get("threshold", 0.6) <= 1:
        return "threshold must be above 0 and at most 1"
    if not 0 <= params.get("answer_weight", 0.5) <= 1:
        return "answer_weight must be between 0 and 1"
    return None


def missing_hits(doc: Document, queries: list[str], params: Mapping[str, Any]) -> Iterator[Hit]:
    """One hit at the FAQ (or the article's first heading) per query the FAQ misses."""
    queries = [q.strip() for q in queries if q.strip()]
    if not queries:
        return
    entries = faq_entries(doc)
    start, end, excerpt = faq_anchor(doc)
    where = "The FAQ" if entries else "This article has no FAQ, so it"
    for query in queries:
        if not covered(query, entries, params["threshold"], params["answer_weight"]):
            yield Hit(start, end, {"topic": query, "where": where}, excerpt=excerpt)


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    yield from missing_hits(doc, list(params["required"]), params)
