"""A page element that should be unique appears more than once.

``element`` names it: ``title`` or ``description`` (the meta description). The reader
counts them; each one after the first is reported at its tag with the ``count`` and the
``line`` of the first, or once at ``<head>`` when the page's markup does not hold two
of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from linter.checks.base import TEXT, Hit, Param
from linter.checks.seo._page import head_anchor, page_of, tag_hit
from linter.model import Document, PageFacts, Tag

PARAMS: dict[str, Param] = {"element": TEXT}
FORMATS = ("html",)
# element: (the reader's meta key that lists them, the element's tags in the markup)
_ELEMENTS: dict[str, tuple[str, Callable[[PageFacts], list[Tag]]]] = {
    "title": ("titles", lambda page: page.titles),
    "description": ("descriptions", lambda page: page.metas_named("description")),
}


def validate(params: Mapping[str, Any]) -> str | None:
    element = params.get("element")
    if element is not None and element not in _ELEMENTS:
        return f"element must be one of {', '.join(_ELEMENTS)}, not {element!r}"
    return None


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    key, tags_of = _ELEMENTS[params["element"]]
    count = len(doc.meta.get(key, []))
    if count < 2:
        return
    tags = tags_of(page_of(doc))
    if len(tags) >= 2:
        first = doc.lines.position(tags[0].start)[0]
        for tag in tags[1:]:
            yield tag_hit(tag, count=count, line=first)
    else:
        hit = head_anchor(doc)
        hit.args.update(count=count, line=doc.lines.position(hit.start)[0])
        yield hit
