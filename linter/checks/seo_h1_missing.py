"""SEO008: a page without an H1.

The H1 is the visible headline that tells readers and search engines what the page is
about. An H1 counts wherever it sits (inside ``<header>``, ``<article>`` or a page
banner): only its absence, or an H1 with no text at all, is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import head_anchor, heading_blocks, scan
from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    if any(b.level == 1 for b in heading_blocks(doc)):
        return
    found = scan(doc)
    h1s = [h for h in found.headings if h.level == 1]
    if any(h.text or h.label for h in h1s):
        return
    if h1s:
        yield Hit(h1s[0].start, h1s[0].end, {"problem": "has no text"}, excerpt="")
        return
    body = found.named("body")
    hit = Hit(body[0].start, body[0].end) if body else head_anchor(doc)
    hit.args["problem"] = "is missing"
    yield hit
