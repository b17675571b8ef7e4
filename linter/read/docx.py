"""Word reader: a .docx read with python-docx, one line of virtual source per paragraph.

python-docx (not mammoth) because it gives the body's paragraphs in order with their
styles, so a finding can name the paragraph an editor sees in Word; mammoth converts to
HTML and loses which paragraph a piece of text came from.

Positions
    ``Document.source`` is a virtual text with one line per ``w:p`` of the body, in the
    order Word shows them with ¶ marks on (Home > Show/Hide ¶): empty paragraphs
    included, table cells row by row, cell by cell. Line N is paragraph N; column C is
    character C of its text (a tab or soft line break is one character). Every block maps
    one to one onto its line, so the engine needs no special case; reports print the
    line as ``¶N`` (``linter.model.line_label``).

Blocks
    By paragraph style: "Heading 1".."Heading 6" (or an outline level) -> HEADING, "Title"
    -> TITLE, a list style or numbering (direct or through the style) -> LIST_ITEM, a
    table cell -> TABLE_CELL, "Quote"/"Intense Quote" -> QUOTE, "Caption" -> a caption
    (prose rules skip it), else PARAGRAPH. Table-of-contents paragraphs ("TOC 1"...)
    repeat the headings and make no block; neither does an empty paragraph. The FAQ
    roles come from the HTML reader's ``mark_faq``, the same sections and questions.
    What text counts is in ``linter.read.docx_text``; what input is refused, in
    ``linter.read.docx_zip``.

Title
    The document's Title property when set (it has no place in the text: line 1,
    column 1), else the first "Title" paragraph, else the first heading.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from linter.model import (
    CAPTION,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    TABLE_CELL,
    TITLE,
    Block,
    Document,
    Link,
    TableCell,
)
from linter.read.decode import ReadError
from linter.read.docx_text import (
    SOFT_BREAK,
    Notes,
    Para,
    W,
    paragraph_props,
    paragraphs,
    pprops,
    read_paragraph,
)
from linter.read.docx_zip import one_line, open_archive
from linter.read.html_faq import mark_faq
from linter.textmap import TextMap

_HEADING_STYLE = re.compile(r"heading ([1-9])")
_QUOTE_STYLES = frozenset({"quote", "intense quote"})
_BODY_TEXT_LEVEL = 9  # outline level 9 is "Body Text", not a heading


@dataclass(slots=True)
class _Style:
    name: str = ""
    outline: int | None = None
    numbered: bool | None = None


def read_docx(data: bytes, path: str) -> Document:
    """Build the document for the bytes of a .docx; ``ReadError`` for anything else."""
    open_archive(data, path).close()
    word = _open(data)
    body = word.element.body
    rels = {
        rid: rel.target_ref for rid, rel in word.part.rels.items() if getattr(rel, "is_external", 0)
    }
    paras = list(paragraphs(body)) if body is not None else []
    notes = Notes()
    for para in paras:
        read_paragraph(para, rels, notes)
    if not any(para.text.strip() for para in paras):
        raise ReadError("the Word document's body is empty: no text to check")
    doc = Document(path=path, format="docx", source="\n".join(para.text for para in paras))
    _build(doc, paras, _styles(word))
    _title(doc, (word.core_properties.title or "").strip())
    return doc


def _open(data: bytes) -> Any:
    """python-docx's document; its errors as one-line ``ReadError``s."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        return docx.Document(io.BytesIO(data))
    except XMLSyntaxError as error:
        raise ReadError(f"broken XML in the Word document: {one_line(error)}") from None
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise ReadError(f"not a Word document (.docx): {one_line(error)}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as error:
        raise ReadError(f"a damaged Word document: {one_line(error)}") from None


def _styles(word: Any) -> tuple[dict[str, _Style], _Style]:
    """Paragraph styles by id, with outline level and numbering inherited along
    ``basedOn``; and the default paragraph style."""
    raw: dict[str, tuple[str, str | None, int | None, bool | None]] = {}
    default = ""
    for style in word.styles.element.iterfind(W + "style"):
        if style.get(W + "type") != "paragraph":
            continue
        sid = style.get(W + "styleId") or ""
        name = style.find(W + "name")
        based = style.find(W + "basedOn")
        props = style.find(W + "pPr")
        outline, numbered = pprops(props) if props is not None else (None, None)
        raw[sid] = (
            (name.get(W + "val") or "") if name is not None else sid,
            based.get(W + "val") if based is not None else None,
            outline,
            numbered,
        )
        if (style.get(W + "default") or "").lower() in ("1", "true", "on"):
            default = sid
    resolved = {sid: _resolve(sid, raw) for sid in raw}
    return resolved, resolved.get(default, _Style())


def _resolve(sid: str, raw: dict[str, Any]) -> _Style:
    name, based, outline, numbered = raw[sid]
    seen = {sid}
    while based in raw and based not in seen and (outline is None or numbered is None):
        seen.add(based)
        _, next_based, base_outline, base_numbered = raw[based]
        outline = base_outline if outline is None else outline
        numbered = base_numbered if numbered is None else numbered
        based = next_based
    return _Style(name.strip().lower(), outline, numbered)


def _kind(
    para: Para, styles: tuple[dict[str, _Style], _Style]
) -> tuple[str | None, int, str | None]:
    """The block kind, heading level and part of a paragraph (kind ``None``: no block)."""
    sid, outline, numbered = paragraph_props(para.element)
    by_id, default = styles
    style = by_id.get(sid, default) if sid else default
    name = style.name
    outline = style.outline if outline is None else outline
    numbered = style.numbered if numbered is None else numbered
    heading = _HEADING_STYLE.fullmatch(name)
    if heading:
        return HEADING, min(int(heading.group(1)), 6), None
    if name == "title":
        return TITLE, 0, None
    if name.startswith("toc "):
        return None, 0, None
    if outline is not None and outline < _BODY_TEXT_LEVEL:
        return HEADING, min(outline + 1, 6), None
    if para.cell is not None:
        return TABLE_CELL, 0, None
    if name in _QUOTE_STYLES:
        return QUOTE, 0, None
    if numbered or name.startswith("list"):
        return LIST_ITEM, 0, None
    return PARAGRAPH, 0, CAPTION if name == "caption" else None


def _build(doc: Document, paras: list[Para], styles: tuple[dict[str, _Style], _Style]) -> None:
    """Blocks and links, each mapped onto its paragraph's line of the virtual source."""
    blocks: list[Block] = []
    line_start = 0
    for para in paras:
        text = para.text
        for href, start, end in para.links:
            doc.links.append(Link(href, text[start:end].strip(), line_start + start))
        stripped = text.strip(_EDGE)
        kind, level, part = _kind(para, styles) if stripped else (None, 0, None)
        if kind is not None:
            words, tmap = _words(para, line_start)
            block = Block(kind, words, tmap, level=level, index=len(blocks), part=part)
            if para.cell is not None:
                block.table = TableCell(para.cell.table, para.cell.row, para.cell.col)
            blocks.append(block)
        line_start += len(text) + 1
    mark_faq(blocks, ["p"] * len(blocks), [None] * len(blocks))
    doc.blocks = blocks


# What a paragraph's text is trimmed of at its ends: white space and line breaks.
_EDGE = " \t\u00a0\u2007\u202f" + SOFT_BREAK


def _words(para: Para, line_start: int) -> tuple[str, TextMap]:
    """The block text of a paragraph, trimmed, with tabs and line breaks as spaces and
    note reference numbers left out, and its map onto the paragraph's source line."""
    text = para.text
    start = len(text) - len(text.lstrip(_EDGE))
    end = len(text.rstrip(_EDGE))
    pieces: list[str] = []
    tmap = TextMap()
    at = start
    for mark_start, mark_end in [*sorted(para.marks), (end, end)]:
        piece = text[at : max(at, min(mark_start, end))]
        if piece:
            tmap.add(sum(map(len, pieces)), line_start + at, len(piece), len(piece))
            pieces.append(piece)
        at = max(at, mark_end)
    words = "".join(pieces).replace("\t", " ").replace(SOFT_BREAK, " ")
    return words, tmap


def _title(doc: Document, property_title: str) -> None:
    """The Title property, else the first Title paragraph, else the first heading."""
    if property_title:
        doc.title, doc.title_offset = property_title, 0
        return
    for kind in (TITLE, HEADING):
        for block in doc.blocks:
            if block.kind == kind:
                doc.title, doc.title_offset = block.text, block.tmap.to_source(0)
                return
