"""SEO004: more than one ``<title>`` element.

Browsers and search engines use the first; the others are usually a template and a
plugin both printing one, and which one wins is not what anyone chose.
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
    count = len(doc.meta.get("titles", []))
    if count >= 2:
        yield from several_tags(doc, count, scan(doc).named("title"))
