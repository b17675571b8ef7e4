"""Markdown reader: markdown-it-py's CommonMark token stream, mapped back to exact offsets.

markdown-it gives block tokens with source line ranges (``token.map``) and inline tokens
whose ``content`` is the block's inline source with container prefixes (``> ``, list
indentation, ``#``) stripped; inline children carry no positions at all. So each inline
token's content is first located line by line in the source lines of its ``map``, then
its children are walked with a cursor through that content: text is found where it
sits, markup (``**``, ``_``, ``[`` ``](url)``) is stepped over, and escapes and entities
(``\\*``, ``&amp;``) map their decoded character onto the whole source sequence, like the
HTML reader's entities. Every character of ``Block.text`` therefore maps to the source
character it came from, which is what makes line and column exact.

Blocks
    Headings (``level`` 1-6, ATX and setext), paragraphs, list items (every paragraph of
    an item), table cells (the ``table`` extension), quotes (paragraphs in a
    blockquote). A soft line break is a space mapped onto the newline; a hard break
    (two spaces or ``\\`` before it) is ``"\\n"``. Fenced and indented code, inline code,
    raw HTML blocks and inline HTML are never linted; an inline code span leaves no text,
    and the white space around it is not doubled (as in the HTML reader). Images are not
    text: they go to ``doc.images`` with their alt text; links to ``doc.links``.

Front matter
    A YAML block between ``---`` lines at the very top gives ``doc.title`` (a ``title``
    block mapped onto the value) and ``doc.meta["description"]`` (a ``meta`` block).
    Without one, the first H1 is the title (no extra block: the heading is there). A
    ``---`` block that is not a YAML mapping is Markdown (two thematic breaks), so no
    text is ever hidden as metadata.

FAQ
    As in the other readers: a heading naming an FAQ starts a section (``attrs["faq"]``)
    that ends at the next non-question heading of the same or a higher level. In it,
    headings ending with "?" and paragraphs ending with "?" of at most 25 words (a bold
    question line, ``**How long does it take?**``, reads as one) are ``faq_question``;
    the paragraphs and list items after a question are ``faq_answer`` with
    ``attrs["question"]`` = the question block's index; deeper non-question headings get
    ``attrs["faq_group"]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    MAIN,
    META,
    PARAGRAPH,
    QUOTE,
    TABLE_CELL,
    TITLE,
    Block,
    Document,
    Image,
    Link,
)
from linter.textmap import TextMap

# The HTML reader's FAQ heading pattern (kept in step by hand: importing html.py would load
# lxml for every Markdown file).
FAQ_HEADING = re.compile(
    r"(?<![\w.])(?:faqs?|f\.a\.q\.?s?|frequently[\s-]+asked[\s-]+questions?|common\s+questions"
    r"|questions?\s+(?:and|&)\s+answers?|q\s*&\s*a)(?!\w)",
    re.I,
)
_QUESTION_MAX_WORDS = 25
_FRONT_OPEN = re.compile(r"---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_YAML_KEY = re.compile(r"[ \t]*[\w-]+[ \t]*:(?:[ \t]|\r?$)", re.M)
_CLOSERS = "\"'”’»)]*_"


@lru_cache(maxsize=1)
def parser() -> Any:
    """CommonMark plus GitHub tables and ~~strikethrough~~; ``text_join`` off so that
    escapes and entities stay tokens of their own (their source differs from their text)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable("text_join")
    return md


@dataclass(slots=True)
class _Piece:
    """Text built for one block: characters plus their runs in the source."""

    parts: list[str] = field(default_factory=list)
    tmap: TextMap = field(default_factory=TextMap)
    length: int = 0

    def add(self, text: str, source_start: int, source_length: int) -> None:
        if not text:
            return
        self.tmap.add(self.length, source_start, len(text), source_length)
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _Lines:
    """Source lines (without their line ends) and where each starts."""

    def __init__(self, source: str) -> None:
        self.starts: list[int] = []
        self.texts: list[str] = []
        position = 0
        for line in source.split("\n"):
            self.starts.append(position)
            self.texts.append(line[:-1] if line.endswith("\r") else line)
            position += len(line) + 1


