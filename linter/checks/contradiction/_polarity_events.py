"""Polarity claims about events and limits (see ``_polarity`` for the kind).

``read_event(verb)``: "exams are held each term", "classes take place on Tuesdays"
(the lexicon's ``event_verbs``) say such events happen: the predicate ``HELD``, which
"there are no exams" denies (``_polarity_read._existence``). ``read_limit(verb)``: "the
Basic plan covers one vehicle" (sign +1) against "your plan covers any vehicle" (sign
-1): the predicate ``LIMIT`` + verb + the head of its object, the thing the subject.
Both work on the trained parse of one clause.
"""

from __future__ import annotations

from typing import Any

from linter.checks.contradiction._polarity_read import (
    HELD,
    LIMIT,
    Reading,
    _comp,
    _key,
    _negated,
    _no,
    _reading,
    _thing,
)
from linter.checks.contradiction._words import lexicon


def read_event(verb: Any) -> Reading | None:
    """ "Exams are held at the end of each term", "classes take place on Tuesdays": that
    such events happen, against "there are no exams" (``_existence`` reads that as not
    held too). The event verbs are the lexicon's ``event_verbs``."""
    lemma = verb.lemma_
    if lemma not in lexicon()["event_verbs"] or verb.pos_ != "VERB":
        return None
    if lemma == "take" and not any(c.lower_ == "place" for c in verb.children):
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if lemma == "hold" and not passive:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or _thing(subj) is None:
        return None
    sign = -1 if _negated(verb) or _no(subj) else 1
    return _reading(verb, subj, _key(subj), HELD, sign, verb)


_ONE = frozenset({"one", "single", "1"})
_ANY = frozenset({"any", "every", "unlimited"})


def read_limit(verb: Any) -> Reading | None:
    """ "The Basic plan covers one registered vehicle" (a limit of one: sign +1) against
    "your plan covers any vehicle" (no limit: sign -1): the thing is the subject (a noun
    phrase; a verb joined by "and" shares its subject), the predicate the verb and the
    head of its object. Only one against any/every/unlimited: other counts are figures."""
    if verb.pos_ != "VERB" or _negated(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or _thing(subj) is None:
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
        sign = _limit_sign(obj)
        if sign:
            key, text = _key(subj)
            pred = f"{LIMIT}{_third_person(verb.lemma_)} {obj.lemma_.lower()}"
            lo = min(subj.left_edge.idx, verb.idx)
            return Reading(verb, key, text, pred, sign, _comp(verb), lo, obj.idx + len(obj))
    return None


def _limit_sign(obj: Any) -> int:
    words = {c.lower_ for c in obj.children if c.dep_ in ("nummod", "amod", "det")}
    if words & _ANY:
        return -1
    return 1 if words & _ONE and obj.tag_ == "NN" else 0


def _third_person(lemma: str) -> str:
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        return lemma[:-1] + "ies"
    return lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
