"""Article images without an ``alt`` attribute, each at its ``<img>`` tag.

Only content images count: visible (not ``is_invisible``: no source, hidden by their
own markup or an element around them, tracking pixels) and not the template's
(``is_template_image``: outside the main region, avatars, print-only logos, icons; the
template rule reports those once per page). At most ``max_per_page`` get a finding of
their own; the last one lists the rest in its ``related`` places, so a gallery page
stays readable and no image is lost. ``src`` is the image's file name (``data-src``'s
when ``src`` is a data: URI).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._images import image_name, image_place, missing_alt
from linter.checks.base import COUNT, Hit, Param
from linter.message import plural
from linter.model import Document

PARAMS: dict[str, Param] = {"max_per_page": COUNT}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    found = missing_alt(doc, template=False)
    limit = max(params["max_per_page"], 1)
    shown, rest = found[:limit], found[limit:]
    for n, (image, tag) in enumerate(shown, 1):
        hit = Hit(tag.start, tag.end, {"src": image_name(image, tag), "more": ""})
        if n == len(shown) and rest:
            images = plural(len(rest), "more article image", "more article images")
            hit.args["more"] = f" ({images} without alt, listed below)"
            hit.related = [image_place(doc, image, tag) for image, tag in rest]
        yield hit