def _locate(content: str, lines: _Lines, first: int, last: int, cursor: int) -> list[int]:
    """Source offset of every character of ``content``, plus one for its end.

    ``content`` is the inline source of lines ``first``..``last`` with container prefixes
    stripped, so each of its lines sits inside one source line, at or after ``cursor``
    (table cells share a line). A line not found verbatim (a table cell's ``\\|`` comes
    through as ``|``) is aligned character by character. A newline of ``content`` maps to
    the end of the source line it ends.
    """
    offsets: list[int] = []
    number = first
    stop = min(max(last, first + 1), len(lines.texts))
    for index, part in enumerate(content.split("\n")):
        if index:
            offsets.append(lines.starts[number - 1] + len(lines.texts[number - 1]))
            cursor = lines.starts[number] if number < len(lines.starts) else cursor
        while number < stop - 1 and not _fits(part, lines, number, cursor):
            number += 1
            cursor = lines.starts[number]
        if number >= len(lines.texts):
            offsets.extend([cursor] * len(part))
            continue
        start = lines.starts[number]
        line = lines.texts[number]
        column = max(cursor - start, 0)
        found = line.find(part, column)
        body = part.lstrip(" \t")
        lead = len(part) - len(body)
        if found < 0 and lead and body:
            # A tab in the indentation comes through as the spaces it stands for beyond
            # the container's indent ("\tthe" in a list item is "  the"): the line's
            # text is verbatim after them, and the spaces map onto the indentation.
            at = line.find(body, column)
            if at >= 0 and not line[column:at].strip():
                floor = min(column, at)
                offsets.extend(start + max(at - lead + i, floor) for i in range(lead))
                offsets.extend(range(start + at, start + at + len(body)))
                cursor = start + at + len(body)
                number += 1
                continue
        if found >= 0:
            offsets.extend(range(start + found, start + found + len(part)))
            cursor = start + found + len(part)
        else:
            position = column
            for char in part:
                hit = line.find(char, position)
                if hit < 0:
                    offsets.append(start + min(position, len(line)))
                    continue
                offsets.append(start + hit)
                position = hit + 1
            cursor = start + position
        number += 1
    offsets.append(offsets[-1] + 1 if offsets else cursor)
    return offsets


def _fits(part: str, lines: _Lines, number: int, cursor: int) -> bool:
    """Whether source line ``number`` can hold content line ``part`` (past ``cursor``)."""
    start = lines.starts[number]
    return lines.texts[number].find(part.lstrip(" \t")[:8], max(cursor - start, 0)) >= 0


def _skip_destination(content: str, position: int) -> int:
    """Past ``](url "title")``, ``][ref]``, ``[]`` or a lone ``]`` at ``position``."""
    if position >= len(content) or content[position] != "]":
        return position
    position += 1
    if position < len(content) and content[position] == "(":
        depth = 0
        quote = ""
        while position < len(content):
            char = content[position]
            if quote:
                if char == quote:
                    quote = ""
            elif char == "\\":
                position += 1
            elif char in "\"'" and depth == 1:
                quote = char
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return position + 1
            position += 1
        return position
    if position < len(content) and content[position] == "[":
        end = content.find("]", position)
        return end + 1 if end >= 0 else position
    return position


