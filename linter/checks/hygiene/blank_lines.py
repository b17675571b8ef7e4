"""Flags runs of blank lines in plain text and Markdown sources.

Reads the source line by line (a line of only white space is blank): a run of more than
``max_blank`` blank lines between two lines of text is one hit spanning the extra lines,
and with ``trailing`` the blank lines after the last line of text are one more. The fix
deletes them. Plain text and Markdown only: blank lines in HTML source are not content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, FLAG, Hit, Param
from linter.model import Document

PARAMS: dict[str, Param] = {"max_blank": COUNT, "trailing": FLAG}
FORMATS = ("text", "markdown")

_LINE = re.compile(r"[^\n]*\n|[^\n]+")


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
