"""Reports every FAQPage object after the first (in any script, in ``@graph`` too) on its
``FAQPage`` type, pointing back at the first one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, Param
from linter.checks.faq._schema import faq_pages
from linter.model import Document, Related

PARAMS: dict[str, Param] = {}
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
