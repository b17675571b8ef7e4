"""SEO002: a title too long for the search result.

Google cuts titles at about 600 pixels of 20 px Arial on desktop, which is 50-60
characters of ordinary text; the cut-off part is lost, so the estimated width is said
in the message (wide letters such as M and W run out sooner than i and l).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import pixel_width
from linter.checks.base import Hit, block_hit
from linter.model import TITLE, Document

PARAMS: dict[str, Any] = {"max_chars": 60, "max_pixels": 600, "font_px": 20}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    block = next((b for b in doc.blocks if b.kind == TITLE), None)
    if block is None or block.text != doc.title:  # an empty first title is SEO001's
        return
    if block is None:
        return
    chars = len(block.text)
    pixels = round(pixel_width(block.text, params["font_px"]))
    if chars > params["max_chars"] or pixels > params["max_pixels"]:
        yield block_hit(block, 0, chars, chars=chars, pixels=pixels, **params)
