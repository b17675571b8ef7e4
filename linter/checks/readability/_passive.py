"""Passive voice: a form of "be"/"get", at most two adverbs, then a past participle.

No tagger: precision comes from word lists (``linter/data/irregular_participles.txt`` and
``linter/data/not_passive.txt``) and the idioms below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from linter.lexicon import wordset
from linter.model import Block, Sentence


@cache
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("linter").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


_BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "'re", "’re", "'m", "’m"})
# "'s" is left out: after a pronoun it is as often "has" ("he's closed the deal").
_GET = frozenset({"get", "gets", "got", "gotten", "getting"})
_BETWEEN = wordset(
    "not n't n’t never also often always already still just then now even all both each "
    "further again rarely seldom sometimes first later soon well once since thus too "
    "being been be"
)
# Participles that form idioms before "to": "is set to launch", "is used to noise",
# "is bound to fail", "is meant to be".
_BEFORE_TO = frozenset({"set", "used", "bound", "meant"})
# After "get", these make idioms rather than passives ("get rid of", "got stuck").
_GET_IDIOMS = frozenset({"rid", "stuck", "carried", "hooked", "ready"})
# Reversal verbs among "un...ed" words; every other "un...ed" word is an adjective
# ("unexpected", "unprecedented", "unrelated").
_UN_VERBS = wordset(
    "unblocked unbundled uncovered unearthed unfolded unleashed unloaded unlocked unmasked "
    "unpacked unplugged unsealed unveiled unwrapped unzipped uninstalled unsubscribed "
    "unfollowed unpublished"
)


def _is_participle(word: str, following: str) -> bool:
    if not word.isalpha() or not word.islower() or word in _word_list("not_passive.txt"):
        return False
    if following == "to" and word in _BEFORE_TO:
        return False
    if word in _word_list("irregular_participles.txt"):
        return True
    if not word.endswith("ed") or len(word) < 4:
        return False
    if word.startswith("un") and not word.startswith(("under", "uni")):
        return word in _UN_VERBS
    return True


def _is_between(word: str) -> bool:
    """Adverbs and negations that may sit inside a passive ("was quickly built")."""
    return word in _BETWEEN or (len(word) > 4 and word.endswith("ly") and word.isalpha())


@dataclass(slots=True)
class Passive:
    """A passive phrase ("was quickly built"): offsets into ``block.text``."""

    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


# A form of "be"/"get" (optionally with "n't"), or a contracted "'re"/"'m": ``find_passive``
# skips sentences without one.
_AUX = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|gets?|got|gotten|getting)(?:n['’]t)?\b|['’][rm]",
    re.IGNORECASE,
)


@cache
def _aux_hashes() -> frozenset[int]:
    """spaCy's ``token.lower`` values (hashes of the lowercase form) of the "be" and
    "get" forms: comparing ints spares building the lowercase string of every token."""
    from spacy.strings import hash_string

    return frozenset(hash_string(word) for word in _BE | _GET)


def find_passive(sentence: Sentence) -> Passive | None:
    """The first passive phrase of ``sentence``: a form of "be"/"get", at most two
    adverbs, then a past participle. No tagger: precision comes from the word lists.
    """
    if not _AUX.search(sentence.text):
        return None
    tokens = list(sentence.span)
    hashes = _aux_hashes()
    for i, token in enumerate(tokens):
        if token.lower not in hashes:
            continue  # not a "be"/"get" form (equal strings have equal hashes)
        aux = token.lower_
        is_get = aux in _GET
        if aux not in _BE and not is_get:
            continue
        if i and tokens[i - 1].lower_ in ("there", "here"):  # "there are trained staff"
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 2 and _is_between(tokens[j].lower_):
            j += 1
        if j >= len(tokens):
            continue
        word = tokens[j].text
        following = tokens[j + 1].lower_ if j + 1 < len(tokens) else ""
        if is_get and word in _GET_IDIOMS:
            continue
        if _is_participle(word, following):
            first = i - 1 if i and token.text[:1] in "'’" else i  # "they're known"
            start = sentence.token_offset(tokens[first])
            end = sentence.token_offset(tokens[j]) + len(word)
            return Passive(sentence.block, start, end)
    return None
