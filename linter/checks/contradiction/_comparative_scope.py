"""CT003's limits on a comparison: what keeps it from being a claim (negation, modals,
hedges, conditions, attribution: ``blocked``) and the scope it holds in (years, audience,
settings such as "in small clinics": ``scope_of``), and when two scopes meet
(``same_scope``).

Settings are the content words of prepositional phrases on the predicate, the
comparative or the thing after "than", a span of time folded to one word; two
comparisons meet when, under every preposition both use, one's words are among the
other's (or they share two), so "over the last decade" meets "over the same ten years"
and "in a small bedroom" does not meet "in a large lounge".
"""

from __future__ import annotations

import re
from typing import Any

from linter.checks.contradiction._entities import DURATIONS, Pair, stem, wordnet
from linter.lexicon import spacy_stop_words, wordset
from linter.model import Sentence

_SUBJ = frozenset({"nsubj", "nsubjpass"})
# "with a longer hull", "thanks to its hipbelt", "to launch": a reason, a feature or what is
# done, not a setting.
_NOT_SETTINGS = frozenset({"than", "of", "by", "for", "to", "with", "thanks", "due", "because"})
_CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
_MODALS = wordset("may might can could should would ca")
_HEDGE_WORDS = wordset(
    "often usually sometimes generally typically normally frequently occasionally rarely "
    "seldom likely probably possibly perhaps maybe arguably potentially mostly tend"
)
_QUANTIFIERS = wordset("some many most few several")
_CONDITION_MARKS = wordset("if unless when whenever once until assuming provided whether")
_REPORTING = wordset(
    "say argue claim insist believe think suggest report tell feel find reckon contend"
)
_FIRST_PERSON = wordset("we i us our")


def blocked(predicate: Any, subject: Any) -> bool:
    """Negated, modal, hedged, conditional or attributed: no claim."""
    for node in (predicate, *predicate.children):
        if node.dep_ == "neg" or (node.dep_ == "aux" and node.lower_ in _MODALS):
            return True
        if node.dep_ == "advmod" and node.lower_ in _HEDGE_WORDS:
            return True
    if any(c.dep_ in ("det", "amod", "advmod") and c.lower_ in _QUANTIFIERS
           for c in subject.children):  # fmt: skip
        return True
    node, joined = predicate, False
    while True:
        for c in node.children:
            if c.dep_ == "advcl" and any(m.lower_ in _CONDITION_MARKS for m in c.children) \
                    and not _topic_frame(c):  # fmt: skip
                return True
            if c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS:
                return True
        if node.dep_ == "relcl" and any(c.lower_ in ("where", "when") for c in node.lefts):
            return True  # "hospitals where nurses earn more": a restriction, not a claim
        if node.head == node or node.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "relcl"):
            # "A tends to be cheaper"; not "drivers tend to ..., and the D is quieter"
            return not joined and node.lemma_ in ("tend", "seem", "appear")
        joined = joined or node.dep_ == "conj"
        node = node.head
        subj = next((c for c in node.children if c.dep_ in _SUBJ), None)
        if node.lemma_ in _REPORTING and subj is not None and subj.lower_ not in _FIRST_PERSON:
            return True
        if subj is None and node.tag_ in ("VB", "VBP") and node.dep_ == "ROOT":
            return False  # "remember that ...": an imperative's condition is the reader's


def _topic_frame(clause: Any) -> bool:
    """ "When it comes to cost, ...": names a topic, sets no condition."""
    return (
        clause.lemma_ == "come"
        and any(c.lower_ == "to" for c in clause.children)
        and any(c.lower_ == "it" and c.dep_ == "nsubj" for c in clause.children)
    )


def scope_of(
    sentence: Sentence, predicate: Any, pair: Pair | None, *others: Any
) -> tuple[Any, ...]:
    """Years and audience ("for commuters"): comparisons in different scopes never meet."""
    years = frozenset(re.findall(r"\b(?:19|20)\d{2}\b", sentence.text))
    topic = pair.topic if pair else frozenset()
    audience = set()
    for prep in predicate.subtree:
        if prep.lower_ != "for" or prep.dep_ != "prep" or _in_relative(prep, predicate):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in wordnet().persons:
                words = {stem(t.lower_) for t in obj.subtree if t.pos_ in ("NOUN", "ADJ", "PROPN")}
                audience |= words - topic - {"most", "people", "reader", "user", "everyone"}
    return years, frozenset(audience), _qualifiers(predicate, *others)


def _in_relative(token: Any, top: Any) -> bool:
    """``token`` sits in a relative clause below ``top`` ("dust, which matters for cats
    with asthma"): a remark on a noun, not the comparison's audience."""
    node = token
    while node != top and node.head != node:
        if node.dep_ == "relcl":
            return True
        node = node.head
    return False


def _qualifiers(*heads: Any) -> frozenset[str]:
    """Prepositional phrases on the predicate, the comparative or the thing after "than"
    ("in small clinics", "after ten years"): the setting or time a comparison holds in."""
    out = set()
    for prep in (c for head in heads for c in head.children):
        if prep.dep_ != "prep" or prep.lower_ in _NOT_SETTINGS:
            continue
        for obj in prep.children:
            if obj.dep_ in ("pobj", "pcomp", "advmod", "amod") and obj.pos_ != "PRON":
                out |= {f"{prep.lower_}:{_setting_word(t)}" for t in obj.subtree
                        if t.is_alpha and (t == obj or _content(t))}  # fmt: skip
    return frozenset(out)


def _content(token: Any) -> bool:
    return token.pos_ in _CONTENT and token.lower_ not in spacy_stop_words()


def _setting_word(token: Any) -> str:
    """A setting's word, a span of time folded to one ("the last decade" and "the same
    ten years" are one period)."""
    lemma = token.lemma_.lower()
    return "time" if lemma in DURATIONS or lemma == "decade" else stem(token.lower_)


def same_scope(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Same years and audience; under each preposition both name, settings that meet."""
    if a[:2] != b[:2]:
        return False
    if a[2] and b[2] and not _preps(a) & _preps(b):
        return False  # "at first" and "after ten years": two settings, none shared
    return all(_overlap(a[2], b[2], prep) for prep in _preps(a) & _preps(b))


def _preps(scope: tuple[Any, ...]) -> set[str]:
    return {q.split(":", 1)[0] for q in scope[2]}


def _overlap(a: frozenset[str], b: frozenset[str], prep: str) -> bool:
    """Settings under one preposition meet when they share a word ("in small clinics" and
    "in large clinics" share "clinic" but not the size: both words must be shared when
    each side names two)."""
    words_a = {q for q in a if q.startswith(f"{prep}:")}
    words_b = {q for q in b if q.startswith(f"{prep}:")}
    return words_a <= words_b or words_b <= words_a or len(words_a & words_b) >= 2
