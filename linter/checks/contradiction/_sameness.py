"""Sameness claims for CT004: "A is (not) the same as B" (or identical to, interchangeable
with, different from), keyed by the two names in a fixed order and the sentence's scope,
valued +1 or -1; "not exactly the same" is a nuance and is skipped.

Cost: one regex per sentence that holds a sameness word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.checks.contradiction._clauses import clause_bounds, conditional, hedged, scope
from linter.checks.contradiction._pairing import Claim, short
from linter.checks.contradiction._parse import parsed, subject_parse_ok
from linter.checks.contradiction._words import PRONOUNS, phrase_key, words_before
from linter.model import Sentence

_SAME = re.compile(
    r"\s(?P<aux>is|are|isn't|aren't|isn’t|aren’t)\s+(?P<neg>not\s+)?(?P<adv>(?:exactly|basically|"
    r"essentially|really|quite|always|simply|just|necessarily|entirely|completely|actually)\s+)?"
    r"(?:the\s+same\s+(?:thing\s+)?as|identical\s+to|interchangeable\s+with|different\s+from|"
    r"distinct\s+from)\s+(?P<b>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)(?=[,.;:!?]|\s+(?:and|but|or|because|in|for)\b|$)",
    re.I,
)


def sameness_claims(sentence: Sentence, text: str) -> Iterator[Claim]:
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
        said = f"{short(text[s_start:end].strip(), 60)}"
        args = {"verdict": f"“{said}”", "says": "says the opposite"}
        key = ("same", first, second, scope(text))
        yield Claim(sentence, base + s_start, base + end, key, value, {"args": args})
