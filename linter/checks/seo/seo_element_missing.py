"""A page element that every page needs is missing, or there but empty.

``element`` names it: ``title``, ``description`` (the meta description), ``h1``,
``canonical`` (``<link rel="canonical">``) or ``lang`` (of ``<html>``). The reader says
whether the page has it; when it does not, the finding sits on the empty element in the
page's markup (``doc.page``), else at ``<head>`` (for an H1, ``<body>``).
``problem`` says which: "is missing", or how the element is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, Param, choice
from linter.checks.seo._page import head_anchor, heading_blocks, page_of, tag_hit
from linter.model import Document

FORMATS = ("html",)


def _title(doc: Document) -> Hit | None:
    if doc.title:  # the first <title> is the one browsers and search engines use
        return None
    tags = page_of(doc).titles
    if tags:
        return tag_hit(tags[0], problem="is empty")
    # no <title> tag outside hidden markup (the reader found one in an SVG)
    hit = head_anchor(doc)
    hit.args["problem"] = "is missing" if doc.title is None else "is empty"
    return hit


def _description(doc: Document) -> Hit | None:
    if any(d.strip() for d in doc.meta.descriptions):
        return None
    tags = page_of(doc).metas_named("description")
    if tags:
        return tag_hit(tags[0], problem="is empty")
    hit = head_anchor(doc)
    hit.args["problem"] = "is missing"
    return hit


def _h1(doc: Document) -> Hit | None:
    """An H1 counts wherever it sits, and one whose only content is a logo with alt text
    (or with an aria-label) is not empty."""
    if any(b.level == 1 for b in heading_blocks(doc)):
        return None
    page = page_of(doc)
    h1s = [h for h in page.headings if h.level == 1]
    if any(h.text or h.label for h in h1s):
        return None
    if h1s:
        return Hit(h1s[0].start, h1s[0].end, {"problem": "has no text"}, excerpt="")
    body = page.body
    hit = Hit(body.start, body.end) if body else head_anchor(doc)
    hit.args["problem"] = "is missing"
    return hit


def _canonical(doc: Document) -> Hit | None:
    canonical = doc.meta.canonical
    if canonical:
        return None
    hit = head_anchor(doc)
    hit.args["problem"] = "is missing" if canonical is None else "has an empty href"
    return hit


def _lang(doc: Document) -> Hit | None:
    """At the ``<html>`` tag; ``xml:lang`` counts as well."""
    if doc.lang:
        return None
    html = page_of(doc).html
    hit = Hit(html.start, html.end) if html else head_anchor(doc)
    has_attr = html is not None and ("lang" in html.attrs or "xml:lang" in html.attrs)
    hit.args["problem"] = "is empty" if has_attr else "is missing"
    return hit


_ELEMENTS: dict[str, Callable[[Document], Hit | None]] = {
    "title": _title,
    "description": _description,
    "h1": _h1,
    "canonical": _canonical,
    "lang": _lang,
}

PARAMS: dict[str, Param] = {"element": choice(*_ELEMENTS)}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    hit = _ELEMENTS[params["element"]](doc)
    if hit is not None:
        yield hit
