"""Images as the checks judge them (the SEO rules on a page, the site rules across pages):
their ``<img>`` tag, which ones nobody sees, which ones the site template puts on every
page, and which are the article's content.

Three verdicts, from markup only (no stylesheet is read):

- invisible (``is_invisible``): no image to show (no ``src`` and no lazy-load source,
  or a placeholder ``src`` such as ``#``), hidden by its markup (``is_hidden_image``, or
  an element around it hidden: ``Image.hidden``), or a tracking pixel;
- template (``is_template_image``): visible, but put there by the site's template: in
  the page's header, footer, navigation or sidebar (not the main region), an author's
  avatar, a print-only logo or a user-interface icon;
- content: the rest, the images of the article an editor describes.
"""

from __future__ import annotations

import re

from linter.model import MAIN, Document, Image, Related, Tag
from linter.read.html_hidden import INTERFACE_WORD

_LEADING_NUMBER = re.compile(r"\s*(\d+)")


def _size(value: str | None) -> int | None:
    m = _LEADING_NUMBER.match(value or "")
    return int(m.group(1)) if m else None


def image_tag(image: Image) -> Tag:
    """The ``<img>`` start tag of a reader image; one with no attributes, empty at the
    image's offset, when the reader did not find it in the source."""
    return image.tag if image.tag is not None else Tag("img", image.offset, image.offset)


_LAZY = ("data-src", "data-lazy-src", "data-original", "srcset", "data-srcset")
# A ``src`` that loads no image: a script is meant to set the real one later.
_PLACEHOLDER_SRC = frozenset(("#", "//:0", "about:blank"))
# Inline style sizes: "width:0", "height: 1px".
_STYLE_SIZE = re.compile(r"(?:^|;)(?:width|height):(\d+)(?:px)?(?:;|!|$)")
# Where tracking services serve their invisible 1x1 images: a last path segment named
# for what it does ("/pixel", "/beacon", "/collect", "/tr?id=..."), or "1x1" in the
# address. Judged only for images with no width or height attribute.
_BEACON_NAME = re.compile(
    r"^(?:pixel|beacon|track|tracking|collect|impression|imp|tr|p|b|t|__utm)"
    r"(?:\.(?:gif|png|php|aspx?|jpg))?$",
    re.I,
)
_ONE_BY_ONE = re.compile(r"(?<![0-9])1x1(?![0-9])", re.I)
_PRINT = re.compile(r"^(?:print|print[-_].*|.*[-_]print|visible-print.*|d-print-.*)$", re.I)


def _lazy_attribute(key: str) -> bool:
    """A ``data-*`` attribute whose name says it holds the source a lazy loader swaps in
    (``data-src``, ``data-lazy-src``, ``data-original``, ``data-hi-res-src``...)."""
    return key.startswith("data-") and ("src" in key or "original" in key)


def _lazy_source(attrs: dict[str, str]) -> bool:
    """A source a lazy loader swaps in: ``srcset`` or a lazy-load ``data-*`` attribute."""
    return any(
        value.strip() and (key == "srcset" or _lazy_attribute(key)) for key, value in attrs.items()
    )


def is_spacer(attrs: dict[str, str]) -> bool:
    """A data: URI image with no real image to load later: a spacer or placeholder."""
    src = (attrs.get("src") or "").strip().lower()
    return src.startswith("data:") and not any(attrs.get(k) for k in _LAZY)


def has_source(image: Image, tag: Tag) -> bool:
    """The image has something to show: a real ``src`` or a lazy-load source. Ad-choice
    icons and widget cards whose ``src`` a script sets later have neither."""
    src = image.src.strip().lower()
    return bool(src and src not in _PLACEHOLDER_SRC) or _lazy_source(tag.attrs)


def is_beacon(src: str, attrs: dict[str, str]) -> bool:
    """An unsized image served from a tracking address (``/pixel``, ``/p?c1=...``,
    ``sz=1x1``): an invisible 1x1 image, whatever the site."""
    if attrs.get("width") is not None or attrs.get("height") is not None:
        return False
    address = src.strip()
    if _ONE_BY_ONE.search(address):
        return True
    path, _, query = address.partition("?")
    name = path.rstrip("/").rsplit("/", 1)[-1]
    if not _BEACON_NAME.match(name):
        return False
    # one-letter names ("/p", "/b") only with the query string that carries the data
    return len(name.split(".")[0]) > 2 or bool(query)


