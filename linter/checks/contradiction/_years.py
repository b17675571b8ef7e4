"""CT002: founding, launch and birth years of a named subject ("Acme was founded in 1998").

A pattern, not the parse: a capitalised subject, "was/were", an event verb and "in" a
year. The key is (named subject, event, fronted phrase); a year is exact, so two years
clash when they differ. Cost: one regex pass over sentences holding "was" or "were".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.checks.contradiction._clauses import (
    claim_sentences,
    clause_bounds,
    conditional,
    fronted,
    hedged,
)
from linter.checks.contradiction._pairing import Claim
from linter.checks.contradiction._words import BREAK, PRONOUNS, phrase_key
from linter.model import Document

_EVENT_YEAR = re.compile(
    r"(?P<subj>\b[A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*){0,3})(?:,)?\s+(?:was|were)\s+"
    r"(?:first\s+|originally\s+)?(?P<event>founded|established|launched|born|built|opened|"
    r"incorporated|formed)\s+in\s+(?P<year>(?:1[5-9]|20)\d{2})\b"
)
_EVENTS = {"founded": "founded", "established": "founded", "incorporated": "founded",
           "formed": "founded", "launched": "launched", "born": "born", "built": "built",
           "opened": "opened"}  # fmt: skip


def year_claims(doc: Document) -> Iterator[Claim]:
    """ "Acme was founded in 1998": key (named subject, event), value the year. Only named
    (capitalised) subjects, so "the company" in two sections never meets."""
    for sentence in claim_sentences(doc):
        text = sentence.text
        if "was" not in text and "were" not in text:
            continue
        for m in _EVENT_YEAR.finditer(text):
            subject = phrase_key(m.group("subj"))
            if not subject or subject[0] in PRONOUNS or subject[0] in BREAK:
                continue
            left, right = clause_bounds(text, m.start(), m.end())
            clause = text[left:right]
            if hedged(clause) or conditional(clause):
                continue
            year = float(m.group("year"))
            key = ("year", _EVENTS[m.group("event")], subject, fronted(text, left, m.start()))
            base = sentence.start
            what = f"the year {' '.join(subject)} was {m.group('event')}"
            extra = {"args": {"value": m.group("year"), "what": what}}
            yield Claim(sentence, base + m.start(), base + m.end(), key, (year, year), extra)
