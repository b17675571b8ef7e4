"""What a check returns, and helpers every check shares.

A check is ``check(doc, params) -> Iterable[Hit]``. It reports offsets; the engine turns
them into findings with the rule's code, severity and message, so checks never format
positions or know which rule called them.
"""

from __future__ import annotations

import math
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


@dataclass(frozen=True, slots=True)
class Param:
    """The type of a kind's parameter; its default lives in each rule's YAML.

    ``minimum`` is the least value a number (or each number of a list) may take: counts,
    lengths and ratios are never negative. ``item`` is the type of a list's items.
    """

    kind: type
    item: type | None = None
    minimum: float | None = None
    maximum: float | None = None
    above_minimum: bool = False  # the minimum itself is refused (a share above 0)
    choices: tuple[str, ...] = ()  # the names a text param may take, when it is a choice

    def accepts(self, value: Any) -> bool:
        if self.kind is list:
            if not isinstance(value, list):
                return False
            inner = Param(self.item or str, minimum=self.minimum)
            return all(inner.accepts(v) for v in value)
        if self.kind is object:
            return True
        if isinstance(value, bool) or self.kind is bool:
            return isinstance(value, bool) and self.kind is bool
        if self.kind is int:
            ok = isinstance(value, int)
        elif self.kind is float:
            ok = isinstance(value, int | float) and math.isfinite(value)
        elif self.choices:
            return value in self.choices
        else:
            return isinstance(value, self.kind)
        if not ok or (self.maximum is not None and value > self.maximum):
            return False
        if self.minimum is None:
            return True
        return value > self.minimum if self.above_minimum else value >= self.minimum

    def describe(self) -> str:
        """How a user is told what the param takes ("an integer, 0 or more")."""
        if self.kind is list:
            inner = {int: "int", float: "float", bool: "bool"}.get(self.item or str, "str")
            return f"a list of {inner}"
        if self.kind is float and self.maximum is not None:
            if self.above_minimum:
                return f"a number above {self.minimum:g} and at most {self.maximum:g}"
            return f"a number from {self.minimum:g} to {self.maximum:g}"
        if self.kind in (int, float) and self.minimum is not None:
            return "an integer, 0 or more" if self.kind is int else "a number, 0 or more"
        if self.choices:
            return "one of " + ", ".join(self.choices)
        names = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
        return names.get(self.kind, "any value")


def choice(*names: str) -> Param:
    """A text param that names one of ``names`` (a kind's mode: which element, unit...)."""
    return Param(str, choices=names)


COUNT = Param(int, minimum=0)  # a count or length
INTEGER = Param(int)
NUMBER = Param(float, minimum=0)  # a share, ratio or score that is never negative
REAL = Param(float)
FLAG = Param(bool)
TEXT = Param(str)
TEXTS = Param(list, str)
COUNTS = Param(list, int, minimum=0)
SHARE = Param(float, minimum=0, maximum=1, above_minimum=True)  # a share above 0, up to 1
FRACTION = Param(float, minimum=0, maximum=1)  # 0 to 1
ANY = Param(object)
