"""A page element that every page needs is missing, or there but empty.

``element`` names it: ``title``, ``description`` (the meta description), ``h1``,
``canonical`` (``<link rel="canonical">``) or ``lang`` (of ``<html>``). The reader says
whether the page has it; when it does not, the source scan finds the empty element so
the finding sits on it, else the finding goes to ``<head>`` (for an H1, ``<body>``).
``problem`` says which: "is missing", or how the element is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from linter.checks.base import TEXT, Hit, Param
from linter.checks.seo._page import heading_blocks
from linter.checks.seo._scan import head_anchor, scan, tag_hit
from linter.model import Document

PARAMS: dict[str, Param] = {"element": TEXT}
FORMATS = ("html",)


def _title(doc: Document) -> Hit | None:
    if doc.title:  # the first <title> is the one browsers and search engines use
        return None
    tags = scan(doc).named("title")
    if tags:
        return tag_hit(tags[0], problem="is empty")
    # no well-formed <title> tag (or one the scan cannot read, like '<title\n">')
    hit = head_anchor(doc)
    hit.args["problem"] = "is missing" if doc.title is None else "is empty"
    return hit


def _description(doc: Document) -> Hit | None:
    if any(d.strip() for d in doc.meta.get("descriptions", [])):
        return None
    tags = scan(doc).metas("description")
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
    found = scan(doc)
    h1s = [h for h in found.headings if h.level == 1]
    if any(h.text or h.label for h in h1s):
        return None
    if h1s:
        return Hit(h1s[0].start, h1s[0].end, {"problem": "has no text"}, excerpt="")
    body = found.named("body")
    hit = Hit(body[0].start, body[0].end) if body else head_anchor(doc)
    hit.args["problem"] = "is missing"
    return hit


def _canonical(doc: Document) -> Hit | None:
    canonical = doc.meta.get("canonical")
    if canonical:
        return None
    hit = head_anchor(doc)
    hit.args["problem"] = "is missing" if canonical is None else "has an empty href"
    return hit


def _lang(doc: Document) -> Hit | None:
    """At the ``<html>`` tag; ``xml:lang`` counts as well."""
    if doc.lang:
        return None
    tags = scan(doc).named("html")
    hit = Hit(tags[0].start, tags[0].end) if tags else head_anchor(doc)
    has_attr = bool(tags) and ("lang" in tags[0].attrs or "xml:lang" in tags[0].attrs)
    hit.args["problem"] = "is empty" if has_attr else "is missing"
    return hit


_ELEMENTS: dict[str, Callable[[Document], Hit | None]] = {
    "title": _title,
    "description": _description,
    "h1": _h1,
    "canonical": _canonical,
    "lang": _lang,
}


def validate(params: Mapping[str, Any]) -> str | None:
    element = params.get("element")
    if element is not None and element not in _ELEMENTS:
        return f"element must be one of {', '.join(_ELEMENTS)}, not {element!r}"
    return None


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    hit = _ELEMENTS[params["element"]](doc)
    if hit is not None:
        yield hit
