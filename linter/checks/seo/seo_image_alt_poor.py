"""Content images whose alt text is a file name ("IMG_1234.jpg") or, with
``report_empty``, empty.

Content images (``is_content_image``) are in the main region, visible, with no
``width``/``height`` attribute of ``max_icon`` pixels or less, and not data: spacers or
avatars. At most ``max_per_page`` are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._images import image_tag, is_content_image
from linter.checks.base import COUNT, FLAG, Hit, Param
from linter.checks.seo._page import capped
from linter.model import Document

PARAMS: dict[str, Param] = {"max_icon": COUNT, "max_per_page": COUNT, "report_empty": FLAG}
FORMATS = ("html",)
_FILE = re.compile(
    r"^(?:[\w\-.~%+]+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)"
    r"|(?:img|image|dsc|dscn|dscf|dcim|pxl|photo|pic|picture|screenshot|screen shot|untitled)"
    r"[\s_\-]*\d[\d_\-\s]*(?:\.\w{3,4})?)$",
    re.I,
)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    found = []
    for image in doc.images:
        if image.alt is None:
            continue
        alt = " ".join(image.alt.split())
        if alt and not _FILE.match(alt):
            continue
        if not alt and not params["report_empty"]:
            continue
        tag = image_tag(image)
        if is_content_image(image, tag, params["max_icon"]):
            problem = f"is the file name “{alt}”" if alt else "is empty"
            found.append((tag, problem))
    for (tag, problem), more in capped(found, params["max_per_page"], "such images"):
        yield Hit(tag.start, tag.end, {"problem": problem, "more": more})
