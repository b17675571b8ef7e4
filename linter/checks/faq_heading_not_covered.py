"""Question-form headings of the body that the FAQ does not answer: FAQ suggestions.

A heading such as "What Is Healthcare Administration?" is a question readers search for;
when the page has an FAQ, that question is a natural entry for it. Pages without an FAQ
get nothing here (``faq.missing-section`` is the rule for that).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, block_hit
from linter.faq import covered, faq_entries, looks_like_question
from linter.model import HEADING, MAIN, Document

PARAMS: dict[str, Any] = {
    "threshold": 0.6,
    "answer_weight": 0.5,
    # Headings above this level (1 = the page headline) are the article's own topic.
    "min_level": 2,
    # At most this many suggestions a page (0 = no limit).
    "max_findings": 10,
}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    entries = faq_entries(doc)
    if not entries:
        return
    limit = params["max_findings"]
    found = 0
    section, section_level = -1, 0
    for block in doc.blocks:
        if block.kind != HEADING:
            continue
        if block.attrs.get("faq"):
            section, section_level = block.index, block.level
            continue
        if section >= 0 and (block.attrs.get("faq_group") or block.level > section_level):
            continue  # inside the FAQ
        section = -1
        if block.region != MAIN or block.level < params["min_level"]:
            continue
        if not looks_like_question(block.text):
            continue
        if covered(block.text, entries, params["threshold"], params["answer_weight"]):
            continue
        yield block_hit(block, 0, len(block.text), heading=block.text)
        found += 1
        if limit and found >= limit:
            return
