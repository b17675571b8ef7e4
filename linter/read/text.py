"""Plain-text reader: infers title, headings, lists, tables and FAQs from bare lines.

Text pasted out of web pages has lost its tags, but the structure is still visible in the
shape of the lines: a short Title Case line is a heading, a line opening with ``•`` is a
list item, a column of one-cell lines is a flattened table. Rules need that structure
(a heading is not a sentence, an FAQ answer belongs to its question), so it is rebuilt
here from line shapes alone. Every block keeps an exact map back to the source so that
findings land on the right line and column.

``text_lines`` splits the lines, groups them into units and tells their shapes,
``text_title`` reads the title and ``text_table`` infers tables; this module reads the
body (lists, headings, paragraphs, tables and FAQs) and builds the document.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_CELL,
    Document,
    TableCell,
)
from linter.read.text_lines import (
    SPACE,
    State,
    Unit,
    add_block,
    group_units,
    heading_shape,
    is_faq_heading,
    is_fragment,
    last_char,
    plain_heading,
    split_lines,
)
from linter.read.text_table import TABLE_MIN_CELLS, cell_candidate, infer_grid, table_run
from linter.read.text_title import read_title

_QUESTION_MAX_WORDS = 40
_QUESTION_PREFIX = re.compile(
    r"(?:(?P<num>\d{1,3})\s*[.):]|Q\s*(?P<qnum>\d{1,3})?\s*[:.)]"
    r"|Question\s*(?P<wnum>\d{1,3})?\s*[:.])[ \t\u00a0]*",
    re.IGNORECASE,
)
_ANSWER_PREFIX = re.compile(r"(?:Answer\s*[:\-–—]|Ans\.?\s*:|A\s*:)[ \t\u00a0]*", re.IGNORECASE)


def _marker_roles(match: re.Match[str]) -> dict[str, Any]:
    """A list item's ``marker`` and, for a numbered one, its ``number``."""
    number = match.group("num") or match.group("pnum")
    return {"marker": match.group(0).strip(SPACE), "number": int(number) if number else None}


# --- tables -----------------------------------------------------------------------------


def _emit_table(state: State, units: Sequence[Unit], start: int, end: int) -> int:
    """Table cells for ``units[start:end]``; returns where normal reading resumes."""
    grid = infer_grid([u.text for u in units[start:end]])
    table = state.tables
    state.tables += 1
    if grid is None:
        for unit in units[start:end]:
            add_block(state, TABLE_CELL, unit, table=TableCell(table))
        return end
    skip, columns, rows = grid
    for offset in range(skip):
        _classify(state, units, start + offset)
    first = start + skip
    for cell in range(columns * rows):
        where = TableCell(table, cell // columns, cell % columns)
        add_block(state, TABLE_CELL, units[first + cell], table=where)
    return first + columns * rows


# --- FAQ --------------------------------------------------------------------------------


def _question(unit: Unit) -> tuple[int, int | None] | None:
    """``(prefix_length, number)`` if ``unit`` is an FAQ question."""
    text = unit.text
    if last_char(text) != "?" or unit.words > _QUESTION_MAX_WORDS:
        return None
    if unit.bullet is not None and not unit.bullet.group("num"):
        return None
    match = _QUESTION_PREFIX.match(text)
    if match is None:
        return 0, None
    number = match.group("num") or match.group("qnum") or match.group("wnum")
    return match.end(), int(number) if number else None


def _faq_unit(state: State, units: Sequence[Unit], index: int) -> bool:
    """Read one line inside an FAQ; ``False`` when the line ends the FAQ instead."""
    unit = units[index]
    question = _question(unit)
    if question is not None:
        skip, number = question
        block = add_block(state, FAQ_QUESTION, unit, skip=skip, number=number)
        if block is not None:
            state.question, state.answered = block.index, False
        return True
    if (state.question is None or state.answered) and heading_shape(unit):
        following = units[index + 1] if index + 1 < len(units) else None
        if following is None or _question(following) is None:
            return False
        # A group heading inside the FAQ ("Billing", then billing questions).
        add_block(state, HEADING, unit, level=3, faq_group=True)
        return True
    if state.question is None:
        _classify_plain(state, units, index)
        return True
    state.answered = True
    if unit.bullet is not None:
        add_block(
            state, FAQ_ANSWER, unit, skip=unit.bullet.end(), answers=state.question, bullet=True
        )
        return True
    prefix = _ANSWER_PREFIX.match(unit.text)
    skip = prefix.end() if prefix else 0
    add_block(state, FAQ_ANSWER, unit, skip=skip, answers=state.question)
    return True


# --- body -------------------------------------------------------------------------------


def _classify_plain(state: State, units: Sequence[Unit], index: int) -> None:
    """List item, heading or paragraph, from the line and its neighbours."""
    unit = units[index]
    if unit.bullet is not None:
        add_block(state, LIST_ITEM, unit, skip=unit.bullet.end(), **_marker_roles(unit.bullet))
        state.fragments = False
        return
    previous = units[index - 1] if index else None
    following = units[index + 1] if index + 1 < len(units) else None
    # Short lines after a lead-in ("Benefits include:") are unmarked list entries.
    after_lead_in = previous is not None and last_char(previous.text) == ":"
    in_list = state.fragments and not unit.lines[0].blank_before
    if (after_lead_in or in_list) and is_fragment(unit):
        state.fragments = True
        add_block(state, PARAGRAPH, unit)
        return
    state.fragments = False
    if heading_shape(unit) or plain_heading(unit, following):
        add_block(state, HEADING, unit, level=2)
    else:
        add_block(state, PARAGRAPH, unit)


def _classify(state: State, units: Sequence[Unit], index: int) -> None:
    unit = units[index]
    if is_faq_heading(unit):
        add_block(state, HEADING, unit, level=2, faq_section=True)
        state.in_faq, state.question, state.answered = True, None, False
        return
    _classify_plain(state, units, index)


def _read_body(state: State, units: Sequence[Unit], index: int) -> None:
    while index < len(units):
        if state.in_faq:
            if _faq_unit(state, units, index):
                index += 1
                continue
            state.in_faq, state.question = False, None
        elif cell_candidate(units[index]):
            end = table_run(units, index)
            if end - index >= TABLE_MIN_CELLS:
                resume = _emit_table(state, units, index, end)
                for rest in range(resume, end):
                    _classify(state, units, rest)
                index = end
                continue
        _classify(state, units, index)
        index += 1


def read_text(text: str, path: str) -> Document:
    """Build the document for plain ``text`` (already decoded, BOM removed)."""
    doc = Document(path=path, format="text", source=text)
    state = State()
    units = group_units(split_lines(text))
    start = read_title(doc, state, units)
    _read_body(state, units, start)
    doc.blocks = state.blocks
    return doc


def _outline(doc: Document) -> str:
    """One line a block: what the reader inferred, for eyeballing real inputs."""
    rows = []
    for block in doc.blocks:
        line, column = doc.lines.position(block.tmap.to_source(0))
        extra = {k: v for k, v in block.roles().items() if k != "marker"}
        rows.append(
            f"{block.index:3} {line:4}:{column:<3} {block.kind:12} {block.level} "
            f"{block.text[:60]!r} {extra or ''}"
        )
    return "\n".join(rows)


if __name__ == "__main__":  # pragma: no cover - a debugging aid
    for name in sys.argv[1:]:
        with open(name, encoding="utf-8-sig") as handle:
            document = read_text(handle.read(), name)
        print(name, document.title, document.title_run_in)
        print(_outline(document))
