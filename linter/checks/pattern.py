"""Generic check: flag text in blocks that matches one of a rule's regular expressions.

Many rules are "this text must not appear here" (placeholder text, call-to-action lines,
boilerplate phrases), so they share this kind and differ only in their YAML ``params``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from linter.checks.base import Hit, block_hit, word_count
from linter.model import FAQ_QUESTION, HEADING, MAIN, PROSE_KINDS, Block, Document

PARAMS: dict[str, Any] = {
    # Python regular expressions; an empty string is ignored.
    "patterns": [""],
    "case_sensitive": False,
    # Block kinds to search; empty means every prose kind plus headings and FAQ questions.
    "kinds": [],
    # The pattern must match the whole (stripped) block text; the hit spans the block.
    "whole_block": False,
    # "main" searches the article body only; "any" also searches navigation and footers.
    "region": "main",
    # Only blocks with at most this many words (0 = no limit).
    "max_words": 0,
}

DEFAULT_KINDS = PROSE_KINDS | {HEADING, FAQ_QUESTION}
_REGIONS = ("main", "any")


@lru_cache(maxsize=256)
def _compile(patterns: tuple[str, ...], case_sensitive: bool) -> tuple[re.Pattern[str], ...]:
    """Compile once per rule: the same params are used for every document of a run."""
    flags = 0 if case_sensitive else re.IGNORECASE
    return tuple(re.compile(p, flags) for p in patterns if p)


def validate(params: Mapping[str, Any]) -> str | None:
    """Why these params cannot work, or ``None``: lets a bad regex fail at load time."""
    for pattern in params.get("patterns", []):
        try:
            re.compile(pattern)
        except re.error as error:
            return f"invalid regular expression {pattern!r} in patterns: {error}"
    if "region" in params and params["region"] not in _REGIONS:
        return f"region must be one of {', '.join(_REGIONS)}, not {params['region']!r}"
    if params.get("max_words", 0) < 0:
        return "max_words must be 0 (no limit) or more"
    return None


def _blocks(doc: Document, params: Mapping[str, Any]) -> Iterable[Block]:
    kinds = frozenset(params["kinds"]) or DEFAULT_KINDS
    any_region = params["region"] == "any"
    max_words = params["max_words"]
    for block in doc.blocks:
        if block.kind not in kinds or not (any_region or block.region == MAIN):
            continue
        if max_words and word_count(block.text) > max_words:
            continue
        yield block


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    """One hit per match; overlapping matches of different patterns are reported once."""
    regexes = _compile(tuple(params["patterns"]), bool(params["case_sensitive"]))
    if not regexes:
        return
    for block in _blocks(doc, params):
        text = block.text
        if params["whole_block"]:
            stripped = text.strip()
            start = len(text) - len(text.lstrip())
            if stripped and any(r.fullmatch(stripped) for r in regexes):
                yield block_hit(block, start, start + len(stripped), match=stripped)
            continue
        spans = sorted(
            (m.start(), -m.end(), m.group())
            for regex in regexes
            for m in regex.finditer(text)
            if m.end() > m.start()
        )
        last_end = -1
        for start, neg_end, matched in spans:
            if start < last_end:
                continue
            last_end = -neg_end
            yield block_hit(block, start, last_end, match=matched)
