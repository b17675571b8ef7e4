"""Source positions for HTML text: what lxml cannot tell us.

lxml gives each element only a ``sourceline`` (the line of the end of its start tag), yet
findings must land on the exact line and column of the original file. This module scans
the source once with an HTML5-style tokenizer and builds a *decoded stream*: the text
between markup (comments, doctype, tags, raw-text element bodies removed; entities and
CR/LF decoded the way libxml2 2.14 decodes them), with a run table back to source
offsets. lxml text nodes are then found in that stream in document order with
``str.find`` from a moving cursor, which is exact because both sides saw the same text in
the same order; text that libxml2 merged (around dropped stray end tags or removed
comments) still matches because segments are concatenated without separators.

The tokenizer also records the offsets of ``<a>``, ``<img>`` and ``<meta>`` start tags
(lxml elements are matched to them in order, checked by line) and the bodies of JSON-LD
scripts, which are parsed straight from the source so error offsets are exact. For the
page's own markup (``html_page``) it keeps the spans of the start tags of ``<html>``,
``<head>``, ``<body>``, ``<title>``, ``<meta>``, ``<link>`` and headings, of ``</a>`` and
heading end tags, and the ranges of elements whose content is not the page's (template,
SVG, MathML, noscript, object, textarea).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html.entities import html5 as _HTML5

# A run maps ``length`` characters at ``text_start`` onto ``source_length`` characters at
# ``source_start``; entity runs (length != source_length) map all their characters to the
# entity start. Same shape as ``TextMap`` runs.
Run = tuple[int, int, int, int]

_WS = "\t\n\f\r "
# Attributes of a tag up to its closing '>', as the HTML5 tokenizer (and libxml2 2.14)
# reads them: white space and stray '/', then names (the first character may be '='),
# each with an optional value after '=': quoted, or unquoted up to white space or '>'. A
# quote opens a value only at the start of one (``href=a'b`` and ``c=="x>y"`` are
# unquoted values ending at the '>'), and a quoted value left open runs to the end of
# the file, so the tag never ends (the name's second branch refuses to read its '=' as
# the start of a new name). Each branch starts with different characters and every
# quantifier is possessive, so an unterminated tag is read once, without backtracking.
_ATTRS = (
    r"(?:[\t\n\f\r /]++|[^\t\n\f\r />][^\t\n\f\r />=]*+"
    r"(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:\"[^\"]*+\"|'[^']*+'|[^\t\n\f\r >\"'][^\t\n\f\r >]*+|(?=>))"
    r"|(?![\t\n\f\r ]*+=)))*+>"
)
# Exact attribute syntax, used for raw-text start tags to tell a self-closing "/>" (which
# libxml2 honours even on script and title, whose content then parses as markup) from a
# "/" that ends an unquoted value.
_ATTRS_SC = re.compile(
    r"<[A-Za-z][^\t\n\f\r />]*"
    r"(?>[\t\n\f\r ]+|/(?!>)|[^\t\n\f\r />][^\t\n\f\r />=]*"
    r"(?>[\t\n\f\r ]*=[\t\n\f\r ]*(?>\"[^\"]*\"|'[^']*'|[^\t\n\f\r >]*))?)*(/?)>"
)
# After this many misses searches are bounded, so a page that libxml2 reads very
# differently cannot make every lookup scan to the end of the stream.
_MISS_LIMIT = 32
_WINDOW = 65536
# Elements whose content is raw text (not markup, no entities): never in the stream.
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"})
_RCDATA = frozenset({"title", "textarea"})
_END_FOLLOW = frozenset("\t\n\f\r />")
_RECORDED = ("a", "img", "meta")
# Start tags kept for the page's markup (``page_tags``), unless inside a hidden range.
_PAGE = (
    "html",
    "head",
    "body",
    "base",
    "title",
    "meta",
    "link",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
)
# Elements whose content is markup to the tokenizer but not the page's: a template, an
# SVG or MathML drawing, noscript fallbacks, plugin objects. Their range runs to the first
# end tag of the same name (not nested), like a raw-text element's.
_HIDING = ("template", "svg", "math", "noscript", "object")
# End tags whose spans are kept (``closes``).
_CLOSED = ("a", "h1", "h2", "h3", "h4", "h5", "h6")


def _ascii_any_case(name: str) -> str:
    """A pattern for ``name`` in any ASCII case: unlike ``re.I``, it does not take
    "\u017f" for "s" or "\u212a" for "k", as ``str.lower`` comparisons would not."""
    return "".join(f"[{c.lower()}{c.upper()}]" for c in name)


# Start tags the tokenizer acts on, with flags: offsets recorded for lxml, a page tag,
# a hidden range, a raw-text or RCDATA body.
_QUEUE, _PAGE_TAG, _HIDE, _RAW = 1, 2, 4, 8
_SPECIAL: dict[str, int] = {}
for _names, _flag in (
    (_RECORDED, _QUEUE), (_PAGE, _PAGE_TAG), (_HIDING, _HIDE), (RAW_TEXT, _RAW),
    (_RCDATA, _RAW),
):  # fmt: skip
    for _name in _names:
        _SPECIAL[_name] = _SPECIAL.get(_name, 0) | _flag
# Every markup a "<" can start, tried in this order: a start tag the tokenizer acts on
# (group 1, its name: see ``_SPECIAL``), any other start tag, a start tag with no ">"
# before the end of the file (group 2), an end tag whose span is kept (group 3, its
# name: see ``_CLOSED``), any other end tag, a comment ("<!-->" and "<!--->" are
# whole comments; an unclosed one runs to the end), a bogus comment ("<!DOCTYPE...>",
# "<?php...>", "</ x>"). A "<" that starts none of them is text, and so is a "</" that
# ends the file.
_NAME_END = r"(?=[\t\n\f\r />])"
_MARKUP = re.compile(
    r"<(?:("
    + "|".join(_ascii_any_case(name) for name in _SPECIAL)
    + r")"
    + _NAME_END
    + _ATTRS
    + r"|[A-Za-z][^\t\n\f\r />]*+"
    + _ATTRS
    + r"|([A-Za-z])"
    r"|/("
    + "|".join(_ascii_any_case(name) for name in _CLOSED)
    + r")"
    + _NAME_END
    + _ATTRS
    + r"|/(?:[A-Za-z][^\t\n\f\r />]*+"
    + _ATTRS
    + r"|>|(?!\Z)[^>]*+(?:>|\Z))"
    r"|!--(?:>|->|[\s\S]*?--!?>|[\s\S]*+)"
    r"|[!?][^>]*+(?:>|\Z))"
)
# Any start tag, its name in group 1.
START_TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*+)" + _ATTRS)
_REF = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*;?))|\r\n?")
_ATTR = re.compile(
    r"([^\t\n\f\r />][^\t\n\f\r />=]*)"
    r"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"([^\"]*)\"|'([^']*)'|([^\t\n\f\r >]*)))?"
)
_TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
_LONGEST_NAME = max(len(name) for name in _HTML5)


def _numeric(value: int) -> str:
    """HTML5 numeric character reference rules, which libxml2 2.14 follows."""
    if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return "\ufffd"
    if 0x80 <= value <= 0x9F:
        return bytes([value]).decode("cp1252", errors="ignore") or chr(value)
    return chr(value)


def _continues_name(char: str) -> bool:
    """An ASCII letter, digit or ``=``: after a named reference without ``;`` in an
    attribute value it keeps the reference literal (HTML5 says ASCII; ``Ù`` does not)."""
    return char == "=" or (char.isascii() and char.isalnum())


def decode_runs(
    raw: str, raw_start: int, text_start: int, attr: bool = False
) -> tuple[str, list[Run]]:
    """Decode entities and CR/LF in ``raw`` and return the text with its runs.

    ``attr`` applies the attribute-value rule: a named reference without ``;`` followed
    by a letter, digit or ``=`` stays literal.
    """
    out: list[str] = []
    runs: list[Run] = []
    pos = 0
    d = text_start
    for m in _REF.finditer(raw):
        start = m.start()
        if start < pos:
            continue
        if start > pos:
            out.append(raw[pos:start])
            runs.append((d, raw_start + pos, start - pos, start - pos))
            d += start - pos
        hexa, dec, name = m.groups()
        end = m.end()
        if hexa is not None:
            digits = hexa.lstrip("0")
            value = _numeric(int(digits or "0", 16) if len(digits) < 9 else 0x110000)
        elif dec is not None:
            digits = dec.lstrip("0")
            value = _numeric(int(digits or "0") if len(digits) < 9 else 0x110000)
        elif name is not None:
            value = _HTML5.get(name)
            if value is None or (
                attr and not name.endswith(";") and end < len(raw) and _continues_name(raw[end])
            ):
                value = None
                # The longest known prefix, as the HTML5 tokenizer reads it.
                for size in range(min(len(name) - 1, _LONGEST_NAME), 1, -1):
                    candidate = _HTML5.get(name[:size])
                    if candidate is not None:
                        if attr and _continues_name(name[size]):
                            break
                        value = candidate
                        end = start + 1 + size
                        break
            if value is None:
                # Not a reference: the text stays literal.
                out.append(raw[start:end])
                runs.append((d, raw_start + start, end - start, end - start))
                d += end - start
                pos = end
                continue
        else:
            value = "\n"  # CR LF or a lone CR
        out.append(value)
        runs.append((d, raw_start + start, len(value), end - start))
        d += len(value)
        pos = end
    if pos < len(raw):
        out.append(raw[pos:])
        runs.append((d, raw_start + pos, len(raw) - pos, len(raw) - pos))
    return "".join(out), runs


def attr_value_span(source: str, tag_start: int, name: str) -> tuple[int, int] | None:
    """Source span of the value of attribute ``name`` in the start tag at ``tag_start``."""
    pos = tag_start + 1
    while pos < len(source) and source[pos] not in "\t\n\f\r />":
        pos += 1
    length = len(source)
    while pos < length:
        char = source[pos]
        if char == ">":
            return None
        if char in "\t\n\f\r /":
            pos += 1
            continue
        m = _ATTR.match(source, pos)
        if m is None:  # pragma: no cover - the pattern always matches one character
            return None
        if m.group(1).lower() == name:
            for group in (2, 3, 4):
                if m.group(group) is not None:
                    return m.span(group)
            return (m.end(), m.end())
        pos = m.end()
    return None


def start_tag_attrs(source: str, start: int, end: int) -> dict[str, str]:
    """Attributes of the start tag ``source[start:end]`` as libxml2 reads them: names in
    lower case, values decoded, the first of a repeated name kept, ``""`` for none."""
    name_end = _TAG_NAME.match(source, start + 1)  # always matches
    pos = name_end.end() if name_end else start + 1
    attrs: dict[str, str] = {}
    stop = end - 1 if source[end - 1 : end] == ">" else end
    # The value's quoting alternatives: at most one is not empty (none for no value).
    for name, double, single, bare in _ATTR.findall(source, pos, stop):
        name = name.lower()
        if name not in attrs:
            value = double or single or bare
            if "&" in value or "\r" in value:
                value = decode_runs(value, 0, 0, attr=True)[0]
            attrs[name] = value
    return attrs


def _body_end(source: str, name: str, start: int) -> int:
    """Offset of the end tag that closes raw-text element ``name`` (or the end of file)."""
    if name == "plaintext":
        return len(source)
    size = len(name) + 2
    length = len(source)
    end = source.find("</", start)
    while end >= 0:
        if source[end + 2 : end + size].lower() == name and (
            end + size == length or source[end + size] in _END_FOLLOW
        ):
            return end
        end = source.find("</", end + 2)
    return length


class SourceIndex:
    """The decoded text stream of a page, and a locator for lxml text nodes."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self.runs: list[Run] = []
        # (offset, first line, last line, end) of each recorded start tag
        self.tags: dict[str, list[tuple[int, int, int, int]]] = {n: [] for n in _RECORDED}
        # (name, offset of "<", offset after ">") of the page's own start tags (_PAGE)
        self.page_tags: list[tuple[str, int, int]] = []
        # spans of the end tags of _CLOSED, by name ("h" for all headings)
        self.closes: dict[str, list[tuple[int, int]]] = {"a": [], "h": []}
        # (start tag offset, body end) of elements whose content is not the page's
        self.hidden: list[tuple[int, int]] = []
        self._hidden_until = 0
        self.ldjson_scripts: list[tuple[int, int, int]] = []
        self._line = 1
        self._counted = 0
        self._scan()
        self.stream = "".join(self._parts)
        self._starts = [run[0] for run in self.runs]
        self.cursor = 0
        self.misses = 0

    def _scan(self) -> None:
        """Tokenize the source into the stream (hot path: one loop step per markup).

        ``finditer`` finds every markup in C; a raw-text element's body is skipped by
        starting a new search after it.
        """
        source = self.source
        pos = 0  # start of the pending text segment
        d = 0  # length of the stream so far
        resume: int | None = 0
        while resume is not None:
            scan, resume = resume, None
            for m in _MARKUP.finditer(source, scan):
                start, end = m.span()
                group = m.lastindex
                if group == 1:
                    name = m.group(1).lower()
                    flags = _SPECIAL[name]
                    if flags & _QUEUE:
                        self._record(name, start, end)
                    if flags & _PAGE_TAG and start >= self._hidden_until:
                        self.page_tags.append((name, start, end))
                    if flags & _HIDE and start >= self._hidden_until:
                        self._hide(name, start, end)
                    if flags & _RAW:
                        body = self._raw_text(name, start, end)
                        if body is not None:
                            end, body_end = body
                            d = self._text(pos, start, d)
                            if name in _RCDATA and body_end > end:
                                d = self._text(end, body_end, d)
                            pos = resume = body_end
                            break
                elif group == 3:
                    name = m.group(3)
                    self.closes["a" if len(name) == 1 else "h"].append((start, end))
                elif group == 2:
                    # No ">" before the end of the file (or a quoted value left open): the
                    # tag runs to the end, and what follows is no text (stopping here also
                    # keeps later "<" from rescanning to the end each time).
                    d = self._text(pos, start, d)
                    pos = len(source)
                    break
                d = self._text(pos, start, d)
                pos = end
        self._text(pos, len(source), d)

    def _text(self, a: int, b: int, d: int) -> int:
        """Append ``source[a:b]`` (decoded) to the stream at ``d``; the stream's new length."""
        if b <= a:
            return d
        raw = self.source[a:b]
        if "&" in raw or "\r" in raw:
            text, sub = decode_runs(raw, a, d)
            self._parts.append(text)
            self.runs.extend(sub)
            return d + len(text)
        self._parts.append(raw)
        self.runs.append((d, a, b - a, b - a))
        return d + b - a

    def _record(self, name: str, start: int, end: int) -> None:
        """Keep the offset and lines of an ``<a>``, ``<img>`` or ``<meta>`` start tag."""
        source = self.source
        # Lines of the tag's "<" and ">", counted incrementally in C.
        self._line += source.count("\n", self._counted, start)
        self._counted = start
        last = self._line + source.count("\n", start, end)
        self.tags[name].append((start, self._line, last, end))

    def _hide(self, name: str, start: int, end: int) -> None:
        """Keep the range of an element whose content is not the page's (a self-closed
        ``<svg/>`` or ``<math/>`` has none)."""
        if name in ("svg", "math") and self.source[end - 2] == "/":
            return
        body_end = _body_end(self.source, name, end)
        self.hidden.append((start, body_end))
        self._hidden_until = body_end

    def _raw_text(self, name: str, start: int, end: int) -> tuple[int, int] | None:
        """``(end of start tag, end of body)`` of a raw-text or RCDATA element, or ``None``
        when its start tag closes itself (its content is then markup)."""
        source = self.source
        exact = _ATTRS_SC.match(source, start)
        if exact is not None:
            if exact.group(1):
                return None
            end = exact.end()
        body_end = _body_end(source, name, end)
        if name == "textarea" and start >= self._hidden_until:
            self.hidden.append((start, body_end))  # its text is not the page's either
            self._hidden_until = body_end
        if name == "script" and "ld+json" in source[start:end].lower():
            self.ldjson_scripts.append((start, end, body_end))
        return end, body_end

    def _map(self, d: int, n: int) -> list[Run]:
        """Runs for the stream slice ``[d, d + n)``, relative to ``d``."""
        runs = self.runs
        index = bisect_right(self._starts, d) - 1
        ds, rs, dl, rl = runs[index]
        if dl == rl and d + n <= ds + dl:
            return [(0, rs + d - ds, n, n)]
        out: list[Run] = []
        end = d + n
        position = d
        while position < end and index < len(runs):
            ds, rs, dl, rl = runs[index]
            stop = min(end, ds + dl)
            if stop > position:
                if dl == rl:
                    out.append((position - d, rs + position - ds, stop - position, stop - position))
                else:
                    out.append((position - d, rs, stop - position, rl))
                position = stop
            index += 1
        return out

    def locate(self, text: str) -> list[Run] | None:
        """Runs mapping ``text`` (the next lxml text node) to the source, or ``None``.

        Searches from the cursor; on success the cursor moves past the match. When the
        exact text is missing (libxml2 saw something differently) the first word is
        tried, mapping the node as if it were contiguous from there.
        """
        stream = self.stream
        cursor = self.cursor
        if self.misses < _MISS_LIMIT:
            found = stream.find(text, cursor)
        else:
            found = stream.find(text, cursor, cursor + len(text) + _WINDOW)
        if found >= 0:
            self.cursor = found + len(text)
            return self._map(found, len(text))
        self.misses += 1
        stripped = text.lstrip(_WS + "\xa0")
        head = stripped[:24].split(None, 1)[0] if stripped.strip() else ""
        if len(head) < 3:
            return None
        found = stream.find(head, self.cursor, self.cursor + 4 * len(text) + 2000)
        if found < 0:
            return None
        lead = len(text) - len(stripped)
        self.cursor = found + len(head)
        size = min(len(stripped), len(stream) - found)
        runs = [(lead + t, s, n, sl) for t, s, n, sl in self._map(found, size)]
        if lead:
            runs.insert(0, (0, runs[0][1], lead, 1))
        if size < len(stripped):
            runs.append((lead + size, runs[-1][1] + runs[-1][3], len(stripped) - size, 1))
        return runs

    def skip(self, text: str) -> None:
        """Move the cursor past ``text`` (a node that is not linted) if it is found."""
        if self.misses < _MISS_LIMIT:
            found = self.stream.find(text, self.cursor)
        else:
            found = self.stream.find(text, self.cursor, self.cursor + len(text) + _WINDOW)
        if found >= 0:
            self.cursor = found + len(text)
        else:
            self.misses += 1


class TagQueue:
    """Source offsets of one tag name, handed out in document order.

    lxml elements are matched to the tokenizer's start tags by order, checked against
    ``sourceline`` (the line of the tag's ``>``; libxml2 caps it at 65535).
    """

    __slots__ = ("_pos", "_tags")

    def __init__(self, tags: list[tuple[int, int, int, int]]) -> None:
        self._tags = tags
        self._pos = 0

    def take(self, sourceline: int | None) -> tuple[int, int] | None:
        """Offsets of the ``<`` and after the ``>`` of the element's start tag, or
        ``None`` if unmatched."""
        tags = self._tags
        while self._pos < len(tags):
            start, first, last, end = tags[self._pos]
            if not sourceline or sourceline >= 65535:
                self._pos += 1
                return start, end
            if last < sourceline:
                self._pos += 1
                continue
            if first <= sourceline:
                self._pos += 1
                return start, end
            return None
        return None
