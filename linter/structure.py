"""A document's structure with its words left out, so ``--fix`` can prove a fix kept it.

A safe fix changes words or white space inside text, never markup: after the fixes the
blocks (kind, level), the inline markup (emphasis, links and where they point, code) and
the HTML tags must be as they were. ``signature`` gives that skeleton for each input
format; equal signatures before and after a fix mean it touched text only.
"""

from __future__ import annotations

import re
from typing import Any

# Tags, comments, doctype: everything in HTML that is not text.
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<[^>]*>?", re.S)
_NAME = re.compile(r"<(/?[^\s/>]*)")
_ATTR = re.compile(r"([^\s/>=\"']+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?")
# Attributes holding text a reader lints (a fix may correct their words, not remove them).
_TEXT_ATTRS = frozenset({"content", "alt", "title", "aria-label"})
# HTML elements whose text is code or preformatted: white space in it is content.
_VERBATIM_TAGS = frozenset({"pre", "script", "style", "textarea", "code", "xmp", "listing"})
# Markdown tokens whose content is code or raw HTML: never fixed, so compared whole.
_VERBATIM = frozenset({"code_inline", "code_block", "fence", "html_inline", "html_block"})


def signature(text: str, fmt: str) -> list[Any]:
    """The structure of ``text`` read as ``fmt``, words removed."""
    if fmt == "markdown":
        return _markdown(text)
    if fmt == "html":
        return _html(text)
    return _plain(text)


def _markdown(text: str) -> list[Any]:
    from linter.read.markdown import parser

    out: list[Any] = []
    for token in parser().parse(text):
        out.append(_token(token))
        children: list[Any] = []
        for child in token.children or []:
            item = _token(child)
            if children and item == ("text",) and children[-1] == ("text",):
                continue  # a fix may join or split runs of plain text
            children.append(item)
        if children:
            out.append(children)
    return out


def _token(token: Any) -> tuple[Any, ...]:
    if token.type == "text":
        return ("text",)
    attrs = tuple(sorted((str(k), str(v)) for k, v in (token.attrs or {}).items()))
    content = token.content if token.type in _VERBATIM else ""
    return (token.type, token.tag, token.markup, token.info, attrs, content)


def _html(text: str) -> list[Any]:
    out: list[Any] = []
    verbatim: str | None = None  # inside <pre>, <script>...: the text counts as structure
    last = 0
    for match in _MARKUP.finditer(text):
        if verbatim is not None:
            out.append(text[last : match.start()])
        last = match.end()
        markup = match.group()
        if not markup.startswith("<") or markup.startswith("<!--") or len(markup) < 2:
            out.append(markup)
            continue
        name = _NAME.match(markup).group(1).lower()
        rest = markup[len(name) + 1 :]
        attrs = []
        for attr in _ATTR.finditer(rest):
            key = attr.group(1).lower()
            attrs.append(attr.group() if key not in _TEXT_ATTRS else key)
        out.append((name, tuple(attrs)))
        if name in _VERBATIM_TAGS:
            verbatim = name
        elif verbatim is not None and name == "/" + verbatim:
            verbatim = None
    return out


def _plain(text: str) -> list[Any]:
    """Paragraphs of plain text and the lines of each, as the text reader splits them: a
    fix may drop extra blank lines, never join two lines (the reader reads kinds line by
    line: a joined line may turn from a paragraph's into a heading)."""
    from linter.read.text import split_lines

    runs: list[Any] = []
    for line in split_lines(text):
        if line.blank_before or not runs:
            runs.append(0)
        runs[-1] += 1
    return runs
