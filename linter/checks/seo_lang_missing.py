"""SEO024: no ``lang`` attribute on ``<html>``.

The language of the page decides how screen readers pronounce it, how browsers offer
to translate it and hyphenate it, and helps search engines serve it to the right
audience.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import head_anchor, scan
from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    if doc.lang:
        return
    tags = scan(doc).named("html")
    hit = Hit(tags[0].start, tags[0].end) if tags else head_anchor(doc)
    has_attr = bool(tags) and ("lang" in tags[0].attrs or "xml:lang" in tags[0].attrs)
    hit.args["problem"] = "is empty" if has_attr else "is missing"
    yield hit
