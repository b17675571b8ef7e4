"""CT002: quantity claims (money, percentages, durations, measures, head counts, event years).

Values are read and normalised by ``_values`` (units converted, ranges, "about", "up to",
per-period). What a value measures comes from the sentence's dependency parse
(``_parse.parse_sentences``, only for sentences whose figures have another of their
dimension on the page), from the token that heads the value:

- it modifies a noun ("a 5,000 mAh battery", "the 14-hour flight", "4.35% APY",
  "Lumen's 120-person team"), or follows "of" ("a tuition of €3,600", "an average
  lifespan of 15 years"), or is the complement of a copula ("EU tuition is €1,200"):
  the noun names the attribute (``quantity_attributes``: salary = pay = wage) or, when it
  names no attribute, the *holder* whose size, length or price the value is;
- it is the object of a verb ("the program lasts nine weeks", "the company employs 40
  people", "each gallon stretches to 200 sq ft"): the verb names the attribute
  (``quantity_verbs``) and its subject is the holder;
- it stands in front ("At 320 kcal per bar, the Peak Bar is ..."): the main subject is
  the holder and the unit names the attribute.

A claim's key is (dimension and unit, attribute, per-period, qualifiers: prepositional
phrases on the verb, the attribute or the value ("in the US"), a fronted phrase, years, tense of
its verb). Holders compare loosely: equal, one a short form of the other, or one generic
("it", "the company"); other per-units ("per coat") may be left out by one side. Claims
under a modal or a frequency hedge, a condition, an example, a change ("rose to"), a
comparison or a deal ("on sale for") are not taken; "most", "usually" and "typically"
state the typical value and do not hedge it. Founding and birth years of a named subject
are read by a pattern. Two values clash when their intervals are further apart than
``tolerance`` (relative) or, for percentages, ``percent_points`` times the precision they
were written with; two "up to" (or two "at least") figures clash as points.

Cost: the value regex runs on every claim sentence; only sentences with a value are
looked up in the parses (parsed once per document for all kinds).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from typing import Any

from linter.checks.contradiction._clauses import (
    claim_sentences,
    clause_bounds,
    fronted,
)
from linter.checks.contradiction._pairing import Claim
from linter.checks.contradiction._parse import _conditional_clause, parse_sentences
from linter.checks.contradiction._quantity_parse import (
    attribute_dim,
    holds,
    measure_adjective,
    quantity_lexicon,
    subject,
    value_anchor,
    verb_of,
)
from linter.checks.contradiction._values import Value, quantities_conflict, values
from linter.checks.contradiction._words import PRONOUNS, phrase_key, singular
from linter.checks.contradiction._years import year_claims
from linter.model import Document, Sentence

_MOD_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod", "npadvmod", "appos"})
_ARG_DEPS = frozenset({"dobj", "attr", "oprd", "npadvmod", "acomp", "advmod", "dative"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_HEDGE_WORDS = frozenset(
    ("may", "might", "could", "can", "should", "would", "must", "often", "sometimes",
     "occasionally", "rarely", "seldom", "possibly", "perhaps", "maybe", "probably")
)  # fmt: skip
_EXAMPLE = re.compile(
    r"\b(?:for\s+example|for\s+instance|e\.g|such\s+as|say|imagine|suppose|let's\s+say)\b", re.I
)
_DEAL = re.compile(
    r"\b(?:sale|discount(?:ed)?|deal|promo(?:tion)?|coupon|clearance|markdown|off|save[sd]?|"
    r"saving|savings|rack|regular(?:ly)?|list(?:s|ed)?\s+(?:price|at|for)|list\s+price|full\s+price|"
    r"retail|normally|usually|instead\s+of|compared\s+(?:to|with)|versus|vs\.?|up\s+from|"
    r"down\s+from|previously|formerly|used\s+to|respectively|from\s+\S*\d\S*\s+to|between|"
    r"ranging|ranges?|varies|vary)\b",
    re.I,
)
_UNIVERSAL = frozenset({"every", "each", "all", "any", "no", "whole", "your", "our", "my"})
# The dimensions an attribute's values can have: "tuition" is money, never a duration.
_ATTR_DIMS = {
    "tuition": "money", "fee": "money percent", "cost": "money", "price": "money",
    "salary": "money", "pay": "money", "rent": "money", "rate": "percent money",
    "share": "percent", "margin": "percent", "commission": "percent money",
    "lifespan": "duration", "duration": "duration", "capacity": "charge energy_wh",
    "weight": "mass", "area": "area", "headcount": "count:people", "calories": "energy",
    "distance": "distance",
}  # fmt: skip
# Verbs whose figure may follow "to" or "for": "stretches to 200 sq ft", "sells for $199".
_PREP_VERBS = frozenset({"stretch", "sell", "run", "last", "charge", "cost", "start", "begin"})
# Prepositions that take a figure the verb's subject measures: "the fee comes to 3%",
# "tuition works out at £9,000", "the salary sits around $60k".
_SUBJECT_PREPS = frozenset({"to", "at", "around", "about"})
_PERCENT_VERBS = frozenset({"earn", "pay", "yield", "return", "offer", "give"})


def _words_of(token: Any, skip: range) -> list[Any]:
    """A holder noun with its compounds, possessor and hyphenated classifiers."""
    out = []
    for c in token.children:
        if c.idx in skip or any(ch.isdigit() for ch in c.text):
            continue
        if c.dep_ == "poss" and c.lower_ not in PRONOUNS | {
            "its",
            "their",
            "his",
            "her",
            "our",
            "your",
            "my",
        }:
            out += [w for w in c.subtree if not w.is_punct and w.dep_ != "case"]
        elif c.dep_ in ("compound", "nmod") and c.pos_ != "NUM":
            out += [w for w in c.subtree if not w.is_punct]
        elif (
            c.dep_ == "amod"
            and c.tag_ not in ("JJR", "JJS")
            and c.lower_ not in quantity_lexicon("quantity_neutral_modifiers")
        ):
            out.append(c)
    out.append(token)
    return sorted(out, key=lambda t: t.i)


def _holder(token: Any | None, skip: range) -> tuple[tuple[str, ...], str]:
    """The holder's key and its words as written; () for pronouns and generic nouns."""
    if token is None or token.lower_ in PRONOUNS or token.pos_ == "PRON":
        return (), ""
    words = _words_of(token, skip)
    aliases, generic = (
        quantity_lexicon("quantity_holder_aliases"),
        quantity_lexicon("quantity_generic_holders"),
    )
    key = tuple(aliases.get(singular(w.lower_), singular(w.lower_)) for w in words)
    key = tuple(w for w in key if w not in generic)
    if not key:
        return (), ""
    return key, " ".join(w.text for w in words)


