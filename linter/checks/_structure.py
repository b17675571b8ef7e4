"""What a page repeats by design: per-entity sections and summary boxes.

Rule families read prose, and prose rules go wrong on pages built from a repeated block:
one section per gym, airline or phone plan, each asking the same questions ("Dogs
allowed?", "Price:"). Text repeated across such sections is a label or a template line,
not a copy-paste mistake, and claims in two of them are about two different things. A
"Key takeaways" or "At a glance" box restates body sentences on purpose (a pull quote).
This module finds both from the blocks alone, once per document, for every family:

- sections, by headings; sibling sections (same parent, same level) whose shapes share at
  least two labels (sub-heading texts, FAQ questions, "Label:" or "Question?" lead-ins)
  are *instances* of one *run*, each about the entity its heading names;
- inside a section without such sub-sections, a sequence of labelled paragraphs that
  starts again with a label it already had ("Dogs on the trail? ..." once per trail) is a
  run too, each restart a new instance;
- a summary box: the section under a heading named like "Key takeaways", "Highlights",
  "At a glance", "Summary", "TL;DR", "In brief" or "Verdict"; or the blocks after a short
  paragraph with such a name, as long as each restates a sentence found elsewhere.

Cost: one pass over the blocks, and one label set per block.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from linter.model import FAQ_QUESTION, HEADING, Block, Document

# A label: a short name, then ":" and a value ("Trial period: 100 nights."), or a short
# question answered on the same line ("Dogs allowed? No."), at the start of a block or
# after a sentence ("PulseFit. Monthly fee: $39. Classes included? Yes.").
_LABEL = re.compile(r"(?:^|(?<=[.!?])\s+)([^\W\d][\w’'&/ -]{0,38}?)\s*(?:[:：]|\?)\s*\S", re.M)
_MIN_SHARED = 2  # labels two instances must share
_SUMMARY_NAME = re.compile(
    r"^\s*(?:the\s+|our\s+)?(?:highlights?|key\s+(?:points?|takeaways?|facts)|takeaways?"
    r"|at\s+a\s+glance|summary|in\s+summary|tl\s*;?\s*dr|in\s+brief|in\s+short"
    r"|quick\s+facts|verdict)\s*[:.!]?\s*$",
    re.I,
)
_MAX_LABEL_WORDS = 6  # a paragraph that only names a summary box is this short at most


@dataclass(slots=True)
class Structure:
    """The repeated parts of one page, by block index."""

    instance: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Block index -> (run, instance): the per-entity section the block belongs to. A run
    is numbered by its first block's index; an instance by its first block's index."""
    summary: set[int] = field(default_factory=set)
    """Blocks inside a summary box (a heading or label naming the box included)."""

    def across_instances(self, a: int, b: int) -> bool:
        """Blocks ``a`` and ``b`` are in different instances of the same run: what they
        share is the run's template, and what they claim is about different entities."""
        ia, ib = self.instance.get(a), self.instance.get(b)
        return ia is not None and ib is not None and ia[0] == ib[0] and ia[1] != ib[1]

    def place(self, index: int) -> tuple[str, int]:
        """What a repetition counts as: its run when the block is in one (every
        instance of a run is one place), else the block itself."""
        found = self.instance.get(index)
        return ("run", found[0]) if found is not None else ("block", index)


def structure(doc: Document) -> Structure:
    """The page's repeated structure, built once per document."""
    return doc.memo("structure.page", lambda: _build(doc))


def fold(text: str) -> str:
    """A label as compared: case and spacing folded, final punctuation dropped."""
    return " ".join(text.lower().split()).rstrip("?:.!")


def labels(block: Block) -> list[str]:
    """The labels of a block: itself if it is a sub-heading or an FAQ question, else its
    "Label:" and "Question?" lead-ins, in order."""
    if block.kind in (HEADING, FAQ_QUESTION):
        return [fold(block.text)]
    return [fold(m.group(1)) for m in _LABEL.finditer(block.text)]


def _build(doc: Document) -> Structure:
    out = Structure()
    blocks = doc.blocks
    sections = heading_sections(blocks)
    for siblings in sibling_groups(blocks):
        _sibling_runs(blocks, sections, siblings, out)
    for start, end in _plain_stretches(blocks):
        _label_cycles(blocks[start:end], out)
    _summary_boxes(doc, sections, out)
    return out


def heading_sections(blocks: list[Block]) -> dict[int, list[int]]:
    """Heading index -> indices of every block in its section (sub-sections included)."""
    sections: dict[int, list[int]] = {}
    stack: list[Block] = []
    for block in blocks:
        if block.kind == HEADING:
            while stack and stack[-1].level >= block.level:
                stack.pop()
            for open_heading in stack:
                sections[open_heading.index].append(block.index)
            stack.append(block)
            sections[block.index] = []
            continue
        for open_heading in stack:
            sections[open_heading.index].append(block.index)
    return sections