@dataclass
class _Inline:
    """Walks the children of one inline token, appending text to a ``_Piece``."""

    content: str
    offsets: list[int]
    doc: Document
    piece: _Piece = field(default_factory=_Piece)
    cursor: int = 0
    links: list[tuple[str, int, int]] = field(default_factory=list)  # href, offset, text start
    _after_gap: bool = False  # inline code or HTML was just dropped

    def _find(self, text: str) -> int:
        found = self.content.find(text, self.cursor)
        return found if found >= 0 else self.cursor

    def _code_span_end(self, markup: str) -> int:
        """Where the code span opened by the next backtick run of exactly ``markup``
        ends: after the next run of the same length (CommonMark's rule; its content may
        start with any character, a no-break space or a backtick run of another length)."""
        run = re.compile(f"(?<!`){markup}(?!`)")
        opener = run.search(self.content, self.cursor)
        if opener is None:
            return self.cursor
        closer = run.search(self.content, opener.end())
        return closer.end() if closer is not None else opener.end()

    def _source(self, start: int, end: int) -> tuple[int, int]:
        begin = self.offsets[min(start, len(self.offsets) - 1)]
        stop = self.offsets[min(end - 1, len(self.offsets) - 1)] + 1 if end > start else begin
        return begin, max(stop - begin, 0)

    def _text(self, text: str) -> None:
        at = self._find(text)
        begin, length = self._source(at, at + len(text))
        if self._after_gap and self.piece.parts and self.piece.parts[-1][-1:].isspace():
            # inline code or HTML dropped between two spaces: keep one of them
            stripped = text.lstrip(" \t")
            begin += len(text) - len(stripped)
            length -= len(text) - len(stripped)
            text = stripped
        self._after_gap = False
        if length == len(text):
            self.piece.add(text, begin, length)
        else:  # the content line was aligned loosely: map char by char
            for index, char in enumerate(text):
                source = self.offsets[min(at + index, len(self.offsets) - 1)]
                self.piece.add(char, source, 1)
        self.cursor = at + len(text)

    def walk(self, children: list[Any]) -> None:
        for token in children:
            kind = token.type
            if kind == "text":
                self._text(token.content)
            elif kind == "text_special":
                at = self._find(token.markup)
                begin, length = self._source(at, at + len(token.markup))
                self.piece.add(token.content, begin, length)
                self.cursor = at + len(token.markup)
                self._after_gap = False
            elif kind in ("softbreak", "hardbreak"):
                at = self._find("\n")
                begin, _ = self._source(at, at)
                self.piece.add(" " if kind == "softbreak" else "\n", begin, 1)
                self.cursor = at + 1
            elif kind == "code_inline":
                self.cursor = self._code_span_end(token.markup)
                self._after_gap = True
            elif kind == "html_inline":
                at = self._find(token.content)
                self.cursor = at + len(token.content)
                self._after_gap = True
            elif kind == "link_open":
                at = self.cursor
                if token.markup == "autolink":
                    at = self._find("<")
                    self.cursor = at + 1
                else:
                    at = self._find("[")
                    self.cursor = at + 1
                self.links.append((token.attrs.get("href", ""), at, self.piece.length))
            elif kind == "link_close":
                href, at, text_start = self.links.pop()
                text = self.piece.text[text_start:]
                self.doc.links.append(Link(str(href), text.strip(), self.offsets[at]))
                if token.markup == "autolink":
                    self.cursor = self._find(">") + 1
                else:
                    self.cursor = _skip_destination(self.content, self.cursor)
            elif kind == "image":
                at = self._find("![")
                self.cursor = at + 2
                alt = _Inline(self.content, self.offsets, self.doc, cursor=self.cursor)
                alt.walk(token.children or [])
                self.doc.images.append(
                    Image(str(token.attrs.get("src", "")), alt.piece.text, self.offsets[at])
                )
                self.cursor = _skip_destination(self.content, alt.cursor)
                self._after_gap = True
            elif kind.endswith(("_open", "_close")) and token.markup:
                # emphasis, strong, strikethrough: step over the delimiter run
                at = self._find(token.markup)
                self.cursor = at + len(token.markup)


