"""SEO004: more than one ``<title>`` element.

Browsers and search engines use the first; the others are usually a template and a
plugin both printing one, and which one wins is not what anyone chose.
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
    count = len(doc.meta.get("titles", []))
    if count < 2:
        return
    tags = scan(doc).named("title")
    if len(tags) >= 2:
        first = doc.lines.position(tags[0].start)[0]
        for tag in tags[1:]:
            yield tag_hit(tag, count=count, line=first)
    else:
        hit = head_anchor(doc)
        hit.args.update(count=count, line=doc.lines.position(hit.start)[0])
        yield hit
