"""The first ``<meta>`` whose name (or property) is one of ``robots`` and whose content
says ``noindex`` or ``none``, reported at its tag."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import TEXTS, Hit, Param
from linter.checks.seo._page import page_of, tag_hit
from linter.model import Document

PARAMS: dict[str, Param] = {"robots": TEXTS}
FORMATS = ("html",)
_NOINDEX = re.compile(r"(?<![\w-])(noindex|none)(?![\w-])", re.I)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    names = tuple(n.lower() for n in params["robots"])
    for tag in page_of(doc).metas_named(*names):
        m = _NOINDEX.search(tag.attrs.get("content", ""))
        if m:
            name = (tag.attrs.get("name") or tag.attrs.get("property") or "").lower()
            yield tag_hit(tag, name=name, value=m.group(1).lower())
            return
