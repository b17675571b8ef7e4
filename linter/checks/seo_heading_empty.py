"""SEO011: a heading element with no text.

An empty heading still appears in the outline screen readers and crawlers build, as a
section without a name. The reader drops empty elements, so headings are found in the
source; a heading whose only content is an image with alt text, or that has an
``aria-label``, is not empty. By default only headings of the article body are
reported (``body_only``): empty headings in page chrome are nearly always slots that a
script fills (a modal's title, a carousel caption), the theme's business rather than
the editor's. The region of an element the reader made no block for is that of the
blocks around it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import more_note, region_at, scan
from linter.checks.base import Hit
from linter.model import MAIN, Document

PARAMS: dict[str, Any] = {"body_only": True, "max_per_page": 10}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    found = [
        h
        for h in scan(doc).headings
        if not h.text
        and not h.label
        and (not params["body_only"] or region_at(doc, h.start) == MAIN)
    ]
    shown = found[: params["max_per_page"]]
    for n, heading in enumerate(shown, 1):
        more = more_note(len(found), len(shown), "empty headings") if n == len(shown) else ""
        yield Hit(heading.start, heading.end, {"level": heading.level, "more": more})
