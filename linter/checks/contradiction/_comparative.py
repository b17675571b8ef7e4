"""CT003: comparisons ("A is cheaper than B") and their reversal, read from the parse.

Each sentence that may compare (``_COMPARISON``: "than", "of the two", "the JJR N",
verbs of comparison) is parsed by the trained pipeline and searched for a
comparison: a comparative adjective or adverb (JJR/RBR: "cheaper", "sooner"), "more/less"
with an adjective, adverb, noun or verb ("more flexible", "more calories", "earn more"), a
superlative between two ("the least expensive of the pair"), a "the JJR N" verdict ("the
faster route"), or a verb of comparison ("outlast", "out-earn", "outperform", "beat",
"trail"). Its subject is the predicate's ``nsubj``/``nsubjpass`` (a pronoun resolved to the
side named just before it); the other side is the object of "than" or of the verb, or,
for "of the two" and "the JJR N", the other side of the article's compared pair
(``_entities``).

The dimension is a set of scales: WordNet antonym pairs with their satellites
(``ct_wordnet.tsv``: "cheap" and "expensive" lie on one scale, turned; "quick" and "fast"
share one), the lexicon's dimensions (``ct_lexicon.yaml``: "lower fees" is on the cost
scale), or, for "more N" and "V more", the noun or verb itself. The event compared ("to
maintain", "runs") must be one sense when both claims name one, so "cheaper to buy" and
"cheaper to maintain" never meet. Within one article, a comparison joins the first earlier
group with the same two things, the same scope (years, audience), a shared scale read the
same way round, and a compatible event; its value is +1 when it agrees with the group's
first claim and -1 when it is the reverse.

A comparative the parser tags as a noun ("is quieter/NN than", "the less dusty/NN of the
two") is read when WordNet grades its base adjective. A noun also carries the scales of
the adjectives WordNet derives from it, so "makes less noise" meets "is quieter". A
list item's or lead-in's label that names a side ("Codewright: the quicker of the pair")
is the subject when the sentence has none. A verb of comparison ("beat", "edge out",
"lag behind", "undercut") is about what its "on/in/at/for" phrase names ("on battery
life"); two such verdicts on different grounds never meet.

Negated, modal ("can", "may"), hedged ("often", "some"), conditional ("if ...", except
under an imperative "remember that") and attributed ("critics argue that") comparisons
give no claim; those limits and the scope a comparison holds in are in
``_comparative_scope``.

Cost: one pass over the tokens of the parsed candidate sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from linter.checks.contradiction._clauses import claim_sentences
from linter.checks.contradiction._comparative_anchor import LIGHT, behind, verb_ground
from linter.checks.contradiction._comparative_anchor import anchor as find_anchor
from linter.checks.contradiction._comparative_scope import blocked, same_scope, scope_of
from linter.checks.contradiction._entities import (
    Pair,
    compared_in_parts,
    same_sense,
    stem,
)
from linter.checks.contradiction._pairing import Claim
from linter.checks.contradiction._parse import parse_sentences
from linter.lexicon import wordset
from linter.model import Document, Sentence

_SUBJ = frozenset({"nsubj", "nsubjpass"})
_CLIMB = frozenset({"acomp", "advmod", "amod", "dobj", "attr", "prep", "pobj", "npadvmod",
                    "xcomp", "oprd", "conj", "compound", "dep"})  # fmt: skip
_NOT_THINGS = wordset(
    "ever before expected usual average most others other anything everything anyone "
    "everyone last previous earlier you we i people"
)
_PRONOUNS = wordset("it they he she this these those them its their")


@dataclass(slots=True)
class _Reading:
    """One comparison before grouping: who is ahead of whom, on what, in what scope."""

    subject: Any  # side index or a folded noun phrase
    other: Any
    scales: dict[str, int]  # scale -> +1/-1: where the subject stands on it
    events: frozenset[tuple[str, str]]
    scope: tuple[Any, ...]
    start: int
    end: int
    says: dict[str, str]  # the message's words: subject, other, word (as written)


def _predicate(anchor: Any) -> Any:
    """The word the comparison's subject hangs on: up from the anchor to a word with a
    subject (the copula's adjective, the verb), or the root."""
    node = anchor
    while not any(c.dep_ in _SUBJ for c in node.children) and node.dep_ in _CLIMB:
        if node.head == node:
            break
        node = node.head
    return node


def _span(token: Any) -> tuple[int, int, str]:
    """A noun phrase's offsets and text: the token's subtree without a relative clause,
    a participle phrase or an apposition ("Greek yogurt, which has ...")."""
    cut = {t.i for c in token.children if c.dep_ in ("relcl", "acl", "appos")
           for t in c.subtree}  # fmt: skip
    words = [
        t for t in token.subtree if t.i not in cut and not (t.dep_ == "punct" and t.head == token)
    ]
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return start, end, token.doc.text[start:end]


def _than_object(anchor: Any, predicate: Any) -> Any | None:
    """The thing after "than": the object of "than" (or the subject of "than X do")."""
    doc = anchor.doc
    for than in doc[anchor.i + 1 :]:
        if than.lower_ != "than":
            continue
        if doc[than.i - 1].lower_ == "rather":
            return None
        for child in than.children:
            if child.dep_ in ("pobj", "pcomp", "nsubj"):
                return child
        if than.dep_ == "mark":
            return next((c for c in than.head.children if c.dep_ in _SUBJ), None)
        nxt = doc[than.i + 1 : than.i + 4]
        nouns = [t for t in nxt if t.pos_ in ("NOUN", "PROPN")]
        return nouns[0] if nouns else None
    return None


def _resolve(sentence: Sentence, token: Any, pair: Pair | None) -> Any:
    """A side index or a folded noun phrase for the thing ``token`` heads."""
    start, _end, text = _span(token)
    text = text.rsplit(":", 1)[-1]  # "Price: the Kobo ...": a lead-in label is no name
    if token.lower_ in _PRONOUNS or token.lower_ in ("former", "latter"):
        if pair is None:
            return None
        if token.lower_ in ("former", "latter"):
            return 0 if token.lower_ == "former" else 1
        before = sentence.text[:start]
        if not re.search(r"\w", before):
            before = _previous_text(sentence)
        sides = {pair.side(p) for p in re.split(r"[,;:.]|\band\b|\bbut\b", before)} - {None}
        return sides.pop() if len(sides) == 1 else None
    if pair is not None:
        side = pair.side(text)
        if side is not None:
            return side
        # a name or number of its own ("last year's Pixel 7"), not an owner ("Apple's")
        names = [t.text for t in token.subtree if t.dep_ != "poss" and t.dep_ != "case"
                 and (t.pos_ == "PROPN" or t.text[:1].isdigit())]  # fmt: skip
        if pair.third(" ".join(names)):
            return ("third", text.lower())
    lemma = token.lemma_.lower()
    if lemma in _NOT_THINGS or token.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    mods = [t.lemma_.lower() for t in token.children if t.dep_ in ("compound", "amod")]
    owner = any(t.dep_ == "poss" and t.pos_ == "PROPN" for t in token.children)
    return ("owned" if owner else "np", *mods, stem(lemma))


def _previous_text(sentence: Sentence) -> str:
    return sentence.block.text[: sentence.start][-200:]


def _events(anchor: Any, predicate: Any, scales: dict[str, int]) -> frozenset[tuple[str, str]]:
    """What is compared beyond the scale: the verb ("runs faster"), the infinitive ("cheaper
    to maintain"), the noun an adjective modifies ("stronger suction")."""
    out = set()
    # "runs faster", "is absorbed more quickly": an adverb compares how the verb is done
    verb = predicate.lemma_.lower()
    if anchor.pos_ == "ADV" and anchor.head == predicate and predicate.pos_ == "VERB" \
            and verb not in LIGHT:  # fmt: skip
        out.add(("v", verb))
    for node in (anchor, predicate):
        for c in node.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() not in LIGHT:
                out.add(("v", c.lemma_.lower()))
    if anchor.pos_ == "VERB" and anchor.lemma_.lower() not in LIGHT:
        out |= verb_ground(anchor)
    if anchor.dep_ == "amod" and anchor.head.pos_ == "NOUN" and anchor.tag_ != "NOUN":
        noun = anchor.head.lemma_.lower()
        if noun not in LIGHT and not any(s.startswith(("n:", "dim:")) for s in scales):
            out.add(("n", noun))
    return frozenset(out)


# What a sentence must hold to be parsed for a comparison (a figure or a polarity word is
# no cue here), so a page pays for the parser only where a comparison can be.
_COMPARISON = re.compile(
    r"\bthan\b|\bof\s+the\s+(?:two|pair)\b|\bout-?(?:last|perform|earn|sell|pace|run|class|do)\w*"
    r"|\b(?:beats?|beat|trails?|trailed|lag(?:s|ged)?|behind|tops|topped|undercut\w*"
    r"|edge[sd]?\s+out|outstrip\w*|outshine\w*|outshone|surpass\w*)\b",
    re.I,
)
# "X is the faster route": parsed only in an article that compares a pair.
_THE_JJR = re.compile(r"\bthe\s+(?:\w+er|more\s+\w+|less\s+\w+)\s+\w+", re.I)


def _parses(doc: Document) -> dict[tuple[int, int], Any]:
    """Parses of the sentences that may hold a comparison, all of a document's at once."""

    def parse() -> dict[tuple[int, int], Any]:
        paired = compared_in_parts(doc) is not None
        chosen = [
            s
            for s in claim_sentences(doc)
            if _COMPARISON.search(s.text) or (paired and _THE_JJR.search(s.text))
        ]
        if len({s.text for s in chosen}) < 2:
            return {}  # a flip takes two comparisons: one alone (or repeated) is not parsed
        return parse_sentences(doc, chosen, "comparative")

    return doc.memo("contradiction.comparative_parses", parse)


def _readings(doc: Document) -> Iterator[tuple[Sentence, _Reading]]:
    pair = compared_in_parts(doc)
    parses = _parses(doc)
    for sentence in claim_sentences(doc):
        parse = parses.get((sentence.block.index, sentence.start))
        if parse is None:
            continue
        for token in parse:
            reading = _read(sentence, token, pair)
            if reading is not None:
                yield sentence, reading


def _read(sentence: Sentence, token: Any, pair: Pair | None) -> _Reading | None:
    found = find_anchor(token)
    if found is None or not found[1]:
        return None
    anchor, scales, form = found
    predicate = _predicate(anchor)
    # the subject nearest the verb ("Price: the Kobo ... costs less": not "Price")
    subj_tok = next((c for c in reversed(list(predicate.lefts)) if c.dep_ in _SUBJ), None)
    if subj_tok is None and anchor.pos_ == "VERB" and predicate.dep_ == "acl" \
            and predicate.head.dep_ == "ROOT":  # fmt: skip
        subj_tok = predicate.head  # "The radiator lagged behind ...", parsed as a noun phrase
    if subj_tok is not None and subj_tok.lower_ in ("which", "that", "who") \
            and predicate.dep_ == "relcl":  # fmt: skip
        subj_tok = predicate.head  # "Greek yogurt, which has more protein than ..."
    label = None if subj_tok is not None else _label(anchor, pair)
    subj_tok = subj_tok if label is None else label  # "Codewright: the quicker of the pair"
    if subj_tok is None or blocked(predicate, subj_tok):
        return None
    subject = _resolve(sentence, subj_tok, pair) if label is None else pair.side(label.text)
    other_tok = None if form else _than_object(anchor, predicate)
    if other_tok is None and not form and anchor.pos_ == "VERB":
        other_tok = behind(anchor)
    if other_tok is None and not form and _the_jjr_noun(anchor):
        if "dim:quality" in scales and anchor.head.lemma_.lower() in LIGHT:
            return None  # "the better choice": a verdict (CT004), not a comparison
        form = "other"
    if other_tok is not None:
        other = _resolve(sentence, other_tok, pair)
        if other_tok.head.lower_ == "than" and pair is not None and other not in (0, 1):
            rest = re.split(r"[,;:.(]", sentence.text[other_tok.head.idx + 4 :])[0]
            other = pair.side(rest) if pair.side(rest) is not None else other
        end = _span(other_tok)[1]
    elif form == "other" and pair is not None and subject in (0, 1):
        other, end = 1 - subject, anchor.idx + len(anchor)
    else:
        return None
    subject, other = _fill_side(subject, other, pair)
    if subject is None or other is None or subject == other:
        return None
    start = _span(subj_tok)[0] if label is None else label.idx
    end = max(end, anchor.idx + len(anchor))
    subj_name = _name(subject, pair, _span(subj_tok)[2] if label is None else label.text)
    other_name = _name(other, pair, _span(other_tok)[2] if other_tok is not None else "")
    says = {"subject": subj_name, "other": other_name, "word": _words(anchor, token, predicate)}
    events = _events(anchor, predicate, scales)
    heads = [anchor] + ([other_tok] if other_tok is not None else [])
    scope = scope_of(sentence, predicate, pair, *heads)
    return _Reading(subject, other, scales, events, scope, start, end, says)


def _label(anchor: Any, pair: Pair | None) -> Any:
    """A list item's or lead-in's label that names a side ("**Codewright**: the quicker of
    the pair to launch"): the head of the words before the colon, when the comparison
    hangs on it and nothing else in the sentence is a subject."""
    doc = anchor.doc
    colon = next((t for t in doc[:6] if t.text == ":"), None)
    if pair is None or colon is None or any(t.dep_ in _SUBJ for t in doc):
        return None
    words = [t for t in doc[: colon.i] if t.is_alpha or t.text[:1].isdigit()]
    label = next((t for t in words if t.head.i >= colon.i or t.head == t), None)
    if label is None or pair.side(" ".join(t.text for t in words)) is None:
        return None
    node = anchor
    while node.head != node and node != label:
        node = node.head
    return label if node == label else None


def _the_jjr_noun(anchor: Any) -> bool:
    """ "X is the faster route", "the lighter one": a comparative on a noun (or "one")
    with "the" ranks the two."""
    head = anchor.head
    noun = head.pos_ == "NOUN" or head.lower_ == "one"
    return (anchor.tag_ in ("JJR", "RBR") and anchor.dep_ == "amod" and noun
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children))  # fmt: skip


