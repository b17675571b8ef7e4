"""Structure signatures: what ``--fix`` must not change in a file.

The safe fixes edit words and white space; the document's shape must survive them. The
shape is read by parsers other than the tool's own readers where there are any, so a
reader bug cannot hide a broken fix: the element sequence by lxml for HTML, the block
token types by markdown-it for Markdown, the block kinds of the plain-text reader for
text (there is no other parser of the tool's plain-text conventions).
"""

from __future__ import annotations


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


def same_structure(before: tuple[str, ...], after: tuple[str, ...], fmt: str) -> bool:
    """Whether a fix kept the structure. In plain text the run-in title's fix (a blank
    line after the first line) is meant to turn that line into the title."""
    if before == after:
        return True
    return fmt == "text" and after[:1] == ("title",) and after[1:] == before
