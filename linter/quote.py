"""The source lines a result keeps so reports can quote and fingerprint its findings.

A report quotes the line a finding is on, and a baseline fingerprint hashes the text
around the flagged span. Keeping whole lines is fine for a hand-written article, but a
minified page is one line of hundreds of kilobytes, and an audit keeps the quoted lines
of every page of a site until it writes its reports. A long line is therefore kept as a
``LinePart``: only the pieces around its findings, which hold every character any
reporter reads (``MARGIN`` on each side of a span, and the rest of the line for a span
that runs on to the next line). ``cut`` and ``length`` read a line the same way
whichever form it has, so quotes and fingerprints are what the whole line would give.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Characters kept on each side of a span: more than any reporter shows or hashes (the
# HTML report 80, the text report's 100-character window from 20 before the span, the
# fingerprint 40).
MARGIN = 120
# Lines up to this long are kept whole: the common case, and cheaper than pieces.
LONG_LINE = 500


@dataclass(frozen=True, slots=True)
class LinePart:
    """Pieces ``(offset, text)`` of a line ``length`` characters long, in order."""

    length: int
    pieces: tuple[tuple[int, str], ...]


Line = str | LinePart


def keep_line(line: str, spans: Iterable[tuple[int, int | None]]) -> Line:
    """``line``, or its pieces around ``spans``: ``(start, end)`` columns counted from
    0, ``end`` ``None`` for a span that runs past the end of the line."""
    if len(line) <= LONG_LINE:
        return line
    ranges = sorted(
        (max(0, start - MARGIN), len(line) if end is None else min(len(line), end + MARGIN))
        for start, end in spans
    )
    return LinePart(len(line), tuple((start, line[start:end]) for start, end in _union(ranges)))


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges with the overlapping and touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def merge(kept: Line, other: Line) -> Line:
    """One line kept for two sets of findings (a page's and its site findings')."""
    if isinstance(kept, str):
        return kept
    if isinstance(other, str):
        return other
    pieces: list[tuple[int, str]] = []
    for start, text in sorted((*kept.pieces, *other.pieces)):
        if pieces and start <= pieces[-1][0] + len(pieces[-1][1]):
            at, joined = pieces[-1]
            pieces[-1] = (at, joined + text[at + len(joined) - start :])
        else:
            pieces.append((start, text))
    return LinePart(kept.length, tuple(pieces))


def length(line: Line, strip: str = "") -> int:
    """The line's length once the characters in ``strip`` are taken off its end."""
    if isinstance(line, str):
        return len(line.rstrip(strip)) if strip else len(line)
    offset, text = line.pieces[-1] if line.pieces else (0, "")
    if not strip or offset + len(text) < line.length:
        return line.length
    return line.length - (len(text) - len(text.rstrip(strip)))


def cut(line: Line, start: int, end: int) -> str:
    """``line[start:end]``; from a ``LinePart``, the piece holding ``start`` clipped to
    the range (every range a reporter asks for lies inside one piece)."""
    if isinstance(line, str):
        return line[max(0, start) : max(0, end)]
    for offset, text in line.pieces:
        if offset + len(text) > start or offset + len(text) == line.length:
            return text[max(0, start - offset) : max(0, end - offset)]
    return ""
