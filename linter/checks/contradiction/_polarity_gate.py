"""Which sentences the polarity reader has parsed: only those that could meet another.

A polarity clash takes two claims with one thing and one predicate, so a sentence is
worth a parse only when another sentence of the page could make the other claim. Before
any parse each sentence gets a surface signature from the tables the reader itself uses
(``_polarity_read``): the predicate *groups* its words can stand for ("requires",
"mandatory" and "optional" all stand for "required"; "no", "none" and "there is" for
whether a thing exists; a currency figure for a charge) and the Snowball stems of its
content words, where the thing claimed about must be named. A sentence is chosen when a
(group, stem) of it occurs in another sentence, or an FAQ answer read as a statement,
or when it speaks of the page's topic ("everything", "this cake") and its group occurs
elsewhere; sentences with the fewest possible partners are parsed first, so a page's
parse budget goes to likely pairs before the claims a page repeats in every paragraph.
A sentence is a candidate when it has a cue of ``_parse.CANDIDATE`` or any word of the
reader's tables (so every WordNet antonym pair, "accessible" / "inaccessible", is seen),
and the frames of ``_polarity_forms`` have surface cues of their own (``_SURFACE``).
Pronoun subjects make no claim (the reader skips them), so they need no
wildcard. Over-approximate on purpose: the gate may let through a sentence that gives
no claim, never drop one that would meet another.

Cost: a dictionary look-up a word; on the benchmark corpus the parse falls to about a
third (see the issue-13 closing note).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import cache

from linter.checks.contradiction._words import lexicon
from linter.lexicon import SIGNATURE_WORD, STOP_WORDS, concept_stem, spacy_stop_words
from linter.model import Document, Sentence

# Whether a thing exists or an event is held is read from words with a sign: "no fee",
# "none", "without a deposit" deny; "there is a fee", a currency figure ("a $95 fee") or
# an event verb ("exams are held") assert. Two denials never clash, so a denial is
# parsed only when an assertion shares a content word with it, and the other way round.
DENIED = "exists-"
ASSERTED = "exists+"
_DENY_WORDS = frozenset({"no", "none", "without", "never"})
_THERE_IS = re.compile(r"\bthere(?:\s+is|\s+are|'s|\s+will\s+be)\s+(?!no\b|not\b)", re.I)
_CURRENCY = re.compile(r"[$£€¥]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|pounds?|euros?)\b", re.I)
_MUST = re.compile(r"\b(?:must|(?:have|has|had|need|needs)\s+to)\b", re.I)
_TOPIC = re.compile(r"\b(?:everything|all|every|each|this|these)\b", re.I)
# "covers one vehicle" / "covers any vehicle" (``read_limit``): the limit's object is
# among the next two words.
_LIMIT = re.compile(r"\b(?:one|single|1|any|every|unlimited)\s+(\w+)(?:\s+(\w+))?", re.I)
# Frames of ``_polarity_forms``: "has no X" (not included / supported), "works with X",
# a price ("costs $5": not free), a permission or prohibition ("you can take X",
# "should not take X": allowed), "put X in the dishwasher" (``_PLACED_IN``: W-safe).
_HAS_NO = re.compile(r"\b(?:has|have|had)\s+no\b|\b(?:doesn't|does\s+not|don't|do\s+not)\s+have\b")
_WORKS_WITH = re.compile(r"\bworks?\s+with\b")
_MODAL = re.compile(
    r"\byou\s+(?:can|may)\b|\b(?:should|must|can|may)\s+(?:not|never)\b"
    r"|\b(?:shouldn't|mustn't|can't|cannot|don't|do\s+not|never)\s+(?!have\b)\w+"
)
_PLACED_IN = re.compile(
    r"\b(?:put|place|pop|throw|run|go|goes|wash|use)\b[^.;:]{0,40}?\b(?:in|into)\s+"
    r"(?:the\s+|a\s+|your\s+)?([a-z]+)"
)
_SURFACE = (
    (_THERE_IS, ASSERTED),
    (_CURRENCY, ASSERTED),
    (_CURRENCY, "free"),
    (_CURRENCY, "included"),
    (_MUST, "required"),
    (_HAS_NO, "included"),
    (_HAS_NO, "supported"),
    (_WORKS_WITH, "supported"),
    (_MODAL, "allowed"),
    (re.compile(r"\bthere(?:'s|\s+is|\s+are)\s+no\b"), "available"),  # "no parking on site"
)
# Words of the triggers above that never name the thing claimed about.
_NOT_THINGS = frozenset({"must", "without", "never", "said", "says", "new", "use", "used"})
_OFFLINE = frozenset({"offline", "online", "online-only"})


@cache
def _groups() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(exact word -> predicate groups, Snowball stem of a verb -> predicate groups):
    adjectives and phrases by their spelling ("webbed" is no "web"), verbs by stem
    ("requires", "required" and "require" are one)."""
    from linter.checks.contradiction._polarity_read import _adjectives

    lex = lexicon()
    words: dict[str, set[str]] = {}
    verbs: dict[str, set[str]] = {}

    def add(table: dict[str, set[str]], text: str, group: str, stem: bool) -> None:
        for word in SIGNATURE_WORD.findall(text.lower()):
            if word not in STOP_WORDS:
                for part in {word, *word.split("-")}:
                    table.setdefault(concept_stem(part) if stem else part, set()).add(group)

    for word, (group, _) in _adjectives().items():
        add(words, word, group, stem=False)
    for phrase, (group, _) in lex["polarity_phrases"].items():
        add(words, phrase, group, stem=False)
    for word in (*lex["polarity_extra_words"], "free", "contains"):
        add(words, word, "included" if word != "free" else "free", stem=False)
    for word in _OFFLINE:
        add(words, word, "offline", stem=False)
    for lemma, (group, _) in lex["polarity_verbs"].items():
        add(verbs, lemma, group, stem=True)
    for word in (*lex["polarity_extra_verbs"], "come"):
        add(verbs, word, "included", stem=True)
    for word in ("pay", "spend", "cost"):
        add(verbs, word, "free", stem=True)
    add(verbs, "contain", "contains", stem=True)
    for word in (*lex["event_verbs"], "place"):
        add(verbs, word, ASSERTED, stem=True)
    for form, lemma in lex["irregular_verbs"].items():
        for group in verbs.get(concept_stem(lemma), ()):
            add(words, form, group, stem=False)
    freeze = lambda table: {k: frozenset(v) for k, v in table.items()}  # noqa: E731
    return freeze(words), freeze(verbs)


