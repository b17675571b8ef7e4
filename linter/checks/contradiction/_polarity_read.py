"""Reading one polarity claim from a parsed clause (see ``_polarity`` for the kind).

``read_clause(token)`` gives the claims whose clause head is ``token`` (a word with a
subject, or an imperative verb); ``read_label(text)`` the claim of a "Label: value"
line. A ``Reading`` holds the thing claimed about (folded like a noun phrase key), the
canonical predicate, the sign, the prepositional complement ("*" when it says "every"),
its span in the text and the words a message quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from linter.checks.contradiction._words import NEUTRAL_MODIFIERS, lexicon, singular

_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
_COMPLEMENT = ("acomp", "attr", "oprd")
_UNIVERSAL = frozenset({"every", "all", "any", "each"})
_TOPIC_WORDS = frozenset({"everything", "all"})
_DEMONSTRATIVE = frozenset({"this", "these"})
_PRONOUN_SKIP = frozenset(
    {
        "it",
        "they",
        "them",
        "that",
        "which",
        "who",
        "you",
        "i",
        "we",
        "he",
        "she",
        "one",
        "what",
        "there",
    }
)
_RELATIVE = frozenset({"which", "that", "who"})
_PERSONAL = frozenset({"i", "we", "he", "she", "they", "me", "us", "him", "her"})
_DEICTIC = frozenset({"this", "that", "these", "those", "my", "his", "her", "our", "their"})
_COMP_PREPS = frozenset({"for", "on", "to", "under", "over", "with"})
_NEGATIVE_PREFIXES = frozenset({"non", "un", "in", "im", "il", "ir", "dis"})
_CURRENCY = re.compile(r"^[$£€¥]|^(?:usd|eur|gbp|dollars?|pounds?|euros?)$", re.I)


@dataclass(slots=True)
class Reading:
    head: Any  # the token whose hedges and conditions decide
    thing: tuple[str, ...]
    thing_text: str
    predicate: str
    sign: int
    comp: Any
    start: int
    end: int

    @property
    def says(self) -> str:
        return describe(self.predicate, self.sign)


def describe(predicate: str, sign: int) -> str:
    """The claim in words an editor reads: "not included", "works offline", "covers any
    vehicle"."""
    if predicate.startswith(LIMIT):
        verb, obj = predicate[len(LIMIT) :].split(" ", 1)
        return f"{verb} {'one' if sign > 0 else 'any'} {obj}"
    if predicate == HELD:
        return "held" if sign > 0 else "none held"
    if predicate == "exists":
        return "charged" if sign > 0 else "none"
    if predicate == "offline":
        return "works offline" if sign > 0 else "needs a connection"
    if predicate.startswith("contains "):
        return predicate if sign > 0 else predicate.replace("contains ", "free of ")
    return predicate if sign > 0 else f"not {predicate}"


@cache
def _adjectives() -> dict[str, tuple[str, int]]:
    from linter.checks.contradiction._polarity import antonyms

    lex = lexicon()
    out = dict(antonyms())
    out.update({w: (p, s) for w, (p, s) in lex["predicates"].items()})
    out.update({w: (p, s) for w, (p, s) in lex["polarity_adjectives"].items()})
    return out


def _key(token: Any) -> tuple[tuple[str, ...], str]:
    """A noun phrase's key: its compounds and the head, lemmatised, without determiners,
    universal modifiers ("at every session") or neutral ones ("annual"); and its text."""
    words = [
        t
        for t in token.subtree
        if (t.i <= token.i and t.dep_ in ("compound", "amod", "poss", "npadvmod")) or t.i == token.i
    ]
    words = [
        t for t in words if t.lower_ not in NEUTRAL_MODIFIERS and not t.is_punct and t.pos_ != "DET"
    ]
    words = [t for t in words if not (t.dep_ == "poss" and t.pos_ == "PRON")]
    key = tuple(t.lemma_.lower() if t.pos_ == "NOUN" else t.lower_ for t in words)
    for mod in token.children:  # "applications competing with Apple's": a restriction
        edge = mod.left_edge
        if edge.i and edge.nbor(-1).text == ",":
            continue  # ", which the rewards cover": no restriction
        if mod.dep_ in ("acl", "relcl") or (mod.dep_ == "prep" and not _universal_prep(mod)):
            # after a marker, so that no short form ("course") takes it for its long form
            key += ("|", *(t.lower_ for t in mod.subtree if not t.is_punct and t.pos_ != "DET"))
    span = [t for t in token.subtree if t.i <= token.i]
    lo, hi = min(t.idx for t in span), max(t.idx + len(t) for t in span)
    return key, token.doc.text[lo:hi]


