"""Compares each numbered FAQ question with the one before it in its FAQ section.

A question's number is the one the plain-text reader took off its line, else a leading
"2. " or "Q2:" of its text. A number other than the previous one plus one is a hit,
from the number to the end of the question, with message parts saying what is wrong
and how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import pairwise
from typing import Any

from linter.checks.base import COUNT, Hit, Param
from linter.checks.faq._entries import FaqEntry, faq_entries
from linter.model import Document

PARAMS: dict[str, Param] = {"min_numbered": COUNT}


def _span(doc: Document, entry: FaqEntry) -> tuple[int, int]:
    """From the question's number (which a plain-text reader strips from the block) to
    the end of the question."""
    start, end = entry.question.source_span()
    if entry.text_start == 0:
        line_start = doc.source.rfind("\n", 0, start) + 1
        prefix = doc.source[line_start:start]
        if str(entry.number) in prefix:
            start = line_start + len(prefix) - len(prefix.lstrip())
    return start, end


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    sections: dict[int, list[FaqEntry]] = {}
    for entry in faq_entries(doc):
        if entry.number is not None:
            sections.setdefault(entry.section, []).append(entry)
    for numbered in sections.values():
        if len(numbered) < max(params["min_numbered"], 2):
            continue
        for previous, entry in pairwise(numbered):
            number, before = entry.number or 0, previous.number or 0
            if number == before + 1:
                continue
            if number <= before:
                problem = f"is number {number}, but the question before it is {before}"
                fix = f"Renumber it {before + 1}"
            else:
                missing = (
                    f"question {before + 1} is"
                    if number == before + 2
                    else f"questions {before + 1} to {number - 1} are"
                )
                problem = f"is number {number}, right after {before}, so {missing} missing"
                fix = f"Add the missing question, or renumber this one {before + 1}"
            start, end = _span(doc, entry)
            yield Hit(
                start,
                end,
                {"problem": problem, "fix": fix, "number": number},
                excerpt=doc.source[start:end],
            )
