"""SEO001: a page without a ``<title>``, or with an empty one.

The title is the headline of the search result and the name of the browser tab; without
one, search engines make one up from the page.
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
    if doc.title:  # the first <title> is the one browsers and search engines use
        return
    tags = scan(doc).named("title")
    if tags:
        yield tag_hit(tags[0], problem="is empty")
    else:  # no well-formed <title> tag (or one the scan cannot read, like '<title\n">')
        hit = head_anchor(doc)
        hit.args["problem"] = "is missing" if doc.title is None else "is empty"
        yield hit
