"""SEO013: an image without an ``alt`` attribute.

Screen readers read out the file name instead, and search engines have no words for
the image. A decorative image should still carry ``alt=""``. Every visible image counts,
in the body or in the page's header and footer; tracking pixels (1-2 px),
``aria-hidden`` and ``role="presentation"`` images do not. A gallery page would
otherwise drown the report, so at most ``max_per_page`` are listed and the last one
says how many more there are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import Tag, image_tag, is_hidden_image, more_note
from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {"max_per_page": 10}
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
        tag = image_tag(doc, image)
        if not is_hidden_image(tag):
            found.append((image, tag))
    shown = found[: params["max_per_page"]]
    for n, (image, tag) in enumerate(shown, 1):
        more = more_note(len(found), len(shown), "images without alt") if n == len(shown) else ""
        yield Hit(tag.start, tag.end, {"src": _name(image.src, tag), "more": more})
