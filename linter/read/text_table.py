"""Plain-text reader, tables: a column of one-cell lines read back into a grid.

Tables pasted out of web pages arrive as one cell a line; a run of short lines whose
types (numbers, Title Case labels, text) repeat in columns is a table, and the grid that
explains most cells is inferred here.
"""

from __future__ import annotations

from collections.abc import Sequence

from linter.read.text_lines import Unit, is_faq_heading, is_note, is_title_case, last_char, width

_CELL_MAX_WORDS = 10
_CELL_MAX_CHARS = 80
TABLE_MIN_CELLS = 6
_TABLE_MAX_COLUMNS = 6


def cell_candidate(unit: Unit) -> bool:
    text = unit.text
    return (
        unit.single
        and unit.bullet is None
        and unit.words <= _CELL_MAX_WORDS
        and width(text) <= _CELL_MAX_CHARS
        and last_char(text) not in ".!?:;"
        and not is_faq_heading(unit)
        and not is_note(text)
    )


def _cell_type(text: str) -> str:
    """``num``, ``title`` or ``text``; a single capitalised word fits any column (``any``)."""
    if text[:1].isdigit() or text[:1] in "$€£¥%+-":
        return "num"
    if is_title_case(text):
        return "any" if len(text.split()) == 1 else "title"
    return "text"


def _merge_row(col_types: list[str], row: Sequence[str]) -> list[str] | None:
    """Column types after one more data row, or ``None`` if the row breaks a column."""
    merged = list(col_types)
    for col, cell in enumerate(row):
        if cell == "any":
            continue
        if merged[col] == "any":
            merged[col] = cell
        elif merged[col] != cell:
            return None
    return None if merged[0] == "text" else merged


def _grid_rows(types: Sequence[str], columns: int) -> tuple[int, str]:
    """Rows (header included) of the longest grid ``columns`` wide that fits (else 0),
    with the type of its label column.

    A grid fits when the header row is label-like, every column keeps one type, the first
    column holds row labels and at least two columns differ. Fitting is prefix-closed, so
    one pass finds the longest.
    """
    if len(types) < columns * 3 or "text" in types[:columns]:
        return 0, ""
    col_types = ["any"] * columns
    rows = 1
    while (rows + 1) * columns <= len(types):
        merged = _merge_row(col_types, types[rows * columns : (rows + 1) * columns])
        if merged is None:
            break
        col_types, rows = merged, rows + 1
    if rows < 3 or len({t for t in col_types if t != "any"}) < 2:
        return 0, ""
    return rows, col_types[0]


def infer_grid(texts: Sequence[str]) -> tuple[int, int, int] | None:
    """``(skip, columns, rows)`` of the table in a run of cells, or ``None`` if unclear.

    A few leading lines may be a heading or caption; trailing lines past the last whole
    row are left out. Among grids covering as many cells, one whose first column holds
    word labels beats one with numbers there, and widths that are multiples of the true
    one can fit too, so the narrowest grid wins the remaining ties.
    """
    types = [_cell_type(t) for t in texts]
    best: tuple[int, bool, int, int, int] | None = None
    for skip in range(min(3, len(texts))):
        for columns in range(2, _TABLE_MAX_COLUMNS + 1):
            rows, label = _grid_rows(types[skip:], columns)
            key = (-(columns * rows), label == "num", skip, columns, rows)
            if rows and (best is None or key < best):
                best = key
    if best is None or -best[0] < TABLE_MIN_CELLS:
        return None
    return best[2], best[3], best[4]


def table_run(units: Sequence[Unit], start: int) -> int:
    """End index of the run of one-cell lines starting at ``start``."""
    end = start
    while end < len(units) and cell_candidate(units[end]):
        end += 1
    return end
