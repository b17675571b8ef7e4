"""Parses of claim sentences, and parse-based confirmation of claims.

``parse_of`` gives a sentence's dependency parse from the trained pipeline
(``linter.nlp.TRAINED``, a package dependency), whatever pipeline split the sentences:
only candidate sentences (``CANDIDATE``: figures, comparisons, verdict and polarity
words) are parsed, all of a document's at once on first request, so a page pays for
the parser only where a claim can be. Offsets in a parse are the sentence text's.

``parsed`` and the ``*_parse_ok`` checks read the segmentation's own parse (``--model``
with a trained pipeline): they may only *reject* a claim the patterns found.
"""

from __future__ import annotations

import re
from typing import Any

from linter import nlp
from linter.model import Document, Sentence

# What a sentence must hold to be parsed: a figure, a comparison, a verdict or a word
# that asserts or denies. Cheap (one search a sentence) and generous: the readers decide.
CANDIDATE = re.compile(
    r"\d|\b(?:than|more|less|fewer|better|worse|best|worst|beats?|wins?|winner|pick|"
    r"recommend\w*|prefer\w*|choose|choice|go\s+with|depends|neither|either|tie|toss-up|"
    r"not|no|never|n't|none|without|free|included?|includes|required?|requires|need\w*|"
    r"must|allowed|optional|mandatory|safe|available|offered|supports?|only|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozen|hundred|"
    r"percent|half|quarter)\b|\w+er\s+(?:than|of\s+the\s+two)",
    re.I,
)


def parse_of(doc: Document, sentence: Sentence) -> Any | None:
    """The trained pipeline's parse of ``sentence`` (a spaCy ``Doc`` of its text), or
    None when it is no candidate or the pipeline is not installed."""
    parses = doc.memo("contradiction.parses", lambda: _parse_candidates(doc))
    return parses.get((sentence.block.index, sentence.start))


def _parse_candidates(doc: Document) -> dict[tuple[int, int], Any]:
    from linter.checks.contradiction._clauses import claim_sentences

    chosen = [s for s in claim_sentences(doc) if CANDIDATE.search(s.text)]
    docs = nlp.parse_texts([s.text for s in chosen]) if chosen else None
    if docs is None:
        return {}
    return {(s.block.index, s.start): parsed for s, parsed in zip(chosen, docs, strict=True)}


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_NP_INNER_DEPS = frozenset(
    {"compound", "amod", "nmod", "conj", "appos", "poss", "nummod", "quantmod"}
)
_CONDITION_MARKS = frozenset(
    {"if", "unless", "when", "whenever", "once", "until", "whether", "assuming", "provided"}
)
_NOUNISH = frozenset({"NOUN", "PROPN", "NUM", "X"})


def parsed(sentence: Sentence) -> bool:
    """True if the sentence comes from a trained pipeline with tags and a parse."""
    span = getattr(sentence, "span", None)
    if span is None:
        return False
    doc = span.doc
    return bool(doc.has_annotation("DEP") and doc.has_annotation("TAG"))


def _tokens_in(sentence: Sentence, start: int, end: int) -> list[Any]:
    """Tokens of the sentence whose first character is in ``text[start:end]`` (offsets in
    the sentence text)."""
    lo, hi = sentence.start + start, sentence.start + end
    return [t for t in sentence.span if lo <= sentence.token_offset(t) < hi and not t.is_space]


def _head_word(tokens: list[Any]) -> Any | None:
    """The last noun of a phrase (its head in English), else its last word."""
    words = [t for t in tokens if not t.is_punct]
    nouns = [t for t in words if t.pos_ in _NOUNISH]
    return (nouns or words or [None])[-1]


def _conditional_clause(token: Any) -> bool:
    """True if ``token`` or a clause above it is introduced by "if", "unless", "when"...,
    or is a restrictive "where"/"when" relative clause."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in node.children):
            return True
        if node.dep_ == "advcl" and any(c.lower_ in _CONDITION_MARKS for c in node.lefts):
            return True
        # "hospitals where nurses earn more than doctors": a restriction, not an assertion
        if node.dep_ == "relcl" and any(
            c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in node.lefts
        ):
            return True
    return False


def _subject_predicate(
    sentence: Sentence, s_start: int, s_end: int, p_start: int, p_end: int
) -> Any | None:
    """The predicate token whose grammatical subject is the phrase ``text[s_start:s_end]``,
    if the parse agrees that the phrase is the subject of a word in ``text[p_start:p_end]``;
    else None (the patterns took the wrong noun phrase for the subject)."""
    head = _head_word(_tokens_in(sentence, s_start, s_end))
    if head is None:
        return None
    node = head
    while node.dep_ in _NP_INNER_DEPS and node.head is not node:
        node = node.head
    if node.dep_ not in _SUBJECT_DEPS:
        return None
    predicate = node.head
    lo, hi = sentence.start + p_start, sentence.start + p_end
    if not lo <= sentence.token_offset(predicate) < hi:
        # the copula or auxiliary may be the head ("is", "are") or the adjective may be
        return None
    if _conditional_clause(predicate):
        return None
    return predicate


def _negated(predicate: Any, lo: int, hi: int, sentence: Sentence) -> bool:
    """True if a ``neg`` dependent ("not", "n't", "never") hangs on the predicate or on a
    word of the predicate phrase (``lo``-``hi`` in the sentence text)."""
    words = [predicate, *_tokens_in(sentence, lo, hi)]
    return any(c.dep_ == "neg" for w in words for c in w.children)


def comparative_parse_ok(
    sentence: Sentence, a_start: int, m: re.Match[str], b_start: int, b_end: int
) -> bool:
    """A comparative claim holds up in the parse: A is the subject of the compared verb or
    adjective, the comparison is a comparative (JJR/RBR or "more/less" + adjective) and B
    hangs on "than"."""
    predicate = _subject_predicate(sentence, a_start, m.start() + 1, m.start(), m.end())
    if predicate is None:
        return False
    tokens = _tokens_in(sentence, m.start(), m.end())
    if not any(t.tag_ in ("JJR", "RBR") for t in tokens):
        return False
    than = next((t for t in tokens if t.lower_ == "than"), None)
    b_head = _head_word(_tokens_in(sentence, b_start, b_end))
    if than is None or b_head is None:
        return False
    return than in b_head.ancestors or than in b_head.head.children or than in b_head.children


def subject_parse_ok(
    sentence: Sentence, s_start: int, m: re.Match[str], negated: bool | None = None
) -> bool:
    """A "subject + predicate" claim holds up in the parse: the subject phrase is the
    grammatical subject of the matched predicate, outside a conditional clause, and, when
    ``negated`` is given, the parse has (or lacks) a negation on that predicate."""
    predicate = _subject_predicate(sentence, s_start, m.start() + 1, m.start(), m.end())
    if predicate is None:
        return False
    return negated is None or _negated(predicate, m.start(), m.end(), sentence) == negated
