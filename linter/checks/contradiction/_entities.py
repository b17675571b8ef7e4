"""The things an article compares, their short forms, and the side a phrase names.

The compared pair comes from the title or an H1: "A vs B", "A or B", "A and B compared",
"A beats B" ("Why Referrals Beat Cold Applications"); a leading question ("Should you
learn ...") and a trailing purpose or audience ("... for a New Web App", "... in 2024")
are cut off and kept as the title's own topic words. A phrase names side A when it holds
a word of A that B lacks, and not the reverse; words are folded to short stems, so "the
V15" names "Dyson V15 Detect", "renting" names "Rent" and "active funds" names "Actively
Managed Funds". A phrase that names neither side but holds a name or number of its own
("last year's Pixel 7") is a third thing, never a side.

``compared_in_parts`` (the comparative reader's) also reads a title's later part ("Vienna
to Venice: Night Train or Flight?"). ``noun_scales`` gives a noun the scales of the
adjectives WordNet derives from it ("noise" -> "noisy", on the quiet/noisy scale), and
``comparative_base`` finds the graded adjective of a comparative the parser mis-tagged.

Pronouns ("it", "they", "the former", "the latter") are resolved by the readers with
``resolve``: to the nearest side named earlier in the sentence or in the sentence
before, when exactly one side is named there.

Cost: the pair is read once per document (``doc.memo``); a lookup is a set intersection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from linter.checks.contradiction._words import lexicon
from linter.lexicon import wordset
from linter.model import Document

_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ly", "ies", "es", "ed", "s")
# Words a side's name may hold that say nothing about which side it is.
_GENERIC = wordset(
    "the a an your my our best which better what how why when should you i we do does is "
    "are can vs versus or and compared comparison guide review first new"
)
_QUESTION_LEAD = re.compile(
    r"^\s*(?:(?:should|can|do|does|is|are|will|would)\s+(?:you|i|we)\s+(?:\w+\s+)?|"
    r"(?:which|what)\s+is\s+better[,:]?\s+|why\s+)",
    re.I,
)
_PAIR = re.compile(
    r"^\s*(?P<a>.+?)\s+(?:vs\.?|versus|or|beats?|and)\s+(?P<b>.+?)(?:\s+compared)?\s*$", re.I
)
_TAIL = re.compile(r"\s+(?:for|in|after|before|with|at|on|to|from|during|when|as)\s+.*$", re.I)


def stem(word: str) -> str:
    """A short stem: lower case, a common suffix cut ("renting" -> "rent")."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    common = len(short)
    while common and not long.startswith(short[:common]):
        common -= 1
    return common >= max(3, len(short) - 1)


def stems(text: str) -> frozenset[str]:
    words = re.findall(r"[\w'’-]+", text)
    return frozenset(stem(w) for w in words if w.lower() not in _GENERIC)


@dataclass(frozen=True, slots=True)
class Pair:
    """The two compared things: display names, distinguishing stems, the title's topic."""

    names: tuple[str, str]
    words: tuple[frozenset[str], frozenset[str]]
    own: tuple[frozenset[str], frozenset[str]]
    shared: frozenset[str]
    topic: frozenset[str]  # every stem of the title: its audience, purpose, year

    def side(self, text: str) -> int | None:
        """0 or 1 if ``text`` names one side (by a word the other side lacks), else None."""
        words = stems(text)
        hits = [any(_same_stem(w, o) for w in words for o in own) for own in self.own]
        for i in (0, 1):  # "Pixel 8" against "Pixel 8 Pro": named by all its words
            if not self.own[i] and not hits[1 - i]:
                hits[i] = all(any(_same_stem(w, o) for w in words) for o in self.words[i])
        if hits[0] != hits[1]:
            return 0 if hits[0] else 1
        return None

    def third(self, names: str) -> bool:
        """True if ``names`` (the names and numbers of a phrase) name something else: a
        name or number neither side has."""
        if not names or self.side(names) is not None:
            return False
        known = self.own[0] | self.own[1] | self.shared
        return any(stem(token) not in known for token in re.findall(r"[\w'’.-]+", names))


def _pair_from(text: str) -> Pair | None:
    head = re.split(r"[:?|–—]|\s-\s", text)[0].lstrip("# ")  # a plain-text "# Title"
    head = _QUESTION_LEAD.sub("", head)
    m = _PAIR.match(head)
    if m is None:
        return None
    a, b = m.group("a"), _TAIL.sub("", m.group("b"))
    sa, sb = stems(a), stems(b)
    own_a, own_b = sa - sb, sb - sa
    if not (own_a or own_b) or not sa or not sb or len(sa) > 5 or len(sb) > 5:
        return None
    return Pair((a.strip(), b.strip()), (sa, sb), (own_a, own_b), sa & sb, stems(text))


def compared(doc: Document) -> Pair | None:
    """The article's compared pair, from its title or an H1 (first that reads as one)."""

    def read() -> Pair | None:
        candidates = [doc.title or ""] + [b.text for b in doc.headings() if b.level == 1]
        for text in candidates:
            pair = _pair_from(text)
            if pair is not None:
                return pair
        return None

    return doc.memo("contradiction.compared", read)


_NOT_SIDES = wordset("not no never both neither either none worse better it")


