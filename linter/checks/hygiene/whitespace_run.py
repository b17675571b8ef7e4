"""Flags runs of spaces inside a line of text ("the  plan"); the fix is one space.

Plain text and Markdown only. A run counts when it sits between two visible characters
of one block and the source holds the same spaces there (not a join the reader made),
so indentation, line ends, code and table padding never do. A run on a line that aligns
columns is left alone: several runs or a tab on the line, or a run on the line above or
below ending in the same column (a plain-text table).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param
from linter.model import Document

PARAMS: dict[str, Param] = {"min_spaces": COUNT}
FORMATS = ("text", "markdown")

_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
_ALIGNING_RUN = re.compile(r"(?<=\S)(?: {2,}|\t)(?=\S)")


def validate(params: Mapping[str, Any]) -> str | None:
    """One space is what the fix writes, so it can never be a run."""
    if params.get("min_spaces", 2) < 2:
        return "min_spaces must be 2 or more"
    return None


def _line_at(source: str, offset: int) -> tuple[int, int]:
    """Start and end of the source line holding ``offset`` (``\n``, ``\r\n`` or a lone
    ``\r`` ends a line, as readers count them)."""
    lo = max(source.rfind("\n", 0, offset), source.rfind("\r", 0, offset)) + 1
    ends = [at for at in (source.find("\n", offset), source.find("\r", offset)) if at >= 0]
    return lo, min(ends) if ends else len(source)


class _Columns:
    """Where text resumes after a run of spaces or a tab, per source line, each line
    scanned once: a long line with many runs would otherwise be rescanned per run."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._lines: dict[int, tuple[int, set[int]]] = {}

    def line(self, offset: int) -> tuple[int, int, set[int]]:
        """``(start, end, resume columns)`` of the line holding ``offset``."""
        lo, hi = _line_at(self.source, offset)
        known = self._lines.get(lo)
        if known is None:
            line = self.source[lo:hi]
            known = (hi, {m.end() for m in _ALIGNING_RUN.finditer(line)})
            self._lines[lo] = known
        return lo, known[0], known[1]

    def aligned(self, start: int, end: int) -> bool:
        """Whether the run lines up columns: several runs or a tab on its line, or a run
        on a neighbouring line that ends in the same column ("Apples   1.20" over
        "Pears    0.90")."""
        lo, hi, resumes = self.line(start)
        if len(resumes) > 1 or "\t" in self.source[lo:hi].strip():
            return True
        column = end - lo
        if lo > 0:
            crlf = lo > 1 and self.source.startswith("\r\n", lo - 2)
            if column in self.line(lo - (2 if crlf else 1))[2]:
                return True
        if hi < len(self.source):
            after = hi + (2 if self.source.startswith("\r\n", hi) else 1)
            if after < len(self.source) and column in self.line(after)[2]:
                return True
        return False


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    """One hit per run, spanning the spaces; the fix is a single space."""
    source = doc.source
    minimum = params["min_spaces"]
    columns = _Columns(source)
    for block in doc.blocks:
        for match in _RUN.finditer(block.text):
            run = match.group()
            if len(run) < minimum:
                continue
            start, end = block.source_span(match.start(), match.end())
            # The run must be the same spaces in the source, not a join the reader made.
            if source[start:end] != run or columns.aligned(start, end):
                continue
            yield Hit(start, end, {"count": len(run)}, excerpt=run, fix=" ")
