"""Links as the SEO checks judge them: their label, their span, where they lead."""

from __future__ import annotations

import re

from linter.checks.seo._scan import tag_at
from linter.model import Document, Link

_CLOSE_A = re.compile(r"</a\s*>", re.I)


def link_label(doc: Document, link: Link) -> str:
    """What a link says to a screen reader or crawler when its text is empty: its
    ``aria-label`` or ``title``, or the alt text of images inside it."""
    tag = tag_at(doc.source, link.offset)
    if tag is None or tag.name != "a":
        return ""
    label = (tag.attrs.get("aria-label") or tag.attrs.get("title") or "").strip()
    if label or tag.attrs.get("aria-labelledby"):
        return label or "(aria-labelledby)"
    close = _CLOSE_A.search(doc.source, tag.end)
    stop = close.start() if close else tag.end
    alts = [(i.alt or "").strip() for i in doc.images if tag.end <= i.offset < stop and i.alt]
    return " ".join(a for a in alts if a)


def link_span(doc: Document, link: Link, whole: bool = False) -> tuple[int, int]:
    """Source span of the link's start tag, or with ``whole`` of the element up to its
    ``</a>`` (so the span shows the link text)."""
    tag = tag_at(doc.source, link.offset)
    if tag is None:
        return link.offset, link.offset
    if whole:
        close = _CLOSE_A.search(doc.source, tag.end)
        if close is not None:
            return tag.start, close.end()
    return tag.start, tag.end


def is_navigable(href: str) -> bool:
    """A link that leads to a page (not ``#top``, ``javascript:``, ``mailto:``...)."""
    href = href.strip().lower()
    return bool(href) and not href.startswith(("#", "javascript:", "mailto:", "tel:", "data:"))
