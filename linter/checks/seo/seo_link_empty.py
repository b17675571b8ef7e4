"""Links of the article body that lead somewhere and say nothing: no text, no
``aria-label``/``title``/``aria-labelledby``, no alt of an image inside. At most
``max_per_page`` are reported, at the ``<a>`` tag."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param
from linter.checks.seo._links import is_navigable, link_label, link_span
from linter.checks.seo._page import capped
from linter.model import MAIN, Document

PARAMS: dict[str, Param] = {"max_per_page": COUNT}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    found = [
        link
        for link in doc.links
        if link.region == MAIN
        and not link.text.strip()
        and is_navigable(link.href)
        and not link_label(doc, link)
    ]
    for link, more in capped(found, params["max_per_page"], "empty links"):
        start, end = link_span(link)
        yield Hit(start, end, {"href": link.href[:80], "more": more})
