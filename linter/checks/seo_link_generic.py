"""SEO016: a body link whose text says nothing about its target ("click here").

Search engines read anchor text as a description of the linked page, and screen reader
users jump from link to link hearing only that text. The list follows Lighthouse's
link-text audit; a link whose ``aria-label`` or ``title`` is descriptive is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks._seo import link_span, more_note, tag_at
from linter.checks.base import Hit
from linter.model import MAIN, Document

PARAMS: dict[str, Any] = {
    "phrases": [
        "click here", "click this", "click", "go", "here", "this", "link", "this link",
        "learn more", "read more", "more", "more info", "more information", "see more",
        "right here", "check out", "this page", "start",
    ],
    "max_per_page": 10,
}  # fmt: skip
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
        tag = tag_at(doc.source, link.offset)
        label = (tag.attrs.get("aria-label") or tag.attrs.get("title") or "") if tag else ""
        if label.strip() and _norm(label) not in phrases:
            continue
        found.append(link)
    shown = found[: params["max_per_page"]]
    for n, link in enumerate(shown, 1):
        more = more_note(len(found), len(shown), "such links") if n == len(shown) else ""
        start, end = link_span(doc, link, whole=True)
        yield Hit(start, end, {"text": link.text, "more": more})
