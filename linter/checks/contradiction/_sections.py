"""Sections about different entities: claims in one never meet claims in another.

Two shapes of page describe several things one after another:

- a listicle: numbered headings ("3. Le Wagon"), or the headings directly under a
  "N things" heading ("5 Best Bootcamps");
- repeated structure: sibling sections (same level, same parent) that answer the same
  questions, one section per store, plan, product or operator. They are recognised by
  what they repeat: label lines ("Free delivery: yes", "Showers: no"), bold lead-ins,
  sub-headings and FAQ questions. Two or more siblings that share at least two such
  labels are entity sections.

Aspect sections of a comparison ("Cost", "Battery life", "Our verdict") repeat nothing
of the kind, so claims across them still meet. A claim in an entity section meets only
claims of the same section (a claim outside every entity section is about the page as a
whole and does not meet one inside either: the entity may be the exception).

Cost: one pass over the blocks, and one set per section.
"""

from __future__ import annotations

import re
from itertools import combinations

from linter.checks._structure import (
    heading_sections,
    headings_with_parents,
    labels,
    sibling_groups,
)
from linter.model import FAQ_QUESTION, HEADING, Block, Document

_ENTITY_HEADING = re.compile(r"^\s*(?:#\s?|no\.\s?)?\d{1,2}\s*[.):]\s*\S")
_LISTICLE_HEADING = re.compile(r"^\s*(?:the\s+)?(?:top\s+)?\d{1,2}\s+[A-Za-z]", re.I)
_MIN_SHARED = 2  # labels two sibling sections must share to count as entity sections


def entity_sections(doc: Document) -> dict[int, int]:
    """Block index -> index of the heading of the entity section it belongs to."""
    sections = heading_sections(doc.blocks)
    entries = _listicle_entries(doc.blocks) | _repeated_siblings(doc.blocks, sections)
    out: dict[int, int] = {}
    for heading, blocks in sections.items():
        if heading in entries:
            for index in blocks:
                out[index] = heading  # inner sections come later and win
    out.update(_repeated_blocks(doc.blocks))
    return out


def _repeated_blocks(blocks: list[Block]) -> dict[int, int]:
    """Paragraphs or list items of one section that repeat the same labels ("PulseFit.
    Monthly fee: $39. Classes included? Yes."), one per entity: each is its own."""
    out: dict[int, int] = {}
    run: list[tuple[int, set[str]]] = []
    for block in [*blocks, None]:
        if block is None or block.kind == HEADING:
            for (a, mine), (b, theirs) in combinations(run, 2):
                if len(mine & theirs) >= _MIN_SHARED:
                    out[a], out[b] = a, b
            run = []
            continue
        labels = _labels(block) if block.kind not in (FAQ_QUESTION,) else set()
        if len(labels) >= _MIN_SHARED:
            run.append((block.index, labels))
    return out


def _listicle_entries(blocks: list[Block]) -> set[int]:
    """Numbered headings, and headings directly under a "N things" heading."""
    return {
        heading.index
        for heading, parent in headings_with_parents(blocks)
        if _ENTITY_HEADING.match(heading.text)
        or (parent is not None and _LISTICLE_HEADING.match(parent.text) is not None)
    }


def _labels(block: Block) -> set[str]:
    """What a block repeats across entity sections (``_structure.labels``, as a set)."""
    return set(labels(block))


def _repeated_siblings(blocks: list[Block], sections: dict[int, list[int]]) -> set[int]:
    """Headings of sibling sections that share at least ``_MIN_SHARED`` labels."""
    entries: set[int] = set()
    for siblings in sibling_groups(blocks):
        if len(siblings) < 2:
            continue
        labels = {h: set().union(*(_labels(blocks[i]) for i in sections[h])) for h in siblings}
        for a, b in combinations(siblings, 2):
            if len(labels[a] & labels[b]) >= _MIN_SHARED:
                entries.update((a, b))
    return entries