def _attribute_noun(token: Any, value: Value | None = None) -> tuple[str, ...] | None:
    """("starting", "salary") for "starting salary"; None if the noun names no attribute."""
    canon = quantity_lexicon("quantity_attributes").get(token.lemma_.lower()) or quantity_lexicon(
        "quantity_attributes"
    ).get(token.lower_)
    if (
        canon is None
        and value is not None
        and token.lemma_.lower() in quantity_lexicon("quantity_measures")
    ):
        canon = attribute_dim(value.dim)  # "a range of 272 miles": the distance
    if canon is None:
        return None
    aliases = quantity_lexicon("quantity_modifier_aliases")
    mods = [
        aliases.get(c.lower_, c.lower_)
        for c in token.children
        if c.dep_ in ("amod", "compound")
        and (
            c.pos_ != "PROPN" or (c.text.istitle() and c.head.text.istitle())
        )  # "Prep Time", not "EU"
        and c.lower_ not in quantity_lexicon("quantity_neutral_modifiers")
        and c.pos_ != "NUM"
        and (value is None or not value.start <= c.idx < value.end)
    ]
    return (*mods, canon)


def _frame(anchor: Any, value: Value) -> tuple[tuple[str, ...], Any | None, Any | None, Any] | None:
    """(attribute, holder token, attribute token, verb) of a value, or None."""
    head = anchor.head
    verb = verb_of(anchor)
    dim_attr = attribute_dim(value.dim)
    if anchor.dep_ in _MOD_DEPS and head.pos_ in _NOUNS and head != anchor:
        noun = head
    elif anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in _NOUNS:
        noun = head.head
    elif anchor.dep_ in ("attr", "acomp") and head.lemma_ == "be":
        noun = subject(head)
    else:
        noun = None
        measured = measure_adjective(anchor, value, dim_attr)
        if measured is not None:
            return measured
    if noun is not None:
        attr = _attribute_noun(noun, value)
        if attr is not None:
            holder = next((c for c in noun.children if c.dep_ == "poss"), None)
            if holder is None and noun.dep_ in ("dobj", "attr", "pobj", "nsubj"):
                holder = subject(verb) if noun.dep_ != "nsubj" else None
            return attr, holder, noun, verb
        if dim_attr is not None and holds(noun, value):
            return (dim_attr,), noun, None, verb
        return None
    return _verb_frame(anchor, value, verb, dim_attr)


