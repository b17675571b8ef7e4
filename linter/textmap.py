"""Maps offsets in extracted text back to offsets in the original source.

Readers decode entities, collapse whitespace and drop markup, so the text a check sees is
not the text in the file. Every block keeps a ``TextMap`` so that a finding lands on the
exact line and column of the original file, which is what editors and CI annotations need.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate


@dataclass(slots=True)
class TextMap:
    """Runs of text characters that map onto runs of source characters.

    Each run is ``(text_start, source_start, length, source_length)``. In a plain run
    ``length == source_length`` and characters map one to one; in an entity run
    (``&amp;`` for ``&``) the decoded characters all map to the start of the entity and the
    run's end maps to the entity's end.
    """

    runs: list[tuple[int, int, int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def add(self, text_start: int, source_start: int, length: int, source_length: int) -> None:
        """Append a run; runs must be added in text order."""
        if length <= 0:
            return
        if self.runs:
            ts, ss, ln, sl = self.runs[-1]
            if (
                ln == sl
                and length == source_length
                and ts + ln == text_start
                and ss + sl == source_start
            ):
                self.runs[-1] = (ts, ss, ln + length, sl + source_length)
                return
        self.runs.append((text_start, source_start, length, source_length))
        self._starts.append(text_start)

    @classmethod
    def identity(cls, source_start: int, length: int) -> TextMap:
        """A map for text copied verbatim from ``source_start``."""
        tmap = cls()
        tmap.add(0, source_start, length, length)
        return tmap

    def _run(self, offset: int) -> tuple[int, int, int, int]:
        index = max(bisect_right(self._starts, offset) - 1, 0)
        return self.runs[index]

    def to_source(self, offset: int) -> int:
        """Source offset of the text character at ``offset``."""
        if not self.runs:
            return 0
        ts, ss, ln, sl = self._run(offset)
        delta = offset - ts
        if delta >= ln:
            return ss + sl
        if ln != sl:
            return ss
        return ss + max(delta, 0)

    def to_source_end(self, end: int) -> int:
        """Source offset just past the text character at ``end - 1``."""
        if not self.runs:
            return 0
        if end <= 0:
            return self.to_source(0)
        ts, ss, ln, sl = self._run(end - 1)
        delta = end - ts
        if ln != sl or delta >= ln:
            return ss + sl
        return ss + delta

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source ``(start, end)`` of the text slice ``[start, end)``."""
        begin = self.to_source(start)
        return begin, max(begin, self.to_source_end(max(end, start + 1)))


class LineIndex:
    """Converts source offsets to 1-based line and column numbers."""

    __slots__ = ("_starts",)

    def __init__(self, source: str) -> None:
        # Each line starts one past the end of the previous one: running sums of the
        # line lengths plus their "\n", computed by C iterators rather than a find loop.
        lines = source.split("\n")
        self._starts = [0, *accumulate(map((1).__add__, map(len, lines[:-1])))]

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` of ``offset``, both 1-based."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Source offset of the first character of 1-based ``line``."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
