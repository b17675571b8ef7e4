"""Links of the article body whose text is one of ``phrases`` ("click here").

Text is compared without case, spacing and the punctuation around it ("Read more »");
an ``aria-label`` or ``title`` that is not itself generic clears the link. At most
``max_per_page`` are reported, over the whole ``<a>`` element.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, TEXTS, Hit, Param
from linter.checks.seo._links import link_span
from linter.checks.seo._page import capped
from linter.model import MAIN, Document

PARAMS: dict[str, Param] = {"phrases": TEXTS, "max_per_page": COUNT}
FORMATS = ("html",)
_TRIM = re.compile(r"^[\W_]+|[\W_]+$")


def _norm(text: str) -> str:
    return " ".join(_TRIM.sub("", text).lower().split())


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    phrases = {_norm(p) for p in params["phrases"]}
    found = []
    for link in doc.links:
        if link.region != MAIN or _norm(link.text) not in phrases:
            continue
        tag = link.tag
        label = (tag.attrs.get("aria-label") or tag.attrs.get("title") or "") if tag else ""
        if label.strip() and _norm(label) not in phrases:
            continue
        found.append(link)
    for link, more in capped(found, params["max_per_page"], "such links"):
        start, end = link_span(link, whole=True)
        yield Hit(start, end, {"text": link.text, "more": more})