def _verb_frame(anchor: Any, value: Value, verb: Any, dim_attr: str | None) -> Any:
    if verb is None:
        return None
    head = anchor.head
    direct = anchor.dep_ in _ARG_DEPS and head == verb
    via_prep = anchor.dep_ == "pobj" and head.dep_ == "prep" and head.head == verb
    lemma = verb.lemma_.lower()
    subj = subject(verb)
    if subj is not None and (direct or (via_prep and head.lower_ in _SUBJECT_PREPS)):
        named = _attribute_noun(subj, value)
        fits = _ATTR_DIMS.get(named[-1], "") if named else ""
        if named is not None and value.dim.startswith(tuple(fits.split())):
            # "Kestrel's starting salary works out to $4,500": what the subject measures
            owner = next((c for c in subj.children if c.dep_ == "poss"), None)
            return named, owner, subj, verb
    via_to = via_prep and head.lower_ in ("to", "for", "at") and lemma in _PREP_VERBS
    if (direct or via_to) and lemma in quantity_lexicon("quantity_verbs"):
        attr = quantity_lexicon("quantity_verbs")[lemma]
        if " " in attr:  # "starts at $38k": the starting price
            fits = _ATTR_DIMS.get(attr.split()[-1], "")
            named = subj is not None and subj.pos_ != "PRON"  # "starting at $5999": whose?
            ok = value.dim.startswith(tuple(fits.split())) and fits and named
            return (tuple(attr.split()), subj, None, verb) if ok else None
        named = _in_attribute(verb, value)
        if named is not None and value.dim.startswith("money"):
            return named, subject(verb), None, verb
        if value.dim == "percent":
            attr = "rate" if lemma in _PERCENT_VERBS else None
        elif attr == "*" or (dim_attr and attr not in (dim_attr, "duration", "lifespan")):
            attr = dim_attr
        elif value.dim.startswith("money") and attr in ("duration", "lifespan", "area"):
            attr = None
        if attr is None:
            return None
        return (attr,), subject(verb), None, verb
    if via_prep and head.lower_ in ("at", "with", "despite") and verb.dep_ in ("ROOT", "ccomp"):
        attr = _in_attribute(anchor, value)
        attr = attr or ((dim_attr,) if dim_attr else ("rate",) if value.dim == "percent" else None)
        if attr is None:
            return None
        return attr, subject(verb), None, verb
    return None


def _in_attribute(token: Any, value: Value) -> tuple[str, ...] | None:
    """The attribute named by an "in" phrase: "pay $11,200 a year in tuition"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            nouns = [t for t in prep.children if t.dep_ == "pobj" and t.pos_ in _NOUNS]
            if nouns:
                return _attribute_noun(nouns[0], value)
    return None


def _blocked(anchor: Any, verb: Any | None, value: Value, clause: str) -> bool:
    """A hedged, conditional, changing or compared figure, or one in an example or a deal."""
    if _EXAMPLE.search(clause) or _DEAL.search(clause) or _conditional_clause(anchor):
        return True
    path = [anchor, *anchor.ancestors]
    path = path[: path.index(verb) + 1] if verb in path else path
    inside = range(value.start, value.end)
    for node in path:
        if node.idx not in inside and (
            node.tag_ in ("JJR", "RBR")
            or node.lemma_.lower() in quantity_lexicon("quantity_change_verbs")
        ):
            return True
        for c in node.children:
            if c.idx in inside:
                continue
            if c.lower_ in _HEDGE_WORDS and c.dep_ in ("aux", "advmod"):
                return True
            figure = any(w.pos_ == "NUM" for w in c.subtree)  # "from $4,200", not "from start"
            if c.lower_ in ("than", "instead", "extra", "additional") or c.dep_ == "neg":
                return True
            if c.lower_ == "from" and figure:
                return True
    return False


def _tense(verb: Any | None) -> str:
    if verb is None:
        return "present"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "'ll"}:
        return "future"
    if verb.tag_ in ("VBD",) or aux & {"was", "were", "had", "did"}:
        return "past"
    return "present"


def _qualifiers(nodes: list[Any], value: Value) -> tuple[tuple[str, ...], ...]:
    """Prepositional phrases on the verb, the attribute or the value that limit the claim
    ("for full-time students", "in smartwatch mode"); "per", "of", "than" and universal ones
    ("on every dollar", "in our tests") are not limits."""
    out = set()
    for node in nodes:
        if node is None:
            continue
        for prep in node.children:
            hyphen = any(w.text == "-" for w in prep.subtree)
            if prep.dep_ == "npadvmod" and node.pos_ in ("VERB", "AUX") and hyphen:
                out.add(phrase_key(" ".join(w.text for w in prep.subtree)))  # "full-time"
                continue
            if prep.dep_ != "prep" or prep.lower_ in ("than", "per", "despite", "from", "to"):
                continue
            if prep.lower_ == "of" and node.pos_ not in _NOUNS:
                continue
            words = list(prep.subtree)
            if any(value.start <= w.idx < value.end or w.pos_ == "NUM" for w in words):
                continue
            if any(w.lower_ in _UNIVERSAL for w in words) or len(words) > 8:
                continue
            key = phrase_key(" ".join(w.text for w in words))
            if key and key[-1] not in quantity_lexicon("quantity_attributes"):
                out.add(key)
    return tuple(sorted(out))


def _label_frame(parse: Any, value: Value, text: str) -> Any:
    """ "Median salary: $60,000 a year": the label before a colon names the attribute."""
    m = re.match(r"\s*([^:]{2,40}):\s*(?:about\s+|around\s+)?$", text[: value.start])
    if m is None:
        return None
    nouns = [t for t in parse if t.idx < m.end(1) and t.pos_ in _NOUNS]
    attr = _attribute_noun(nouns[-1]) if nouns else None
    return (attr, None, nouns[-1], None) if attr else None


def _base_dim(dim: str) -> str:
    """A value's dimension without its unit ("money:$" and "money:€" can be compared)."""
    return dim.split(":", 1)[0]


