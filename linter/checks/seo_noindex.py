"""SEO023: the page asks search engines not to index it.

``<meta name="robots" content="noindex">`` (or ``none``, or the same for ``googlebot``)
is right on a draft or a staging page and a disaster on a published article: it will
never appear in search results. Reported at the tag, so a template left in draft mode
is caught before it ships.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import scan, tag_hit
from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {"robots": ["robots", "googlebot"]}
FORMATS = ("html",)
_NOINDEX = re.compile(r"(?<![\w-])(noindex|none)(?![\w-])", re.I)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    names = tuple(n.lower() for n in params["robots"])
    for tag in scan(doc).metas(*names):
        m = _NOINDEX.search(tag.attrs.get("content", ""))
        if m:
            name = (tag.attrs.get("name") or tag.attrs.get("property") or "").lower()
            yield tag_hit(tag, name=name, value=m.group(1).lower())
            return