# How far (in words) the thing claimed about may sit from the word that names the
# predicate: a clause's subject or object is rarely further from its predicate word.
WINDOW = 8


def signature(text: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """(predicate groups, (group, content stem) keys) of a sentence's surface words: each
    group pairs with the content words within ``WINDOW`` words of the word naming it."""
    by_word, by_stem = _groups()
    low = text.lower()
    found = [(m.start(), m.group()) for m in SIGNATURE_WORD.finditer(low)]
    starts = [start for start, _ in found]
    stems: list[str | None] = []
    at: list[tuple[int, str]] = []  # (word index, group)
    generic = spacy_stop_words()
    for i, (_, word) in enumerate(found):
        if word in _DENY_WORDS:
            at.append((i, DENIED))
        if word in generic or word in _NOT_THINGS:
            stems.append(None)
            continue
        parts = (word, *word.split("-")) if "-" in word else (word,)
        stem = concept_stem(word)
        named = [
            *(g for part in parts for g in by_word.get(part, ())),
            *(g for part in parts for g in by_stem.get(concept_stem(part), ())),
        ]
        if "-" in word and parts[-1] in ("free", "safe"):
            named.append("contains" if parts[-1] == "free" else word)
        at.extend((i, group) for group in named)
        # a word that names a predicate is not the thing the claim is about
        stems.append(None if named else stem)
    for pattern, group in (*_SURFACE, (_a_charge(), "free")):
        at.extend((bisect_right(starts, m.start()) - 1, group) for m in pattern.finditer(low))
    for m in _PLACED_IN.finditer(low):  # "never put it in the oven": oven-safe
        at.append((bisect_right(starts, m.start()) - 1, f"{m.group(1)}-safe"))
    if any(g == "required" for _, g in at) and not {s for s in stems if s}.isdisjoint(
        _online_stems()
    ):
        at.extend((i, "offline") for i, g in list(at) if g == "required")
    for m in _LIMIT.finditer(low):
        i = bisect_right(starts, m.start())
        at.extend((i, f"limit {concept_stem(w)}") for w in m.groups() if w)
    keys = {
        (group, stem)
        for i, group in at
        for stem in stems[max(0, i - WINDOW) : i + WINDOW + 1]
        if stem is not None
    }
    return frozenset(group for _, group in at), frozenset(keys)


@cache
def _a_charge() -> re.Pattern[str]:
    """ "a 3% fee", "an extra cleaning charge" (not "no fee"): a charge put on something."""
    nouns = "|".join(re.escape(n) for n in lexicon()["polarity_charge_nouns"])
    return re.compile(rf"\ban?\s+(?:\S+\s+){{0,3}}?(?:{nouns})s?\b")


@cache
def _online_stems() -> frozenset[str]:
    return frozenset(concept_stem(w) for w in lexicon()["polarity_online_objects"])


def partners_of(texts: list[str], partners: Iterable[str] = ()) -> list[int | None]:
    """For each of ``texts``: how many other texts (``texts`` or ``partners``, statements
    that are parsed anyway) it could meet, on its rarest (predicate group, content stem)
    key, or on a predicate group when it speaks of the page's topic; None when it can
    meet none (a denial of existence meets only an assertion, and the other way round).
    The fewer, the likelier a real pair: a page's parse budget goes to those first."""
    signatures = [signature(text) for text in texts]
    keys: Counter[tuple[str, str]] = Counter()
    group_count: Counter[str] = Counter()
    # a statement repeated word for word (a template's) cannot answer itself: one count
    distinct = {text: sig for text, sig in zip(texts, signatures, strict=True)}
    distinct.update((text, signature(text)) for text in partners if text not in distinct)
    for groups, own in distinct.values():
        keys.update(own)
        group_count.update(groups)
    out: list[int | None] = []
    for text, (groups, own) in zip(texts, signatures, strict=True):
        counts = [keys[other] - (other in own) for other in map(_partner_key, own)]
        if _TOPIC.search(text) is not None:
            counts += [
                group_count[g] - (g in groups) for g in (_OPPOSITE.get(g, g) for g in groups)
            ]
        met = [count for count in counts if count >= 1]
        out.append(min(met) if met else None)
    return out


def _partner_key(key: tuple[str, str]) -> tuple[str, str]:
    return _OPPOSITE.get(key[0], key[0]), key[1]


_OPPOSITE = {DENIED: ASSERTED, ASSERTED: DENIED}


def polarity_chosen(doc: Document, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences of ``sentences`` with a polarity cue (``_parse.CANDIDATE``) that could
    meet another claim of the page, those with the fewest possible partners first (the
    parse budget is spent in this order): every sentence with a cue and the FAQ answers
    read as statements are the possible partners (``partners_of``, once a document)."""
    rank = doc.memo("contradiction.polarity_gate", lambda: _ranked(doc))
    chosen = [s for s in sentences if (s.block.index, s.start) in rank]
    return sorted(chosen, key=lambda s: rank[(s.block.index, s.start)])


def _ranked(doc: Document) -> dict[tuple[int, int], tuple[int, int]]:
    """(block index, start) of each sentence worth parsing -> (partners, reading order)."""
    from linter.checks.contradiction._clauses import faq_resolved
    from linter.checks.contradiction._parse import CANDIDATE

    # a cue of the parse's list, or any word of the reader's tables (WordNet's antonym
    # pairs: "accessible" / "inaccessible", "toxic" / "non-toxic")
    cued = [s for s in doc.sentences if CANDIDATE.search(s.text) or signature(s.text)[0]]
    if not cued:
        return {}
    statements = [statement for _, statement in faq_resolved(doc)]
    found = partners_of([s.text for s in cued], statements)
    return {
        (s.block.index, s.start): (n, order)
        for order, (s, n) in enumerate(zip(cued, found, strict=True))
        if n is not None
    }
