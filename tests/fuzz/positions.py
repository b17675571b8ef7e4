"""Invariant 2: every finding points inside the file, at the text it quotes.

Lines and columns are checked against the decoded text the way an editor counts them
(``\\n``, ``\\r\\n`` and a lone ``\\r`` end a line; columns count characters from 1), and
the offsets ``start``/``end`` must give the same line and column. The excerpt must be
what the source holds between those offsets: exactly (the engine's own excerpt), or the
same letters and digits once markup, entities, JSON escapes, Markdown link targets and
what readers never lint inside a block (code spans, ``<code>``, ``<kbd>``...) are taken
out (excerpts of extracted text). Whole-document findings quote nothing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from tests.fuzz.case import Failure

POSITIONS = "positions"
# A comment (which may hold ">") or a tag.
_TAG = re.compile(r"<!--(?:-?>|[\s\S]*?-->)|<[^>]*>?")
# CommonMark's raw inline HTML, which markdown-it leaves out of the text: a tag must be
# well formed there ("<//l<b>" is the literal "<//l" and then a tag).
_MD_TAG = re.compile(
    r"<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*"
    r"(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
    r"|</[A-Za-z][A-Za-z0-9-]*\s*>|<!--(?:-?>|[\s\S]*?-->)|<\?[\s\S]*?\?>"
    r"|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>"
)
# HTML5's markup: "<" starts a tag only before a letter, "/" or "!"/"?" ("<.-s" is text);
# a quoted attribute value may hold "<script>" or ">" and is part of its tag.
_HTML_TAG = re.compile(
    r"<!--(?:-?>|[\s\S]*?-->|[\s\S]*)|</?[A-Za-z](?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>?"
    r"|</(?!\Z)[^>]*>?|<[!?][^>]*>?"
)
_MD_TARGET = re.compile(r"\]\([^)]*\)?|\]\[[^\]]*\]")
_JSON_ESCAPE = re.compile(
    r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"  # a surrogate pair
    r"|\\(?:u([0-9a-fA-F]{4})|([\"\\/bfnrt]))"
)
_JSON_SHORT = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_ELLIPSIS = "…"
_REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# What readers leave out of the text inside a block: Markdown code spans (a run of n
# backticks to the next run of exactly n), HTML elements that sit inside text but are
# never linted (linter.read.html_tree.SKIP less the ones that end a block), list markers.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
# A list marker or FAQ label opening a line (after a Markdown quote's ">").
_MARKER = re.compile(
    r"^[ \t>]*(?:[•·▪◦●■‣⁃○*+–-]|\(?\d{1,9}[.):]|\(?[A-Za-z][.)]"
    r"|(?:q(?:uestion)?|a(?:nswer)?)\s*\d{0,3}\s*[:.)])(?=\s)",
    re.M | re.I,
)
_SKIPPED = re.compile(
    r"<(code|kbd|samp|var|button|select|textarea|svg|math|noscript|script|style)\b"
    r"[^>]*>.*?</\1\s*>",
    re.S | re.I,
)
# A Markdown image: its alt text goes to the document's images, not into the text.
_MD_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)?|\[[^\]]*\])?")
# A Markdown HTML block: a line opening with a tag, to the next blank line. markdown-it
# keeps it as raw HTML, which the reader never lints.
_MD_HTML_BLOCK = re.compile(r"^ {0,3}<[A-Za-z/!?][^\n]*(?:\n(?![ \t]*\n)[^\n]*)*", re.M)
# A plain-text line that is one HTML comment (as a "contentlint-disable" line is): the
# text reader leaves it out (``linter.read.text`` line splitting).
_TEXT_COMMENT_LINE = re.compile(r"^[^\S\n]*<!--.*?-->[^\S\n]*$", re.M)
_LEFT_OUT = {
    "markdown": (_CODE_SPAN, _MARKER, _MD_IMAGE, _MD_HTML_BLOCK),
    "html": (_SKIPPED,),
    "text": (_MARKER, _TEXT_COMMENT_LINE),
}


# (strict references, exact tags): every way ``_letters`` reads markup.
_READINGS = ((False, False), (True, False), (False, True), (True, True))


def _letters(text: str, fmt: str, strict: bool = False, exact_tags: bool = False) -> str:
    """The letters and digits of source text, lowercased, as extracted text would have
    them; ``strict`` decodes only references ended by ``;`` (CommonMark's rule; HTML
    also decodes some without), numeric ones in Markdown as markdown-it does;
    ``exact_tags`` takes out only what the format reads as a tag."""
    if fmt == "markdown":
        text = _MD_TARGET.sub("", text)
    if fmt in ("html", "markdown"):
        text = ((_MD_TAG if fmt == "markdown" else _HTML_TAG) if exact_tags else _TAG).sub(
            " ", text
        )
        if strict:
            text = _REFERENCE.sub(lambda m: _reference(m.group(0), fmt), text)
        else:
            text = html.unescape(text)
    text = _JSON_ESCAPE.sub(_unescape_json, text)
    return "".join(c for c in text.lower() if c.isalnum())


def _reference(ref: str, fmt: str) -> str:
    """A character reference decoded. markdown-it reads a numeric one of at most 7
    decimal or 6 hex digits, and gives U+FFFD for a code point HTML would map or refuse
    (``&#138;`` is "\ufffd" there, "Š" in HTML); longer ones stay literal."""
    if fmt != "markdown" or not ref.startswith("&#"):
        return html.unescape(ref)
    from markdown_it.common.utils import isValidEntityCode

    hexa = ref[2:3] in "xX"
    digits = ref[3:-1] if hexa else ref[2:-1]
    if len(digits) > (6 if hexa else 7):
        return ref
    code = int(digits, 16 if hexa else 10)
    return chr(code) if isValidEntityCode(code) else "\ufffd"


def _unescape_json(m: re.Match[str]) -> str:
    """A JSON string escape decoded: ``\\u00e9``, a surrogate pair ``\\ud83d\\ude00`` as
    its one character, and ``\\t`` (whose "t" is no letter)."""
    high, low, code, short = m.groups()
    if high:
        return chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00)
    if code:
        return chr(int(code, 16))
    return _JSON_SHORT.get(short, short)


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(c in it for c in needle)