def _fill_side(subject: Any, other: Any, pair: Pair | None) -> tuple[Any, Any]:
    """In an "A vs B" article, a comparison of one side with a thing named by its maker's
    name only ("Apple's machine") is with the other side. Any other unnamed thing ("a
    typical checking account") may be a third one, so the pair is then in doubt."""
    if pair is None:
        return subject, other
    if subject in (0, 1) and isinstance(other, tuple) and other[0] == "owned":
        return subject, 1 - subject
    if other in (0, 1) and isinstance(subject, tuple) and subject[0] == "owned":
        return 1 - other, other
    if subject in (0, 1) or other in (0, 1):
        return (None, None) if subject not in (0, 1) or other not in (0, 1) else (subject, other)
    return subject, other


def _name(thing: Any, pair: Pair | None, written: str) -> str:
    """How a message names a compared thing: as written, so the editor recognises the
    sentence, unless it is written as a pronoun ("it", "the other"): then by the name of
    its side in the article's pair."""
    words = re.sub(r"^(?:the|a|an)\s+", "", written.rsplit(":", 1)[-1].strip(), flags=re.I)
    vague = (
        not words or words.lower() in _PRONOUNS or words.lower() in ("other", "former", "latter")
    )
    if thing in (0, 1) and pair is not None and vague:
        return pair.names[thing]
    return words