def _front_matter(source: str, doc: Document, blocks: list[Block]) -> str:
    """Read YAML front matter; returns the source with its lines blanked for markdown-it."""
    opening = _FRONT_OPEN.match(source)
    if not opening:
        return source
    closing = _FRONT_CLOSE.search(source, opening.end())
    if not closing:
        return source
    body = source[opening.end() : closing.start()]
    end = closing.end()
    blanked = re.sub(r"[^\r\n]", "", source[:end]) + source[end:]
    import yaml

    from linter.read.yamlsafe import load

    try:
        data = load(body)
    except yaml.YAMLError:
        # Broken YAML that starts like a mapping is still front matter, not prose.
        return blanked if _YAML_KEY.match(body) else source
    if data is None:
        return blanked
    if not isinstance(data, dict):
        return source  # "---", a line of text, "---": two thematic breaks, not metadata
    for key, kind in (("title", TITLE), ("description", META)):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        text = value.strip()
        tmap = _yaml_value_map(source, opening.end(), closing.start(), key, text)
        start = tmap.runs[0][1] if tmap.runs else opening.end()
        block = Block(kind, text, tmap, index=len(blocks), attrs={"front_matter": True})
        blocks.append(block)
        if kind == TITLE:
            doc.title, doc.title_offset = text, start
            doc.meta.setdefault("titles", []).append(text)
        else:
            doc.meta["description"] = text
            doc.meta.setdefault("descriptions", []).append(text)
    return blanked


def _yaml_value_map(source: str, lo: int, hi: int, key: str, text: str) -> TextMap:
    """Where the value of top-level ``key`` is written: exact when written plainly, simply
    quoted, or folded (YAML reads U+2028 and its kin as line breaks: blanks around them are
    folded or dropped), else the whole written value as one run (an entity-like run)."""
    tmap = TextMap()
    match = re.compile(rf"^{re.escape(key)}[ \t]*:[ \t]*", re.M).search(source, lo, hi)
    if not match:
        tmap.add(0, lo, len(text), 0)
        return tmap
    start = match.end()
    line_end = source.find("\n", start, hi)
    line_end = hi if line_end < 0 else line_end
    raw = source[start:line_end].rstrip("\r \t")
    found = raw.find(text)
    if found >= 0:
        tmap.add(0, start + found, len(text), len(text))
        return tmap
    folded = _folded_runs(raw, text)
    for text_start, raw_start, length, raw_length in folded or [(0, 0, len(text), len(raw))]:
        tmap.add(text_start, start + raw_start, length, raw_length)
    return tmap


_FOLDS = " \t\u2028\u2029\x85"


def _folded_runs(raw: str, text: str) -> list[tuple[int, int, int, int]] | None:
    """Runs mapping ``text`` onto ``raw`` where YAML folded blanks and line separators into
    one space or dropped the blanks after a separator; None when the value was changed
    some other way (escapes)."""
    runs: list[tuple[int, int, int, int]] = []
    i, j = 0, 1 if raw[:1] in "'\"" and text[:1] != raw[:1] else 0
    while i < len(text):
        if j < len(raw) and text[i] == raw[j]:
            runs.append((i, j, 1, 1))
            i, j = i + 1, j + 1
        elif j < len(raw) and raw[j] in _FOLDS and text[i] == " ":  # folded into one space
            k = j
            while k < len(raw) and raw[k] in _FOLDS:
                k += 1
            runs.append((i, j, 1, k - j))
            i, j = i + 1, k
        elif j < len(raw) and raw[j] in " \t":  # blanks dropped around a line separator
            k = j
            while k < len(raw) and raw[k] in " \t":
                k += 1
            if runs:  # the character before owns them
                ts, ss, ln, sl = runs[-1]
                runs[-1] = (ts, ss, ln, sl + k - j)
            j = k
        else:
            return None
    return runs


def _ends_question(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS)[-1:] == "?"


@dataclass
class _Faq:
    level: int | None = None  # level of the FAQ heading while inside a section
    question: int | None = None