def excerpt_matches(excerpt: str, quoted: str, fmt: str, before: str = "") -> bool:
    """Whether ``excerpt`` is what ``quoted`` (the source between the finding's offsets)
    says: the same words, or its letters in order from the first to the last. An excerpt
    "…text↵" is the window of ``before`` (the source up to the start) ending there."""
    if not excerpt.strip(_ELLIPSIS + "↵ "):
        return True
    if " ".join(quoted.split()) == excerpt:
        return True
    return _letters_match(excerpt, quoted, fmt, before)


def _variants(text: str, fmt: str) -> set[str]:
    """The letters of ``text`` read raw, and with markup and references taken out (both
    ways): an excerpt may keep what the source has literally or decoded. An excerpt of
    extracted text also lacks what readers leave out of a block's text (code, and in
    Markdown and plain text the list markers and Q:/A: labels opening its lines)."""
    plain = "".join(c for c in text.lower() if c.isalnum())
    found = {plain} | {_letters(text, fmt, *how) for how in _READINGS}
    if fmt == "html":  # an attribute value: references decoded, "<" there is no tag
        found.add("".join(c for c in html.unescape(text).lower() if c.isalnum()))
    # JSON-LD text: its escapes decoded, while "&eacute;" inside a JSON string is text
    json_only = _JSON_ESCAPE.sub(_unescape_json, text)
    found.add("".join(c for c in json_only.lower() if c.isalnum()))
    dropped = [p for p in _LEFT_OUT.get(fmt, ()) if p.search(text)]
    bares = [p.sub(" ", text) for p in dropped]  # each left out alone
    if len(dropped) > 1:  # and all of them
        bare = text
        for pattern in dropped:
            bare = pattern.sub(" ", bare)
        bares.append(bare)
    if fmt == "markdown" and dropped:  # raw HTML that opens first hides a code span
        bare = _MD_TAG.sub(" ", text)
        for pattern in dropped:
            bare = pattern.sub(" ", bare)
        bares.append(bare)
    for bare in bares:
        found |= {_letters(bare, fmt, *how) for how in _READINGS}
    return found