def is_hidden_image(tag: Tag, max_pixel: int = 2) -> bool:
    """Images nobody sees as content, from their own tag: tracking pixels (sized 1-2 px,
    0 px, or unsized from a tracking address), data: spacers, aria-hidden,
    role=presentation, the hidden attribute, display:none and visibility:hidden."""
    attrs = tag.attrs
    if is_spacer(attrs) or attrs.get("hidden") is not None:
        return True
    if attrs.get("aria-hidden", "").strip().lower() == "true":
        return True
    if attrs.get("role", "").strip().lower() in ("presentation", "none"):
        return True
    width, height = _size(attrs.get("width")), _size(attrs.get("height"))
    if (width is not None and width <= max_pixel) or (height is not None and height <= max_pixel):
        return True
    style = "".join(attrs.get("style", "").split()).lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if any(int(size) <= max_pixel for size in _STYLE_SIZE.findall(style)):
        return True
    return is_beacon(attrs.get("src") or "", attrs)


def is_invisible(image: Image, tag: Tag) -> bool:
    """Not an image anybody sees: hidden by its tag or by an element around it, or with
    nothing to show."""
    return image.hidden or is_hidden_image(tag) or not has_source(image, tag)


def is_avatar(image: Image, tag: Tag) -> bool:
    """An author's or commenter's face next to the name: the template's, not the article's."""
    src = image.src.lower()
    return "avatar" in tag.attrs.get("class", "").lower() or "gravatar.com/" in src


def is_template_image(image: Image, tag: Tag) -> bool:
    """A visible image the site's template puts on the page: outside the main region, an
    avatar, a print-only logo (a class such as ``print`` or ``print-logo``) or an image
    of the interface ("icon", "logo" or "avatar" as a word of its class, of a folder or
    file name of its address, or of the class or id of its link or wrapper: share
    buttons, the site's logo, an author box)."""
    if image.region != MAIN or image.interface or is_avatar(image, tag):
        return True
    classes = tag.attrs.get("class", "").split()
    if any(_PRINT.match(name) for name in classes):
        return True
    path = image.src.split("?")[0].split("#")[0].split("//", 1)[-1]
    names = [*classes, *path.split("/")[1:]]
    return any(INTERFACE_WORD.search(name) for name in names)


def is_content_image(image: Image, tag: Tag, max_icon: int) -> bool:
    """An image of the article body worth describing: in the main region, visible, not an
    icon (width or height attribute at most ``max_icon``) and not a data: spacer."""
    if image.region != MAIN or is_hidden_image(tag) or image.hidden:
        return False
    attrs = tag.attrs
    width, height = _size(attrs.get("width")), _size(attrs.get("height"))
    if (width is not None and width <= max_icon) or (height is not None and height <= max_icon):
        return False
    if is_avatar(image, tag):
        return False
    return has_source(image, tag)


def image_name(image: Image, tag: Tag) -> str:
    """The file name of the image, for the message (lazy-loaded ones from data-src)."""
    src = image.src
    if src.startswith("data:") or not src:
        lazy = [tag.attrs.get(k) for k in ("data-src", "data-lazy-src", "data-original")]
        lazy += [v for k, v in tag.attrs.items() if _lazy_attribute(k)]
        srcset = (tag.attrs.get("srcset") or "").split()
        src = next((value for value in lazy if value), srcset[0] if srcset else "")
    name = src.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    return name[:60] or "(no file name)"


def image_place(doc: Document, image: Image, tag: Tag) -> Related:
    """The image as another place of a finding: its line and column, its file name."""
    line, column = doc.lines.position(tag.start)
    return Related(line, column, image_name(image, tag))


def missing_alt(doc: Document, template: bool) -> list[tuple[Image, Tag]]:
    """Visible images without ``alt``: the template's when ``template``, else the
    article's."""
    found = []
    for image in doc.images:
        if image.alt is not None:
            continue
        tag = image_tag(image)
        if not is_invisible(image, tag) and is_template_image(image, tag) == template:
            found.append((image, tag))
    return found
