"""HTML reader, text of a block: whitespace collapsed, every character mapped to the source.

``htmlpos`` gives each lxml text node its runs in the source; here the nodes of one block
are joined, whitespace runs collapse to one space and the ends are stripped (U+00A0 counts
as whitespace), keeping the runs in step, and the lines of a block (split by ``<br>``)
become one ``TextMap``.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from linter.read.htmlpos import Run
from linter.textmap import TextMap

# What HTML reads as whitespace, U+00A0 (``&nbsp;``) included.
STRIP = "\t\n\f\r \xa0"
# A whitespace run that is not already a single plain space.
_WS_RUN = re.compile(r"(?: [\t\n\f\r \xa0]|[\t\n\f\r\xa0])[\t\n\f\r \xa0]*")
_STRING = etree.XPath("string()")
# Text and its runs in the source.
Piece = tuple[str, list[Run]]


def string_of(el: Any) -> str:
    """XPath ``string()`` of ``el``; most links and many paragraphs hold only text, which
    ``el.text`` reads without the cost of an XPath call (with no child nodes the two are
    the same: comments and processing instructions are removed by the parser)."""
    if len(el):
        return _STRING(el)
    return el.text or ""


def collapse(pieces: list[Piece]) -> Piece:
    """Join pieces, collapse whitespace runs to one space and strip, keeping the runs."""
    if len(pieces) == 1:
        raw, runs = pieces[0]
    else:
        texts: list[str] = []
        runs = []
        offset = 0
        for text, piece_runs in pieces:
            texts.append(text)
            if offset:
                runs.extend([(offset + t, s, n, sn) for t, s, n, sn in piece_runs])
            else:
                runs.extend(piece_runs)
            offset += len(text)
        raw = "".join(texts)
    lo = len(raw) - len(raw.lstrip(STRIP))
    hi = len(raw.rstrip(STRIP))
    if lo >= hi:
        return "", []
    if len(runs) == 1 and runs[0][2] == runs[0][3] and _WS_RUN.search(raw, lo, hi) is None:
        # One plain run and nothing to collapse: the common single text node.
        source_start = runs[0][1] + lo
        return raw[lo:hi], [(0, source_start, hi - lo, hi - lo)]
    ranges: list[tuple[int, int]] = []
    position = lo
    for m in _WS_RUN.finditer(raw, lo, hi):
        ranges.append((position, m.start() + 1))
        position = m.end()
    ranges.append((position, hi))
    text = _WS_RUN.sub(" ", raw[lo:hi]) if len(ranges) > 1 else raw[lo:hi]
    out: list[Run] = []
    append = out.append
    t = 0
    index = 0
    for x, y in ranges:
        while runs[index][0] + runs[index][2] <= x:
            index += 1
        while x < y:
            rt, rs, rn, rsn = runs[index]
            stop = rt + rn
            if stop > y:
                stop = y
            if rn == rsn:
                append((t, rs + x - rt, stop - x, stop - x))
            else:
                append((t, rs, stop - x, rsn))
            t += stop - x
            x = stop
            if x >= rt + rn:
                index += 1
    return text, out


def text_map(lines: list[Piece]) -> tuple[str, TextMap]:
    """Join collapsed lines with "\\n"; the newline maps to just after the previous line.

    Runs from ``collapse`` are valid ``TextMap`` runs already, so they are handed over
    directly instead of through ``TextMap.add`` (hot path: one call per block).
    """
    if len(lines) == 1:
        text, runs = lines[0]
        return text, TextMap(runs, [run[0] for run in runs])
    merged: list[Run] = []
    offset = 0
    for number, (text, runs) in enumerate(lines):
        if number:
            _, s, _, sn = lines[number - 1][1][-1]
            merged.append((offset, s + sn, 1, 1))
            offset += 1
        merged.extend([(offset + t, s, n, sn) for t, s, n, sn in runs])
        offset += len(text)
    return "\n".join(text for text, _ in lines), TextMap(merged, [run[0] for run in merged])
