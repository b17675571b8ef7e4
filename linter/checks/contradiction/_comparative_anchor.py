"""CT003's anchors: the word a comparison hangs on and the scales it puts its subject on.

``anchor`` reads a comparative adjective or adverb (JJR/RBR, or one the parser tagged as a
noun: "is quieter/NN than"), "more/less" with an adjective, a noun or a verb ("more
flexible", "less dust", "the more calorie-dense of the two", "packs more"), a
superlative between two, or a verb of comparison ("outlast", "beat", "edge out", "lag
behind", "undercut"). ``behind`` finds what such a verb measures against, and
``verb_ground`` what it is about ("beats B on battery life").
"""

from __future__ import annotations

import re
from typing import Any

from linter.checks.contradiction._entities import (
    comparative_base,
    noun_scales,
    scales_of,
    wordnet,
)
from linter.checks.contradiction._words import lexicon
from linter.lexicon import wordset

_SUBJ = frozenset({"nsubj", "nsubjpass"})
# Verbs and nouns too light to name what is compared ("is", "has", "the faster route").
LIGHT = wordset(
    "be have get make do go keep come remain stay take become seem look give put use "
    "one option choice pick way thing route machine tool model bet path introduction "
    "of the two pair both"
)
_GROUNDS = wordset("on in at for")
# "calorie-dense", "protein-rich": adjectives of abundance, the quantity of their noun.
_ABUNDANT = wordset("rich dense heavy packed laden loaded")
# Verbs that put their subject ahead of their object ("A beats B", "A edges out B").
_AHEAD_VERBS = wordset("beat outperform outclass outdo top outstrip outshine surpass")


def anchor(token: Any) -> tuple[Any, dict[str, int], str] | None:
    """If ``token`` makes a comparison: (the word the comparison hangs on, its scales,
    "more"/"less"/"other" for "than"-less forms); else None."""
    low, tag = token.lower_, token.tag_
    c = lexicon()["comparatives"]
    if tag in ("NN", "NNS", "JJ") and _compares_next(token) and comparative_base(low):
        tag = "JJR"  # "is quieter than", "the quicker of the pair": a comparative mis-tagged
    if low in ("more", "less", "fewer") and tag in ("JJR", "RBR"):
        return _more_anchor(token, 1 if low == "more" else -1)
    if tag in ("JJR", "RBR") and low not in ("rather", "more", "less", "fewer", "earlier"):
        if low in c["up"] + c["down"] and token.head.pos_ == "NOUN" and token.dep_ == "amod":
            direction = 1 if low in c["up"] else -1
            return token, noun_scales(token.head, direction), ""
        form = "other" if _of_two(token) else ""
        base = comparative_base(low) if token.tag_ != tag else None
        return token, scales_of(base or token.lemma_, 1) or scales_of(low, 1), form
    if tag in ("JJS", "RBS") and _of_two(token):
        if low in ("most", "least"):
            head = token.head
            return head, scales_of(head.lemma_, 1 if low == "most" else -1), "other"
        return token, scales_of(token.lemma_, 1), "other"
    return _verb_anchor(token)


def _more_anchor(token: Any, direction: int) -> tuple[Any, dict[str, int], str] | None:
    """ "more/less" with an adjective, a noun or a verb: "more flexible", "less dust",
    "the more calorie-dense of the two", "packs more", "earn more money"."""
    c = lexicon()["comparatives"]
    head = token.head
    graded = head.pos_ in ("ADJ", "ADV") or (head.pos_ == "NOUN" and _adjective_as_noun(head))
    if token.dep_ in ("advmod", "amod") and graded:
        form = "other" if _of_two(head) else ""  # "the less dusty of the two" (dusty/NN)
        return head, _rich_in(head, direction) or scales_of(head.lower_, direction) or \
            scales_of(head.lemma_, direction), form  # fmt: skip
    if token.dep_ == "amod" and head.lemma_ == "money" and head.head.pos_ == "VERB":
        token, head = head, head.head  # "earn more money": as "earn more"
    if token.dep_ == "amod" and head.pos_ == "NOUN":
        return head, noun_scales(head, direction), ""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if pobj is not None:
        return token, noun_scales(pobj, direction), ""
    if head.pos_ == "VERB" and token.dep_ in ("advmod", "dobj", "npadvmod"):
        lemma = head.lemma_.lower()
        dim = c["verbs"].get(head.lower_) or c["verbs"].get(lemma)
        scales = {f"dim:{dim}" if dim else f"v:{lemma}": direction}
        for noun in _fronted_topics(head):  # "For protein, regular yogurt packs more"
            scales |= noun_scales(noun, direction)
        return token, scales, ""
    return None


