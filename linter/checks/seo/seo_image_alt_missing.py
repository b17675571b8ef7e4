"""Images without an ``alt`` attribute, at their ``<img>`` tag.

Every image counts but hidden ones (``is_hidden_image``: tracking pixels, data:
spacers, ``aria-hidden``, ``role="presentation"``, ``display:none``); at most
``max_per_page`` are reported. ``src`` is the image's file name (``data-src``'s when
``src`` is a data: URI).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param
from linter.checks.seo._images import image_tag, is_hidden_image
from linter.checks.seo._page import capped
from linter.model import Document, Tag

PARAMS: dict[str, Param] = {"max_per_page": COUNT}
FORMATS = ("html",)


def _name(src: str, tag: Tag) -> str:
    """The file name of the image, for the message (lazy-loaded ones from data-src)."""
    if src.startswith("data:"):
        src = next(
            (
                tag.attrs[k]
                for k in ("data-src", "data-lazy-src", "data-original")
                if tag.attrs.get(k)
            ),
            "",
        )
    name = src.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    return name[:60] or "(no file name)"


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    found = []
    for image in doc.images:
        if image.alt is not None:
            continue
        tag = image_tag(image)
        if not is_hidden_image(tag):
            found.append((image, tag))
    for (image, tag), more in capped(found, params["max_per_page"], "images without alt"):
        yield Hit(tag.start, tag.end, {"src": _name(image.src, tag), "more": more})
