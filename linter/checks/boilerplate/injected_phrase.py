"""A title or heading phrase pasted inside body sentences in place of a noun phrase.

Candidate phrases come from the page itself (``_phrases``): the title and its parts, the
H1, Title-Case headings, and Title-Case comparison runs that recur in running text. They
are searched longest first in the body blocks that hold their rarest word; a match is a
hit unless it is quoted, the whole block, a topic a sentence names ("When comparing X
vs Y,") or the run-in title BP002 reports. What keeps real mentions out was measured on
the benchmark corpus, where every early finding was a legitimate mention: matching is
case-sensitive with Title-Case phrases only (a headline in sentence case repeated as a
caption is no template output), and a phrase without a comparison word is probably a
name a writer repeats ("Mezcal Mexican Bar & Kitchen"), so it must be pervasive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import COUNT, NUMBER, Hit, Param, block_hit
from linter.checks.boilerplate._phrases import (
    COMPARISON,
    BlockIndex,
    is_title_case,
    looks_like_name,
    phrase_pattern,
    recurring_title_case,
    source_phrases,
    words,
)
from linter.model import Document

PARAMS: dict[str, Param] = {
    "min_words": COUNT,
    "name_max_words": COUNT,
    "min_recurring": COUNT,
    "heading_min_repeats": COUNT,
    "min_paragraphs": COUNT,
    "min_share": NUMBER,
}

# "When comparing X vs Y, ..." names the comparison as a topic: a writer's sentence.
_TOPIC_CUE = re.compile(
    r"\b(compar(e|es|ed|ing)|comparison of|review(ing)? of|reviewing|choos(e|ing)( between)?"
    r"|between|weigh(ing)?|debate over|deciding between)\s+(the\s+)?$",
    re.IGNORECASE,
)
# ... and the named topic ends its clause; a pasted noun runs on ("choose X plans").
_TOPIC_END = re.compile(r"\s*(?:[,.;:!?)]|$)")
_QUOTES_OPEN = "“\"‘'«("
_QUOTES_CLOSE = "”\"’'»)"


def _is_comparison(phrase: str) -> bool:
    return any(w.lower() in COMPARISON for w in words(phrase))


def _first_word(phrase: str) -> str:
    """The literal text every ``phrase_pattern(phrase)`` match starts with ("" if none).

    Searching for it first (in C) rules most phrases out before a pattern is compiled,
    which costs more than the searches.
    """
    words = phrase.split()
    return words[0] if words else ""


def _pervasive(phrase: str, index: BlockIndex, params: Mapping[str, Any]) -> bool:
    """Pasted into so many paragraphs that no writer would repeat a name that often."""
    body = index.blocks
    first = _first_word(phrase)
    holders = [b for b in index.blocks_for(phrase) if first in b.text]
    if len(holders) < params["min_paragraphs"] or len(holders) < params["min_share"] * len(body):
        return False  # fewer blocks hold even the first word; spares compiling the pattern
    pattern = phrase_pattern(phrase)
    found = sum(1 for b in holders if pattern.search(b.text))
    return found >= params["min_paragraphs"] and found >= params["min_share"] * len(body)


def _candidates(doc: Document, index: BlockIndex, params: Mapping[str, Any]) -> list[str]:
    body = index.blocks
    phrases: list[str] = []
    for phrase, origin in source_phrases(doc):
        if len(words(phrase)) < params["min_words"] or not is_title_case(phrase):
            continue
        if looks_like_name(phrase, params["name_max_words"]):
            continue
        if origin == "heading":
            first = _first_word(phrase)
            holders = index.blocks_for(phrase)
            if sum(b.text.count(first) for b in holders) < params["heading_min_repeats"]:
                continue  # each match starts with the first word: too few to repeat
            pattern = phrase_pattern(phrase)
            hits = sum(len(pattern.findall(b.text)) for b in holders)
            if hits < params["heading_min_repeats"]:
                continue
        if not _is_comparison(phrase) and not _pervasive(phrase, index, params):
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


def _suggestion(phrase: str, body_text: str) -> str | None:
    """The words the template most likely replaced, when the document shows them.

    A template pastes "Healthcare Management vs Healthcare Administration" where one
    side of the comparison belonged ("... of healthcare management organizations"). The
    side the writer uses most often in their own sentences (outside the pasted phrase) is
    the best guess, in lower case; a tie or no use at all gives no suggestion. Only a
    guess, so the rule's YAML does not say ``fix: safe`` and ``--fix`` never applies it.
    """
    parts: list[list[str]] = [[]]
    for word in phrase.split():
        if word.lower() in COMPARISON:
            parts.append([])
        else:
            parts[-1].append(word)
    own_text = phrase_pattern(phrase).sub(" ", body_text)
    counts: dict[str, int] = {}
    for part in parts:
        if part:
            pattern = re.compile(phrase_pattern(" ".join(part)).pattern, re.IGNORECASE)
            counts[" ".join(part).lower()] = len(pattern.findall(own_text))
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    body = doc.body_blocks()
    body_text = "\n".join(b.text for b in body)
    skip_at = doc.title_offset if doc.title_run_in else None
    taken: dict[int, list[tuple[int, int]]] = {}
    index = BlockIndex(body)
    for phrase in _candidates(doc, index, params):
        pattern = phrase_pattern(phrase)
        suggestion = _suggestion(phrase, body_text) if _is_comparison(phrase) else None
        for block in index.blocks_for(phrase):
            for match in pattern.finditer(block.text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken.get(block.index, ())):
                    continue
                if _quoted(block.text, start, end) or _whole_block(block.text, start, end):
                    continue
                if _TOPIC_CUE.search(block.text[max(0, start - 40) : start]) and _TOPIC_END.match(
                    block.text, end
                ):
                    continue
                hint = f" Perhaps “{suggestion}” was meant." if suggestion else ""
                hit = block_hit(block, start, end, phrase=phrase, fix=suggestion, suggestion=hint)
                if skip_at is not None and hit.start == skip_at:
                    continue
                taken.setdefault(block.index, []).append((start, end))
                yield hit
