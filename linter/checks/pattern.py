"""Generic check: flag text in blocks that matches one of a rule's regular expressions.

Many rules are "this text must not appear here" (placeholder text, call-to-action lines,
boilerplate phrases), so they share this kind and differ only in their YAML ``params``.

The patterns come from users (rule packs, ``[params.CODE]``), and one with nested
quantifiers can backtrack for hours on a line it almost matches. They run under the
``regex`` module's ``timeout`` rather than behind a pre-check that rejects nested
quantifiers: such a pre-check refuses harmless patterns (``(?:ab+)+``) and misses
harmful ones without nesting (``(a|aa)+$``), while a time limit bounds every pattern.
Each pattern gets ``TIME_LIMIT`` seconds per document; past it the rule stops with a
``TimeoutError`` that the engine reports as one line for that file.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

import regex

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

# Seconds each pattern may spend on one document (all its blocks together).
TIME_LIMIT = 1.0


@lru_cache(maxsize=256)
def _compile(patterns: tuple[str, ...], case_sensitive: bool) -> tuple[regex.Pattern[str], ...]:
    """Compile once per rule: the same params are used for every document of a run."""
    flags = 0 if case_sensitive else regex.IGNORECASE
    return tuple(regex.compile(p, flags) for p in patterns if p)


class _Budget:
    """One pattern with what is left of its ``TIME_LIMIT`` on the current document."""

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern
        self.spent = 0.0

    def left(self) -> float:
        """Seconds left; raises the user-facing ``TimeoutError`` when none are."""
        if self.spent >= TIME_LIMIT:
            raise TimeoutError(
                f"pattern {self.pattern.pattern!r} was stopped after {TIME_LIMIT:g} s on "
                "this document (it backtracks too much: simplify nested repeats such as "
                "(a+)+ or (a|aa)+)"
            )
        return TIME_LIMIT - self.spent

    def _timed(self, search: Any) -> Any:
        """``search(timeout)``, its time counted; a timeout spends the whole budget."""
        started = time.monotonic()
        try:
            return search(self.left())
        except TimeoutError:
            self.spent = TIME_LIMIT
            self.left()
        finally:
            self.spent += time.monotonic() - started

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        matches = self.pattern.finditer(text, timeout=self.left())
        while (match := self._timed(lambda _: next(matches, None))) is not None:
            self.left()
            yield match

    def fullmatch(self, text: str) -> regex.Match[str] | None:
        return self._timed(lambda timeout: self.pattern.fullmatch(text, timeout=timeout))


def validate(params: Mapping[str, Any]) -> str | None:
    """Why these params cannot work, or ``None``: lets a bad regex fail at load time."""
    for pattern in params.get("patterns", []):
        if not isinstance(pattern, str):
            return f"patterns must be strings, not {pattern!r}"
        try:
            regex.compile(pattern)
        except regex.error as error:
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
    compiled = _compile(tuple(params["patterns"]), bool(params["case_sensitive"]))
    if not compiled:
        return
    budgets = [_Budget(pattern) for pattern in compiled]
    for block in _blocks(doc, params):
        text = block.text
        if params["whole_block"]:
            stripped = text.strip()
            start = len(text) - len(text.lstrip())
            if stripped and any(b.fullmatch(stripped) for b in budgets):
                yield block_hit(block, start, start + len(stripped), match=stripped)
            continue
        spans = sorted(
            (m.start(), -m.end(), m.group())
            for budget in budgets
            for m in budget.finditer(text)
            if m.end() > m.start()
        )
        last_end = -1
        for start, neg_end, matched in spans:
            if start < last_end:
                continue
            last_end = -neg_end
            yield block_hit(block, start, last_end, match=matched)