def compared_in_parts(doc: Document) -> Pair | None:
    """The compared pair as ``compared`` reads it, or else from a later part of the title
    or an H1 ("Vienna to Venice: Night Train or Flight?"), when both sides are names."""

    def read() -> Pair | None:
        pair = compared(doc)
        if pair is not None:
            return pair
        candidates = [doc.title or ""] + [b.text for b in doc.headings() if b.level == 1]
        for text in candidates:
            for part in re.split(r"[:?|–—]|\s-\s", text)[1:]:
                pair = _pair_from(part)
                if pair is not None and not any(
                    n.lower().strip() in _NOT_SIDES for n in pair.names
                ):
                    return Pair(pair.names, pair.words, pair.own, pair.shared, stems(text))
        return None

    return doc.memo("contradiction.compared_in_parts", read)


def comparative_base(word: str) -> str | None:
    """The adjective a comparative form is made from, when WordNet has it on a scale:
    "quieter" -> "quiet", "dustier" -> "dusty", "larger" -> "large"; else None."""
    word = word.lower()
    if not word.endswith("er") or len(word) < 5:
        return None
    stemmed = word[:-2]
    for base in (stemmed[:-1] + "y" if stemmed.endswith("i") else stemmed, stemmed + "e",
                 stemmed[:-1] if len(stemmed) > 2 and stemmed[-1] == stemmed[-2] else ""):  # fmt: skip
        if base and base in wordnet().scales:
            return base
    return None


PRONOUN_SUBJECTS = wordset("it they he she this these those former latter other one")


@dataclass(frozen=True, slots=True)
class WordNet:
    """The tables of ``data/ct_wordnet.tsv`` (see tools/build_ct_comparative_wordnet.py)."""

    scales: dict[str, dict[str, int]]  # adjective or adverb -> {scale: side}
    synsets: dict[str, frozenset[str]]  # verb or noun -> its first synsets
    persons: frozenset[str]  # nouns naming people or groups
    derived: dict[str, dict[str, int]]  # noun -> the scales of its derived adjectives


@cache
def wordnet() -> WordNet:
    """The shipped WordNet tables, loaded once per process."""
    text = (resources.files("linter") / "data" / "ct_wordnet.tsv").read_text(encoding="utf-8")
    scales: dict[str, dict[str, int]] = {}
    derived: dict[str, dict[str, int]] = {}
    synsets: dict[str, frozenset[str]] = {}
    persons = set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        kind, word, *rest = line.split("\t")
        if kind in "ard":
            table = (derived if kind == "d" else scales).setdefault(word, {})
            for item in rest[0].split():
                scale, side = item.split(":")
                table[scale] = int(side)
        elif kind in "vn":
            synsets[f"{kind}:{word}"] = frozenset(rest[0].split())
        else:
            persons.add(word)
    return WordNet(scales, synsets, frozenset(persons), derived)


def same_sense(a: str, b: str, pos: str) -> bool:
    """True if words ``a`` and ``b`` (lemmas) are one verb or noun: equal, or sharing one of
    their first WordNet synsets."""
    if a == b:
        return True
    table = wordnet().synsets
    return bool(table.get(f"{pos}:{a}", frozenset()) & table.get(f"{pos}:{b}", frozenset()))


DURATIONS = wordset("time day days hour hours minute minutes week weeks month months year years")


def scales_of(word: str, direction: int) -> dict[str, int]:
    """The scales a comparative's base word lies on, turned by ``direction``."""
    word = word.lower()
    c = lexicon()["comparatives"]
    out = {s: side * direction for s, side in wordnet().scales.get(word, {}).items()}
    for table in ("adjectives", "more_adjectives"):
        for form, (dim, side) in c[table].items():
            if form == word or (table == "adjectives" and _base(form) == word):
                out[f"dim:{dim}"] = side * direction
    return out


def _base(comparative: str) -> str:
    """ "cheaper" -> "cheap", "bigger" -> "big", "easier" -> "easy" (for the lexicon)."""
    stemmed = comparative.removesuffix("er")
    if stemmed.endswith("i"):
        return stemmed[:-1] + "y"
    if len(stemmed) > 2 and stemmed[-1] == stemmed[-2]:
        return stemmed[:-1]
    return stemmed


def noun_scales(noun: Any, direction: int) -> dict[str, int]:
    """ "more calories", "lower fees", "more of your time": the quantity of a noun."""
    lemma = noun.lemma_.lower()
    lex = lexicon()
    dim = lex["comparatives"]["nouns"].get(noun.lower_) or lex["comparatives"]["nouns"].get(lemma)
    money = lex["money_dimensions"].get(lemma)  # "lower fees": the cost scale
    if money:
        dim = "pay" if money in ("salary", "wage", "income") else "cost"
    # "less noise" is "quieter", "more dust" is "dustier": the derived adjectives' scales
    adjectives = {s: side * direction for s, side in wordnet().derived.get(lemma, {}).items()}
    if dim:
        return {f"dim:{dim}": direction, **adjectives}
    if lemma in DURATIONS:
        return {"dim:time": direction}
    synsets = wordnet().synsets.get(f"n:{lemma}", {lemma})
    return {**{f"n:{s}": direction for s in synsets}, **adjectives}
