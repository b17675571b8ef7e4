"""CT002: where a figure sits in the dependency parse, for ``_quantity``.

The token that heads a value's words (``value_anchor``), the verb above it and that
verb's subject (a relative pronoun stands for the noun its clause is on), the attribute a
value's own dimension names ("distance" for miles), and two frames read from a predicate
adjective: "the loop is 11 km long" (the subject's length) and "the visa is valid for 90
days" (how long the subject holds). ``holds`` says whether a noun a value modifies is the
thing that has it ("a 5,000 mAh battery", "the 15-mile Ridgeback"; a duration only on a programme).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from linter.checks.contradiction._values import Value
from linter.checks.contradiction._words import lexicon

_NOUNS = frozenset({"NOUN", "PROPN"})
_DIM_ATTRIBUTE = {
    "duration": "duration", "mass": "weight", "distance": "distance", "area": "area",
    "energy": "calories", "charge": "capacity", "energy_wh": "capacity",
    "count:people": "headcount",
}  # fmt: skip


@cache
def quantity_lexicon(name: str) -> Any:
    value = lexicon()[name]
    return frozenset(value) if isinstance(value, list) else value


def attribute_dim(dim: str) -> str | None:
    if dim.startswith("count:") and dim != "count:people":
        return dim.split(":", 1)[1] + " count"
    return _DIM_ATTRIBUTE.get(dim)


def value_anchor(parse: Any, value: Value) -> Any | None:
    """The token that heads the value's words in the parse."""
    tokens = [t for t in parse if value.start <= t.idx < value.end and t.pos_ != "PUNCT"]
    tops = [t for t in tokens if not value.start <= t.head.idx < value.end or t.head == t]
    heads = {t.head.i for t in tops}
    if not tops or len(heads) > 1:
        return None
    return tops[-1]


def verb_of(token: Any) -> Any | None:
    for node in (token, *token.ancestors):
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


_RELATIVE = frozenset({"which", "that", "who"})


def subject(verb: Any | None) -> Any | None:
    """The subject of a verb, through conjoined and complement verbs; a relative pronoun
    stands for the noun its clause is on ("the trail, which stretches 42 km")."""
    while verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subj = (subjects or [None])[-1]
        if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head
        if subj is not None:
            return subj
        if any(c.dep_ == "expl" for c in verb.children):
            return None
        if verb.dep_ in ("xcomp", "conj", "ccomp") and verb.head != verb:
            verb = verb.head
        else:
            return None
    return None


def measure_adjective(anchor: Any, value: Value, dim_attr: str | None) -> Any:
    """A figure on a predicate adjective: "the loop is 11 km long" (the measure of the
    adjective: its subject's length), "the visa is valid for 90 days" (a duration after
    "for": how long the subject holds)."""
    head = anchor.head
    if dim_attr is None:
        return None
    if anchor.dep_ == "npadvmod" and head.pos_ in ("ADJ", "ADV") and head.dep_ == "acomp":
        adjective = head
    elif anchor.dep_ == "pobj" and head.lower_ == "for" and value.dim == "duration":
        # "for" on the adjective, or on the copula beside it
        complements = [c for c in head.head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
        adjective = head.head if head.head.dep_ == "acomp" else (complements or [None])[0]
        if adjective is None or adjective.pos_ != "ADJ":
            return None
    else:
        return None
    verb = adjective.head
    if verb.lemma_ != "be" or adjective.lower_ in quantity_lexicon("quantity_neutral_modifiers"):
        return None
    return (dim_attr,), subject(verb), None, verb


def holds(noun: Any, value: Value) -> bool:
    """Whether a noun the value modifies is a thing that has it: any thing for a weight, a
    charge, calories or a head count ("a 5,000 mAh battery"), only a programme for a
    duration ("the 16-week course", not "an 18-year insurgency"), nothing for money
    ("a $70,000 bond" is no price claim) or a distance."""
    if value.compound and value.dim == "distance" and noun.pos_ in _NOUNS:
        return True  # "the 15-mile Ridgeback": its length (a "60-minute ride" may be any)
    if noun.pos_ != "NOUN" or value.dim.startswith(("money", "percent", "distance", "area")):
        return False
    if value.dim == "duration":
        return noun.lemma_.lower() in quantity_lexicon("duration_subjects")
    return True
