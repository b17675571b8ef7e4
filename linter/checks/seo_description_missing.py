"""SEO005: no meta description, or an empty one.

Without one, search engines build the snippet under the title from whatever text they
pick on the page, often a menu or a cookie notice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import head_anchor, scan, tag_hit
from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    if any(d.strip() for d in doc.meta.get("descriptions", [])):
        return
    tags = scan(doc).metas("description")
    if tags:
        yield tag_hit(tags[0], problem="is empty")
    else:
        hit = head_anchor(doc)
        hit.args["problem"] = "is missing"
        yield hit
