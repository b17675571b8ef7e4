"""CT004: stance claims on the article's own comparison, and sameness claims.

The pair is the article's "A vs B" (its title or H1). A neutral stance ("neither is
better", "there is no clear winner", or "it depends" in the answer to a "which is better"
question) has value 0; an unhedged, unconditional, unnegated verdict ("A is the better
choice") that names one side has value 1 or 2, and a verdict followed by a scope ("better
for students who...") is no claim. Stances share the key ("stance", pair). "A is (not)
the same as B" (or identical to, interchangeable with, different from) is keyed by
the pair in a fixed order and scope, valued +1 or -1; "not exactly the same" is skipped.
Two claims clash when their values differ.

Cost: O(n) in article length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.checks.contradiction._clauses import (
    claim_sentences,
    clause_bounds,
    conditional,
    hedged,
    scope,
)
from linter.checks.contradiction._pairing import Claim, comparison_pair, side_of
from linter.checks.contradiction._parse import parsed, subject_parse_ok
from linter.checks.contradiction._words import PRONOUNS, phrase_key, words_before
from linter.model import Document, Sentence

_NEUTRAL = re.compile(
    r"\bneither\b(?:\s+[\w'’-]+){0,6}?\s+(?:is|are)\s+(?:(?:automatically|necessarily|inherently|"
    r"objectively|universally|simply|always|really|clearly)\s+)?(?:the\s+)?(?:better|best|superior)\b"
    r"|\bno\s+(?:one\s+)?(?:option|path|choice|approach|one)\s+is\s+(?:(?:automatically|"
    r"necessarily|inherently|objectively|universally)\s+)?better\b"
    r"|\bthere\s+is\s+no\s+(?:single\s+|clear\s+|one\s+|universal\s+|outright\s+)?(?:winner|best\s+"
    r"(?:option|choice|path)|better\s+(?:option|choice|path|one))\b"
    r"|\bone\s+is\s+not\s+(?:necessarily\s+|automatically\s+)?better\s+than\s+the\s+other\b"
    r"|\b(?:both|the\s+two)\s+are\s+equally\s+(?:good|valid|strong)\b",
    re.I,
)
_IT_DEPENDS = re.compile(r"^\s*(?:it|the\s+answer)\s+depends\b", re.I)
_VERDICT = re.compile(
    r"\s(?:is|remains)\s+(?:(?:clearly|definitely|simply|always|obviously|undoubtedly)\s+)?"
    r"(?P<the>the\s+)?(?P<what>better|best|superior|smarter|right)\s*(?P<noun>(?:first\s+)?(?:choice|"
    r"option|path|step|fit|pick|bet|route|one|starting\s+point)\b)?"
    # "better paid", "better suited to": an attribute, not a verdict
    r"(?(noun)|(?(the)|(?=\s*(?:[.,;!]|$|overall\b|than\b))))",
    re.I,
)
_SAME = re.compile(
    r"\s(?P<aux>is|are|isn't|aren't|isn’t|aren’t)\s+(?P<neg>not\s+)?(?P<adv>(?:exactly|basically|"
    r"essentially|really|quite|always|simply|just|necessarily|entirely|completely|actually)\s+)?"
    r"(?:the\s+same\s+(?:thing\s+)?as|identical\s+to|interchangeable\s+with|different\s+from|"
    r"distinct\s+from)\s+(?P<b>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)(?=[,.;:!?]|\s+(?:and|but|or|because|in|for)\b|$)",
    re.I,
)


def _question_of(doc: Document, sentence: Sentence) -> str:
    q = sentence.block.answers
    if q is not None and 0 <= q < len(doc.blocks):
        return doc.blocks[q].text
    return ""


def stance_claims(doc: Document) -> Iterator[Claim]:
    """Neutral stances ("neither is better") and verdicts ("A is the better choice") on the
    article's own comparison, plus sameness claims ("A is (not) the same as B")."""
    pair = comparison_pair(doc)
    for sentence in claim_sentences(doc):
        text = sentence.text
        base = sentence.start
        low = text.lower()
        if pair is not None and ("better" in low or "best" in low or "depends" in low
                                 or "superior" in low or "smarter" in low or "right" in low):  # fmt: skip
            m = _NEUTRAL.search(text)
            if m is None and _IT_DEPENDS.search(text):
                question = _question_of(doc, sentence)
                if re.search(r"\b(?:better|best|which|should\s+i)\b", question, re.I):
                    m = _IT_DEPENDS.search(text)
            if m is not None:
                yield Claim(sentence, base + m.start(), base + m.end(), ("stance", pair), 0)
            else:
                yield from _verdicts(sentence, text, pair)
        if re.search(r"same|identical|interchangeable|different\s+from|distinct\s+from", low):
            yield from _sameness(sentence, text)


_SCOPED_REST = re.compile(
    r"\b(?:for|at|in|on|when|if|with|among|during|to|as|because|since|unless)\b", re.I
)


def _verdicts(
    sentence: Sentence, text: str, pair: tuple[tuple[str, ...], tuple[str, ...]]
) -> Iterator[Claim]:
    for m in _VERDICT.finditer(text):
        if m.group("what").lower() == "right" and not m.group("noun"):
            continue
        left, right = clause_bounds(text, m.start(), m.end())
        s_start, s_words = words_before(text, m.start() + 1, 5)
        if not s_words or s_start < left:
            continue
        side = side_of(phrase_key(" ".join(s_words)), pair)
        clause = text[left:right]
        if side is None or hedged(clause) or conditional(clause):
            continue
        # "better for students who...", "better in small clinics": a verdict for some
        # readers or settings, which is what "it depends" allows.
        if _SCOPED_REST.search(text, m.end(), right):
            continue
        if re.search(r"\bnot\b|n't|n’t", text[left : m.start()] + m.group(), re.I):
            continue
        if parsed(sentence) and not subject_parse_ok(sentence, s_start, m):
            continue
        base = sentence.start
        end = base + m.start() + len(m.group().rstrip())
        yield Claim(sentence, base + s_start, end, ("stance", pair), side + 1)


def _sameness(sentence: Sentence, text: str) -> Iterator[Claim]:
    for m in _SAME.finditer(text):
        left, right = clause_bounds(text, m.start(), m.end())
        s_start, s_words = words_before(text, m.start() + 1, 5)
        if not s_words or s_start < left:
            continue
        a, b = phrase_key(" ".join(s_words)), phrase_key(m.group("b"))
        if not a or not b or a == b or set(a) & PRONOUNS or set(b) & PRONOUNS:
            continue
        adv = (m.group("adv") or "").strip().lower()
        if adv in ("exactly", "quite", "always", "necessarily", "entirely", "completely", "just"):
            continue  # "not exactly the same" is a nuance, not a denial
        clause = text[left:right]
        if hedged(clause) or conditional(clause):
            continue
        negated = bool(m.group("neg")) or "n't" in m.group("aux") or "n’t" in m.group("aux")
        if parsed(sentence) and not subject_parse_ok(sentence, s_start, m, negated):
            continue
        same = "same" in m.group() or "identical" in m.group() or "interchangeable" in m.group()
        value = 1 if same != negated else -1
        first, second = sorted((a, b))
        base = sentence.start
        end = m.start("b") + len(m.group("b").rstrip())
        yield Claim(
            sentence, base + s_start, base + end, ("same", first, second, scope(text)), value
        )
