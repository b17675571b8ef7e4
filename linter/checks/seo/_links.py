"""Links as the SEO checks judge them: their label, their span, where they lead."""

from __future__ import annotations

from linter.model import Document, Link


def link_label(doc: Document, link: Link) -> str:
    """What a link says to a screen reader or crawler when its text is empty: its
    ``aria-label`` or ``title``, or the alt text of images inside it (up to its
    ``</a>``)."""
    tag = link.tag
    if tag is None:
        return ""
    label = (tag.attrs.get("aria-label") or tag.attrs.get("title") or "").strip()
    if label or tag.attrs.get("aria-labelledby"):
        return label or "(aria-labelledby)"
    stop = link.close[0] if link.close else tag.end
    alts = [(i.alt or "").strip() for i in doc.images if tag.end <= i.offset < stop and i.alt]
    return " ".join(a for a in alts if a)


def link_span(link: Link, whole: bool = False) -> tuple[int, int]:
    """Source span of the link's start tag, or with ``whole`` of the element up to its
    ``</a>`` (so the span shows the link text)."""
    tag = link.tag
    if tag is None:
        return link.offset, link.offset
    if whole and link.close is not None:
        return tag.start, link.close[1]
    return tag.start, tag.end


def is_navigable(href: str) -> bool:
    """A link that leads to a page (not ``#top``, ``javascript:``, ``mailto:``...)."""
    href = href.strip().lower()
    return bool(href) and not href.startswith(("#", "javascript:", "mailto:", "tel:", "data:"))
