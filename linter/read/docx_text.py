"""Word documents, the XML: paragraphs in body order and the text Word shows of each.

python-docx's ``Paragraph.text`` joins only the paragraph's direct ``w:r`` and
``w:hyperlink`` children, so it drops tracked insertions (``w:ins``), content controls
(``w:sdt``), simple fields and smart tags, all of which Word shows; and its
``Document.paragraphs`` leaves out table cells. So the body is walked here, on the lxml
elements python-docx parsed (with entities left unresolved and no network).

Shown: runs (``w:t``; a tab, ``w:br``, ``w:cr`` and ``w:ptab`` as one character each, so
a column is a character offset: a tab, or ``SOFT_BREAK`` (↵) for a line break, in the
source line, a space in the block's text, so that "power: " before a soft line break
does not read as two spaces in a row to the space-run rule, which reads the source),
hyperlinks, insertions, moved-in text, content controls, field results, and the number
of a footnote or endnote reference, which Word shows as a character of the line (in the
source line, so columns count it; in ``Para.marks``, so the block's text leaves it out).
Left out: deletions (``w:del``, ``w:delText``), moved-out text, field codes
(``w:instrText``), hidden runs (``w:vanish``), comment references, drawings and text
boxes, and the paragraphs of a vertically merged table cell's continuation (Word shows
the merged cell once). Comments, footnotes, headers and footers are other parts: never
read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_VAL = W + "val"

# Inline elements whose content Word shows in its final view, read through.
_THROUGH = frozenset(
    W + name for name in ("ins", "smartTag", "customXml", "fldSimple", "moveTo", "dir", "bdo")
)
_TAB = frozenset(W + name for name in ("tab", "ptab"))
_BREAK = frozenset(W + name for name in ("br", "cr"))
SOFT_BREAK = "\u21b5"  # a line break inside a paragraph, as the source line shows it
_NOTES = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote"}
_OFF = frozenset({"0", "false", "off"})
# Characters that would start a new line of the virtual source: one space each.
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


@dataclass(slots=True)
class Cell:
    """Where a paragraph sits in a table: the table's number, the row and the cell."""

    table: int
    row: int
    col: int


@dataclass(slots=True)
class Para:
    """One ``w:p``: its element, its shown text, its links (href, start, end), its cell."""

    element: Any
    text: str = ""
    links: list[tuple[str, int, int]] = field(default_factory=list)
    cell: Cell | None = None
    marks: list[tuple[int, int]] = field(default_factory=list)
    """Spans of ``text`` Word shows that are not words (note reference numbers)."""


def paragraphs(body: Any) -> Iterator[Para]:
    """Every ``w:p`` of the body in reading order, table cells row by row, cell by cell."""
    tables = [0]
    yield from _blocks(body, None, tables)


def _blocks(parent: Any, cell: Cell | None, tables: list[int]) -> Iterator[Para]:
    for child in parent:
        tag = child.tag
        if tag == W + "p":
            yield Para(child, cell=cell)
        elif tag == W + "tbl":
            number = tables[0]
            tables[0] += 1
            yield from _table(child, number, tables)
        elif tag in (W + "sdt", W + "customXml"):
            yield from _blocks(_content(child), cell, tables)


def _content(element: Any) -> Any:
    """What a content control holds (``w:sdtContent``), or a custom XML element itself."""
    if element.tag == W + "sdt":
        content = element.find(W + "sdtContent")
        return content if content is not None else ()
    return element


