"""Polarity claims read from surface forms and from verb frames the clause reader does not
cover (see ``_polarity`` for the kind):

- ``read_label(text)``: "Milk jug: not included", "Annual fee: none", "Replacement
  card: $7" (a price on the label: not free);
- ``read_phrases(parse)``: "wash by hand only", "sold separately";
- ``read_frames(token)``: a price on a thing (``_polarity_charges``: "X costs $5", "a
  $2 fee for X", "X is available for €18") says it is not free; "X lacks Y" / "X has no
  Y" / "Y is missing from X" says Y is not included or supported; "works with Y" says Y
  is supported; "comes standard" is a copula; "contains Y" meets "Y-free"; "find X
  inaccessible" and "X is a toxic plant" say the adjective of X; an imperative or a
  prohibitive modal ("never put X in the dishwasher", "you should not take X") denies
  that X is dishwasher-safe / that taking X is allowed, and a permission ("you can take
  X") allows it (``modal_claim``: that modal is no hedge);
- ``also_about(reading)``: the conjuncts of a claim's subject and what a universal
  subject names as included ("every loaf, sourdough included").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.checks.contradiction._clauses import predicate_attributed, predicate_hedged
from linter.checks.contradiction._polarity_charges import charge_for, charged, priced, scoped
from linter.checks.contradiction._polarity_read import (
    _PERSONAL,
    Reading,
    _adjectives,
    _key,
    _negated,
    _no,
    _predicate_word,
    _reading,
    _thing,
)
from linter.checks.contradiction._words import NEUTRAL_MODIFIERS, lexicon, singular

_LABEL_LINE = re.compile(
    r"^\W*(?P<label>[A-Za-z][\w '’-]{0,40}?)\s*:\W*\s*(?P<value>[^.;,(]{1,40})"
)


def read_label(text: str) -> Reading | None:
    """ "Milk jug: not included" / "Annual fee: none" / "Stuff sack: sold separately"."""
    m = _LABEL_LINE.match(text)
    if m is None:
        return None
    value = m.group("value").strip().lower()
    label = m.group("label").strip()
    key = tuple(
        singular(w) for w in re.findall(r"[\w'’-]+", label.lower()) if w not in NEUTRAL_MODIFIERS
    )
    if not key:
        return None
    pred = _label_value(value)
    if pred is None:
        return None
    return Reading(None, key, label, pred[0], pred[1], (), m.start("label"), m.end("value"))


def _label_value(value: str) -> tuple[str, int] | None:
    if value in ("none", "no charge", "nil"):
        return "exists", -1
    if _PRICE.match(value):
        return "free", -1  # "Replacement card: $7"
    phrases = lexicon()["polarity_phrases"]
    if value in phrases:
        return tuple(phrases[value])
    neg = value.startswith("not ")
    word = value[4:] if neg else value
    pred = _adjectives().get(word)
    if pred is None:
        return None
    return pred[0], -pred[1] if neg else pred[1]


def read_phrases(parse: Any) -> Iterator[Reading]:
    """ "Wash these plates by hand only", "footprint sold separately": a phrase of
    ``polarity_phrases`` denies (or asserts) its predicate of the clause's subject, or of
    an imperative's object."""
    text = parse.text.lower()
    for phrase, (pred, sign) in lexicon()["polarity_phrases"].items():
        at = text.find(phrase)
        if at < 0:
            continue
        before = [t for t in parse if t.idx < at and t.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if not before:
            continue
        noun = before[-1]
        thing = _thing(noun)
        if thing is None or _negated(noun.head):
            continue
        end = at + len(phrase)
        yield Reading(noun.head, thing[0], thing[1], pred, sign, (), noun.left_edge.idx, end)


_PRICE = re.compile(
    r"^(?:from\s+|just\s+|only\s+|an?\s+extra\s+)?(?:[$£€¥]\s?\d|\d[\d.,]*\s?(?:usd|eur|gbp)\b)"
)
ALLOWED = "allowed"
_PERMISSION = frozenset({"can", "may"})
_PROHIBITION = frozenset({"should", "must", "can", "may", "shall", "ought"})
_PLACING = frozenset({"put", "place", "pop", "throw", "run", "go", "wash", "clean", "use"})


def read_frames(token: Any) -> Iterator[Reading]:
    """The claims of the verb frames in the module's docstring whose verb is ``token``."""
    if token.pos_ == "ADJ" and token.dep_ in ("ccomp", "oprd", "xcomp"):
        yield from _found(token)
    if token.pos_ == "NOUN" and token.dep_ in ("attr", "dobj"):
        yield from charge_for(token)
    if token.pos_ not in ("VERB", "AUX"):
        return
    if token.lemma_ == "find":  # "find the trail inaccessible", read as a noun's amod
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            for adj in (a for a in obj.children if a.dep_ == "amod" and a.i > obj.i):
                yield from _found(adj, token, obj)
    subj = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if token.lemma_ in ("cost", "charge"):
        yield from priced(token, subj)
    elif token.lemma_ == "have" and subj is not None and subj.lower_ not in _PERSONAL:
        yield from _has_no(token)
    elif token.lemma_ == "work" and subj is not None:
        yield from _works_with(token, subj)
    elif token.lemma_ in ("come", "ship", "arrive") and subj is not None:
        yield from _comes(token, subj)
    elif token.lemma_ == "contain" and subj is not None:
        yield from _contains(token, subj)
    elif token.tag_ == "VBG" and subj is not None:
        yield from _participle(token, subj)
    if token.lemma_ in ("be", "make") and subj is not None:
        yield from _kind_of(token, subj)
    if token.lemma_ not in ("cost", "charge", "pay", "spend") and subj is not None:
        yield from charged(token, subj)
    yield from _placed_in(token, subj)
    yield from _permitted(token, subj)


def _found(adj: Any, verb: Any = None, subj: Any = None) -> Iterator[Reading]:
    """ "You'll find the ferry fully accessible", "we found the trail inaccessible": the
    finder's report of the thing (an opinion verb, "consider", is someone's view)."""
    verb = adj.head if verb is None else verb
    if verb.lemma_ != "find" or predicate_hedged(verb) or predicate_attributed(verb):
        return
    if subj is None:
        subj = next((c for c in adj.children if c.dep_ == "nsubj"), None)
    pred = _predicate_word(adj)
    thing = _thing(subj) if subj is not None else None
    if pred is not None and thing is not None:
        sign = -pred[1] if _negated(adj) or _negated(verb) else pred[1]
        yield _reading(adj, subj, thing, pred[0], sign, adj)


def _kind_of(verb: Any, subj: Any) -> Iterator[Reading]:
    """ "Lilies are a toxic plant", "frozen grapes make a safe treat": the adjective on
    the indefinite noun complement is said of the subject."""
    thing = _thing(subj)
    if thing is None:
        return
    sign = -1 if _negated(verb) else 1
    for noun in (c for c in verb.children if c.dep_ in ("attr", "dobj") and c.pos_ == "NOUN"):
        if not any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in noun.children):
            continue
        for adj in (a for a in noun.children if a.dep_ == "amod" and a.pos_ == "ADJ"):
            pred = _predicate_word(adj)
            if pred is not None and not pred[0].startswith("contains "):
                yield _reading(verb, subj, thing, pred[0], sign * pred[1], noun)