def read_markdown(text: str, path: str) -> Document:
    """Build the document for Markdown ``text`` (already decoded, BOM removed)."""
    doc = Document(path=path, format="markdown", source=text)
    blocks: list[Block] = []
    parsed = _front_matter(text, doc, blocks)
    # markdown-it reads NUL as U+FFFD (same length): so must the line search.
    lines = _Lines(text.replace("\0", "\ufffd") if "\0" in text else text)
    tokens = parser().parse(parsed)
    faq = _Faq()
    stack: list[str] = []
    heading_level = 0
    cursor = 0
    for token in tokens:
        kind = token.type
        if kind.endswith("_open"):
            stack.append(token.tag)
            if kind == "heading_open":
                heading_level = int(token.tag[1:])
            continue
        if kind.endswith("_close"):
            if stack:
                stack.pop()
            continue
        if kind != "inline" or token.map is None:
            continue
        first, last = token.map
        cursor = max(cursor, lines.starts[min(first, len(lines.starts) - 1)])
        offsets = _locate(token.content, lines, first, last, cursor)
        walker = _Inline(token.content, offsets, doc)
        walker.walk(token.children or [])
        cursor = offsets[-1]
        piece = walker.piece
        content = piece.text
        stripped = content.strip()
        if not stripped:
            if stack and stack[-1].startswith("h") and stack[-1][1:].isdigit():
                # an empty heading still counts in the outline
                empty = TextMap([(0, offsets[0], 0, 0)], [0])  # points at the heading line
                _emit(blocks, HEADING, "", empty, heading_level, {})
            continue
        lead = len(content) - len(content.lstrip())
        block_text = stripped
        tmap = _sub_map(piece.tmap, lead, lead + len(block_text))
        if stack and stack[-1] in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = heading_level
            attrs: dict[str, Any] = {}
            block_kind = HEADING
            if faq.level is not None and level <= faq.level and not _ends_question(block_text):
                faq.level, faq.question = None, None
            if faq.level is None and FAQ_HEADING.search(block_text):
                faq.level, faq.question = level, None
                attrs["faq"] = True
            elif faq.level is not None:
                if _ends_question(block_text):
                    block_kind = FAQ_QUESTION
                else:
                    attrs["faq_group"] = True
            block = _emit(blocks, block_kind, block_text, tmap, level, attrs)
            if block_kind == FAQ_QUESTION:
                faq.question = block.index
            if level == 1 and doc.title is None:
                doc.title, doc.title_offset = block_text, tmap.to_source(0)
            continue
        if "th" in stack or "td" in stack:
            block_kind = TABLE_CELL
        elif "li" in stack:
            block_kind = LIST_ITEM
        elif "blockquote" in stack:
            block_kind = QUOTE
        else:
            block_kind = PARAGRAPH
        attrs = {}
        if faq.level is not None and block_kind in (PARAGRAPH, LIST_ITEM, QUOTE):
            if (
                block_kind == PARAGRAPH
                and _ends_question(block_text)
                and len(block_text.split()) <= _QUESTION_MAX_WORDS
            ):
                block = _emit(blocks, FAQ_QUESTION, block_text, tmap, 0, {})
                faq.question = block.index
                continue
            if faq.question is not None:
                block_kind = FAQ_ANSWER
                attrs["question"] = faq.question
        _emit(blocks, block_kind, block_text, tmap, 0, attrs)
    doc.blocks = blocks
    return doc


def _emit(
    blocks: list[Block], kind: str, text: str, tmap: TextMap, level: int, attrs: dict[str, Any]
) -> Block:
    block = Block(kind, text, tmap, level=level, region=MAIN, index=len(blocks), attrs=attrs)
    blocks.append(block)
    return block


def _sub_map(tmap: TextMap, start: int, end: int) -> TextMap:
    """The map of ``text[start:end]``, re-based to offset 0."""
    if start == 0 and end >= (tmap.runs[-1][0] + tmap.runs[-1][2] if tmap.runs else 0):
        return tmap
    out = TextMap()
    for ts, ss, ln, sl in tmap.runs:
        lo, hi = max(ts, start), min(ts + ln, end)
        if lo >= hi:
            continue
        if ln == sl:
            out.add(lo - start, ss + (lo - ts), hi - lo, hi - lo)
        else:
            out.add(lo - start, ss, hi - lo, sl)
    return out
