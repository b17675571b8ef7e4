"""Plain-text reader, lines: source lines, their shapes, the units they group into.

A unit is a logical line (a source line plus the hard-wrapped lines that continue it);
its shape (bullet, Title Case, final punctuation, length) is what the reader infers
headings, lists, tables and FAQs from (see ``linter.read.text``). ``add_block`` turns a
unit into a block mapped exactly onto the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from linter.lexicon import CLOSING_QUOTES, FAQ_HEADING_LINE, TITLE_CONNECTORS, WORD_PUNCT, wordset
from linter.model import MAIN, Block
from linter.textmap import TextMap

# Every character Python counts as whitespace (tabs, NBSP, thin spaces...) plus the
# zero-width characters that page copies leave at line ends.
SPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "\u200b\u200c\ufeff"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

_HEADING_MAX_WORDS = 15
_HEADING_MAX_CHARS = 150
_LABEL_MAX_WORDS = 12
_PLAIN_HEADING_MAX_WORDS = 10


# Words a question heading starts with; an elliptical question ("Interested in ...?") is
# a call to action in running text, not a heading.
_INTERROGATIVES = wordset(
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
_BULLET = re.compile(
    r"(?:[•·▪◦●■‣⁃○](?=\S)|[•·▪◦●■‣⁃○*–-](?=\s)|(?P<num>\d{1,3})[.)](?=\s)"
    r"|\((?P<pnum>\d{1,3})\)(?=\s)|[a-z][.)](?=\s)|[A-Z]\)(?=\s)|\([a-zA-Z]\)(?=\s))"
    r"[ \t\u00a0]*"
)
# A sentence boundary inside a line ("Why? Because ..."), ignoring common abbreviations.
_INNER_SENTENCE = re.compile(r"(?<!\bvs)(?<!\bVs)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)[.!?]\s+\S")


@dataclass(slots=True)
class Line:
    """One non-blank source line, trimmed; ``start`` is the source offset of ``text``."""

    start: int
    text: str
    blank_before: bool


@dataclass(slots=True)
class Unit:
    """One logical line: a source line plus the hard-wrapped lines that continue it."""

    lines: list[Line]
    bullet: re.Match[str] | None = None
    text: str = ""
    words: int = 0

    @property
    def single(self) -> bool:
        return len(self.lines) == 1


@dataclass
class State:
    """What the classifier remembers between lines."""

    blocks: list[Block] = field(default_factory=list)
    in_faq: bool = False
    question: int | None = None
    answered: bool = False
    fragments: bool = False
    tables: int = 0


# --- line shapes -------------------------------------------------------------------------


_COMMENT_LINE = re.compile(r"<!--.*?-->")


def split_lines(text: str) -> list[Line]:
    """Trimmed non-blank lines; ``\\n``, ``\\r\\n`` and lone ``\\r`` all end a line."""
    lines: list[Line] = []
    position = 0
    blank_before = True
    ends = [*(match.start() for match in _LINE_BREAK.finditer(text)), len(text)]
    for end in ends:
        raw = text[position:end]
        content = raw.strip(SPACE)
        if _COMMENT_LINE.fullmatch(content):
            pass  # a "<!-- contentlint-disable ... -->" line directs the linter; it is not text
        elif content:
            lead = len(raw) - len(raw.lstrip(SPACE))
            lines.append(Line(position + lead, content, blank_before))
            blank_before = False
        else:
            blank_before = True
        if end < len(text):
            position = end + (2 if text.startswith("\r\n", end) else 1)
    return lines


def last_char(text: str) -> str:
    """Final character, looking through closing quotes and brackets."""
    stripped = text.rstrip(CLOSING_QUOTES)
    return stripped[-1] if stripped else ""


def starts_lower(text: str) -> bool:
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


def width(text: str) -> int:
    """Length of ``text`` with its space runs counted as one space (see ``starts_lower``)."""
    return len(" ".join(text.split()))


def _clean_words(text: str) -> list[str]:
    return [w for w in (word.strip(WORD_PUNCT) for word in text.split()) if w]


def capitalised(word: str) -> bool:
    return word[0].isupper() or any(c.isupper() for c in word[1:])


def is_title_case(text: str) -> bool:
    """Every word capitalised except small connector words, and the first one capitalised."""
    words = _clean_words(text)
    if not words or (not capitalised(words[0]) and words[0][0].isalpha()):
        return False
    seen_capital = False
    for word in words:
        if not word[0].isalpha():
            continue
        if capitalised(word):
            seen_capital = True
        elif word.lower() not in TITLE_CONNECTORS:
            return False
    return seen_capital


def is_note(text: str) -> bool:
    return _NOTE_PREFIX.match(text) is not None


def is_faq_heading(unit: Unit) -> bool:
    return (
        unit.bullet is None
        and unit.words <= _HEADING_MAX_WORDS
        and last_char(unit.text) != "."
        and FAQ_HEADING_LINE.match(unit.text) is not None
    )


def is_fragment(unit: Unit) -> bool:
    """A short line with no final punctuation: a list entry or cell, or a heading."""
    return (
        unit.bullet is None
        and unit.words <= _PLAIN_HEADING_MAX_WORDS
        and last_char(unit.text) not in ".!?:;,"
    )


def heading_shape(unit: Unit) -> bool:
    """Whether the line alone looks like a heading, before its neighbours are considered."""
    text = unit.text
    if (
        not unit.single
        or unit.bullet is not None
        or unit.words > _HEADING_MAX_WORDS
        or width(text) > _HEADING_MAX_CHARS
        or starts_lower(text)
        or is_note(text)
    ):
        return False
    last = last_char(text)
    if last in ".!;,":
        return False
    title_case = is_title_case(text)
    if last == "?":
        first = _clean_words(text)[:1]
        return title_case or bool(first and first[0].lower() in _INTERROGATIVES)
    if last == ":":
        return unit.words <= _LABEL_MAX_WORDS and is_title_case(text[:-1])
    return title_case


def plain_heading(unit: Unit, following: Unit | None) -> bool:
    """A short sentence-case line with no final punctuation heading a prose paragraph."""
    text = unit.text
    return (
        unit.single
        and unit.bullet is None
        and unit.words <= _PLAIN_HEADING_MAX_WORDS
        and last_char(text) not in ".!?:;,"
        and "," not in text
        and not starts_lower(text)
        and not is_note(text)
        and _INNER_SENTENCE.search(text) is None
        and following is not None
        and (following.bullet is not None or not is_fragment(following))
    )


# --- grouping lines into units ----------------------------------------------------------


def _continues(previous: Line, line: Line) -> bool:
    """A hard wrap: no blank line, no closing punctuation, next line starts lower case."""
    return (
        not line.blank_before
        and last_char(previous.text) not in ".!?:;…"
        and starts_lower(line.text)
        and _BULLET.match(line.text) is None
    )


def group_units(lines: Sequence[Line]) -> list[Unit]:
    units: list[Unit] = []
    for line in lines:
        if units and _continues(units[-1].lines[-1], line):
            units[-1].lines.append(line)
        else:
            units.append(Unit([line], _BULLET.match(line.text)))
    for unit in units:
        unit.text = " ".join(line.text for line in unit.lines)
        unit.words = len(unit.text.split())
    return units


# --- blocks -----------------------------------------------------------------------------


def add_block(
    state: State,
    kind: str,
    unit: Unit,
    skip: int = 0,
    level: int = 0,
    **roles: Any,
) -> Block | None:
    """Append a block for ``unit`` minus its first ``skip`` characters (marker, prefix);
    ``roles`` are the block's typed role fields (``faq_section``, ``answers``, ...)."""
    tmap = TextMap()
    parts: list[str] = []
    position = 0
    previous_end: int | None = None
    for number, line in enumerate(unit.lines):
        text = line.text[skip:].lstrip(SPACE) if number == 0 else line.text
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
        **roles,
    )
    state.blocks.append(block)
    return block