def _universal_prep(prep: Any) -> bool:
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return any(
        any(d.dep_ == "det" and d.lower_ in _UNIVERSAL for d in o.children)
        or o.lower_ in _UNIVERSAL
        for o in objs
    )


def _thing(subject: Any) -> tuple[tuple[str, ...], str] | None:
    """The subject's key; the page's topic for "everything" and "this cake"; None for
    pronouns (their referent is unknown)."""
    low = subject.lower_
    if low in _TOPIC_WORDS or any(
        d.lower_ in _DEMONSTRATIVE for d in subject.children if d.dep_ == "det"
    ):
        return ("<topic>",), subject.doc.text[subject.left_edge.idx : subject.idx + len(subject)]
    clause = subject.head
    if low in _RELATIVE and clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return _thing(clause.head)  # "grapes, which are toxic": the noun the clause is on
    if low in _PRONOUN_SKIP or subject.pos_ == "PRON":
        return None
    if subject.pos_ == "VERB":  # "Filing a simple federal return is free"
        obj = next((c for c in subject.children if c.dep_ == "dobj"), None)
        key = (subject.lemma_, *(_key(obj)[0] if obj is not None else ()))
        return key, subject.doc.text[subject.idx : subject.right_edge.idx + len(subject.right_edge)]
    return _key(subject)


def _negated(token: Any) -> bool:
    """A "not", "n't" or "never" on the word or on its auxiliary ("is" in "isn't
    gluten-free" may carry it)."""
    words = [token, *(c for c in token.children if c.dep_ in ("aux", "auxpass"))]
    return any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")
        for w in words
        for c in w.children
    )


def _no(token: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("no", "none") for c in token.children)


def _comp(token: Any) -> Any:
    """The prepositional complement of a predicate (of the copula too: "is free on
    Fridays"): ``("*", objects)`` when it holds for every ... ("with every sofa and bed"),
    "*" for "always"."""
    preps = [c for c in token.children if c.dep_ == "prep"]
    if token.dep_ in _COMPLEMENT and token.head.lemma_ == "be":
        preps += [c for c in token.head.children if c.dep_ == "prep"]
    universal = [p for p in preps if _universal_prep(p)]
    if universal:
        return ("*", *sorted(set(_prep_objects(universal))))
    if any(c.dep_ == "advmod" and c.lower_ in ("always",) for c in token.children):
        return "*"
    place = _allowing(token)  # where something is allowed: "in the garden", "outside"
    kept = [
        p
        for p in preps
        if (p.lower_ in _COMP_PREPS or (place and p.lower_ in _PLACE_PREPS))
        and _restricts(p, token)
    ]
    where = [("@", c.lower_) for c in token.children if place and c.lower_ in _PLACE_WORDS]
    return tuple(sorted([*_prep_objects(kept), *_purposes(token), *where]))


_PLACE_PREPS = frozenset({"in", "at", "inside", "outside", "from", "near", "around"})
_PLACE_WORDS = frozenset({"inside", "outside", "indoors", "outdoors", "upstairs", "downstairs"})


def _allowing(token: Any) -> bool:
    """True if the predicate word says whether something is allowed."""
    pred = _adjectives().get(token.lower_) or lexicon()["polarity_verbs"].get(token.lemma_)
    return pred is not None and pred[0] == "allowed"