def _words(anchor: Any, token: Any, predicate: Any) -> str:
    """The comparison as written: "earn more", "least expensive", "outlasted"."""
    first, last = sorted((anchor.i, token.i))
    if predicate.pos_ == "VERB" and token.head == predicate and predicate.i < first:
        first = predicate.i if predicate.i >= first - 3 else first
    return anchor.doc[first : last + 1].text


def comparative_claims(doc: Document) -> Iterator[Claim]:
    """Comparisons keyed by (the two things, a dimension group of this article); the value
    is +1 when a claim agrees with its group's first claim, -1 when it is the reverse."""
    groups: list[_Reading] = []  # the first comparison of each dimension group
    for sentence, reading in _readings(doc):
        index, value = len(groups), 1
        for number, first in enumerate(groups):
            agreement = _agreement(first, reading)
            if agreement is not None:
                index, value = number, agreement
                break
        else:
            groups.append(reading)
        yield Claim(
            sentence,
            sentence.start + reading.start,
            sentence.start + reading.end,
            ("comparative", index),
            value,
            {"args": reading.says},
        )


def _agreement(first: _Reading, new: _Reading) -> int | None:
    """+1 or -1 if ``new`` compares the same two things on a scale of ``first`` in the same
    scope (agreeing or reversed); None if it is about something else."""
    if {first.subject, first.other} != {new.subject, new.other} or not same_scope(
        first.scope, new.scope
    ):
        return None
    if (
        first.events
        and new.events
        and not any(
            a[0] == b[0] and same_sense(a[1], b[1], a[0]) for a in first.events for b in new.events
        )
    ):
        return None
    turned = 1 if first.subject == new.subject else -1
    signs = {first.scales[s] * new.scales[s] * turned for s in first.scales.keys() & new.scales}
    return signs.pop() if len(signs) == 1 else None
