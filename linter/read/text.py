"""Plain-text reader: infers title, headings, lists, tables and FAQs from bare lines.

Text pasted out of web pages has lost its tags, but the structure is still visible in the
shape of the lines: a short Title Case line is a heading, a line opening with ``•`` is a
list item, a column of one-cell lines is a flattened table. Rules need that structure
(a heading is not a sentence, an FAQ answer belongs to its question), so it is rebuilt
here from line shapes alone. Every block keeps an exact map back to the source so that
findings land on the right line and column.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    MAIN,
    PARAGRAPH,
    TABLE_CELL,
    TITLE,
    Block,
    Document,
)
from linter.textmap import TextMap

# Every character Python counts as whitespace (tabs, NBSP, thin spaces...) plus the
# zero-width characters that page copies leave at line ends.
_SPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "\u200b\u200c\ufeff"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"\S+")
_WORD_PUNCT = "\"'“”‘’«»()[]{}:;,.!?*_"
_CLOSERS = "\"'”’»)]"

_TITLE_MAX_WORDS = 15
_HEADING_MAX_WORDS = 15
_HEADING_MAX_CHARS = 150
_LABEL_MAX_WORDS = 12
_PLAIN_HEADING_MAX_WORDS = 10
_QUESTION_MAX_WORDS = 40
_CELL_MAX_WORDS = 10
_CELL_MAX_CHARS = 80
_TABLE_MIN_CELLS = 6
_TABLE_MAX_COLUMNS = 6
_RUN_IN_MIN_WORDS = 12
_RUN_MAX_WORDS = 20


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Small words Title Case leaves in lower case.
_CONNECTORS = _wordset(
    "a an and as at but by for from if in into nor of off on onto or over per so than"
    " the to up via vs vs. v. versus with within without yet"
)
# Capitalised words that open a sentence; seeing one mid-run followed by a lower-case word
# marks where a run-in title stops and the first sentence begins.
_OPENERS = _wordset(
    "In The A An When While If As For This These That Today Whether Although Though"
    " Because Since With Without Many Most Every Each Over Across Nowadays Currently"
    " Recently Our We You It There Here Choosing Understanding Imagine Did Have Are Is"
    " Do Does Can"
)
# Words a question heading starts with; an elliptical question ("Interested in ...?") is
# a call to action in running text, not a heading.
_INTERROGATIVES = _wordset(
    "what why how which who whom whose when where is are was were can could do does"
    " did should will would has have may might must shall"
)
# "Related: ..." and friends are inline links or notes, not section headings.
_NOTE_PREFIX = re.compile(
    r"(?:related(?:\s+(?:post|posts|article|articles|reading|content|link))?|read\s+more"
    r"|read\s+also|also\s+read|see\s+also|learn\s+more|further\s+reading|more\s+reading"
    r"|sources?|note|tip|disclaimer|photo|image|credit|sponsored|advertisement)\s*:",
    re.IGNORECASE,
)
_FAQ_HEADING = re.compile(
    r"\(?\s*(?:faqs?|f\.a\.q\.?s?|frequently\s+asked\s+questions|common\s+questions"
    r"|questions\s+and\s+answers|q\s*&\s*a)\s*(?:\(\s*faqs?\s*\))?\s*\)?"
    r"(?:$|\s*[:\-–—|]\s*\S|\s+(?:about|on|for|regarding|of|to|in|related\s+to)\b)",
    re.IGNORECASE,
)
_BULLET = re.compile(
    r"(?:[•·▪◦●■‣⁃○](?=\S)|[•·▪◦●■‣⁃○*–-](?=\s)|(?P<num>\d{1,3})[.)](?=\s)"
    r"|\((?P<pnum>\d{1,3})\)(?=\s)|[a-z][.)](?=\s)|[A-Z]\)(?=\s)|\([a-zA-Z]\)(?=\s))"
    r"[ \t\u00a0]*"
)
_QUESTION_PREFIX = re.compile(
    r"(?:(?P<num>\d{1,3})\s*[.):]|Q\s*(?P<qnum>\d{1,3})?\s*[:.)]"
    r"|Question\s*(?P<wnum>\d{1,3})?\s*[:.])[ \t\u00a0]*",
    re.IGNORECASE,
)
_ANSWER_PREFIX = re.compile(r"(?:Answer\s*[:\-–—]|Ans\.?\s*:|A\s*:)[ \t\u00a0]*", re.IGNORECASE)
# A sentence boundary inside a line ("Why? Because ..."), ignoring common abbreviations.
_INNER_SENTENCE = re.compile(r"(?<!\bvs)(?<!\bVs)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)[.!?]\s+\S")


@dataclass(slots=True)
class _Line:
    """One non-blank source line, trimmed; ``start`` is the source offset of ``text``."""

    start: int
    text: str
    blank_before: bool


@dataclass(slots=True)
class _Unit:
    """One logical line: a source line plus the hard-wrapped lines that continue it."""

    lines: list[_Line]
    bullet: re.Match[str] | None = None
    text: str = ""
    words: int = 0

    @property
    def single(self) -> bool:
        return len(self.lines) == 1


@dataclass
class _State:
    """What the classifier remembers between lines."""

    blocks: list[Block] = field(default_factory=list)
    in_faq: bool = False
    question: int | None = None
    answered: bool = False
    fragments: bool = False
    tables: int = 0


# --- line shapes -------------------------------------------------------------------------


_COMMENT_LINE = re.compile(r"<!--.*?-->")


def split_lines(text: str) -> list[_Line]:
    """Trimmed non-blank lines; ``\\n``, ``\\r\\n`` and lone ``\\r`` all end a line."""
    lines: list[_Line] = []
    position = 0
    blank_before = True
    ends = [*(match.start() for match in _LINE_BREAK.finditer(text)), len(text)]
    for end in ends:
        raw = text[position:end]
        content = raw.strip(_SPACE)
        if _COMMENT_LINE.fullmatch(content):
            pass  # a "<!-- contentlint-disable ... -->" line directs the linter; it is not text
        elif content:
            lead = len(raw) - len(raw.lstrip(_SPACE))
            lines.append(_Line(position + lead, content, blank_before))
            blank_before = False
        else:
            blank_before = True
        if end < len(text):
            position = end + (2 if text.startswith("\r\n", end) else 1)
    return lines


def _last_char(text: str) -> str:
    """Final character, looking through closing quotes and brackets."""
    stripped = text.rstrip(_CLOSERS)
    return stripped[-1] if stripped else ""


def _starts_lower(text: str) -> bool:
    """Whether the first letter or digit, within the first 8 characters other than white
    space, is lower case. White space does not count, so a space run (which the
    white-space fix collapses) never decides how a line is read."""
    seen = 0
    for char in text:
        if char.isalnum():
            return char.islower()
        if not char.isspace():
            seen += 1
            if seen == 8:
                break
    return False


def _width(text: str) -> int:
    """Length of ``text`` with its space runs counted as one space (see ``_starts_lower``)."""
    return len(" ".join(text.split()))


def _clean_words(text: str) -> list[str]:
    return [w for w in (word.strip(_WORD_PUNCT) for word in text.split()) if w]


def _capitalised(word: str) -> bool:
    return word[0].isupper() or any(c.isupper() for c in word[1:])


def _is_title_case(text: str) -> bool:
    """Every word capitalised except small connector words, and the first one capitalised."""
    words = _clean_words(text)
    if not words or (not _capitalised(words[0]) and words[0][0].isalpha()):
        return False
    seen_capital = False
    for word in words:
        if not word[0].isalpha():
            continue
        if _capitalised(word):
            seen_capital = True
        elif word.lower() not in _CONNECTORS:
            return False
    return seen_capital


def _is_note(text: str) -> bool:
    return _NOTE_PREFIX.match(text) is not None


def _is_faq_heading(unit: _Unit) -> bool:
    return (
        unit.bullet is None
        and unit.words <= _HEADING_MAX_WORDS
        and _last_char(unit.text) != "."
        and _FAQ_HEADING.match(unit.text) is not None
    )


def _is_fragment(unit: _Unit) -> bool:
    """A short line with no final punctuation: a list entry or cell, or a heading."""
    return (
        unit.bullet is None
        and unit.words <= _PLAIN_HEADING_MAX_WORDS
        and _last_char(unit.text) not in ".!?:;,"
    )


def _heading_shape(unit: _Unit) -> bool:
    """Whether the line alone looks like a heading, before its neighbours are considered."""
    text = unit.text
    if (
        not unit.single
        or unit.bullet is not None
        or unit.words > _HEADING_MAX_WORDS
        or _width(text) > _HEADING_MAX_CHARS
        or _starts_lower(text)
        or _is_note(text)
    ):
        return False
    last = _last_char(text)
    if last in ".!;,":
        return False
    title_case = _is_title_case(text)
    if last == "?":
        first = _clean_words(text)[:1]
        return title_case or bool(first and first[0].lower() in _INTERROGATIVES)
    if last == ":":
        return unit.words <= _LABEL_MAX_WORDS and _is_title_case(text[:-1])
    return title_case


def _plain_heading(unit: _Unit, following: _Unit | None) -> bool:
    """A short sentence-case line with no final punctuation heading a prose paragraph."""
    text = unit.text
    return (
        unit.single
        and unit.bullet is None
        and unit.words <= _PLAIN_HEADING_MAX_WORDS
        and _last_char(text) not in ".!?:;,"
        and "," not in text
        and not _starts_lower(text)
        and not _is_note(text)
        and _INNER_SENTENCE.search(text) is None
        and following is not None
        and (following.bullet is not None or not _is_fragment(following))
    )


# --- grouping lines into units ----------------------------------------------------------


def _continues(previous: _Line, line: _Line) -> bool:
    """A hard wrap: no blank line, no closing punctuation, next line starts lower case."""
    return (
        not line.blank_before
        and _last_char(previous.text) not in ".!?:;…"
        and _starts_lower(line.text)
        and _BULLET.match(line.text) is None
    )


def _units(lines: Sequence[_Line]) -> list[_Unit]:
    units: list[_Unit] = []
    for line in lines:
        if units and _continues(units[-1].lines[-1], line):
            units[-1].lines.append(line)
        else:
            units.append(_Unit([line], _BULLET.match(line.text)))
    for unit in units:
        unit.text = " ".join(line.text for line in unit.lines)
        unit.words = len(unit.text.split())
    return units


# --- blocks -----------------------------------------------------------------------------


def _block(
    state: _State,
    kind: str,
    unit: _Unit,
    skip: int = 0,
    level: int = 0,
    attrs: dict[str, Any] | None = None,
) -> Block | None:
    """Append a block for ``unit`` minus its first ``skip`` characters (marker, prefix)."""
    tmap = TextMap()
    parts: list[str] = []
    position = 0
    previous_end: int | None = None
    for number, line in enumerate(unit.lines):
        text = line.text[skip:].lstrip(_SPACE) if number == 0 else line.text
        start = line.start + (len(line.text) - len(text))
        if not text:
            continue
        if previous_end is not None:
            # The line break reads as one space that spans the whole break in the source.
            tmap.add(position, previous_end, 1, start - previous_end)
            parts.append(" ")
            position += 1
        tmap.add(position, start, len(text), len(text))
        parts.append(text)
        position += len(text)
        previous_end = start + len(text)
    if not parts:
        return None
    block = Block(
        kind=kind,
        text="".join(parts),
        tmap=tmap,
        level=level,
        region=MAIN,
        index=len(state.blocks),
        attrs=attrs or {},
    )
    state.blocks.append(block)
    return block


def _marker_attrs(match: re.Match[str]) -> dict[str, Any]:
    marker = match.group(0).strip(_SPACE)
    number = match.group("num") or match.group("pnum")
    attrs: dict[str, Any] = {"marker": marker}
    if number:
        attrs["number"] = int(number)
    return attrs


# --- title ------------------------------------------------------------------------------


def _title_like(unit: _Unit) -> bool:
    text = unit.text
    return (
        unit.single
        and unit.bullet is None
        and unit.words <= _TITLE_MAX_WORDS
        and _last_char(text) not in ".,;:"
        and not _starts_lower(text)
        and not _is_faq_heading(unit)
    )


def _run_words(line: str) -> list[re.Match[str]]:
    """The leading Title Case run of ``line`` (words with their positions)."""
    run: list[re.Match[str]] = []
    for match in _WORD.finditer(line):
        if len(run) >= _RUN_MAX_WORDS:
            break
        word = match.group(0)
        core = word.strip(_WORD_PUNCT)
        if not core:
            break
        if word[-1] in ".,;!?" and core.lower() not in _CONNECTORS:
            break
        if _capitalised(core) or (run and core.lower() in _CONNECTORS and core.islower()):
            run.append(match)
            continue
        break
    return run


def _word_after(line: str, end: int) -> str:
    match = _WORD.search(line, end)
    return match.group(0).strip(_WORD_PUNCT) if match else ""


def _run_in_title(line: str, source: str, start: int) -> tuple[int, int] | None:
    """``(title_end, sentence_start)`` inside ``line`` when a title runs into the text.

    ``line`` starts at ``start`` in ``source``; a template that pastes the title phrase
    once usually pastes it again later, which marks where the title stops.
    """
    words = line.split()
    if len(words) < _RUN_IN_MIN_WORDS:
        return None
    run = _run_words(line)
    while run and run[-1].group(0).islower():
        run.pop()
    # A sentence opener closing the run and followed by a lower-case word.
    if len(run) >= 3 and run[-1].group(0) in _OPENERS:
        after = _word_after(line, run[-1].end())
        title = run[:-1]
        if after[:1].islower() and title[-1].group(0).lower() not in _CONNECTORS:
            return title[-1].end(), run[-1].start()
    # The longest prefix of the run that the document repeats elsewhere.
    for size in range(len(run) - 1, 2, -1):
        phrase = line[: run[size - 1].end()]
        if run[size - 1].group(0).islower() or source.find(phrase, start + len(phrase)) < 0:
            continue
        opener = run[size].group(0)
        after = _word_after(line, run[size].end())
        starts_sentence = opener in _OPENERS or (
            after[:1].islower() and after.lower() not in _CONNECTORS
        )
        return (run[size - 1].end(), run[size].start()) if starts_sentence else None
    return None


def _read_title(doc: Document, state: _State, units: list[_Unit]) -> int:
    """Title block (and its repetition as H1), or run-in title meta; units consumed."""
    if not units:
        return 0
    first = units[0]
    if _title_like(first):
        line = first.lines[0]
        doc.title, doc.title_offset = line.text, line.start
        _block(state, TITLE, first)
        if len(units) > 1 and units[1].single and units[1].text == first.text:
            _block(state, HEADING, units[1], level=1)
            return 2
        return 1
    line = first.lines[0]
    if first.bullet is None:
        found = _run_in_title(line.text, doc.source, line.start)
        if found:
            title_end, sentence_start = found
            doc.title = line.text[:title_end]
            doc.title_offset = line.start
            doc.meta["title_run_in"] = {
                "title_end": line.start + title_end,
                "sentence_start": line.start + sentence_start,
            }
            _block(state, PARAGRAPH, first)
            return 1
    return 0


# --- tables -----------------------------------------------------------------------------


def _cell_candidate(unit: _Unit) -> bool:
    text = unit.text
    return (
        unit.single
        and unit.bullet is None
        and unit.words <= _CELL_MAX_WORDS
        and _width(text) <= _CELL_MAX_CHARS
        and _last_char(text) not in ".!?:;"
        and not _is_faq_heading(unit)
        and not _is_note(text)
    )


def _cell_type(text: str) -> str:
    """``num``, ``title`` or ``text``; a single capitalised word fits any column (``any``)."""
    if text[:1].isdigit() or text[:1] in "$€£¥%+-":
        return "num"
    if _is_title_case(text):
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


def _infer_grid(texts: Sequence[str]) -> tuple[int, int, int] | None:
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
    if best is None or -best[0] < _TABLE_MIN_CELLS:
        return None
    return best[2], best[3], best[4]


def _table_run(units: Sequence[_Unit], start: int) -> int:
    """End index of the run of one-cell lines starting at ``start``."""
    end = start
    while end < len(units) and _cell_candidate(units[end]):
        end += 1
    return end


def _emit_table(state: _State, units: Sequence[_Unit], start: int, end: int) -> int:
    """Table cells for ``units[start:end]``; returns where normal reading resumes."""
    grid = _infer_grid([u.text for u in units[start:end]])
    table = state.tables
    state.tables += 1
    if grid is None:
        for unit in units[start:end]:
            _block(state, TABLE_CELL, unit, attrs={"row": None, "col": None, "table": table})
        return end
    skip, columns, rows = grid
    for offset in range(skip):
        _classify(state, units, start + offset)
    first = start + skip
    for cell in range(columns * rows):
        attrs = {"row": cell // columns, "col": cell % columns, "table": table}
        _block(state, TABLE_CELL, units[first + cell], attrs=attrs)
    return first + columns * rows


# --- FAQ --------------------------------------------------------------------------------


def _question(unit: _Unit) -> tuple[int, int | None] | None:
    """``(prefix_length, number)`` if ``unit`` is an FAQ question."""
    text = unit.text
    if _last_char(text) != "?" or unit.words > _QUESTION_MAX_WORDS:
        return None
    if unit.bullet is not None and not unit.bullet.group("num"):
        return None
    match = _QUESTION_PREFIX.match(text)
    if match is None:
        return 0, None
    number = match.group("num") or match.group("qnum") or match.group("wnum")
    return match.end(), int(number) if number else None


def _faq_unit(state: _State, units: Sequence[_Unit], index: int) -> bool:
    """Read one line inside an FAQ; ``False`` when the line ends the FAQ instead."""
    unit = units[index]
    question = _question(unit)
    if question is not None:
        skip, number = question
        attrs = {} if number is None else {"number": number}
        block = _block(state, FAQ_QUESTION, unit, skip=skip, attrs=attrs)
        if block is not None:
            state.question, state.answered = block.index, False
        return True
    if (state.question is None or state.answered) and _heading_shape(unit):
        following = units[index + 1] if index + 1 < len(units) else None
        if following is None or _question(following) is None:
            return False
        # A group heading inside the FAQ ("Billing", then billing questions).
        _block(state, HEADING, unit, level=3, attrs={"faq_group": True})
        return True
    if state.question is None:
        _classify_plain(state, units, index)
        return True
    state.answered = True
    attrs: dict[str, Any] = {"question": state.question}
    if unit.bullet is not None:
        _block(state, FAQ_ANSWER, unit, skip=unit.bullet.end(), attrs={**attrs, "bullet": True})
        return True
    prefix = _ANSWER_PREFIX.match(unit.text)
    _block(state, FAQ_ANSWER, unit, skip=prefix.end() if prefix else 0, attrs=attrs)
    return True


# --- body -------------------------------------------------------------------------------


def _classify_plain(state: _State, units: Sequence[_Unit], index: int) -> None:
    """List item, heading or paragraph, from the line and its neighbours."""
    unit = units[index]
    if unit.bullet is not None:
        _block(state, LIST_ITEM, unit, skip=unit.bullet.end(), attrs=_marker_attrs(unit.bullet))
        state.fragments = False
        return
    previous = units[index - 1] if index else None
    following = units[index + 1] if index + 1 < len(units) else None
    # Short lines after a lead-in ("Benefits include:") are unmarked list entries.
    after_lead_in = previous is not None and _last_char(previous.text) == ":"
    in_list = state.fragments and not unit.lines[0].blank_before
    if (after_lead_in or in_list) and _is_fragment(unit):
        state.fragments = True
        _block(state, PARAGRAPH, unit)
        return
    state.fragments = False
    if _heading_shape(unit) or _plain_heading(unit, following):
        _block(state, HEADING, unit, level=2)
    else:
        _block(state, PARAGRAPH, unit)


def _classify(state: _State, units: Sequence[_Unit], index: int) -> None:
    unit = units[index]
    if _is_faq_heading(unit):
        _block(state, HEADING, unit, level=2, attrs={"faq": True})
        state.in_faq, state.question, state.answered = True, None, False
        return
    _classify_plain(state, units, index)


def _read_body(state: _State, units: Sequence[_Unit], index: int) -> None:
    while index < len(units):
        if state.in_faq:
            if _faq_unit(state, units, index):
                index += 1
                continue
            state.in_faq, state.question = False, None
        elif _cell_candidate(units[index]):
            end = _table_run(units, index)
            if end - index >= _TABLE_MIN_CELLS:
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
    state = _State()
    units = _units(split_lines(text))
    start = _read_title(doc, state, units)
    _read_body(state, units, start)
    doc.blocks = state.blocks
    return doc


def _outline(doc: Document) -> str:
    """One line a block: what the reader inferred, for eyeballing real inputs."""
    rows = []
    for block in doc.blocks:
        line, column = doc.lines.position(block.tmap.to_source(0))
        extra = {k: v for k, v in block.attrs.items() if k != "marker"}
        rows.append(
            f"{block.index:3} {line:4}:{column:<3} {block.kind:12} {block.level} "
            f"{block.text[:60]!r} {extra or ''}"
        )
    return "\n".join(rows)


if __name__ == "__main__":  # pragma: no cover - a debugging aid
    for name in sys.argv[1:]:
        with open(name, encoding="utf-8-sig") as handle:
            document = read_text(handle.read(), name)
        print(name, document.title, document.meta)
        print(_outline(document))
