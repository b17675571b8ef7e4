"""A page element that should be unique appears more than ``max_count`` times.

``element`` names it: ``title``, ``description`` (the meta description) or ``h1``. For
a title or description the reader's count decides, and each one past ``max_count`` is
reported at its tag in the page's markup with the ``count`` and the ``line`` of the
first; when the markup holds too few of them to point at, once at ``<head>``. Every
``<h1>`` of the markup counts, wherever it sits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from linter.checks.base import COUNT, Hit, Param, choice
from linter.checks.seo._page import head_anchor, page_of, tag_hit
from linter.model import Document, Heading, Tag

FORMATS = ("html",)


def _titles(doc: Document) -> tuple[int, Sequence[Tag | Heading]]:
    return len(doc.meta.titles), page_of(doc).titles


def _descriptions(doc: Document) -> tuple[int, Sequence[Tag | Heading]]:
    return len(doc.meta.descriptions), page_of(doc).metas_named("description")


def _h1s(doc: Document) -> tuple[int, Sequence[Tag | Heading]]:
    h1s = [h for h in page_of(doc).headings if h.level == 1]
    return len(h1s), h1s


# element: its count on the page and its tags (or heading elements) in the markup
_ELEMENTS: dict[str, Callable[[Document], tuple[int, Sequence[Tag | Heading]]]] = {
    "title": _titles,
    "description": _descriptions,
    "h1": _h1s,
}

PARAMS: dict[str, Param] = {"element": choice(*_ELEMENTS), "max_count": COUNT}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    count, tags = _ELEMENTS[params["element"]](doc)
    most = params["max_count"]
    if count <= most:
        return
    if len(tags) > most:
        first = doc.lines.position(tags[0].start)[0]
        for tag in tags[most:]:
            yield tag_hit(tag, count=count, line=first)
    else:
        hit = head_anchor(doc)
        hit.args.update(count=count, line=doc.lines.position(hit.start)[0])
        yield hit