def _rich_in(adjective: Any, direction: int) -> dict[str, int]:
    """ "calorie-dense", "protein-rich", "sugar-laden": an adjective of abundance joined to
    a noun is the quantity of that noun."""
    if adjective.lower_ not in _ABUNDANT:
        return {}
    noun = next((c for c in adjective.children if c.dep_ in ("compound", "npadvmod")
                 and c.pos_ == "NOUN"), None)  # fmt: skip
    return noun_scales(noun, direction) if noun is not None else {}


def _fronted_topics(verb: Any) -> list[Any]:
    """The nouns of a "for/on/in N," phrase before a verb's subject: what "more" counts."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subject is None:
        return []
    preps = [c for c in verb.lefts if c.dep_ == "prep" and c.lower_ in ("for", "on", "in")
             and c.i < subject.i]  # fmt: skip
    return [o for p in preps for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]


def _verb_anchor(token: Any) -> tuple[Any, dict[str, int], str] | None:
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    particle = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
    if lemma in _AHEAD_VERBS or (lemma == "edge" and "out" in particle):
        return token, scales_of("good", 1), ""
    if lemma in ("trail", "lag") or (lemma in ("fall", "drop") and "behind" in particle):
        return token, scales_of("good", -1), ""  # "lagged behind", "fell behind"
    if lemma == "undercut":
        return token, scales_of("cheap", 1), ""  # "undercuts B": is cheaper than B
    base = lemma.removeprefix("out").lstrip("-")
    if lemma.startswith("out") and len(base) >= 3 and f"v:{base}" in wordnet().synsets:
        c = lexicon()["comparatives"]
        dim = c["verbs"].get(base)
        scales = {f"dim:{dim}" if dim else f"v:{base}": 1, f"e:{base}": 1}
        adjective = c.get("verb_scales", {}).get(base)  # "outlast": lasts longer
        return token, {**scales, **(scales_of(adjective, 1) if adjective else {})}, ""
    return None


def _compares_next(token: Any) -> bool:
    """The word is followed by "than" or "of the two/pair"."""
    rest = token.doc.text[token.idx + len(token) :]
    return bool(re.match(r"\s+(?:than\b|of\s+(?:the\s+)?(?:two|pair|duo)\b)", rest, re.I))


def _adjective_as_noun(token: Any) -> bool:
    """A word the parser took for a noun that WordNet knows only as a graded adjective
    ("less dusty" with "dusty" tagged NN)."""
    low = token.lower_
    return low in wordnet().scales and f"n:{low}" not in wordnet().synsets


def behind(verb: Any) -> Any | None:
    """The thing a verb of comparison is measured against: its object, or the object of
    "behind" ("lagged behind the fan heater")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "behind"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    return obj


def _of_two(token: Any) -> bool:
    """ "the cheaper of the two", "the least expensive of the pair"."""
    text = token.doc.text[token.idx :]
    m = re.match(r"[\w-]+(?:\s+[\w-]+)?\s+(of\s+(?:the\s+)?(?:two|pair|both|duo))\b", text, re.I)
    if m:
        return True
    # "of the pair, the Paperwhite is the least expensive": a fronted "of the pair"
    return bool(re.search(r"\bof\s+the\s+(?:two|pair)\b", token.doc.text, re.I))


def verb_ground(verb: Any) -> set[tuple[str, str]]:
    """What a verb of comparison is about: "beats B on price", "lagged behind at warming",
    "edged out B in our charging test" (so "ahead on brightness" never meets "ahead in
    the charging test")."""
    out = set()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _GROUNDS):
        for obj in prep.children:
            if obj.dep_ == "pcomp" and obj.pos_ == "VERB":
                out.add(("v", obj.lemma_.lower()))
            elif obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.lemma_.lower() not in LIGHT:
                out.add(("n", obj.lemma_.lower()))
    return out