def _contains(verb: Any, subj: Any) -> Iterator[Reading]:
    """ "The bites contain nuts" / "contains no gluten": against "nut-free"."""
    thing = _thing(subj)
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
        if thing is not None and not _determined_by_number(obj):
            sign = -1 if _negated(verb) or _no(obj) else 1
            pred = f"contains {singular(obj.lower_)}"
            yield _reading(verb, subj, thing, pred, sign, verb)


def _determined_by_number(noun: Any) -> bool:
    """ "contains 12 grams of sugar" is a figure, not a yes/no claim."""
    return any(c.dep_ == "nummod" for c in noun.children)


def _participle(verb: Any, subj: Any) -> Iterator[Reading]:
    """ "X is missing from the car", "is lacking": a predicate adjective the parser read
    as a progressive verb."""
    if not any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children):
        return
    pred = _predicate_word(verb)
    thing = _thing(subj)
    if pred is not None and thing is not None and not _objects_of(verb):
        sign = -pred[1] if _negated(verb) else pred[1]
        yield _reading(verb, subj, thing, pred[0], sign, verb)


def _objects_of(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ == "dobj"]


def _has_no(verb: Any) -> Iterator[Reading]:
    """ "The case has no wireless charging" / "doesn't have a lift": not included, not
    supported."""
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")):
        if _no(obj) or _negated(verb):
            for pred in ("included", "supported"):
                yield _reading(verb, obj, _key(obj), pred, -1, verb)


def _works_with(verb: Any, subj: Any) -> Iterator[Reading]:
    """ "It works with Apple Home": Apple Home is supported."""
    sign = -1 if _negated(verb) else 1
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"):
            yield _reading(verb, obj, _key(obj), "supported", sign, verb)


def _comes(verb: Any, subj: Any) -> Iterator[Reading]:
    """ "Adaptive cruise comes standard", "ships included": a copula in other words."""
    thing = _thing(subj)
    if thing is None:
        return
    sign = -1 if _negated(verb) else 1
    for comp in (c for c in verb.children if c.dep_ in ("acomp", "oprd", "advmod", "dobj")):
        pred = _predicate_word(comp) if comp.pos_ in ("ADJ", "VERB", "NOUN") else None
        if pred is not None and pred[0] in ("included", "free"):
            yield _reading(verb, subj, thing, pred[0], sign * pred[1], comp)


