"""SEO014: a body image whose alt text is a file name or empty.

``alt="IMG_1234.jpg"`` tells a blind reader and a search engine nothing, and an empty alt
on a photo of the article hides it from both. Only content images are judged: in the
article body, visible, larger than an icon (``width``/``height`` over ``max_icon``), not a
data: spacer. Empty alt is correct for purely decorative images, so this is information
for the editor to decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import image_tag, is_content_image, more_note
from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {"max_icon": 32, "max_per_page": 10, "report_empty": True}
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
        tag = image_tag(doc, image)
        if is_content_image(image, tag, params["max_icon"]):
            problem = f"is the file name “{alt}”" if alt else "is empty"
            found.append((tag, problem))
    shown = found[: params["max_per_page"]]
    for n, (tag, problem) in enumerate(shown, 1):
        more = more_note(len(found), len(shown), "such images") if n == len(shown) else ""
        yield Hit(tag.start, tag.end, {"problem": problem, "more": more})
