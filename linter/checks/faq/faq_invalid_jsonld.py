"""Reports each JSON-LD script the reader could not parse, where the parser stopped.

The excerpt runs from that offset to the end of its line (40 characters at most); when
the fault is a line break, it shows the text before the break instead. Python's JSON
messages are put in plain words. Blank scripts are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, Param
from linter.checks.faq._schema import script_text
from linter.model import Document

PARAMS: dict[str, Param] = {}
FORMATS = ("html",)

# Python's JSON messages, in words an editor can act on.
_PLAIN = {
    "Expecting value": "a value is missing here: a stray comma, or text not in double quotes",
    "Expecting property name enclosed in double quotes": (
        "a name not in double quotes, or a comma before a closing brace"
    ),
    "Expecting ',' delimiter": "a comma is missing",
    "Expecting ':' delimiter": "a colon is missing after a name",
    "Extra data": "more text after the end of the JSON",
    "Invalid control character at": "a line break or tab inside a quoted text",
    "Unterminated string starting at": "a quoted text is never closed",
    "Invalid \\escape": "a backslash that JSON does not allow",
}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    for script in doc.jsonld:
        if script.error is None or not script_text(doc, script)[1].strip():
            continue
        at = script.error_offset if script.error_offset is not None else script.offset
        line_end = doc.source.find("\n", at)
        end = min(at + 40, line_end if line_end > at else len(doc.source), len(doc.source))
        end = max(end, min(at + 1, len(doc.source)))
        excerpt = doc.source[at:end]
        if doc.source[at : at + 1] in ("\n", "\r"):
            # The fault is the line break itself: show the text it breaks.
            line_start = doc.source.rfind("\n", 0, at) + 1
            excerpt = "…" + doc.source[max(line_start, at - 40) : at] + "↵"
            end = at + 1
        error = _PLAIN.get(script.error, script.error)
        yield Hit(at, end, {"error": error}, excerpt=excerpt)
