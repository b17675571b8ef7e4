"""CT005: polarity claims ("a degree is (not) required for ...") asserted and denied.

A claim is "X is (not) <predicate> <complement>" with a predicate from the lexicon, or
"X (does not) require(s) <object> <complement>". Antonym predicates ("optional" for "not
required", "prohibited" for "not allowed") fold into one predicate with the opposite
sign. The key is (subject, predicate, complement, fronted phrase, scope) and the value
+1 or -1; two claims clash when their values differ. Hedged and conditional clauses give
no claim, so they never contradict their unhedged form; "not only" sentences are skipped.

Cost: O(n) in article length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from linter.checks.contradiction._clauses import (
    COMP_END,
    claim_sentences,
    clause_bounds,
    conditional,
    fronted,
    hedged,
    scope,
)
from linter.checks.contradiction._pairing import Claim
from linter.checks.contradiction._parse import parsed, subject_parse_ok
from linter.checks.contradiction._words import PRONOUNS, lexicon, phrase_key, terms, words_before
from linter.model import Document, Sentence


@cache
def _polarity_re() -> re.Pattern[str]:
    preds = "|".join(sorted(lexicon()["predicates"], key=len, reverse=True))
    return re.compile(
        r"\s(?P<aux>is|are|isn't|aren't|isn’t|aren’t)\s+(?P<neg>not\s+|never\s+)?"
        r"(?P<adv>(?:strictly|legally|always|absolutely|actually|also|still|really|technically|"
        r"formally|officially)\s+)?(?P<pred>" + preds + r")(?![\w-])"
        r"(?P<comp>\s+(?:for|to|in|on|by|at|with|from|under)\s+[^,.;:!?()]{1,60})?",
        re.I,
    )  # fmt: skip


@cache
def _predicate_hint() -> re.Pattern[str]:
    """A cheap test that a sentence names a predicate at all, before the full pattern."""
    return terms([*lexicon()["predicates"], "require", "requires", "need", "needs"])


_VERB_POLARITY = re.compile(
    r"\s(?P<neg>does\s+not\s+|doesn't\s+|doesn’t\s+|do\s+not\s+|don't\s+|don’t\s+|never\s+)?"
    r"(?P<verb>requires?|need|needs)\s+(?P<obj>(?:a|an|any|the)\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?)"
    r"(?P<comp>\s+(?:to|for|in)\s+[^,.;:!?()]{1,50})?(?=[,.;:!?]|$)",
    re.I,
)


def polarity_claims(doc: Document) -> Iterator[Claim]:
    """ "X is (not) required for Y" claims: key (X, predicate, Y, scope), value +1/-1."""
    preds = lexicon()["predicates"]
    pol_re = _polarity_re()
    hint = _predicate_hint()
    for sentence in claim_sentences(doc):
        text = sentence.text
        if not hint.search(text) or re.search(r"\bnot\s+only\b", text, re.I):
            continue
        for m in pol_re.finditer(text):
            canon, sign = preds[m.group("pred").lower()]
            negated = bool(m.group("neg")) or "n't" in m.group("aux") or "n’t" in m.group("aux")
            claim = _polarity(
                sentence, text, m, ("be", canon), sign * (-1 if negated else 1), negated
            )
            if claim is not None:
                yield claim
        for m in _VERB_POLARITY.finditer(text):
            obj = phrase_key(m.group("obj"))
            if not obj or set(obj) & PRONOUNS:
                continue
            sign = -1 if m.group("neg") else 1
            claim = _polarity(sentence, text, m, ("require", obj), sign, sign < 0)
            if claim is not None:
                yield claim


def _polarity(
    sentence: Sentence,
    text: str,
    m: re.Match[str],
    predicate: tuple[Any, ...],
    value: int,
    negated: bool,
) -> Claim | None:
    left, right = clause_bounds(text, m.start(), m.end())
    s_start, s_words = words_before(text, m.start() + 1, 5)
    if not s_words or s_start < left:
        return None
    subject = phrase_key(" ".join(s_words))
    if not subject or set(subject) & PRONOUNS:
        return None
    clause = text[left:right]
    if hedged(clause) or conditional(clause):
        return None
    if parsed(sentence) and not subject_parse_ok(sentence, s_start, m, negated):
        return None
    comp_text = COMP_END.sub("", m.group("comp") or "")
    comp = phrase_key(comp_text)
    end = m.start("comp") + len(comp_text) if m.group("comp") else m.end()
    if m.group("comp") is None:
        end = m.end()
    base = sentence.start
    key = ("polarity", subject, predicate, comp, fronted(text, left, s_start), scope(text))
    return Claim(sentence, base + s_start, base + end, key, value)
