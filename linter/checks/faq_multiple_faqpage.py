"""More than one FAQPage object on a page.

Google expects one FAQPage per page and may ignore all of them when there are several
(a theme and a plugin both adding markup is the usual cause). Every FAQPage after the
first is reported, pointing back at the first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.faq import faq_pages
from linter.model import Document, Related

PARAMS: dict[str, Any] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    pages = faq_pages(doc)
    if len(pages) < 2:
        return
    first = pages[0]
    line, column = doc.lines.position(first.start)
    for page in pages[1:]:
        hit = Hit(page.start, page.end, {"line": line, "count": len(pages)})
        hit.related.append(Related(line, column, doc.source[first.start : first.end]))
        yield hit
