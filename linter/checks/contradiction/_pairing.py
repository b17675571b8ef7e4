"""How claims meet and how a clash is reported.

A claim carries a *key* (subject, dimension, scope) and a *value*; two claims can only
contradict when their keys are equal, so claims are grouped by key and compared within a
group, never all pairs. Listicle entries ("3. Le Wagon") and sections about either side
of the article's own comparison ("A vs B") split the groups further.

Cost: grouping is a dict and each group keeps a bounded number of earlier claims, so a
pass is O(n) in the number of claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from linter.checks.base import Hit, block_hit, related_at
from linter.checks.contradiction._words import phrase_key
from linter.model import FAQ_QUESTION, HEADING, Document, Sentence


@dataclass(slots=True)
class Claim:
    """One claim: where it is, what it is about (``key``) and what it says (``value``)."""

    sentence: Sentence
    start: int  # offsets in sentence.block.text
    end: int
    key: tuple[Any, ...]
    value: Any
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.sentence.block.text[self.start : self.end]


def short(text: str, limit: int = 90) -> str:
    """A claim as quoted in a message: white space folded, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def comparison_pair(doc: Document) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The two things the article compares, from a title or H1 like "A vs B" or "A or B"."""
    candidates = [doc.title or ""] + [b.text for b in doc.headings() if b.level == 1]
    for text in candidates:
        text = re.split(r"[:?|–—]|\s-\s", text)[0]
        m = re.match(r"\s*(.+?)\s+(?:vs\.?|versus|or)\s+(.+?)\s*$", text, re.I)
        if m:
            a, b = phrase_key(m.group(1)), phrase_key(m.group(2))
            if a and b and a != b and len(a) <= 5 and len(b) <= 5:
                return a, b
    return None


def side_of(words: tuple[str, ...], pair: tuple[tuple[str, ...], tuple[str, ...]]) -> int | None:
    """0 or 1 if ``words`` names one side of ``pair`` by a word the other side lacks."""
    a, b = pair
    hits = [bool(set(words) & (set(a) - set(b))), bool(set(words) & (set(b) - set(a)))]
    if hits[0] != hits[1]:
        return 0 if hits[0] else 1
    return None


_ENTITY_HEADING = re.compile(r"^\s*(?:#\s?|no\.\s?)?\d{1,2}\s*[.):]\s*\S")
_LISTICLE_HEADING = re.compile(r"^\s*(?:the\s+)?(?:top\s+)?\d{1,2}\s+[A-Za-z]", re.I)


def entity_sections(doc: Document) -> dict[int, int]:
    """Block index -> index of the listicle entry it belongs to ("3. Le Wagon").

    In "5 Best Bootcamps", "the program takes 12 weeks" under one entry and "the program
    takes 16 weeks" under the next are about different bootcamps. A numbered heading, or
    a heading directly under a "N things" heading, opens an entry; claims in different
    entries (or one in an entry, one outside) never meet.
    """
    out: dict[int, int] = {}
    stack: list[tuple[int, int, bool]] = []  # (level, heading index, is entry)
    current: int | None = None
    for block in doc.blocks:
        if block.kind == HEADING:
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            parent_is_listicle = (
                bool(stack) and _LISTICLE_HEADING.match(doc.blocks[stack[-1][1]].text) is not None
            )
            is_entry = bool(_ENTITY_HEADING.match(block.text)) or parent_is_listicle
            stack.append((block.level, block.index, is_entry))
            entries = [index for _, index, entry in stack if entry]
            current = entries[-1] if entries else None
            continue
        if current is not None:
            out[block.index] = current
    return out


def _mentions(words: set[str], pair: tuple[tuple[str, ...], tuple[str, ...]]) -> str | None:
    a, b = set(pair[0]) - set(pair[1]), set(pair[1]) - set(pair[0])
    hits = (bool(words & a), bool(words & b))
    return {(True, False): "a", (False, True): "b", (True, True): "both"}.get(hits)


def side_topics(doc: Document) -> dict[int, str | None]:
    """Block index -> the side of the compared pair its heading or FAQ question is about.

    In "Administration vs Management", "the average salary is $85,000" under "Administration
    Salary" and "$104,000" under "Management Salary" are about different jobs. A sentence
    that names one side is about that side; otherwise its nearest heading (or its FAQ
    question) decides, and claims about different sides, or about a side and nothing in
    particular, never meet.
    """
    pair = comparison_pair(doc)
    if pair is None:
        return {}
    out: dict[int, str | None] = {}
    current: str | None = None
    for block in doc.blocks:
        words = set(phrase_key(block.text))
        if block.kind in (HEADING, FAQ_QUESTION):
            current = _mentions(words, pair)
            continue
        q = block.answers
        if q is not None and 0 <= q < len(doc.blocks):
            out[block.index] = _mentions(set(phrase_key(doc.blocks[q].text)), pair)
        else:
            out[block.index] = current
    return out


def _says(claim: Claim, earlier: Claim) -> dict[str, str]:
    """Message args a reader put in ``extra["says"]``: what each of the two claims says, in
    words an editor understands ("Kobo Clara 2E costs less than Kindle Paperwhite")."""
    if "says" not in claim.extra or "says" not in earlier.extra:
        return {}
    return {"says": claim.extra["says"], "earlier_says": earlier.extra["says"]}


def conflicts(
    doc: Document,
    claims: Iterator[Claim],
    clash: Any,
    keep: int = 8,
    by_side: bool = False,
) -> Iterator[Hit]:
    """Hits on each claim that clashes with an earlier claim of its group.

    Claims are grouped by key, so only claims about the same subject, dimension and scope
    meet. Each group keeps at most ``keep`` earlier claims with distinct values, which
    bounds the work per claim: the whole pass is O(n) in the number of claims. A later
    claim is reported once, against the first earlier claim it clashes with.
    """
    groups: dict[Any, list[Claim]] = {}
    sections = entity_sections(doc)
    pair = comparison_pair(doc) if by_side else None
    topics = side_topics(doc) if pair else {}
    for claim in claims:
        index = claim.sentence.block.index
        side = None
        if pair is not None:
            side = _mentions(set(phrase_key(claim.sentence.text)), pair) or topics.get(index)
        group = groups.setdefault((claim.key, sections.get(index), side), [])
        for earlier in group:
            if earlier.sentence is claim.sentence or not clash(earlier, claim):
                continue
            related = related_at(doc, earlier.sentence.block, earlier.start, earlier.end)
            hit = block_hit(
                claim.sentence.block,
                claim.start,
                claim.end,
                line=related.line,
                earlier=short(earlier.text),
                **_says(claim, earlier),
            )
            hit.related.append(related)
            yield hit
            break
        if len(group) < keep and all(e.value != claim.value for e in group):
            group.append(claim)
