"""Readers: source bytes in, one ``Document`` out.

The format comes from the file extension unless the caller names it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from linter.model import Document
from linter.read.decode import MAX_BYTES, ReadError, decode

FORMATS = ("html", "text", "markdown", "docx")
_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
}

EXTENSIONS = tuple(_EXTENSIONS)  # what a directory walk picks up


def format_for(path: str) -> str | None:
    """The input format implied by a file name, or ``None`` if it has no known extension."""
    return _EXTENSIONS.get(Path(path).suffix.lower())


_HTML_START = re.compile(
    r"<(?:!doctype|html|\?xml|head|body|p|div|h[1-6]|article|main|section|ul|ol|table|blockquote)\b",
    re.IGNORECASE,
)
# Markdown's marks at a line start: an ATX heading, a fenced code block, front matter; or
# an inline link anywhere. Plain text rarely has any of them.
_MARKDOWN = re.compile(
    r"^(?:#{1,6}[ \t]+\S|```|~~~|---[ \t]*\n(?:[^\n]*\n){0,30}?---[ \t]*$)|\]\(\S+\)", re.MULTILINE
)


def walked(name: str) -> bool:
    """Whether a directory walk lints the file ``name``: a known extension, and not a
    lock file Word keeps next to an open document (``~$draft.docx``)."""
    return format_for(name) is not None and not os.path.basename(name).startswith("~$")


def sniff_format(text: str) -> str:
    """Guess the format of unnamed input (stdin, a pasted draft): markup if it starts
    like HTML, Markdown if its first lines carry Markdown's marks, else plain text."""
    head = text.lstrip()[:200]
    if _HTML_START.match(head):
        return "html"
    if _MARKDOWN.search(text[:5000]):
        return "markdown"
    return "text"


def parse(text: str, path: str, fmt: str) -> Document:
    """Build the document for already-decoded ``text``, with the blank pipeline's sentence
    segmenter (sentences are split on first use; an engine with a trained pipeline puts
    its own in place before any check runs)."""
    from linter.nlp import segmenter

    if fmt == "html":
        from linter.read.html import read_html

        doc = read_html(text, path)
    elif fmt == "markdown":
        from linter.read.markdown import read_markdown

        doc = read_markdown(text, path)
    else:
        from linter.read.text import read_text

        doc = read_text(text, path)
    doc.segmenter = segmenter()
    return doc


def read_bytes(
    data: bytes, path: str, fmt: str | None = None, charset: str | None = None
) -> Document:
    """Decode and parse ``data``; ``fmt`` overrides detection by extension; ``charset``
    is what a crawled page's HTTP header declared (see ``decode``)."""
    fmt = fmt or format_for(path)
    if fmt == "docx" or (fmt is None and data.startswith(b"PK\x03\x04")):
        # Binary: a zip of XML parts, never decoded as text.
        from linter.nlp import segmenter
        from linter.read.docx import read_docx

        doc = read_docx(data, path)
        doc.segmenter = segmenter()
        return doc
    text, _ = decode(data, is_html=fmt not in ("text", "markdown"), charset=charset)
    if fmt is None:
        fmt = sniff_format(text)
    return parse(text, path, fmt)


class Unlisted(str):
    """A directory path the walk could not list; reading it reports ``problem``."""

    problem: str = "cannot list the directory"


def load_bytes(path: str) -> bytes:
    """The bytes of ``path`` (``-``: standard input), read only up to the size limit:
    raises ``ReadError`` with a one-line reason for a FIFO, a device, a directory or a
    file over ``MAX_BYTES``, before reading more than ``MAX_BYTES + 1`` bytes of it."""
    from linter.inputs import InputError, read_limited

    if isinstance(path, Unlisted):
        raise ReadError(path.problem)
    try:
        return read_limited(path, MAX_BYTES)
    except InputError as error:
        raise ReadError(error.reason) from None


def read_path(path: str, fmt: str | None = None) -> Document:
    """Read one file; raises ``ReadError`` with a one-line reason."""
    return read_bytes(load_bytes(path), path, fmt)


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "ReadError",
    "Unlisted",
    "format_for",
    "load_bytes",
    "parse",
    "read_bytes",
    "read_path",
    "walked",
]
