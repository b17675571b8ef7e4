"""Walks the headings of the main region, skipping the FAQ sections themselves.

A heading at level ``min_level`` or deeper that reads as a question
(``looks_like_question``) and that no FAQ entry covers at ``threshold`` (``covered``,
answers counting ``answer_weight``) is a hit, until ``max_findings`` (0: no limit).
Pages without FAQ entries get nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import COUNT, NUMBER, Hit, Param, block_hit
from linter.checks.faq._coverage import covered, page_text
from linter.checks.faq._entries import faq_entries
from linter.checks.faq._text import looks_like_question
from linter.model import HEADING, MAIN, Document

PARAMS: dict[str, Param] = {
    "threshold": NUMBER,
    "answer_weight": NUMBER,
    "min_level": COUNT,
    "max_findings": COUNT,
}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    entries = faq_entries(doc)
    if not entries:
        return
    page = page_text(doc)
    limit = params["max_findings"]
    found = 0
    section, section_level = -1, 0
    for block in doc.blocks:
        if block.kind != HEADING:
            continue
        if block.faq_section:
            section, section_level = block.index, block.level
            continue
        if section >= 0 and (block.faq_group or block.level > section_level):
            continue  # inside the FAQ
        section = -1
        if block.region != MAIN or block.level < params["min_level"]:
            continue
        if not looks_like_question(block.text):
            continue
        if covered(block.text, entries, params["threshold"], params["answer_weight"], page):
            continue
        yield block_hit(block, 0, len(block.text), heading=block.text)
        found += 1
        if limit and found >= limit:
            return
