"""Images of the site's template without an ``alt`` attribute: one finding per page.

Template images (``is_template_image``: in the header, footer, navigation or sidebar,
avatars, print-only logos, interface icons) repeat on every page and only a developer
can fix them, once, in the template; one finding at the first lists them all in its
``related`` places. Invisible images (``is_invisible``) do not count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._images import image_name, image_place, missing_alt
from linter.checks.base import Hit, Param
from linter.message import plural
from linter.model import Document

PARAMS: dict[str, Param] = {}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    found = missing_alt(doc, template=True)
    if not found:
        return
    image, tag = found[0]
    count = len(found)
    images = plural(count, "image")
    yield Hit(
        tag.start,
        tag.end,
        {"images": images, "have": "has" if count == 1 else "have", "src": image_name(image, tag)},
        related=[image_place(doc, image, tag) for image, tag in found],
    )
