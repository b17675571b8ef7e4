"""How claims meet and how a clash is reported.

A claim carries a *key* (subject, dimension, scope) and a *value*; two claims can only
contradict when their keys are equal, so claims are grouped by key and compared within a
group, never all pairs. Listicle entries ("3. Le Wagon") and sections about either side
of the article's own comparison ("A vs B") split the groups further, and so do sections
about different entities (``_sections``: listicle entries, sibling sections that repeat
the same labels, one per store or plan).

Cost: grouping is a dict and each group keeps a bounded number of earlier claims, so a
pass is O(n) in the number of claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from linter.checks._structure import structure
from linter.checks.base import Hit, block_hit, related_at
from linter.checks.contradiction._sections import entity_sections
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


def message_args(earlier: Claim, claim: Claim) -> dict[str, Any]:
    """What a reader adds to its rule's message, in words an editor understands: the
    later claim's ``extra["args"]`` as they are, and the earlier claim's prefixed
    ``other_`` ("{value} here, {other_value} at line ..."). A name the later claim
    leaves out (what both measure, say) is taken from the earlier one."""
    mine, theirs = claim.extra.get("args", {}), earlier.extra.get("args", {})
    args = {**theirs, **mine}
    args.update({f"other_{k}": v for k, v in theirs.items()})
    return args


def _section_headings(doc: Document) -> dict[int, int]:
    """Block index -> index of the nearest heading above it."""
    out: dict[int, int] = {}
    current: int | None = None
    for block in doc.blocks:
        if block.kind == HEADING:
            current = block.index
        elif current is not None:
            out[block.index] = current
    return out


_CONDITION_HEADING = re.compile(r"^\s*(?:if|when|unless|whenever)\b", re.I)


def conditional_sections(doc: Document) -> dict[int, int]:
    """Block index -> index of the heading that puts it under a condition ("If you
    travel often", "When money is tight"), down to the next heading of that level or
    above: advice under two such headings holds under different conditions, and advice
    under a condition does not meet an unconditional verdict."""
    out: dict[int, int] = {}
    current: tuple[int, int] | None = None  # (heading index, level)
    for block in doc.blocks:
        if block.kind == HEADING:
            level = block.level or 1
            if current is not None and level <= current[1]:
                current = None
            if _CONDITION_HEADING.match(block.text):
                current = (block.index, level)
        elif current is not None:
            out[block.index] = current[0]
    return out


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _elliptical(doc: Document, sentence: Sentence) -> bool:
    """A sentence that opens with its verb in the third person and has no subject ("Pays
    3.90% APY and ...", "Costs $40 a month."), read from the parse a claim reader made
    of it: it is about what its section is about (a product, a plan), so its claims meet
    only claims of the same section."""
    parse = doc.memo("contradiction.parses", dict).get(sentence.text)
    if parse is None or not len(parse):
        return False
    first = parse[0]
    return (
        first.dep_ == "ROOT"
        and first.tag_ == "VBZ"
        and not any(c.dep_ in _SUBJECTS for c in first.children)
    )


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
    # The same for every claim kind of the page: made once (4 kinds ran it each).
    sections = doc.memo("contradiction.entity_sections", lambda: entity_sections(doc))
    headings = doc.memo("contradiction.section_headings", lambda: _section_headings(doc))
    conditions = doc.memo("contradiction.conditions", lambda: conditional_sections(doc))
    page = structure(doc)
    pair = comparison_pair(doc) if by_side else None
    topics = side_topics(doc) if pair else {}
    for claim in claims:
        index = claim.sentence.block.index
        side = None
        if pair is not None:
            side = _mentions(set(phrase_key(claim.sentence.text)), pair) or topics.get(index)
        topic = headings.get(index) if _elliptical(doc, claim.sentence) else None
        # a condition in a heading scopes advice, not facts ("If your cat wheezes")
        condition = conditions.get(index) if claim.key[0] == "stance" else None
        # the page-wide structure model adds runs of labelled paragraphs without headings
        instance = page.instance.get(index)
        scope = (sections.get(index), condition, side, topic, instance)
        group = groups.setdefault((claim.key, *scope), [])
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
                **message_args(earlier, claim),
            )
            hit.related.append(related)
            yield hit
            break
        if len(group) < keep and all(e.value != claim.value for e in group):
            group.append(claim)
