"""SEO009: more than one H1 on a page.

One H1 states the page's topic; several compete for it. Every ``<h1>`` element counts,
in the body or in a header, banner or sidebar, because that is what crawlers see; each
H1 after the first is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import scan
from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {"max_h1": 1}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    h1s = [h for h in scan(doc).headings if h.level == 1]
    if len(h1s) <= params["max_h1"]:
        return
    first = doc.lines.position(h1s[0].start)[0]
    for h1 in h1s[params["max_h1"] :]:
        yield Hit(h1.start, h1.end, {"count": len(h1s), "line": first})
