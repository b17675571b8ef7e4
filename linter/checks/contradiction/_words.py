"""The words claims are read with: the shipped lexicon, number words, noun-phrase folding.

The lexicon (``data/ct_lexicon.yaml``) names the dimensions, predicates, hedges and
conditions the kinds look for; everything here folds what a sentence says into keys that
compare equal when two sentences are about the same thing.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from linter.lexicon import wordset


@cache
def lexicon() -> dict[str, Any]:
    """The shipped lexicon, loaded once (by libyaml when PyYAML has it: a tenth of the
    time of the Python loader, for the same data)."""
    text = (resources.files("linter") / "data" / "ct_lexicon.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _split(text: str) -> list[str]:
    return text.split()


DETERMINERS = wordset("a an the this that these those its our your their his her my any each every")
PRONOUNS = wordset(
    "it they this that these those he she we you i which who what there one both "
    "either neither them something everything anything nothing someone everyone"
)
# Words that end a noun phrase when scanning backwards from a verb.
BREAK = wordset(
    "is are was were be been being has have had do does did and or but than for of in "
    "on at to by from with that which who while because if when as so also not no yet "
    "then where although though since after before into over under about between "
    "among per via whereas can could may might will would should must"
)
NEUTRAL_MODIFIERS = wordset("annual yearly total overall current estimated full")
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        _split(
            "zero one two three four five six seven eight nine ten eleven "
            "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
}
NUM = r"(?:\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")"
# The first characters a ``NUM`` can start with. Put before ``NUM`` in a pattern that
# is searched through every sentence, it fails most word starts with one test instead
# of one per alternative (four times faster); under re.I it folds case as they do.
NUM_START = r"(?=[\d" + "".join(sorted({w[0] for w in NUMBER_WORDS})) + "])"


def number(text: str) -> float | None:
    """A number written in digits or as a word (one to twenty)."""
    text = text.lower().replace(",", "")
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    try:
        return float(text)
    except ValueError:
        return None


def singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def phrase_key(text: str) -> tuple[str, ...]:
    """A noun phrase folded for comparison: lower case, no determiners, singular."""
    words = re.findall(r"[\w'’-]+", text.lower().replace("’", "'"))
    return tuple(singular(w) for w in words if w not in DETERMINERS)


def words_before(text: str, end: int, limit: int = 5) -> tuple[int, list[str]]:
    """The noun phrase that ends at ``end``: up to ``limit`` words back to a break word."""
    out: list[str] = []
    start = end
    for match in reversed(list(re.finditer(r"[\w'’-]+|[^\w\s]", text[:end]))):
        word = match.group()
        lower = word.lower()
        if not re.match(r"[\w'’-]", word) or lower in BREAK or len(out) >= limit:
            break
        if lower in DETERMINERS:
            start = match.start()  # a determiner opens the noun phrase: in the span, not the key
            break
        out.insert(0, word)
        start = match.start()
    return start, out


def terms(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, any case; the longest of them where several fit."""
    parts = sorted(
        ((w, re.escape(w).replace(r"\ ", r"\s+")) for w in words),
        key=lambda pair: len(pair[1]),
        reverse=True,
    )
    if all(w[:1].isascii() and w[:1].isalnum() for w, _ in parts):
        body = _by_first_letter(parts)
    else:
        body = "|".join(part for _, part in parts)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.I)


def _by_first_letter(parts: list[tuple[str, str]]) -> str:
    """``(word, regex)`` alternatives grouped under their first letter: "a(?:lmost|bout)".

    The pattern is tried at every word start of every sentence; one test of the first
    letter then rules out a whole group instead of one alternative at a time. Groups
    start with different letters (ASCII, whatever their case), so no two can match at
    one place, and each keeps its order: the match is the one the flat list finds.
    """
    groups: dict[str, list[str]] = {}
    for word, part in parts:
        groups.setdefault(word[0].lower(), []).append(part[1:])  # ASCII: escaped as itself
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
