"""Structure signatures: what ``--fix`` must not change in a file.

The safe fixes edit words and white space; the document's shape must survive them. The
shape is read by parsers other than the tool's own readers where there are any, so a
reader bug cannot hide a broken fix: the element sequence by lxml for HTML, the block
token types by markdown-it for Markdown, the block kinds of the plain-text reader for
text (there is no other parser of the tool's plain-text conventions).
"""

from __future__ import annotations

import re
from functools import cache


def _html(text: str) -> tuple[str, ...]:
    from lxml import etree

    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True)
    root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser)
    if root is None:
        return ()
    return tuple(el.tag if isinstance(el.tag, str) else type(el).__name__ for el in root.iter())


def _markdown(text: str) -> tuple[str, ...]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return tuple(f"{t.type}:{t.tag}" for t in tokens)


def _text(text: str) -> tuple[str, ...]:
    from linter.read import parse

    return tuple(block.kind for block in parse(text, "signature.txt", "text").blocks)


def signature(text: str, fmt: str) -> tuple[str, ...]:
    """The structure of decoded ``text`` in format ``fmt``."""
    if fmt == "html":
        return _html(text)
    if fmt == "markdown":
        return _markdown(text)
    return _text(text)


# A line the plain-text reader reads as a list item, by the bullets "•" and "–" that the
# mojibake fix (HY003) restores from "â€¢" and "â€“".
_BULLET_LINE = re.compile(r"^[ \t]*[•–]", re.M)
_LINE_END = re.compile(r"\r\n|\r|\n")
_MAX_REGION = 200  # blocks compared by alignment; a longer difference is a change


def bullets(text: str) -> int:
    """Lines of ``text`` that open with a bullet a repaired character can give."""
    return len(_BULLET_LINE.findall(text))


def line_shape(text: str) -> tuple[bool, ...]:
    """Which lines of ``text`` hold something, a run of blank lines counting as one (the
    plain-text reader only asks whether a blank line comes before a line, so the
    blank-line fix keeps the shape): a fix that keeps this shape changed characters
    inside lines only, never where a line or a paragraph ends."""
    shape: list[bool] = []
    for line in _LINE_END.split(text):
        full = bool(line.strip())
        if full or (shape and shape[-1]):
            shape.append(full)
    while shape and not shape[-1]:
        shape.pop()
    return tuple(shape)


def same_structure(
    before: tuple[str, ...],
    after: tuple[str, ...],
    fmt: str,
    bullets_added: bool = False,
    lines_kept: bool = False,
) -> bool:
    """Whether a fix kept the structure. In plain text the run-in title's fix (a blank
    line after the first line) is meant to turn that line into the title. And plain-text
    kinds come from the words (a short Title Case line is a heading), so a fix that
    repairs characters may change them as their author meant: when it gave lines their
    bullet back (``bullets_added``: "â€¢ eggs" became "• eggs") a paragraph of such lines
    may become list items, and when it kept every line where it was (``lines_kept``) the
    title, a heading and a paragraph may trade kinds ("Dr. Ã©" is Title Case, "Dr. é" is
    not; "Ã© ..." does not start lower case, "é ..." does)."""
    if before == after:
        return True
    if fmt != "text":
        return False
    if after[:1] == ("title",) and after[1:] == before:
        return True
    if lines_kept and after.count("list_item") >= before.count("list_item"):
        # Plain text has no markup: with every line and blank line in place, its blocks
        # are the reader's reading of the words (a long "Q:" line is a paragraph, a
        # shorter one a question; a line starting lower case continues the one before),
        # which a fix that changes words may change. Only a bullet is structure the file
        # itself holds, so no list item may be lost.
        return True
    return (bullets_added or lines_kept) and _read_anew(before, after, bullets_added, lines_kept)


def _read_anew(
    before: tuple[str, ...], after: tuple[str, ...], bullets_added: bool, lines_kept: bool
) -> bool:
    """Whether ``after`` is ``before`` with only the changes ``same_structure`` allows:
    paragraphs read as paragraphs and list items, at least one list item
    (``bullets_added``); the title, headings and paragraphs trading kinds (``lines_kept``)."""
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    # one block back on each side: the paragraph that became list items may match its
    # first (or last) part
    head, tail = max(head - 1, 0), max(tail - 1, 0)
    old, new = before[head : len(before) - tail], after[head : len(after) - tail]
    if len(old) > _MAX_REGION or len(new) > _MAX_REGION:
        return False
    flips = {"title", "heading", "paragraph"}

    def same(a: str, b: str) -> bool:
        return a == b or (lines_kept and a in flips and b in flips)

    @cache
    def fits(i: int, j: int) -> bool:
        if i == len(old):
            return j == len(new)
        if j < len(new) and same(old[i], new[j]) and fits(i + 1, j + 1):
            return True
        if old[i] != "paragraph" or not bullets_added:
            return False
        listed = False
        for k in range(j, len(new)):
            if new[k] not in ("paragraph", "list_item"):
                return False
            listed = listed or new[k] == "list_item"
            if listed and fits(i + 1, k + 1):
                return True
        return False

    return fits(0, 0)
