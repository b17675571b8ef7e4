"""CT001: what an article delivers after a promise of N items, counted where it is reliable.

Three layouts deliver items, each read from the blocks alone:

- **sub-headings** under a promising heading: each level of sub-headings (closing ones
  such as "Conclusion", "FAQ", "Bonus: ..." left out) is a count, and so are a level's
  numbered sub-headings; after a promising sentence, the headings that follow it at one
  level, up to the end of the enclosing section;
- **numbered paragraphs** ("**Step 1.** Empty the tank", "Tip 2: ..."): two or more whose
  numbers run 1, 2, 3... without a gap, in the section or right after the sentence;
- **a list**: a run of list items with no list end between them in the source, right
  after the sentence or among the section's first three blocks (after paragraphs only).
  A list with a nested list, or with more list items close after it (a list split by an
  ad), is not counted.

``Delivery.numbered`` says whether each item carries its own number (numbered headings
or paragraphs, list items): then a surplus is evidence too. Unnumbered headings after a
title or a sentence may include buying-guide sections ("How we tested"), so there only a
shortfall is evidence (the caller decides).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.checks.contradiction._words import lexicon
from linter.model import HEADING, LIST_ITEM, PARAGRAPH, Block, Document

# "1. Bitwarden", "Tip 2: Eat", "#3 - Rest", "No. 4)": a heading that carries a number.
_NUMBERED = re.compile(
    r"^\s*(?:(?:[A-Za-z]+\s+){0,3}(?:#\s?|no\.\s?)?(\d{1,2})\s*[.):–-]|#?(\d{1,2})[.)]?\s)", re.I
)
# "Step 1. Empty the tank", "Tip 2: Eat", "3) Rest": a paragraph led by its number.
_NUMBERED_PARAGRAPH = re.compile(r"^\s*(?:[A-Za-z]+\s+)?#?(\d{1,2})\s*[.):]\s", re.I)


@dataclass(frozen=True, slots=True)
class Delivery:
    """The items counted after a promise: how many, the blocks, how they are laid out."""

    items: list[Block]
    what: str  # "sub-sections", "numbered paragraphs", "list items"
    numbered: bool

    @property
    def count(self) -> int:
        return len(self.items)


def closing(text: str) -> bool:
    """A heading that closes or frames an article and is no promised item."""
    folded = re.sub(r"[^\w\s;-]", "", text.lower()).strip()
    folded = re.sub(r"^\d+\s*", "", folded)
    if folded.startswith(("bonus", "honorable mention", "honourable mention")):
        return True
    return folded in set(lexicon()["closing_headings"])


def list_run(doc: Document, blocks: list[Block], i: int) -> list[Block] | None:
    """The list that starts at ``blocks[i]``, or ``None`` if it holds a nested list or
    more list items follow closely (a list cut in two by an ad or an image)."""
    run = [blocks[i]]
    for block in blocks[i + 1 :]:
        if block.kind != LIST_ITEM or block.index != run[-1].index + 1:
            break
        between = doc.source[run[-1].source_span()[1] : block.source_span()[0]]
        if re.search(r"</\s*(?:ul|ol|dl)\s*>", between, re.I):
            break
        if re.search(r"<\s*(?:ul|ol)\b", between, re.I):
            return None
        run.append(block)
    if _nested_markdown(doc, run):
        return None
    for block in blocks[i + len(run) : i + len(run) + 3]:
        if block.kind == HEADING:
            break
        if block.kind == LIST_ITEM:
            return None
    return run


def _nested_markdown(doc: Document, run: list[Block]) -> bool:
    """True if the items of a Markdown or text list start at different indents."""
    indents = set()
    for block in run:
        start = block.source_span()[0]
        line_start = doc.source.rfind("\n", 0, start) + 1
        prefix = doc.source[line_start:start]
        if prefix.strip(" \t-*+•0123456789.)") == "":
            indents.add(len(prefix) - len(prefix.lstrip()))
    return len(indents) > 1


def section(blocks: list[Block], i: int) -> list[Block]:
    """The blocks under the heading ``blocks[i]``, up to the next heading of its level."""
    level = blocks[i].level
    out = []
    for block in blocks[i + 1 :]:
        if block.kind == HEADING and block.level <= level:
            break
        out.append(block)
    return out


def _numbered_paragraphs(blocks: list[Block]) -> list[Block] | None:
    """The paragraphs of ``blocks`` (up to the first heading) led by 1, 2, 3..., when
    there are two or more and the numbers run without a gap."""
    found = []
    for block in blocks:
        if block.kind == HEADING:
            break
        m = _NUMBERED_PARAGRAPH.match(block.text) if block.kind == PARAGRAPH else None
        if m:
            found.append((int(m.group(1)), block))
    if len(found) < 2 or [n for n, _ in found] != list(range(1, len(found) + 1)):
        return None
    return [b for _, b in found]


def under_heading(doc: Document, blocks: list[Block], i: int, promised: int) -> Delivery | None:
    """The items delivered under the promising heading ``blocks[i]``."""
    body = section(blocks, i)
    headings = [b for b in body if b.kind == HEADING and not closing(b.text)]
    if headings:
        # Every level below the heading, and its numbered headings, is a way to count the
        # promised items; the first is the one reported, unless one matches the promise.
        counts: list[Delivery] = []
        for level in sorted({b.level for b in headings}):
            subs = [b for b in headings if b.level == level]
            numbered = [b for b in subs if _NUMBERED.match(b.text)]
            if len(numbered) >= 2:
                counts.append(Delivery(numbered, "numbered sub-sections", True))
            if len(subs) >= 2:
                counts.append(Delivery(subs, "sub-sections", len(numbered) == len(subs)))
        if not counts:
            return None
        return next((d for d in counts if d.count == promised), counts[0])
    paragraphs = _numbered_paragraphs(body)
    if paragraphs:
        return Delivery(paragraphs, "numbered paragraphs", True)
    for j, block in enumerate(body[:3]):
        if block.kind == LIST_ITEM:
            run = list_run(doc, body, j)
            return Delivery(run, "list items", True) if run else None
        if block.kind != PARAGRAPH:
            return None
    return None


def after_sentence(doc: Document, blocks: list[Block], i: int) -> Delivery | None:
    """The items right after the paragraph ``blocks[i]`` whose last sentence promises."""
    if i + 1 >= len(blocks):
        return None
    nxt = blocks[i + 1]
    if nxt.kind == LIST_ITEM:
        run = list_run(doc, blocks, i + 1)
        return Delivery(run, "list items", True) if run else None
    if nxt.kind == PARAGRAPH:
        paragraphs = _numbered_paragraphs(blocks[i + 1 :])
        if paragraphs and paragraphs[0] is nxt:
            return Delivery(paragraphs, "numbered paragraphs", True)
        return None
    if nxt.kind != HEADING:
        return None
    subs = []
    for block in blocks[i + 1 :]:
        if block.kind == HEADING and block.level < nxt.level:
            break
        if block.kind == HEADING and block.level == nxt.level and not closing(block.text):
            subs.append(block)
    if len(subs) < 2:
        return None
    numbered = all(_NUMBERED.match(b.text) for b in subs)
    return Delivery(subs, "sections", numbered)
