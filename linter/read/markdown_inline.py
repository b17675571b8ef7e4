"""Markdown reader, inline text: markdown-it's inline tokens mapped back to the source.

An inline token's content is the block's inline source with container prefixes
stripped; ``locate`` finds each of its characters in the source lines of the token's
``map``, and ``Inline`` walks the token's children with a cursor through that content,
building the block's text and its ``TextMap`` and collecting links and images (see
``linter.read.markdown``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from linter.model import Document, Image, Link
from linter.textmap import TextMap


@dataclass(slots=True)
class Piece:
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


class Lines:
    """Source lines (without their line ends) and where each starts."""

    def __init__(self, source: str) -> None:
        self.starts: list[int] = []
        self.texts: list[str] = []
        position = 0
        for line in source.split("\n"):
            self.starts.append(position)
            self.texts.append(line[:-1] if line.endswith("\r") else line)
            position += len(line) + 1


def locate(content: str, lines: Lines, first: int, last: int, cursor: int) -> list[int]:
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


def _fits(part: str, lines: Lines, number: int, cursor: int) -> bool:
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
class Inline:
    """Walks the children of one inline token, appending text to a ``Piece``."""

    content: str
    offsets: list[int]
    doc: Document
    piece: Piece = field(default_factory=Piece)
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
                alt = Inline(self.content, self.offsets, self.doc, cursor=self.cursor)
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
