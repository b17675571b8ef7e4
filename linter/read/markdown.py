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
    block mapped onto the value) and ``doc.meta.description`` (a ``meta`` block).
    Without one, the first H1 is the title (no extra block: the heading is there). A
    ``---`` block that is not a YAML mapping is Markdown (two thematic breaks), so no
    text is ever hidden as metadata.

FAQ
    As in the other readers: a heading naming an FAQ starts a section (``faq_section``)
    that ends at the next non-question heading of the same or a higher level. In it,
    headings ending with "?" and paragraphs ending with "?" of at most 25 words (a bold
    question line, ``**How long does it take?**``, reads as one) are ``faq_question``;
    the paragraphs and list items after a question are ``faq_answer`` with
    ``answers`` = the question block's index; deeper non-question headings are
    ``faq_group``.

Modules
    ``markdown_inline`` locates inline content in the source and walks inline tokens,
    ``markdown_front`` reads front matter; this module reads the block tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from linter.lexicon import CLOSING_QUOTES, FAQ_HEADING, FAQ_QUESTION_MAX_WORDS
from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    MAIN,
    PARAGRAPH,
    QUOTE,
    TABLE_CELL,
    Block,
    Document,
)
from linter.read.markdown_front import front_matter
from linter.read.markdown_inline import Inline, Lines, locate
from linter.textmap import TextMap

# Looked through for a final "?": closing quotes, and emphasis delimiters left as text.
_CLOSERS = CLOSING_QUOTES + "*_"


@lru_cache(maxsize=1)
def parser() -> Any:
    """CommonMark plus GitHub tables and ~~strikethrough~~; ``text_join`` off so that
    escapes and entities stay tokens of their own (their source differs from their text)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable("text_join")
    return md


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
    parsed = front_matter(text, doc, blocks)
    # markdown-it reads NUL as U+FFFD (same length): so must the line search.
    lines = Lines(text.replace("\0", "\ufffd") if "\0" in text else text)
    _Reader(doc, blocks, lines).read(parser().parse(parsed))
    doc.blocks = blocks
    return doc


class _Reader:
    """One pass over markdown-it's block tokens, appending a block per inline token."""

    def __init__(self, doc: Document, blocks: list[Block], lines: Lines) -> None:
        self.doc = doc
        self.blocks = blocks
        self.lines = lines
        self.faq = _Faq()
        self.stack: list[str] = []  # tags of the open block tokens
        self.heading_level = 0
        self.cursor = 0  # inline content is searched for from here on

    def read(self, tokens: list[Any]) -> None:
        for token in tokens:
            kind = token.type
            if kind.endswith("_open"):
                self.stack.append(token.tag)
                if kind == "heading_open":
                    self.heading_level = int(token.tag[1:])
            elif kind.endswith("_close"):
                if self.stack:
                    self.stack.pop()
            elif kind == "inline" and token.map is not None:
                self.inline(token)

    def inline(self, token: Any) -> None:
        """The block of one inline token: a heading, or a block of its container's kind."""
        first, last = token.map
        lines = self.lines
        self.cursor = max(self.cursor, lines.starts[min(first, len(lines.starts) - 1)])
        offsets = locate(token.content, lines, first, last, self.cursor)
        walker = Inline(token.content, offsets, self.doc)
        walker.walk(token.children or [])
        self.cursor = offsets[-1]
        piece = walker.piece
        content = piece.text
        stripped = content.strip()
        stack = self.stack
        if not stripped:
            if stack and stack[-1].startswith("h") and stack[-1][1:].isdigit():
                # an empty heading still counts in the outline
                empty = TextMap([(0, offsets[0], 0, 0)], [0])  # points at the heading line
                _emit(self.blocks, HEADING, "", empty, self.heading_level)
            return
        lead = len(content) - len(content.lstrip())
        tmap = _sub_map(piece.tmap, lead, lead + len(stripped))
        if stack and stack[-1] in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading(stripped, tmap)
        else:
            self.body(stripped, tmap)

    def heading(self, text: str, tmap: TextMap) -> None:
        """A heading: it may open an FAQ section, end it, or be a question or group in it."""
        faq = self.faq
        level = self.heading_level
        roles: dict[str, Any] = {}
        kind = HEADING
        if faq.level is not None and level <= faq.level and not _ends_question(text):
            faq.level, faq.question = None, None
        if faq.level is None and FAQ_HEADING.search(text):
            faq.level, faq.question = level, None
            roles["faq_section"] = True
        elif faq.level is not None:
            if _ends_question(text):
                kind = FAQ_QUESTION
            else:
                roles["faq_group"] = True
        block = _emit(self.blocks, kind, text, tmap, level, **roles)
        if kind == FAQ_QUESTION:
            faq.question = block.index
        if level == 1 and self.doc.title is None:
            self.doc.title, self.doc.title_offset = text, tmap.to_source(0)

    def body(self, text: str, tmap: TextMap) -> None:
        """A block of its innermost container's kind, or an FAQ question or answer."""
        stack = self.stack
        if "th" in stack or "td" in stack:
            kind = TABLE_CELL
        elif "li" in stack:
            kind = LIST_ITEM
        elif "blockquote" in stack:
            kind = QUOTE
        else:
            kind = PARAGRAPH
        answers: int | None = None
        faq = self.faq
        if faq.level is not None and kind in (PARAGRAPH, LIST_ITEM, QUOTE):
            if (
                kind == PARAGRAPH
                and _ends_question(text)
                and len(text.split()) <= FAQ_QUESTION_MAX_WORDS
            ):
                block = _emit(self.blocks, FAQ_QUESTION, text, tmap, 0)
                faq.question = block.index
                return
            if faq.question is not None:
                kind = FAQ_ANSWER
                answers = faq.question
        _emit(self.blocks, kind, text, tmap, 0, answers=answers)


def _emit(
    blocks: list[Block], kind: str, text: str, tmap: TextMap, level: int, **roles: Any
) -> Block:
    """Append a block; ``roles`` are its typed role fields (``faq_section``, ``answers``...)."""
    block = Block(kind, text, tmap, level=level, region=MAIN, index=len(blocks), **roles)
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
