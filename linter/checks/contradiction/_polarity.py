"""CT005: polarity claims ("a degree is (not) required", "breakfast is included") asserted
in one place and denied in another.

Claims are read from the trained parse of candidate sentences (``_parse.parse_of``), one
per clause head (a word with a subject, or an imperative):

- a copula and its complement: "X is (not) required / free / open source / gluten-free";
  the predicate comes from ``polarity_adjectives`` and the ``predicates`` of the
  lexicon, from WordNet's prefixed antonym pairs (``ct_polarity_antonyms.txt``:
  available/unavailable, legal/illegal...) or from an "X-free" / "X-safe" compound;
- a verb whose object is the thing claimed about (``polarity_verbs``: "requires a
  permit", "includes classes") or its passive ("a permit is required"): both key on the
  object, so active and passive meet; "sold / charged separately" says "not included",
  "must hold a degree" says "a degree is required", "comes with X" says "X is included",
  "works offline" and "needs an internet connection" are each other's denial;
- "there is no X" / "X: none" / "no X" as an object against "a $95 X" or "there is a X":
  whether X exists (fees, minimum balances, deposits...);
- "Label: value" lines of spec lists ("Milk jug: not included", "Stuff sack: sold
  separately", "Replacement card: $7");
- verb frames of ``_polarity_forms``: a price on a thing ("costs $5": not free, not
  included), "lacks X" / "has no X" / "X is missing", "works with X", "contains X"
  (against "X-free"), "never put X in the oven" (not oven-safe), and permissions against
  prohibitions ("you can take X" / "should not take X": the modal is the claim, not a
  hedge). A claim also speaks of its subject's conjuncts and of what a universal subject
  names as included ("every loaf, sourdough included"). A "non-" / "un-" prefix on a
  predicate adjective flips it ("non-toxic").

A claim's sign is flipped by "not", "never", "no" on its subject ("No smoking is
allowed": smoking is not allowed) or object. Hedges count only when they modify the
claim itself (its modal, an adverb on it, "some" on its subject), conditions only when
an "if"/"unless" clause governs it (``_clauses.predicate_hedged`` /
``predicate_conditional``). The key is (thing, predicate, phrase in front, years,
places, tense of the clause); the value is the sign and the claim's prepositional
complement: two claims clash when their signs differ and their complements are equal or
one of them holds "for every ..." (see ``polarity_clash``). FAQ answers that open with
yes or no are read against their question (``_clauses.faq_resolved``: the question's
parse finds its subject; a question heading answered by the next paragraph counts).
"Everything (we bake)" / "every X" claims meet the other-signed claim about any one thing
(of kind X) (``_covered_by``); "for every X" complements cover only X; a purpose ("not
required to browse" / "required to order") keeps two claims apart. Events ("exams are
held") against "there are no exams", and "covers one vehicle" against "covers any
vehicle", come from ``_polarity_events``. Short forms meet
their long form ("classes" / "group classes") when only one long form fits; "everything",
"this cake", "these plates" are the page's own topic. Sections of a page that repeat the
same "Label:" lines (one store, plan or product each) never meet.

Cost: one pass over the parsed candidate sentences, O(n) in article length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from linter.checks.contradiction._clauses import (
    clause_bounds,
    faq_resolved,
    fronted,
    predicate_attributed,
    predicate_conditional,
    predicate_hedged,
    predicate_scope,
)
from linter.checks.contradiction._pairing import Claim
from linter.checks.contradiction._parse import parse_of, parse_sentences, parse_texts
from linter.checks.contradiction._polarity_charges import charge_condition
from linter.checks.contradiction._polarity_events import read_event, read_limit
from linter.checks.contradiction._polarity_forms import (
    also_about,
    modal_claim,
    read_frames,
    read_label,
    read_phrases,
)
from linter.checks.contradiction._polarity_gate import polarity_chosen
from linter.checks.contradiction._polarity_read import (
    PURPOSE,
    Reading,
    read_clause,
    read_existence,
)
from linter.checks.contradiction._words import lexicon
from linter.model import QUOTE, Document, Sentence

TOPIC = ("<topic>",)


@cache
def antonyms() -> dict[str, tuple[str, int]]:
    """WordNet's prefixed adjective pairs: word -> (positive word, sign); and their
    prefixed satellites ("venomous" / "nonvenomous" for "toxic"), except where the pair's
    word is one of the lexicon's own predicates ("free" there means no charge, not
    "autonomous")."""
    text = (resources.files("linter") / "data" / "ct_polarity_antonyms.txt").read_text("utf-8")
    out: dict[str, tuple[str, int]] = {}
    satellites = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            fields = line.split()
            if len(fields) == 3:
                satellites.append(fields)
                continue
            pos, neg = fields
            out[pos] = (pos, 1)
            out[neg] = (pos, -1)
    lex = lexicon()
    own = {*lex["predicates"], *lex["polarity_adjectives"]}
    for word, pos, sign in satellites:
        if pos not in own and word not in out:
            out[word] = (pos, int(sign))
    return out


@dataclass(slots=True)
class _Raw:
    sentence: Sentence
    start: int
    end: int
    reading: Reading
    key_rest: tuple[Any, ...]


def polarity_claims(doc: Document) -> Iterator[Claim]:
    """Polarity claims of the document in reading order: key (thing, predicate, front
    phrase, scope), value (sign, complement)."""
    unique = {
        (r.sentence.block.index, r.start, r.reading.thing, r.reading.predicate, r.reading.sign): r
        for r in _raw_claims(doc)
    }
    raws = sorted(unique.values(), key=lambda r: (r.sentence.block.index, r.start))
    alias = _aliases({r.reading.thing for r in raws})
    universals = _universals(raws)
    for raw in raws:
        r = raw.reading
        args = {"thing": _DETERMINER.sub("", r.thing_text), "says": r.says}
        things = (r.thing, *_covered_by(raw, universals))
        for thing in dict.fromkeys(alias.get(t, t) for t in things):
            key = ("polarity", thing, r.predicate, *raw.key_rest)
            yield Claim(raw.sentence, raw.start, raw.end, key, (r.sign, r.comp), {"args": args})


_EVERY = re.compile(r"^(?:everything|all|every|each)\b", re.I)


def _universals(raws: list[_Raw]) -> dict[tuple[Any, ...], list[_Raw]]:
    """Claims about "everything (we bake)" or "every / all X", by predicate."""
    out: dict[tuple[Any, ...], list[_Raw]] = {}
    for raw in raws:
        if _EVERY.match(raw.reading.thing_text):
            out.setdefault((raw.reading.predicate, *raw.key_rest), []).append(raw)
    return out


def _head(thing: tuple[str, ...]) -> str:
    words = thing[: thing.index("|")] if "|" in thing else thing
    return words[-1] if words else ""


def _covered_by(raw: _Raw, universals: dict[tuple[Any, ...], list[_Raw]]) -> Iterator[tuple]:
    """The things of the universal claims that speak of ``raw``'s thing with the other sign:
    "everything" speaks of every thing of the page, "every lesson" of each kind of
    lesson ("the advanced lesson"); the claim joins their group so the two meet."""
    r = raw.reading
    if _EVERY.match(r.thing_text) or r.thing == TOPIC:
        return
    for u in universals.get((r.predicate, *raw.key_rest), []):
        uthing = u.reading.thing
        if u.reading.sign != r.sign and (uthing == TOPIC or _head(r.thing) == _head(uthing)):
            yield uthing


def polarity_clash(a: Claim, b: Claim) -> bool:
    """Signs differ, and the complements are the same or one is universal ("on every
    trim", "in every room rate"): "not required" meets "required", but not "required for
    senior roles"."""
    (sign_a, comp_a), (sign_b, comp_b) = a.value, b.value
    if sign_a == sign_b:
        return False
    purpose_a, comp_a = _purpose(comp_a)
    purpose_b, comp_b = _purpose(comp_b)
    if purpose_a and purpose_b and purpose_a != purpose_b:
        return False  # "not required to start the trial" / "required to upgrade"
    return comp_a == comp_b or _covers(comp_a, comp_b) or _covers(comp_b, comp_a)


def _purpose(comp: Any) -> tuple[tuple[Any, ...], Any]:
    """(what the claim is for, the rest of its complement)."""
    if not isinstance(comp, tuple) or comp[:1] == ("*",):
        return (), comp
    return tuple(c for c in comp if c[0] == PURPOSE), tuple(c for c in comp if c[0] != PURPOSE)


def _covers(universal: Any, other: Any) -> bool:
    """ "with every sofa and bed" covers "with your bed", "with the corner sofa" and a claim
    without complement, not "with sofas" when it says "with every bed" (the same
    preposition, another noun)."""
    if universal == "*":
        return True
    if not universal or universal[0] != "*" or other == "*":
        return False
    objects = set(universal[1:])
    preps = {o[0] for o in objects}
    if other and other[0] == "*":
        other = other[1:]
    return all(o in objects or o[0] not in preps or _kind_of_any(o, objects) for o in other)


def _kind_of_any(obj: tuple[str, ...], objects: set[tuple[str, ...]]) -> bool:
    """ "at the fish stalls" is one kind of "at every stall": same preposition, and the
    universal's noun ends the other's."""
    return any(
        u[0] == obj[0] and len(obj) > len(u) > 1 and obj[len(obj) - len(u) + 1 :] == u[1:]
        for u in objects
    )


def _raw_claims(doc: Document) -> Iterator[_Raw]:
    for sentence in _claim_sentences(doc):
        yield from _label_claims(sentence)
        parse = parse_of(doc, sentence) or _quote_parses(doc).get(
            (sentence.block.index, sentence.start)
        )
        if parse is None:
            continue
        for reading in _readings(parse):
            yield from _raw(sentence, sentence.text, reading, sentence_offset=True)
    yield from _faq_claims(doc)


def _quote_parses(doc: Document) -> dict[tuple[int, int], Any]:
    """Parses of block-quote sentences (``parse_of`` parses only ``claim_sentences``)."""

    def parse() -> dict[tuple[int, int], Any]:
        quotes = [s for s in _claim_sentences(doc) if s.block.kind == QUOTE]
        return parse_sentences(doc, polarity_chosen(doc, quotes), "polarity")

    return doc.memo("contradiction.polarity.quotes", parse)


def _claim_sentences(doc: Document) -> Iterator[Sentence]:
    """``claim_sentences`` and the sentences of block quotes that quote nobody (a
    "Heads up: ..." call-out is the article's own voice)."""
    from linter.checks.contradiction._clauses import claim_sentences

    chosen = {(s.block.index, s.start) for s in claim_sentences(doc)}
    for sentence in doc.sentences:
        mine = (sentence.block.index, sentence.start) in chosen or (
            sentence.block.kind == QUOTE and not _QUOTED.search(sentence.block.text)
        )
        if mine and not re.search(r"\bnot\s+only\b", sentence.text, re.I):
            yield sentence


_QUOTED = re.compile(r"[\"“”]|\b(?:said|says|told|according to)\b", re.I)


def _readings(parse: Any) -> Iterator[Reading]:
    found: list[Reading] = []
    for token in parse:
        found.extend(read_clause(token))
        found.extend(read_frames(token))
        for extra in (read_existence(token), read_limit(token), read_event(token)):
            if extra is not None:
                found.append(extra)
    found.extend(read_phrases(parse))
    for reading in found:
        head = reading.head
        hedged = predicate_hedged(head) and not modal_claim(reading)
        conditional = predicate_conditional(head) and not charge_condition(reading)
        if hedged or conditional or predicate_attributed(head):
            continue
        yield _attached(reading)
        for thing, text in also_about(reading):
            yield _attached(replace(reading, thing=thing, thing_text=text))


def _attached(reading: Reading) -> Reading:
    """ "must get a permit for the trail": the parser may hang "for the trail" on the
    noun or on the verb; a thing restricted by one such phrase and a claim without a
    complement of its own is read the verb's way, so both parses meet."""
    thing = reading.thing
    if "|" not in thing:
        return reading
    cut = thing.index("|")
    rest = thing[cut + 1 :]
    if len(rest) < 2 or rest[0] not in _PLAIN_PREPS or "|" in rest:
        return reading
    if reading.comp == (rest,):  # the parse gave it to both
        return replace(reading, thing=thing[:cut])
    return reading if reading.comp else replace(reading, thing=thing[:cut], comp=(rest,))


_PLAIN_PREPS = frozenset({"for", "on", "to"})


def _raw(sentence: Sentence, text: str, r: Reading, sentence_offset: bool) -> Iterator[_Raw]:
    if sentence_offset:
        start, end = r.start, r.end
    else:  # a statement resolved from an FAQ question: the claim is the answer's opening
        start, end = 0, min(len(sentence.text.rstrip()), 90)
    left, _ = clause_bounds(text, r.start, r.end)
    front = fronted(text, left, r.start) if sentence_offset else ()
    rest = (front, predicate_scope(r.head, text))
    yield _Raw(sentence, sentence.start + start, sentence.start + end, r, rest)


def _label_claims(sentence: Sentence) -> Iterator[_Raw]:
    reading = read_label(sentence.text)
    if reading is not None:
        rest = ((), (frozenset(), frozenset(), "present"))
        yield _Raw(
            sentence, sentence.start + reading.start, sentence.start + reading.end, reading, rest
        )


def _faq_claims(doc: Document) -> Iterator[_Raw]:
    pairs = list(faq_resolved(doc))
    parses = parse_texts(doc, [statement for _, statement in pairs], "faq") if pairs else []
    for (sentence, statement), parse in zip(pairs, parses, strict=True):
        if parse is None:
            continue
        for reading in _readings(parse):
            yield from _raw(sentence, statement, reading, sentence_offset=False)


def _aliases(things: set[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Short form -> long form: "class" -> "group class", "carplay" -> "apple carplay",
    when exactly one longer thing of the page ends with the short one."""
    out = {}
    for short in things:
        longer = [
            t for t in things if len(t) > len(short) and t[-len(short) :] == short and "|" not in t
        ]
        if len(longer) == 1 and short != TOPIC:
            out[short] = longer[0]
    return out


_DETERMINER = re.compile(r"^(?:a|an|the|no|this|these|that|those|your|our|its)\s+", re.I)
