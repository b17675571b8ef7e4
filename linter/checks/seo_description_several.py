"""SEO007: more than one meta description.

Search engines take one of them, not necessarily the one the editor wrote; a second
description is usually a theme and an SEO plugin both printing one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import scan, several_tags
from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    count = len(doc.meta.get("descriptions", []))
    if count >= 2:
        yield from several_tags(doc, count, scan(doc).metas("description"))
