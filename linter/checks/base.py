"""What a check returns, and helpers every check shares.

A check is ``check(doc, params) -> Iterable[Hit]``. It reports offsets; the engine turns
them into findings with the rule's code, severity and message, so checks never format
positions or know which rule called them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from linter.model import Block, Document, Related, Sentence


@dataclass(slots=True)
class Hit:
    """A place a check flags: source offsets, message arguments and an optional fix.

    ``fix`` replaces the source text between ``start`` and ``end`` when applied.
    """

    start: int
    end: int
    args: dict[str, Any] = field(default_factory=dict)
    excerpt: str | None = None
    fix: str | None = None
    related: list[Related] = field(default_factory=list)


def block_hit(block: Block, start: int, end: int, *, fix: str | None = None, **args: Any) -> Hit:
    """A hit on ``block.text[start:end]``."""
    source_start, source_end = block.source_span(start, end)
    return Hit(source_start, source_end, args, excerpt=block.text[start:end], fix=fix)


def sentence_hit(sentence: Sentence, *, fix: str | None = None, **args: Any) -> Hit:
    """A hit on a whole sentence."""
    return block_hit(sentence.block, sentence.start, sentence.end, fix=fix, **args)


def related_at(doc: Document, block: Block, start: int, end: int) -> Related:
    """A reference to another place in the same document, for messages and JSON."""
    line, column = doc.lines.position(block.tmap.to_source(start))
    return Related(line, column, block.text[start:end])


def word_count(text: str) -> int:
    """Words as readers count them: runs of characters between white space."""
    return len(text.split())
