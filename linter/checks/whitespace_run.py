"""Flags runs of spaces inside a line of text ("the  plan"), left by editing or pasting.

A double space never changes what a sentence says, but it shows in plain text and
Markdown output, breaks phrase searches and makes diffs noisy; the fix is one space.
HTML is left alone: browsers collapse white space, so runs in HTML source are not
content. Only runs between two visible characters of one block count, so indentation,
line ends (Markdown's two-space line break), code (never in a block) and table padding
are never flagged. A line with several runs, or a run with a tab, is aligning columns on
purpose and is left alone too, and so is a run ending in the same column as one on the
line above or below (a plain-text table).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {
    # Shortest run reported.
    "min_spaces": 2,
}
FORMATS = ("text", "markdown")

_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
_ALIGNING_RUN = re.compile(r"(?<=\S)(?: {2,}|\t)(?=\S)")


def validate(params: Mapping[str, Any]) -> str | None:
    """One space is what the fix writes, so it can never be a run."""
    if params.get("min_spaces", 2) < 2:
        return "min_spaces must be 2 or more"
    return None


def _line_at(source: str, offset: int) -> tuple[int, int]:
    """Start and end of the source line holding ``offset``."""
    lo = source.rfind("\n", 0, offset) + 1
    hi = source.find("\n", offset)
    return lo, hi if hi >= 0 else len(source)


def _resumes(line: str) -> set[int]:
    """Columns where text resumes after a run of spaces or a tab."""
    return {m.end() for m in _ALIGNING_RUN.finditer(line)}


def _aligned(source: str, start: int, end: int) -> bool:
    """Whether the run lines up columns: several runs or a tab on its line, or a run on a
    neighbouring line that ends in the same column ("Apples   1.20" over "Pears    0.90")."""
    lo, hi = _line_at(source, start)
    line = source[lo:hi].rstrip("\r")
    if len(_resumes(line)) > 1 or "\t" in line.strip():
        return True
    column = end - lo
    if lo > 0:
        before_lo, _ = _line_at(source, lo - 1)
        if column in _resumes(source[before_lo : lo - 1]):
            return True
    if hi < len(source):
        _, after_hi = _line_at(source, hi + 1)
        if column in _resumes(source[hi + 1 : after_hi]):
            return True
    return False


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    """One hit per run, spanning the spaces; the fix is a single space."""
    source = doc.source
    minimum = params["min_spaces"]
    for block in doc.blocks:
        for match in _RUN.finditer(block.text):
            run = match.group()
            if len(run) < minimum:
                continue
            start, end = block.source_span(match.start(), match.end())
            # The run must be the same spaces in the source, not a join the reader made.
            if source[start:end] != run or _aligned(source, start, end):
                continue
            yield Hit(start, end, {"count": len(run)}, excerpt=run, fix=" ")
