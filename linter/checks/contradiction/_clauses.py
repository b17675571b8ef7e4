"""What limits a claim: the sentences that may carry one, the clause around it, hedges and
conditions in that clause, and the scope (years, places, tense, phrases in front of or
after it) that becomes part of its key.

A claim is only taken when it is not a question, not hedged ("may", "often", "some"...)
and not conditional ("if", "for example"...), because a contradiction rule that guesses
is worse than none. Scope is part of the key, so "in 2022" and "in 2024" never meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from linter.checks.contradiction._words import lexicon, phrase_key, terms
from linter.model import FAQ_QUESTION, QUOTE, Document, Sentence


@cache
def _hedge_re() -> re.Pattern[str]:
    return terms(lexicon()["hedges"])


@cache
def _condition_re() -> re.Pattern[str]:
    return terms(lexicon()["conditions"])


def hedged(text: str) -> bool:
    """True if ``text`` softens its claim ("may", "often", "some"...)."""
    return bool(_hedge_re().search(text))


def conditional(text: str) -> bool:
    """True if ``text`` states its claim under a condition or as an example."""
    return bool(_condition_re().search(text))


_YEAR = re.compile(r"\b(?:19|20)\d{2}s?\b")
_PLACE = re.compile(
    r"\b(?:in|across|throughout|within|outside)\s+(?:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)"
)
_PAST = re.compile(
    r"\b(?:was|were|used to|had been|previously|formerly|last year|ago|once|originally)\b", re.I
)
_FUTURE = re.compile(r"\b(?:will|would|going to|next year|soon|planned|plans to)\b", re.I)


def scope(text: str) -> tuple[Any, ...]:
    """Years, places and tense of a sentence: claims with different scopes never meet."""
    years = frozenset(y.lower() for y in _YEAR.findall(text))
    places = frozenset(p.lower() for p in _PLACE.findall(text))
    tense = "past" if _PAST.search(text) else "future" if _FUTURE.search(text) else "present"
    return (years, places, tense)


def claim_sentences(doc: Document) -> Iterator[Sentence]:
    """Body sentences that can carry a claim: no questions, no pull quotes."""
    for sentence in doc.sentences:
        if sentence.block.kind in (QUOTE, FAQ_QUESTION):
            continue
        text = sentence.text.rstrip()
        if text.endswith("?") or len(text) < 8:
            continue
        yield sentence


_FRONTED = re.compile(
    r"^\s*(?:(?:and|but|so|yet|still|however|also)\s+)?((?:in|at|for|among|during|within|across|"
    r"outside|under|on|by|after|before|over|until|with)\s+[^,]{1,60}),",
    re.I,
)
_CONNECTIVES = frozenset(
    {
        "in practice", "in fact", "in short", "in general", "in other words", "on the other hand",
        "in addition", "in the end", "by contrast", "in contrast", "at the same time", "on top of that",
        "in reality", "after all", "for now", "in truth", "on balance", "by comparison", "in comparison",
        "later on", "for the record",
    }
)  # fmt: skip
_TRAILING = re.compile(
    r"\s+((?:in|at|for|among|during|within|across|on|over|after|before|until|by|with|to)\s+"
    r"[^,.;:!?()]{1,40})"
)
# Where a complement ends: a conjunction or a subordinate clause starts.
COMP_END = re.compile(
    r"\s+(?:and|but|or|because|since|although|though|so|which|who|while|as|unless|if|when|"
    r"even|yet)\b.*$",
    re.I,
)


def fronted(text: str, left: int, start: int) -> tuple[str, ...]:
    """A phrase put in front of the claim ("In small clinics, ..."): it limits the claim,
    so it is part of the key. Connectives such as "On the other hand," are not."""
    m = _FRONTED.match(text[left:start])
    if m is None:
        return ()
    phrase = " ".join(m.group(1).lower().split())
    return () if phrase in _CONNECTIVES else phrase_key(phrase)


def trailing(text: str, end: int, right: int) -> tuple[str, ...]:
    """A prepositional phrase right after the claim ("... in large hospitals")."""
    m = _TRAILING.match(text, end, right)
    if m is None:
        return ()
    return phrase_key(COMP_END.sub("", m.group(1)))


_CLAUSE_SEPARATOR = re.compile(
    r";|:\s|\s[–—]\s|,\s+(?:but|while|whereas|although|though|yet|which|so|and|because|since)\b"
    r"|\bwhile\b"
)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: between separators such as ";" or ", but"."""
    left = 0
    for m in _CLAUSE_SEPARATOR.finditer(text, 0, start):
        left = m.end()
    m = _CLAUSE_SEPARATOR.search(text, end)
    return left, m.start() if m else len(text)