def quantity_claims(doc: Document) -> Iterator[Claim]:
    """Figures with the attribute, holder and scope they hold for."""
    found_in = [(s, values(s.text)) for s in claim_sentences(doc)]
    found_in = [(s, found) for s, found in found_in if found]
    # Two figures can clash only when they measure in one dimension (money, a duration,
    # a mass...): a sentence whose figures have no other of their dimension on the page
    # is left unparsed.
    # A sentence repeated word for word (a template's) says the same twice: one count.
    texts = {s.text: found for s, found in found_in}
    dims = Counter(dim for found in texts.values() for dim in {_base_dim(v.dim) for v in found})
    found_in = [
        (s, found) for s, found in found_in if any(dims[_base_dim(v.dim)] > 1 for v in found)
    ]
    parses = parse_sentences(doc, [s for s, _ in found_in], "quantity")
    for sentence, found in found_in:
        parse = parses.get((sentence.block.index, sentence.start))
        if parse is None:
            continue
        for value in found:
            claim = _claim(sentence, parse, value)
            if claim is not None:
                yield claim


def _claim(sentence: Sentence, parse: Any, value: Value) -> Claim | None:
    text = sentence.text
    anchor = value_anchor(parse, value)
    if anchor is None:
        return None
    frame = _label_frame(parse, value, text) or _frame(anchor, value)
    if frame is None:
        return None
    attr, holder_token, noun, verb = frame
    fits = _ATTR_DIMS.get(attr[-1])
    if fits is not None and not value.dim.startswith(tuple(fits.split())):
        return None
    if any(c.dep_ == "conj" for c in anchor.children) or anchor.dep_ == "conj":
        return None  # "$4,200 for residents and $9,000 for others"
    left, right = clause_bounds(text, value.start, value.end)
    if _blocked(anchor, verb, value, text[left:right]):
        return None
    if noun is not None and verb is None:
        left = 0  # "Median salary: $60,000": the label is part of the claim
    start, end = _span(text, value, anchor, frame)
    start = max(start, left)
    phrase = noun or (holder_token if anchor.head == holder_token else None)
    own_verb = phrase is None or phrase.dep_ in ("nsubj", "nsubjpass", "attr", "dobj")
    if value.compound and phrase is holder_token and noun is None:
        own_verb = False  # "hikers split the 15-mile Ridgeback": a length the verb does not date
    front = fronted(text, left, start)
    if _UNIVERSAL & set(front):
        front = ()  # "At our school, ...": the article's own subject, no limit
    holder, holder_text = _holder(holder_token, range(value.start, value.end))
    if modified_part(anchor, holder_token, verb):
        # "The Orbit S3 packs a 420 mAh battery": the battery of the Orbit S3
        owner, owner_text = _holder(subject(verb), range(value.start, value.end))
        holder, holder_text = owner + holder, " ".join(filter(None, (owner_text, holder_text)))
    per, loose_per = value.per, ""
    if not value.dim.startswith(("money", "percent")) and per and per != "year":
        per, loose_per = "", ("" if per in holder else per)
    sub = [t for t in (verb if own_verb else None, noun, anchor) if t is not None]
    years = frozenset(re.findall(r"\b(?:19|20)\d{2}s?\b", text))
    tense = _tense(verb if own_verb else None)
    key = ("quantity", value.dim, attr, per, _qualifiers(sub, value), front, years, tense)
    what = " ".join(a for a in attr if a)
    extra = {
        "holder": holder, "per": loose_per, "approx": value.approx, "step": value.step,
        "args": {
            "value": " ".join(text[value.start : value.end].split()),
            "what": f"the {what} of {holder_text}" if holder_text else f"the {what}",
        },
    }  # fmt: skip
    base = sentence.start
    return Claim(sentence, base + start, base + end, key, (value.low, value.high), extra)