PURPOSE = "~to"


def _purposes(token: Any) -> Iterator[tuple[str, ...]]:
    """ "required to start the trial" / "need a card to upgrade": what the claim is for,
    (PURPOSE, verb, object); ``_polarity.polarity_clash`` compares them only when both
    claims say what they are for."""
    for clause in (c for c in token.children if c.dep_ in ("xcomp", "advcl")):
        if any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
            obj = next((o for o in clause.children if o.dep_ == "dobj"), None)
            yield (PURPOSE, clause.lemma_, *(_key(obj)[0][-1:] if obj is not None else ()))


def _restricts(prep: Any, token: Any) -> bool:
    """A "with" phrase restricts the claim when it names a kind of thing, a bare noun
    ("included with sofas"), not the product itself ("included with the machine", "with your bed") nor
    what the verb says comes along ("comes with a stuff sack")."""
    if prep.lower_ != "with" or token.lemma_ in ("come", "ship"):
        return prep.lower_ != "with"
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    return any(not any(d.dep_ in ("det", "poss") for d in o.children) for o in objs)


def _prep_objects(preps: Any) -> Iterator[tuple[str, ...]]:
    """(preposition, noun key) of each object and its conjuncts: "with every sofa and bed"
    -> ("with", "sofa"), ("with", "bed")."""
    for p in preps:
        for o in (o for o in p.children if o.dep_ == "pobj"):
            for noun in (o, *(c for c in o.children if c.dep_ == "conj")):
                if noun.pos_ in ("NOUN", "PROPN"):
                    yield (p.lower_, *_key(noun)[0])


_OTHER_CLAUSE = frozenset({"advcl", "ccomp", "conj", "relcl", "parataxis", "punct", "cc", "mark"})


def _own_words(token: Any) -> list[Any]:
    """The word and what hangs on it, without the clauses that hang on it (a quote ends
    before "..., largely because ...")."""
    out = [token]
    for child in token.children:
        if child.dep_ not in _OTHER_CLAUSE:
            out.extend(child.subtree)
    return out


def _reading(head: Any, subj: Any, thing: Any, pred: str, sign: int, comp_of: Any) -> Reading:
    key, text = thing
    lo = min(subj.left_edge.idx, head.idx)
    hi = max(
        head.idx + len(head),
        *(t.idx + len(t) for t in _own_words(comp_of) if t.i <= comp_of.i + 6),
    )
    return Reading(head, key, text, pred, sign, _comp(comp_of), lo, hi)


def read_clause(token: Any) -> Iterator[Reading]:
    """Polarity claims of the clause whose head is ``token``."""
    subj = next((c for c in token.children if c.dep_ in _SUBJ), None)
    if subj is None and token.pos_ == "VERB":  # "this cake is(n't) gluten-free": on the auxiliary
        aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        subj = next((c for a in aux for c in a.children if c.dep_ in _SUBJ), None)
    if subj is None or (subj.i + 1 < len(subj.doc) and subj.nbor(1).text == ":"):
        return
    if subj.dep_ == "expl":
        yield from _existence(token, subj)
        return
    sign = -1 if _negated(token) or _no(subj) else 1
    yield from _fronted_adjective(token, subj)
    if token.lemma_ == "be" and token.pos_ == "AUX":
        yield from _copula(token, subj, sign)
    elif token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
        yield from _passive(token, subj, sign)
    elif token.pos_ == "VERB":
        yield from _active(token, subj, sign)


def _fronted_adjective(verb: Any, subj: Any) -> Iterator[Reading]:
    """ "Rich, fudgy and naturally gluten-free, this cake uses ...": an adjective phrase in
    front of the subject, ended by a comma, describes the subject."""
    if subj.left_edge.i < 2 or subj.left_edge.nbor(-1).text != ",":
        return
    word = subj.left_edge.nbor(-2)
    pred = _predicate_word(word)
    thing = _thing(subj)
    if pred is None or thing is None or word.pos_ not in ("ADJ", "VERB") or _negated(word):
        return
    if any(t.dep_ in _SUBJ for t in word.children):
        return
    start = word.left_edge.idx if word.left_edge.i < word.i else word.idx
    key, text = thing
    yield Reading(
        verb, key, text, pred[0], pred[1], (), max(start, word.idx - 12), word.idx + len(word)
    )


