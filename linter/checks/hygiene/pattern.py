"""Generic check: flag text in blocks that matches one of a rule's regular expressions.

Many rules are "this text must not appear here" (placeholder text, call-to-action lines,
boilerplate phrases), so they share this kind and differ only in their YAML ``params``:
``patterns`` (regular expressions; an empty one is ignored), ``case_sensitive``,
``kinds`` (block kinds searched; empty means every prose kind plus headings and FAQ
questions), ``whole_block`` (the pattern must match the whole stripped block text, and
the hit spans it), ``region`` (``main``: the article body only; ``any``: navigation and
footers too) and ``max_words`` (only blocks of at most that many words; 0: no limit).

The patterns come from users (rule packs, ``[params.CODE]``), and one with nested
quantifiers can backtrack for hours on a line it almost matches. They run under the
``regex`` module's ``timeout`` rather than behind a pre-check that rejects nested
quantifiers: such a pre-check refuses harmless patterns (``(?:ab+)+``) and misses
harmful ones without nesting (``(a|aa)+$``), while a time limit bounds every pattern.
A pattern gets ``TIME_LIMIT`` seconds per block (more for a block of megabytes); past
it the rule stops with a ``TimeoutError`` that the engine reports as one line for the
file, whose other findings are kept. The patterns shipped with contentlint's own rules
are reviewed and run without the limit, which costs a clock read per search.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from functools import lru_cache, partial
from typing import Any

import regex

from linter.checks.base import COUNT, FLAG, TEXTS, Hit, Param, block_hit, choice, word_count
from linter.model import FAQ_QUESTION, HEADING, MAIN, PROSE_KINDS, Block, Document

PARAMS: dict[str, Param] = {
    "patterns": TEXTS,
    "case_sensitive": FLAG,
    "kinds": TEXTS,
    "whole_block": FLAG,
    "region": choice("main", "any"),
    "max_words": COUNT,
}

DEFAULT_KINDS = PROSE_KINDS | {HEADING, FAQ_QUESTION}

# Seconds a pattern may spend on one block: enough for any linear pattern (they run at
# tens of megabytes a second), far too little for catastrophic backtracking.
TIME_LIMIT = 1.0
PER_MILLION_CHARS = 1.0  # added for each million characters of the block


@lru_cache(maxsize=256)
def _compile(patterns: tuple[str, ...], case_sensitive: bool) -> tuple[regex.Pattern[str], ...]:
    """Compile once per rule: the same params are used for every document of a run."""
    flags = 0 if case_sensitive else regex.IGNORECASE
    return tuple(regex.compile(p, flags) for p in patterns if p)


# The patterns of contentlint's own rules: reviewed, so they run without a limit. The
# limit costs 3 us a search (the regex module reads a clock), a third of the time of the
# shipped patterns on a typical block, and is there for patterns nobody reviewed. The
# catalogue loader hands them over (``trust``) when it loads the built-in rules.
_REVIEWED: set[str] = set()


def trust(params: Mapping[str, Any]) -> None:
    """Mark the patterns of a built-in rule as reviewed."""
    _REVIEWED.update(params.get("patterns", []))


def _timeout(text: str) -> float:
    return TIME_LIMIT + PER_MILLION_CHARS * len(text) / 1_000_000


def _too_slow(pattern: regex.Pattern[str]) -> TimeoutError:
    """The one-line error for the file: the engine reports it as ``rule CODE: ...``."""
    return TimeoutError(
        f"pattern {pattern.pattern!r} was stopped after {TIME_LIMIT:g} s on one block "
        "(it backtracks too much: simplify nested repeats such as (a+)+ or (a|aa)+)"
    )


def _finditer(pattern: regex.Pattern[str], text: str) -> list[regex.Match[str]]:
    """``pattern``'s matches in ``text`` within the time limit, or the user-facing error."""
    started = time.monotonic()
    timeout = _timeout(text)
    found = []
    try:
        # The timeout applies to each step of the iterator: the total is checked too.
        for match in pattern.finditer(text, timeout=timeout):
            found.append(match)
            if time.monotonic() - started > timeout:
                raise TimeoutError
    except TimeoutError:
        raise _too_slow(pattern) from None
    return found


def _fullmatch(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    try:
        return pattern.fullmatch(text, timeout=_timeout(text))
    except TimeoutError:
        raise _too_slow(pattern) from None


def _searches(patterns: tuple[regex.Pattern[str], ...]) -> list[tuple[Any, Any]]:
    """``(finditer, fullmatch)`` of each pattern: plain for shipped ones, else limited."""
    shipped = _REVIEWED
    return [
        (p.finditer, p.fullmatch)
        if p.pattern in shipped
        else (partial(_finditer, p), partial(_fullmatch, p))
        for p in patterns
    ]


def validate(params: Mapping[str, Any]) -> str | None:
    """Why these params cannot work, or ``None``: lets a bad regex fail at load time."""
    for pattern in params.get("patterns", []):
        if not isinstance(pattern, str):
            return f"patterns must be strings, not {pattern!r}"
        try:
            regex.compile(pattern)
        except regex.error as error:
            return f"invalid regular expression {pattern!r} in patterns: {error}"
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
    searches = _searches(regexes)
    for block in _blocks(doc, params):
        text = block.text
        if params["whole_block"]:
            stripped = text.strip()
            start = len(text) - len(text.lstrip())
            if stripped and any(fullmatch(stripped) for _, fullmatch in searches):
                yield block_hit(block, start, start + len(stripped), match=stripped)
            continue
        spans = sorted(
            (m.start(), -m.end(), m.group())
            for finditer, _ in searches
            for m in finditer(text)
            if m.end() > m.start()
        )
        last_end = -1
        for start, neg_end, matched in spans:
            if start < last_end:
                continue
            last_end = -neg_end
            yield block_hit(block, start, last_end, match=matched)
