"""A title or meta description too long or too short for the search result.

``element`` names it: ``title`` (the first ``<title>``; an empty one is the missing-title
rule's) or ``description`` (the first meta description). It is too long over
``max_pixels`` pixels wide in Arial at ``font_px``, or, where ``max_pixels`` is 0, over
``max_chars`` characters; too short under ``min_chars``. A title whose headline fits and
whose only overflow is a short trailing site name ("... | Site Name") is not too long. The message gets ``chars``,
``pixels``, ``problem`` ("long" or "short"), the ``limit`` passed, ``advice`` and the
params.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, NUMBER, Hit, Param, block_hit, choice
from linter.checks.seo._page import headline_of_title
from linter.checks.seo._width import pixel_width
from linter.model import META, TITLE, Block, Document

FORMATS = ("html",)
_ELEMENTS = ("title", "description")

PARAMS: dict[str, Param] = {
    "element": choice(*_ELEMENTS),
    "min_chars": COUNT,
    "max_chars": COUNT,
    "max_pixels": COUNT,
    "font_px": NUMBER,
}


def _block(doc: Document, element: str) -> Block | None:
    if element == "title":
        block = next((b for b in doc.blocks if b.kind == TITLE), None)
        return block if block is not None and block.text == doc.title else None
    return next(
        (b for b in doc.blocks if b.kind == META and b.attrs.get("name") == "description"), None
    )


def _only_site_name_cut(title: str, params: Mapping[str, Any]) -> bool:
    """Whether the headline fits and only the site name after it would be cut: search
    engines shorten or drop a trailing site name themselves, and nobody need act."""
    headline = headline_of_title(title)
    if headline is None:
        return False
    if params["max_pixels"]:
        return pixel_width(headline, params["font_px"]) <= params["max_pixels"]
    return not params["max_chars"] or len(headline) <= params["max_chars"]


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    block = _block(doc, params["element"])
    if block is None:
        return
    chars = len(block.text)
    pixels = round(pixel_width(block.text, params["font_px"]))
    most, widest = params["max_chars"], params["max_pixels"]
    # Search results cut a title by its width: with a pixel limit, the width decides (a
    # 64-character title of narrow letters fits; "cut off" would be untrue), and the
    # character count decides only where no pixel limit is set.
    if (widest and pixels > widest) or (not widest and most and chars > most):
        if params["element"] == "title" and _only_site_name_cut(block.text, params):
            return
        problem, limit = "long", most
        advice = (
            "it will be cut off in search results; "
            f"keep the key point in the first {most} characters"
        )
    elif chars < params["min_chars"]:
        problem, limit = "short", params["min_chars"]
        advice = (
            "search engines may replace it with text from the page; "
            "say what the reader will find here"
        )
    else:
        return
    args = {**params, "chars": chars, "pixels": pixels, "problem": problem, "limit": limit}
    yield block_hit(block, 0, chars, **args, advice=advice)