def _letters_match(excerpt: str, quoted: str, fmt: str, before: str) -> bool:
    head = excerpt.startswith(_ELLIPSIS)
    tail = excerpt.endswith(_ELLIPSIS) or excerpt.endswith("↵")
    wants = _variants(excerpt.strip(_ELLIPSIS + "↵"), fmt)
    if head and excerpt.endswith("↵"):
        return any(h.endswith(w) for h in _variants(before, fmt) for w in wants)
    for want in wants:
        for have in _variants(quoted, fmt):
            if not want:
                return True  # nothing but punctuation or spaces: no letters to compare
            if not _is_subsequence(want, have):
                continue
            if head and have.endswith(want[-1:]):
                return True
            if have.startswith(want[:1]) and (tail or have.endswith(want[-1:])):
                return True
    return False


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _offset(starts: list[int], text: str, line: int, column: int) -> int | None:
    """The offset of 1-based ``line``/``column``, or None when it is outside the text."""
    if not 1 <= line <= len(starts):
        return None
    end = starts[line] - 1 if line < len(starts) else len(text)
    if not 1 <= column <= end - starts[line - 1] + 1:
        return None
    return starts[line - 1] + column - 1


def check_findings(
    text: str, fmt: str, findings: Iterable[Any], decoded: str | None = None
) -> list[Failure]:
    """Failures of invariant 2 for ``findings`` on the decoded ``text`` of one file;
    ``decoded`` is the file as an editor shows it, when the caller knows it."""
    failures: list[Failure] = []
    if decoded is not None and decoded != text:
        at = next((i for i, (a, b) in enumerate(zip(text, decoded, strict=False)) if a != b),
                  min(len(text), len(decoded)))  # fmt: skip
        detail = f"the reader's text differs from the decoded file at offset {at}"
        failures.append(Failure(POSITIONS, "source-differs", f"reader:{fmt}", detail))
        return failures
    starts = _line_starts(text)
    for f in findings:
        where = f"{f.code} line {f.line} column {f.column} to {f.end_line}:{f.end_column}"
        begin = _offset(starts, text, f.line, f.column)
        end = _offset(starts, text, f.end_line, f.end_column)
        problem = None
        if begin is None or end is None:
            problem = ("outside-file", f"{where}: outside the {len(starts)}-line text")
        elif end < begin:
            problem = ("end-before-start", f"{where}: ends before it starts")
        elif hasattr(f, "start") and (f.start, f.end) != (begin, end):
            problem = ("offsets-disagree", f"{where}: offsets {f.start}-{f.end} are {begin}-{end}")
        elif not excerpt_matches(
            f.excerpt, text[begin:end], fmt, text[max(0, begin - 400) : begin]
        ):
            quoted = text[begin:end][:200]
            problem = (
                "wrong-excerpt",
                f"{where}: excerpt {f.excerpt!r} but the source has {quoted!r}",
            )
        for r in getattr(f, "related", []):
            if r.path is None and _offset(starts, text, r.line, r.column) is None:
                problem = ("related-outside-file", f"{where}: related {r.line}:{r.column}")
        if problem:
            failures.append(Failure(POSITIONS, problem[0], f.code, problem[1]))
    return failures


def check_quoted_lines(text: str, lines: dict[int, Any]) -> list[Failure]:
    """The lines a result keeps for reports must be the file's lines (whole ones)."""
    split = text.split("\n")
    failures = []
    for number, line in lines.items():
        if isinstance(line, str) and (number > len(split) or split[number - 1] != line):
            detail = f"quoted line {number} is {line[:80]!r}"
            failures.append(Failure(POSITIONS, "wrong-quoted-line", "runner", detail))
    return failures