def _predicate_word(word: Any) -> tuple[str, int] | None:
    """An adjective's (predicate, sign): the lexicon, WordNet's pairs, "X-free", "X-safe"."""
    adjectives = _adjectives()
    low = word.lower_
    if word.i + 2 < len(word.doc) and word.nbor(1).text == "-" and word.nbor(2).pos_ == "ADJ":
        return _predicate_word(word.nbor(2))  # "gluten-free" headed by "gluten"
    prev = word.nbor(-1) if word.i > 0 else None
    if prev is not None and prev.text == "-" and word.i > 1:
        compound = f"{word.nbor(-2).lower_}-{low}"
        if compound in adjectives:
            return adjectives[compound]
        base = adjectives.get(low)
        if base is not None and word.nbor(-2).lower_ in _NEGATIVE_PREFIXES:
            return base[0], -base[1]  # "non-toxic", "un-safe"
        if low == "free":
            return f"contains {singular(word.nbor(-2).lower_)}", -1
        if low == "safe":
            return compound, 1
    if low == "source" and any(c.lower_ == "open" for c in word.children):
        return adjectives["open source"]
    return adjectives.get(low) or adjectives.get(word.lemma_)


def _copula(be: Any, subj: Any, sign: int) -> Iterator[Reading]:
    thing = _thing(subj)
    if thing is None:
        return
    for comp in (c for c in be.children if c.dep_ in _COMPLEMENT):
        for word in (comp, *(c for c in comp.children if c.dep_ == "conj")):
            if word.pos_ == "NOUN" and word.lower_ != "source" and _determined(word):
                continue  # "is a choice"; a bare "is not vegan" is an adjective misread
            pred = _predicate_word(word)
            if pred is not None:
                s = sign * pred[1] * (-1 if _negated(word) else 1)
                yield _reading(be, subj, thing, pred[0], s, word)


def _determined(noun: Any) -> bool:
    return any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in noun.children)


def _passive(verb: Any, subj: Any, sign: int) -> Iterator[Reading]:
    lex = lexicon()
    thing = _thing(subj)
    if thing is None:
        return
    pred = lex["polarity_verbs"].get(verb.lemma_)
    if verb.lemma_ in lex["polarity_extra_verbs"] and _extra(verb):
        pred = ["included", -1]
    if pred is None and verb.lower_ in lex["predicates"]:
        pred = lex["predicates"][verb.lower_]
    if pred is not None:
        yield _reading(verb, subj, thing, pred[0], sign * pred[1], verb)
        return
    for comp in (c for c in verb.children if c.dep_ in ("oprd", "acomp")):
        word = _predicate_word(comp)  # "isn't gluten-free", parsed as a participle "gluten"
        if word is not None and comp.nbor(-1).text == "-":
            yield _reading(verb, subj, thing, word[0], sign * word[1], comp)


def _extra(verb: Any) -> bool:
    words = set(lexicon()["polarity_extra_words"])
    return any(
        c.lower_ in words
        for c in verb.children
        if c.dep_ in ("advmod", "acomp", "npadvmod", "dobj")
    )


def _objects(verb: Any) -> list[Any]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        objs += [o for o in prep.children if o.dep_ == "pobj"]
    return objs + [c for o in objs for c in o.children if c.dep_ == "conj"]