def headings_with_parents(blocks: list[Block]) -> Iterator[tuple[Block, Block | None]]:
    """Each heading with the heading it sits under (None at the top of the page)."""
    stack: list[Block] = []
    for block in blocks:
        if block.kind != HEADING:
            continue
        while stack and stack[-1].level >= block.level:
            stack.pop()
        yield block, (stack[-1] if stack else None)
        stack.append(block)


def sibling_groups(blocks: list[Block]) -> list[list[int]]:
    """Heading indices grouped by parent, each group of one level (its first heading's)."""
    groups: dict[int | None, list[int]] = {}
    levels: dict[int | None, int] = {}
    for heading, parent in headings_with_parents(blocks):
        key = None if parent is None else parent.index
        if levels.setdefault(key, heading.level) == heading.level:
            groups.setdefault(key, []).append(heading.index)
    return list(groups.values())


def _sibling_runs(
    blocks: list[Block], sections: dict[int, list[int]], siblings: list[int], out: Structure
) -> None:
    """Siblings sharing ``_MIN_SHARED`` labels with another sibling are instances; the
    run is the group (numbered by its first instance's heading)."""
    if len(siblings) < 2:
        return
    shapes = {h: {lab for i in sections[h] for lab in labels(blocks[i])} for h in siblings}
    members = [
        h
        for h in siblings
        if any(len(shapes[h] & shapes[o]) >= _MIN_SHARED for o in siblings if o != h)
    ]
    if len(members) < 2:
        return
    run = members[0]
    for heading in members:
        for index in [heading, *sections[heading]]:
            out.instance.setdefault(index, (run, heading))


def _plain_stretches(blocks: list[Block]) -> Iterator[tuple[int, int]]:
    """Stretches of blocks between headings: where a run without sub-headings can be."""
    start = 0
    for block in [*blocks, None]:
        if block is None or block.kind == HEADING:
            end = len(blocks) if block is None else block.index
            if end - start >= 2:
                yield start, end
            start = end + 1


def _label_cycles(stretch: list[Block], out: Structure) -> None:
    """Labelled paragraphs whose labels start over: each restart is a new instance."""
    starts: list[int] = []  # positions in ``stretch`` where an instance starts
    shapes: list[set[str]] = []
    for position, block in enumerate(stretch):
        if block.index in out.instance:
            return  # already inside a run of sibling sections
        found = labels(block)
        if not found:
            continue
        if not shapes or shapes[-1] & set(found):
            starts.append(position)
            shapes.append(set())
        shapes[-1].update(found)
    if len(starts) < 2 or not all(len(a & b) >= _MIN_SHARED for a, b in itertools.pairwise(shapes)):
        return
    run = stretch[starts[0]].index
    bounds = [*starts, len(stretch)]
    for first, stop in itertools.pairwise(bounds):
        for block in stretch[first:stop]:
            out.instance[block.index] = (run, stretch[first].index)


def _summary_boxes(doc: Document, sections: dict[int, list[int]], out: Structure) -> None:
    blocks = doc.blocks
    counts: dict[int, int] | None = None
    for block in blocks:
        if not _SUMMARY_NAME.match(block.text):
            continue
        if block.kind == HEADING:
            out.summary.update([block.index, *sections.get(block.index, [])])
            continue
        if block.kind == FAQ_QUESTION or len(block.text.split()) > _MAX_LABEL_WORDS:
            continue
        if counts is None:
            counts = _sentence_counts(doc)
        out.summary.update(_box_after_label(doc, block, counts))


def _box_after_label(doc: Document, label: Block, counts: dict[int, int]) -> list[int]:
    """The one-sentence items after a box's label paragraph, when one of them restates a
    sentence of a longer paragraph: a box states each point once, in one line."""
    box = [label.index]
    restates = False
    sentences = doc.memo("structure.sentence_keys", lambda: _sentence_keys(doc, counts))
    for item in doc.blocks[label.index + 1 :]:
        if item.kind == HEADING or counts.get(item.index, 0) != 1:
            break
        box.append(item.index)
        restates = restates or _key(item.text) in sentences
    return box if restates else []


def _key(text: str) -> str:
    return " ".join(text.split()).lower().rstrip(" .!?;:…")


def _sentence_counts(doc: Document) -> dict[int, int]:
    counts: dict[int, int] = {}
    for sentence in doc.sentences:
        counts[sentence.block.index] = counts.get(sentence.block.index, 0) + 1
    return counts


def _sentence_keys(doc: Document, counts: dict[int, int]) -> set[str]:
    """Folded sentences of paragraphs that hold more than one: what a box item restates."""
    return {_key(s.text) for s in doc.sentences if counts[s.block.index] > 1}
