"""More than ``max_h1`` H1 elements on a page.

Every ``<h1>`` of the page's markup counts, in the body or in a header, banner or
sidebar; each one past ``max_h1`` is reported with the ``count`` and the ``line`` of
the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param
from linter.checks.seo._page import page_of
from linter.model import Document

PARAMS: dict[str, Param] = {"max_h1": COUNT}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    h1s = [h for h in page_of(doc).headings if h.level == 1]
    if len(h1s) <= params["max_h1"]:
        return
    first = doc.lines.position(h1s[0].start)[0]
    for h1 in h1s[params["max_h1"] :]:
        yield Hit(h1.start, h1.end, {"count": len(h1s), "line": first})
