"""Flags runs of blank lines in plain text and Markdown sources.

Text pasted out of a CMS or a word processor often drags dozens of empty lines along,
mostly at the end. They are invisible in an editor's viewport but show up as gaps once
the text is published with its line breaks, and they make diffs noisy. HTML is left
alone: blank lines in markup are not content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {
    # Longest run of blank lines allowed between two lines of text.
    "max_blank": 2,
    # Report blank lines after the last line of text.
    "trailing": True,
}
FORMATS = ("text", "markdown")

_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def validate(params: Mapping[str, Any]) -> str | None:
    """A negative limit would flag every paragraph break."""
    if params.get("max_blank", 0) < 0:
        return "max_blank must be 0 or more"
    return None


def _lines_phrase(count: int) -> str:
    return "1 blank line" if count == 1 else f"{count} blank lines"


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    """One hit per over-long run (spanning the extra lines) and one for the trailing run."""
    source = doc.source
    max_blank = params["max_blank"]
    run: list[re.Match[str]] = []
    seen_text = False
    for line in _LINE.finditer(source):
        if line.group().strip():
            if seen_text and len(run) > max_blank:
                start = run[max_blank].start()
                yield Hit(
                    start,
                    line.start(),
                    {
                        "lines": _lines_phrase(len(run)),
                        "where": "in a row",
                        "advice": f"Keep at most {max_blank} and delete the rest.",
                    },
                    excerpt="",
                    fix="",
                )
            seen_text = True
            run = []
        else:
            run.append(line)
    if params["trailing"] and seen_text and run:
        yield Hit(
            run[0].start(),
            len(source),
            {
                "lines": _lines_phrase(len(run)),
                "where": "at the end of the file",
                "advice": "Delete them.",
            },
            excerpt="",
            fix="",
        )