def _active(verb: Any, subj: Any, sign: int) -> Iterator[Reading]:
    lex = lexicon()
    lemma = verb.lemma_
    if lemma == "work" and any(c.lower_ == "offline" for c in verb.children):
        thing = _thing(subj)
        if thing is not None:
            yield _reading(verb, subj, thing, "offline", sign, verb)
        return
    if lemma in ("pay", "spend"):
        yield from _pay_to(verb, subj, sign)
        return
    pred = lex["polarity_verbs"].get(lemma)
    if lemma == "come" and any(c.lower_ == "with" for c in verb.children):
        pred = ["included", 1]
    must = any(c.lower_ in ("must",) for c in verb.children if c.dep_ == "aux") or (
        verb.dep_ == "xcomp" and verb.head.lemma_ in ("have", "need")
    )
    if must and lemma in lex["polarity_must_verbs"]:
        pred = ["required", 1]
    if pred is None:
        return
    if subj.lower_ in _PERSONAL:
        return  # "I need this item": a person's own need, not a claim about the thing
    for obj in _objects(verb):
        if any(d.dep_ in ("det", "poss") and d.lower_ in _DEICTIC for d in obj.children):
            continue
        osign = sign * pred[1] * (-1 if _no(obj) else 1)
        if pred[0] == "required" and obj.lemma_ in lex["polarity_online_objects"]:
            thing = _thing(subj)
            if thing is not None:
                yield _reading(verb, subj, thing, "offline", -osign, verb)
            continue
        if obj.pos_ not in ("NOUN", "PROPN"):
            continue
        yield _reading(verb, obj, _key(obj), pred[0], osign, verb)


def _pay_to(verb: Any, subj: Any, sign: int) -> Iterator[Reading]:
    """ "You pay (anything) to file a return": filing a return is not free."""
    for inf in verb.subtree:
        if (
            inf.pos_ == "VERB"
            and inf.i != verb.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in inf.children)
        ):
            obj = next((c for c in inf.children if c.dep_ == "dobj"), None)
            if obj is None:
                return
            key = (inf.lemma_, *_key(obj)[0])
            text = inf.doc.text[inf.idx : obj.idx + len(obj)]
            yield Reading(
                verb, key, text, "free", -sign, (), subj.left_edge.idx, obj.idx + len(obj)
            )
            return


def _money(token: Any) -> bool:
    """True if a figure with a currency hangs on ``token`` ("$95 fee", "fee of $250")."""
    for t in token.subtree:
        near = t.pos_ == "NUM" and token.i in (t.head.i, t.head.head.i)
        if near and any(_CURRENCY.match(s.text) for s in (*t.children, t.nbor(-1) if t.i else t)):
            return True
    return False


def _existence(be: Any, expl: Any) -> Iterator[Reading]:
    """ "There is no minimum deposit" / "there is a minimum deposit"."""
    for attr in (c for c in be.children if c.dep_ in ("attr", "nsubj")):
        if attr.pos_ != "NOUN":
            continue
        sign = -1 if _no(attr) or _negated(be) else 1
        yield _reading(be, expl, _key(attr), HELD, sign, attr)  # meets only events
        if len(_key(attr)[0]) < 2:
            continue  # "there's no reason": only a named charge ("no minimum deposit")
        yield _reading(be, expl, _key(attr), "exists", sign, attr)
        yield _reading(be, expl, _key(attr), "available", sign, attr)  # "no parking on site"


HELD = "held"  # events happen ("exams are held"); see _polarity_events
LIMIT = "limit:"  # a limit of one or none ("covers one / any vehicle")


def read_existence(token: Any) -> Reading | None:
    """ "has no monthly fee" (an object with "no") or "the $95 yearly fee" (a noun with
    an amount of money): whether such a charge exists."""
    if token.pos_ != "NOUN":
        return None
    if _no(token) and token.dep_ in ("dobj", "conj", "pobj"):
        sign = -1
    elif _money(token):
        sign = 1
    else:
        return None
    key, text = _key(token)
    if len(key) < 2 and sign < 0:
        return None  # "no signal": only a named charge ("no monthly fee") is a claim
    return Reading(
        token, key, text, "exists", sign, (), token.left_edge.idx, token.idx + len(token)
    )
