"""SEO022: no ``<link rel="canonical">``.

A canonical URL tells search engines which address is the page's own when the same
article is reachable under several (tracking parameters, print views, syndication), so
ranking signals are not split between copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import head_anchor
from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    canonical = doc.meta.get("canonical")
    if canonical:
        return
    hit = head_anchor(doc)
    hit.args["problem"] = "is missing" if canonical is None else "has an empty href"
    yield hit