def _children(element: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` children of a table or row, looking through the content controls and
    custom XML that may wrap them (``_rows``: ``w:tr``; ``_cells``: ``w:tc``)."""
    for child in element:
        if child.tag == W + tag:
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            yield from _children(_content(child), tag)


def _rows(table: Any) -> Iterator[Any]:
    return _children(table, "tr")


def _cells(row: Any) -> Iterator[Any]:
    return _children(row, "tc")


def _continued(tc: Any) -> bool:
    """A cell that continues a vertical merge: Word shows the merged cell once, with the
    first cell's paragraphs, so this one's are not on the page."""
    merge = tc.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and (merge.get(_VAL) or "continue") != "restart"


def _table(table: Any, number: int, tables: list[int]) -> Iterator[Para]:
    for r, row in enumerate(_rows(table)):
        for c, tc in enumerate(_cells(row)):
            if not _continued(tc):
                yield from _blocks(tc, Cell(number, r, c), tables)


class Notes:
    """Footnote and endnote numbers in the order their references appear, as Word
    numbers them by default (1, 2, 3...; endnotes i, ii, iii...)."""

    def __init__(self) -> None:
        self.count = {"footnote": 0, "endnote": 0}

    def next(self, kind: str) -> str:
        self.count[kind] += 1
        return str(self.count[kind]) if kind == "footnote" else _roman(self.count[kind])


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):  # fmt: skip
        count, number = divmod(number, value)
        out += letters * count
    return out


def read_paragraph(para: Para, rels: dict[str, str], notes: Notes | None = None) -> None:
    """Fill ``para.text``, ``para.links`` and ``para.marks`` with what Word shows
    (``rels``: rId -> URL; ``notes`` numbers note references across the document)."""
    parts: list[str] = []
    _inline(para.element, parts, para, rels, notes or Notes())
    para.text = _LINE_BREAKS.sub(" ", "".join(parts))


def _inline(parent: Any, parts: list[str], para: Para, rels: dict[str, str], notes: Notes) -> None:
    for child in parent:
        tag = child.tag
        if tag == W + "r":
            _run(child, parts, para, notes)
        elif tag == W + "hyperlink":
            start = sum(map(len, parts))
            _inline(child, parts, para, rels, notes)
            href = rels.get(child.get(_R_ID) or "", "")
            anchor = child.get(W + "anchor")
            if not href and anchor:
                href = "#" + anchor
            para.links.append((href, start, sum(map(len, parts))))
        elif tag in _THROUGH:
            _inline(child, parts, para, rels, notes)
        elif tag == W + "sdt":
            _inline(_content(child), parts, para, rels, notes)


def _hidden(run: Any) -> bool:
    """A run formatted as hidden text (``w:vanish``), which Word does not show or print."""
    props = run.find(W + "rPr")
    if props is None:
        return False
    vanish = props.find(W + "vanish")
    return vanish is not None and (vanish.get(_VAL) or "1").lower() not in _OFF


def _run(run: Any, parts: list[str], para: Para, notes: Notes) -> None:
    if _hidden(run):
        return
    for child in run:
        tag = child.tag
        if tag == W + "t":
            # Entity references stay unresolved nodes (never expanded): their text is
            # left out, the text after them (their tail) is kept.
            parts.append(child.text or "")
            parts.extend(sub.tail or "" for sub in child)
        elif tag in _TAB:
            parts.append("\t")
        elif tag in _BREAK:
            parts.append(SOFT_BREAK)
        elif tag in _NOTES and child.get(W + "customMarkFollows") is None:
            start = sum(map(len, parts))
            parts.append(notes.next(_NOTES[tag]))
            para.marks.append((start, start + len(parts[-1])))
        elif tag == W + "noBreakHyphen":
            parts.append("-")


def paragraph_props(p: Any) -> tuple[str | None, int | None, bool | None]:
    """A paragraph's own style id, outline level (0-9) and numbering (``None``: not set)."""
    props = p.find(W + "pPr")
    if props is None:
        return None, None, None
    style = props.find(W + "pStyle")
    outline, numbered = pprops(props)
    return (style.get(_VAL) if style is not None else None), outline, numbered


def pprops(props: Any) -> tuple[int | None, bool | None]:
    """Outline level and numbering of a ``w:pPr`` (a paragraph's or a style's)."""
    outline = None
    level = props.find(W + "outlineLvl")
    if level is not None and (level.get(_VAL) or "").isdigit():
        outline = int(level.get(_VAL))
    # Numbered when a list is named (numId 0 takes numbering off); a level alone
    # (``w:ilvl``, as Word's Subtitle style has) names no list.
    num_id = props.find(f"{W}numPr/{W}numId")
    numbered = None if num_id is None else (num_id.get(_VAL) or "0") != "0"
    return outline, numbered
