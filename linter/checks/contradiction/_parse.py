"""Parses of claim sentences, and parse-based confirmation of claims.

``parse_texts`` / ``parse_sentences`` give the trained pipeline's dependency parse
(``linter.nlp.TRAINED``, a package dependency) of the sentences a claim reader chose,
whatever pipeline split them: one cache per document, each text parsed once whichever
reader asks, each reader within ``PARSE_BUDGET`` characters. ``parse_of`` is the
polarity reader's choice (``_polarity_gate.polarity_chosen``). Offsets in a
parse are the sentence text's.

``parsed`` and ``subject_parse_ok`` read the segmentation's own parse (``--model``
with a trained pipeline): they may only *reject* a claim the patterns found.
"""

from __future__ import annotations

import re
from typing import Any

from linter import nlp
from linter.model import Document, Sentence

# Characters of sentences each claim reader may have parsed in one document (about 250
# words, the candidates of a short article): the parser costs about 0.2 ms a word, so a
# page pays at most about a twentieth of a second a reader, and a huge or hostile
# document no more. A long page's first candidates are parsed, in reading order.
PARSE_BUDGET = 800


def parse_texts(doc: Document, texts: list[str], reader: str) -> list[Any | None]:
    """The trained parses of ``texts`` for claim reader ``reader``: each text is parsed
    once per document whichever reader asks, within ``PARSE_BUDGET`` characters a reader;
    None for a text past the budget, or for all of them without the pipeline."""
    cache: dict[str, Any] = doc.memo("contradiction.parses", dict)
    spent: dict[str, int] = doc.memo("contradiction.parse_budget", dict)
    todo: list[str] = []
    for text in dict.fromkeys(texts):
        if text in cache:
            continue
        if spent.get(reader, 0) + len(text) > PARSE_BUDGET:
            continue
        spent[reader] = spent.get(reader, 0) + len(text)
        todo.append(text)
    if todo:
        parsed = nlp.parse_texts(todo)
        for text, result in zip(todo, parsed or [None] * len(todo), strict=True):
            cache[text] = result
    return [cache.get(text) for text in texts]


def parse_sentences(
    doc: Document, sentences: list[Sentence], reader: str
) -> dict[tuple[int, int], Any]:
    """``parse_texts`` of ``sentences``, keyed by (block index, start); unparsed ones left out."""
    parsed = parse_texts(doc, [s.text for s in sentences], reader)
    return {
        (s.block.index, s.start): result
        for s, result in zip(sentences, parsed, strict=True)
        if result is not None
    }


def parse_of(doc: Document, sentence: Sentence) -> Any | None:
    """The trained parse of ``sentence`` for the polarity reader, or None when the gate
    (``_polarity_gate``) did not choose it, it is past the budget, or the pipeline is
    missing. The document's chosen sentences are parsed together on the first request."""
    parses = doc.memo("contradiction.polarity_parses", lambda: _parse_candidates(doc))
    return parses.get((sentence.block.index, sentence.start))


def _parse_candidates(doc: Document) -> dict[tuple[int, int], Any]:
    from linter.checks.contradiction._clauses import claim_sentences
    from linter.checks.contradiction._polarity_gate import polarity_chosen

    return parse_sentences(doc, polarity_chosen(doc, list(claim_sentences(doc))), "polarity")


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
