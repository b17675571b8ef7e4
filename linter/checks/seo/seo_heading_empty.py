"""Heading elements with no text, from the page's markup (``doc.page``: the reader
makes no block of an empty element).

A heading whose only content is an image with alt text, or that has an ``aria-label``,
is not empty. With ``body_only`` a heading counts only in the article body; the region
of an element the reader made no block for is that of the blocks around it, and an empty
H1 inside a header, footer, navigation, dialog, hidden screen, button or logo there is
the template's (``PageH1.in_template``: SEO026 reports it). At most
``max_per_page`` are reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, FLAG, Hit, Param
from linter.checks.seo._page import capped, page_h1s, page_of, region_at
from linter.model import MAIN, Document

PARAMS: dict[str, Param] = {"body_only": FLAG, "max_per_page": COUNT}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    # an empty H1 of the template (in a dialog, a hidden screen, the header...) is the
    # template rule's (SEO026), as it is outside the body
    template = {h.heading.start for h in page_h1s(doc) if h.empty and h.in_template}
    found = [
        h
        for h in page_of(doc).headings
        if not h.text
        and not h.label
        and (
            not params["body_only"] or (region_at(doc, h.start) == MAIN and h.start not in template)
        )
    ]
    for heading, more in capped(found, params["max_per_page"], "empty headings"):
        yield Hit(heading.start, heading.end, {"level": heading.level, "more": more})
