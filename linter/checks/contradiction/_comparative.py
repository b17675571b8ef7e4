"""CT003: comparative claims ("A earns more than B") and their reversal.

A claim is "A <verb> more/less than B", "A has a higher <noun> than B", "A is <adjective>
than B" or "A is more/less <adjective> than B", with the verb, noun or adjective folded
by the lexicon into a dimension and a direction (synonyms share a dimension, antonyms
turn the direction). The key is (dimension, the pair in a fixed order, phrases in front
and after, scope), so the value (+1 or -1 for the first of the pair ahead) says which
way round the comparison goes; two claims clash when their values differ. Hedged,
negated and conditional clauses give no claim.

Cost: O(n) in article length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from linter.checks.contradiction._clauses import (
    claim_sentences,
    clause_bounds,
    conditional,
    fronted,
    hedged,
    scope,
    trailing,
)
from linter.checks.contradiction._pairing import Claim
from linter.checks.contradiction._parse import comparative_parse_ok, parsed
from linter.checks.contradiction._words import (
    BREAK,
    PRONOUNS,
    lexicon,
    phrase_key,
    words_before,
)
from linter.lexicon import wordset
from linter.model import Document, Sentence


@cache
def _comparative_res() -> list[tuple[re.Pattern[str], str]]:
    c = lexicon()["comparatives"]
    verbs = "|".join(c["verbs"])
    nouns = "|".join(c["nouns"])
    up_down = "|".join(c["up"] + c["down"])
    adjs = "|".join(c["adjectives"])
    more_adjs = "|".join(c["more_adjectives"])
    intensifier = r"(?:(?:much|far|significantly|considerably|slightly|somewhat|a\s+bit|a\s+lot|substantially)\s+)?"
    be = r"(?:is|are|was|were|'s|’s)"
    return [
        (re.compile(r"\s(?P<verb>" + verbs + r")\s+" + intensifier + r"(?P<dir>more|less)"
                    r"(?:\s+money)?\s+than\s", re.I), "verb"),
        (re.compile(r"\s(?:has|have|had|offers?|commands?|earns?|gets?|brings?|pays?)\s+"
                    r"(?:a\s+|an\s+)?" + intensifier + r"(?P<dir>" + up_down + r")\s+(?P<noun>"
                    + nouns + r")\s+than\s", re.I), "noun"),
        (re.compile(r"\s" + be + r"\s+" + intensifier + r"(?P<adj>" + adjs + r")\s+than\s", re.I),
         "adj"),
        (re.compile(r"\s" + be + r"\s+" + intensifier + r"(?P<dir>more|less)\s+(?P<madj>"
                    + more_adjs + r")\s+than\s", re.I), "more_adj"),
    ]  # fmt: skip


_B_PHRASE = re.compile(r"(?:the\s+|a\s+|an\s+)?([\w'’-]+(?:\s+[\w'’-]+){0,4}?)(?=[,.;:!?)]|\s+(?:and|but|or|in|for|at|because|since|while|when|if|on|by|with|do|does|did|are|is|was|were|can|could|will|would|overall|today|now|ever|before|anymore)\b|$)")  # fmt: skip
_NOT_SUBJECTS = wordset(
    "ever before expected usual average most others other anything everything anyone "
    "everyone last previous earlier"
)


def comparative_claims(doc: Document) -> Iterator[Claim]:
    """ "A earns more than B" claims: key (dimension, {A, B}), value +1/-1 for A over B."""
    c = lexicon()["comparatives"]
    up = set(c["up"])
    for sentence in claim_sentences(doc):
        text = sentence.text
        if " than " not in text.lower():
            continue
        for pattern, form in _comparative_res():
            for m in pattern.finditer(text):
                claim = _comparative(sentence, text, m, form, c, up)
                if claim is not None:
                    yield claim


def _comparative(
    sentence: Sentence, text: str, m: re.Match[str], form: str, c: dict[str, Any], up: set[str]
) -> Claim | None:
    g = m.groupdict()
    if form == "verb":
        dim = c["verbs"][g["verb"].lower()]
        direction = 1 if g["dir"].lower() == "more" else -1
    elif form == "noun":
        dim = c["nouns"][g["noun"].lower()]
        direction = 1 if g["dir"].lower() in up else -1
    elif form == "adj":
        dim, direction = c["adjectives"][g["adj"].lower()]
    else:
        dim, direction = c["more_adjectives"][g["madj"].lower()]
        direction *= 1 if g["dir"].lower() == "more" else -1
    left, right = clause_bounds(text, m.start(), m.end())
    a_start, a_words = words_before(text, m.start() + 1, 5)
    if a_start < left or not a_words:
        return None
    b_match = _B_PHRASE.match(text, m.end())
    if b_match is None or b_match.end() > right:
        return None
    a, b = phrase_key(" ".join(a_words)), phrase_key(b_match.group(1))
    if not a or not b or a == b:
        return None
    if set(a) & PRONOUNS or set(b) & (PRONOUNS | _NOT_SUBJECTS) or b[0].isdigit() or b[0] in BREAK:
        return None
    clause = text[left:right]
    if hedged(clause) or conditional(clause) or re.search(r"\b(?:not|never|n't|no)\b", clause):
        return None
    if parsed(sentence) and not comparative_parse_ok(
        sentence, a_start, m, b_match.start(1), b_match.end(1)
    ):
        return None
    # "Hard" and "easy" adjectives are only about the same thing when the sentences compare
    # the same pair; the key is symmetric and the value records which side is ahead.
    first, second = sorted((a, b))
    value = direction if a == first else -direction
    base = sentence.start
    end = b_match.end()
    context = (fronted(text, left, a_start), trailing(text, end, right))
    key = ("comparative", dim, first, second, context, scope(text))
    return Claim(sentence, base + a_start, base + end, key, value)
