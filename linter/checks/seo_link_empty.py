"""SEO015: a link in the article body with no text.

Anchor text tells readers and search engines where a link leads; an ``<a href>`` with
no text, no ``aria-label``/``title`` and no image alt inside is announced as just
"link". Links of the page's navigation, header and footer are left to the theme.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import is_navigable, link_label, link_span, more_note
from linter.checks.base import Hit
from linter.model import MAIN, Document

PARAMS: dict[str, Any] = {"max_per_page": 10}
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
    shown = found[: params["max_per_page"]]
    for n, link in enumerate(shown, 1):
        more = more_note(len(found), len(shown), "empty links") if n == len(shown) else ""
        start, end = link_span(doc, link)
        yield Hit(start, end, {"href": link.href[:80], "more": more})