def modified_part(anchor: Any, holder: Any | None, verb: Any | None) -> bool:
    """Whether the value modifies a part that is the object of a verb ("packs a 420 mAh
    battery"): the verb's subject then owns the part."""
    return (
        holder is not None
        and verb is not None
        and anchor.head == holder
        and holder.dep_ in ("dobj", "attr", "pobj")
        and holder.pos_ != "PROPN"  # "split the 15-mile Ridgeback": a name is its own thing
        and verb.lemma_ != "be"  # "the challenge is the 14-hour flight": the same thing
        and subject(verb) not in (None, holder)
    )


def _span(text: str, value: Value, anchor: Any, frame: Any) -> tuple[int, int]:
    """Where the claim is: the value with its attribute noun, or with the holder it
    modifies, or with the subject and verb that give it."""
    _, holder_token, noun, verb = frame
    modified = holder_token is not None and anchor.head == holder_token
    parts = [t for t in (noun, anchor, holder_token if modified else None) if t is not None]
    phrases = [t for t in parts if t in (holder_token, noun)]
    subject_first = holder_token is not None and verb is not None and verb.i > holder_token.i
    if noun is None and not modified and subject_first:
        parts += [holder_token, verb]
        phrases.append(holder_token)
    start = min([value.start] + [t.left_edge.idx if t in phrases else t.idx for t in parts])
    end = max(value.end, *(t.idx + len(t) for t in parts if t != verb))
    return start, min(end, len(text))


FIGURES = ("quantity", "year")  # the first item of the key of every claim of this module


def figure_claims(doc: Document) -> Iterator[Claim]:
    """Quantity and year claims, in document order."""
    claims = chain(quantity_claims(doc), year_claims(doc))
    return iter(sorted(claims, key=lambda c: (c.sentence.block.index, c.start)))


def holders_meet(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two holders can be one thing: equal, one generic, or a short form; not
    when what one adds is a model's variant ("Alto" and "Alto Pro", "Plan" and "Plan
    Plus" are two products)."""
    if not a or not b:
        return True
    if not (set(a) <= set(b) or set(b) <= set(a)):
        return False
    extra = set(a) ^ set(b)
    variants = quantity_lexicon("model_variants")
    return not extra or not all(w in variants or w.isdigit() for w in extra)


def _interval(claim: Claim) -> tuple[float, float]:
    """The interval a figure allows: "up to 300" is 0-300, "over 4,500" is 4,500 up."""
    low, high = claim.value
    bound = claim.extra.get("approx")
    if bound == "max":
        return 0.0, high
    if bound == "min":
        return low, float("inf")
    return low, high


def figures_clash(a: Claim, b: Claim, tolerance: float, points: float) -> bool:
    """Whether two figures of one key cannot both hold: years when they differ (a year is
    exact: no rounding), percentages when more than ``points`` times their written
    precision apart (12 % and 13 % are rounding, 4.35 % and 4.25 % are not), other values
    when more than ``tolerance`` (relative) apart. Holders must meet and a per-unit that
    both give must agree."""
    if a.key[0] == "year":
        return a.value != b.value
    if not holders_meet(a.extra["holder"], b.extra["holder"]):
        return False
    pa, pb = a.extra["per"], b.extra["per"]
    if pa and pb and pa != pb:
        return False
    same_bound = a.extra["approx"] == b.extra["approx"] and a.extra["approx"] in ("max", "min")
    va, vb = (a.value, b.value) if same_bound else (_interval(a), _interval(b))
    if a.key[1] == "percent":
        step = max(a.extra["step"], b.extra["step"])
        return quantities_conflict(va, vb, 0.0, slack=points * step)
    return quantities_conflict(va, vb, tolerance)
