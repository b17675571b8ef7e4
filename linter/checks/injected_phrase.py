"""A title or heading phrase pasted inside body sentences in place of a noun phrase.

Broken CMS templates substitute the page title for a variable, so sentences read "Both
fields aim to improve Data Science vs Data Analytics delivery". The phrase is found
without being told: the title and its parts, the H1, Title-Case headings, and Title-Case
comparison phrases that recur in running text. Matches are case-sensitive: a writer who
mentions the topic writes it in sentence case, a template pastes the title verbatim.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks._phrases import (
    looks_like_name,
    phrase_pattern,
    recurring_title_case,
    source_phrases,
    words,
)
from linter.checks.base import Hit, block_hit
from linter.model import Block, Document

PARAMS = {
    "min_words": 3,
    "name_max_words": 4,
    "min_recurring": 3,
    "heading_min_repeats": 2,
}

_QUOTES_OPEN = "“\"‘'«("
_QUOTES_CLOSE = "”\"’'»)"


def _candidates(doc: Document, body: list[Block], params: Mapping[str, Any]) -> list[str]:
    phrases: list[str] = []
    for phrase, origin in source_phrases(doc):
        if len(words(phrase)) < params["min_words"]:
            continue
        if looks_like_name(phrase, params["name_max_words"]):
            continue
        if origin == "heading":
            pattern = phrase_pattern(phrase)
            hits = sum(len(pattern.findall(b.text)) for b in body)
            if hits < params["heading_min_repeats"]:
                continue
        phrases.append(phrase)
    for phrase in recurring_title_case(body, max(params["min_words"], 4), params["min_recurring"]):
        if phrase not in phrases:
            phrases.append(phrase)
    # Longest first, so "A vs B: the guide" wins over its part "A vs B" at the same place.
    return sorted(phrases, key=len, reverse=True)


def _quoted(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return bool(before and after and before in _QUOTES_OPEN and after in _QUOTES_CLOSE)


def _whole_block(text: str, start: int, end: int) -> bool:
    return not text[:start].strip(" -–—:|#*") and not text[end:].strip(" .!?:;-–—|")


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    body = doc.body_blocks()
    run_in = doc.meta.get("title_run_in") or {}
    skip_at = doc.title_offset if run_in else None
    taken: dict[int, list[tuple[int, int]]] = {}
    for phrase in _candidates(doc, body, params):
        pattern = phrase_pattern(phrase)
        for block in body:
            for match in pattern.finditer(block.text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken.get(block.index, ())):
                    continue
                if _quoted(block.text, start, end) or _whole_block(block.text, start, end):
                    continue
                hit = block_hit(block, start, end, phrase=phrase)
                if skip_at is not None and hit.start == skip_at:
                    continue
                taken.setdefault(block.index, []).append((start, end))
                yield hit