def _modal(verb: Any) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ == "aux" and c.lemma_ != "do"}


def _imperative(verb: Any, subj: Any) -> bool:
    return (
        subj is None
        and verb.tag_ == "VB"
        and verb.dep_ in ("ROOT", "conj", "ccomp", "parataxis")
        and not _modal(verb)
    )


def _placed_in(verb: Any, subj: Any) -> Iterator[Reading]:
    """ "Never put the board in the dishwasher", "the pan should not go in the oven":
    the thing is not dishwasher-safe / oven-safe."""
    if verb.lemma_ not in _PLACING or not _negated(verb):
        return
    if _imperative(verb, subj) or verb.lemma_ == "use":
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    elif _modal(verb) & _PROHIBITION:
        target = subj
    else:
        return
    thing = _thing(target) if target is not None else None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "into")):
        place = next((o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), None)
        if thing is not None and place is not None:
            yield scoped(
                _reading(verb, target, thing, f"{place.lower_}-safe", -1, verb), verb, prep
            )


def _permitted(verb: Any, subj: Any) -> Iterator[Reading]:
    """ "You can take ibuprofen with it" (allowed) against "patients should not take
    ibuprofen" / "never take ibuprofen" (not allowed): the thing is the verb and its
    object. A permission is read only for the reader ("you"): "most people can" hedges."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or verb.pos_ != "VERB":
        return
    modal = _modal(verb)
    if _negated(verb) and (modal & _PROHIBITION or _imperative(verb, subj)):
        sign = -1
    elif modal & _PERMISSION and subj is not None and subj.lower_ == "you" and not _negated(verb):
        sign = 1
    else:
        return
    if not _anyone(subj):
        return  # "children should not take it": a group, not every reader
    key, text = _key(obj)
    # marked so that no claim about the object itself takes it for its long form
    thing = (("|", verb.lemma_, *key), f"{verb.text} {text}")
    yield scoped(
        _reading(verb, subj if subj is not None else verb, thing, ALLOWED, sign, verb), verb
    )


def _anyone(subj: Any) -> bool:
    """The reader, anyone, or the product's users ("patients on Restiva")."""
    if subj is None or subj.lower_ in ("you", "anyone", "everyone", "nobody"):
        return True
    return any(
        t.pos_ == "PROPN"
        for p in subj.children
        if (p.dep_ == "prep" and p.lower_ == "on") or (p.dep_ == "acl" and p.lemma_ in _USING)
        for t in p.subtree
    )


_USING = frozenset({"take", "use", "try", "start"})


def modal_claim(reading: Reading) -> bool:
    """True for a permission or prohibition ("you can take X", "should not take X"),
    whose modal is the claim itself, not a hedge on it; an adverb hedge ("can usually
    take") or a hedged subject ("most people") still hedges it (``_hedged_besides``)."""
    if reading.predicate != ALLOWED and not reading.predicate.endswith("-safe"):
        return False
    return not _hedged_besides(reading.head)


def _hedged_besides(verb: Any) -> bool:
    words = set(lexicon()["hedges"]) - _PROHIBITION - {"might", "could", "would"}
    for child in verb.children:
        if child.dep_ in ("advmod", "npadvmod") and child.lower_ in words:
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            d.lower_ in words for d in child.children if d.dep_ in ("det", "amod")
        ):
            return True
    return False


def also_about(reading: Reading) -> Iterator[tuple[tuple[str, ...], str]]:
    """The other things a clause's claim is about (key, text): the conjuncts of its
    subject ("a personal item and a cabin bag are included") and the things a universal
    subject names as included ("every loaf, sourdough included, is", "every dish,
    including the pancakes, is")."""
    head = reading.head
    if head is None:
        return
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or _key(subj)[0] != reading.thing:
        return
    for noun in (c for c in subj.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")):
        yield _key(noun)
    if not any(c.dep_ == "det" and c.lower_ in ("every", "all", "each") for c in subj.children):
        return
    for mod in (c for c in subj.children if c.lemma_ == "include" and c.dep_ in _MODIFIERS):
        for name in mod.children:
            named = [name] if name.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj") else []
            named += [o for o in name.children if name.dep_ == "prep" and o.dep_ == "pobj"]
            for noun in (n for n in named if n.pos_ in ("NOUN", "PROPN")):
                yield _key(noun)
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "including"):
        for noun in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")):
            yield _key(noun)


_MODIFIERS = frozenset({"relcl", "acl", "prep", "appos"})
