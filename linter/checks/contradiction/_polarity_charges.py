"""Charges as polarity claims (see ``_polarity`` for the kind): a price on a thing says it
is not free. ``_priced``: "cancelling costs a $30 fee", "breakfast is charged at €18";
``_charged``: a charge as the object ("carry a 3% fee") or a price right after for/at
("available for €18"); ``charge_for``: what a charge noun is for ("a $2 fee for paper
statements", "no fee to close your account", "is there a charge if I cancel?"), where
the "if you ..." clause is the thing, not a condition on it (``charge_condition``).
``scoped`` adds the time or place a frame's claim is limited to ("after the trial").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.checks.contradiction._polarity_read import (
    _CURRENCY,
    Reading,
    _key,
    _negated,
    _no,
    _prep_objects,
    _reading,
    _thing,
)
from linter.checks.contradiction._words import lexicon

_TIME_MARKS = frozenset({"after", "before", "until", "till", "while", "when", "once"})


_WHEN_WHERE = frozenset(
    {"after", "before", "during", "until", "till", "in", "at", "within", "from", "past", "by"}
)


def priced(verb: Any, subj: Any) -> Iterator[Reading]:
    """ "Cancelling costs a $30 fee", "breakfast is charged at €18": not free, not
    included (a denial, "doesn't cost a thing", is left alone)."""
    if subj is None or _negated(verb):
        return
    priced = any(
        _CURRENCY.match(t.text)
        for c in verb.children
        if c.dep_ in ("dobj", "attr", "npadvmod", "prep", "oprd")
        for t in c.subtree
    )
    thing = _thing(subj)
    if priced and thing is not None:
        for pred in ("free", "included"):
            yield scoped(_reading(verb, subj, thing, pred, -1, verb), verb)


def charged(verb: Any, subj: Any) -> Iterator[Reading]:
    """ "Card payments carry a 3% fee", "breakfast is available for €18", "towels are
    rented at $2": a charge as the object, or a price right after "for" / "at", says the
    subject is not free. A clause that calls it free ("free for orders over $50") is left
    to the clause reader."""
    thing = _thing(subj)
    if thing is None or _negated(verb):
        return
    words = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd"))]
    if any(w.lower_ in ("free", "included", "complimentary") for w in words):
        return
    charges = set(lexicon()["polarity_charge_nouns"])
    charged = any(
        c.dep_ == "dobj" and c.lemma_.lower() in charges and not _no(c) for c in verb.children
    )
    for word in words:
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("for", "at")):
            charged = charged or any(_a_price(o) for o in prep.children if o.dep_ == "pobj")
    if charged:
        yield scoped(_reading(verb, subj, thing, "free", -1, verb), verb)


def _a_price(noun: Any) -> bool:
    """ "€18", "$2 a day", "18 euros": the object itself is an amount of money."""
    if noun.pos_ in ("NUM", "SYM"):
        return any(_CURRENCY.match(t.text) for t in (noun, *noun.children))
    return _CURRENCY.match(noun.text) is not None and any(c.pos_ == "NUM" for c in noun.children)


def charge_for(noun: Any) -> Iterator[Reading]:
    """ "There is a $2 fee for paper statements" (not free), "there's no fee to cancel",
    "is there a charge if I cancel? No." (free): what the charge is for is the thing."""
    if noun.lemma_.lower() not in set(lexicon()["polarity_charge_nouns"]):
        return
    verb = noun.head
    sign = 1 if _no(noun) or _negated(verb) else -1
    for thing, at in _charged_for(noun, verb):
        key, text = thing
        lo = min(at.left_edge.idx, noun.left_edge.idx)
        hi = max(at.right_edge.idx + len(at.right_edge), noun.idx + len(noun))
        yield Reading(noun, key, text, "free", sign, (), lo, hi)


def _charged_for(noun: Any, verb: Any) -> Iterator[tuple[tuple[tuple[str, ...], str], Any]]:
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            thing = _doing(obj) if obj.pos_ == "VERB" else _thing(obj)
            if thing is not None:
                yield thing, obj
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    clauses += [c for c in verb.children if c.dep_ == "advcl"]  # "no fee to close it"
    for clause in (c for c in clauses if c.pos_ == "VERB"):
        if any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
            yield _doing(clause), clause
    clause = _if_you(verb)
    if clause is not None:
        yield _doing(clause), clause


def _if_you(verb: Any) -> Any:
    """The one "if you ..." clause of ``verb`` (its condition is what the charge is for)."""
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "when") for m in c.children)
    ]
    if len(clauses) != 1:
        return None
    subj = next((c for c in clauses[0].children if c.dep_ == "nsubj"), None)
    return clauses[0] if subj is not None and subj.lower_ in ("you", "i") else None


def _doing(verb: Any) -> tuple[tuple[str, ...], str]:
    """ "cancel", "cancelling your plan": an action's key as a gerund subject gets it."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    key = (verb.lemma_, *(_key(obj)[0] if obj is not None else ()))
    end = obj if obj is not None else verb
    return key, verb.doc.text[verb.idx : end.idx + len(end)]


def charge_condition(reading: Reading) -> bool:
    """True for a charge whose "if you ..." clause is what it is for (``_charge_for``):
    that condition is the claim's thing, not a condition on it."""
    head = reading.head
    return (
        reading.predicate == "free"
        and head is not None
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in set(lexicon()["polarity_charge_nouns"])
        and _if_you(head.head) is not None
        and reading.thing == _doing(_if_you(head.head))[0]
    )


def scoped(reading: Reading, verb: Any, skip: Any = None) -> Reading:
    """A frame's claim with the time or place it is limited to in its complement ("costs
    $4 after the trial", "don't take the ferry after dark"): such a claim meets only one
    with the same limit (the clause reader keeps only for/on/to/with)."""
    extra = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _WHEN_WHERE):
        if skip is not None and prep.i == skip.i:
            continue  # the dishwasher of "never put it in the dishwasher"
        extra += list(_prep_objects([prep]))
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        marks = (m.lower_ for m in clause.children if m.dep_ == "mark")
        extra += [("~when", m) for m in marks if m in _TIME_MARKS]  # not "since", "because"
    if not extra or reading.comp == "*" or reading.comp[:1] == ("*",):
        return reading
    reading.comp = tuple(sorted({*reading.comp, *extra}))
    return reading
