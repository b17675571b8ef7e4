"""Images as the SEO checks judge them: their ``<img>`` tag, hidden ones, content ones."""

from __future__ import annotations

import re

from linter.model import MAIN, Image, Tag


def _size(value: str | None) -> int | None:
    m = re.match(r"\s*(\d+)", value or "")
    return int(m.group(1)) if m else None


def image_tag(image: Image) -> Tag:
    """The ``<img>`` start tag of a reader image; one with no attributes, empty at the
    image's offset, when the reader did not find it in the source."""
    return image.tag if image.tag is not None else Tag("img", image.offset, image.offset)


_LAZY = ("data-src", "data-lazy-src", "data-original", "srcset", "data-srcset")


def is_spacer(attrs: dict[str, str]) -> bool:
    """A data: URI image with no real image to load later: a spacer or placeholder."""
    src = (attrs.get("src") or "").strip().lower()
    return src.startswith("data:") and not any(attrs.get(k) for k in _LAZY)


def is_hidden_image(tag: Tag, max_pixel: int = 2) -> bool:
    """Images nobody sees as content: tracking pixels, data: spacers, aria-hidden,
    role=presentation, display:none."""
    attrs = tag.attrs
    if is_spacer(attrs):
        return True
    if attrs.get("aria-hidden", "").strip().lower() == "true":
        return True
    if attrs.get("role", "").strip().lower() in ("presentation", "none"):
        return True
    width, height = _size(attrs.get("width")), _size(attrs.get("height"))
    if (width is not None and width <= max_pixel) or (height is not None and height <= max_pixel):
        return True
    style = attrs.get("style", "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def is_content_image(image: Image, tag: Tag, max_icon: int) -> bool:
    """An image of the article body worth describing: in the main region, visible, not an
    icon (width or height attribute at most ``max_icon``) and not a data: spacer."""
    if image.region != MAIN or is_hidden_image(tag):
        return False
    attrs = tag.attrs
    width, height = _size(attrs.get("width")), _size(attrs.get("height"))
    if (width is not None and width <= max_icon) or (height is not None and height <= max_icon):
        return False
    src = image.src.lower()
    if "avatar" in attrs.get("class", "").lower() or "gravatar.com/" in src:
        return False  # an author's or commenter's face next to the name: decoration
    return bool(src) or any(attrs.get(k) for k in _LAZY)
