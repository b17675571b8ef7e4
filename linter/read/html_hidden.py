"""Whether an element is hidden by its own markup, or part of the site's interface: for
the images the reader records, and for the text it reads (``hides_text``).

A browser shows nothing of an element with the ``hidden`` attribute, an inline
``display:none`` or ``visibility:hidden`` style, or inside a ``<template>``; assistive
technology skips what sits under ``aria-hidden="true"``. An image in such an element is
not one a reader sees or hears, so its alt text is nobody's concern (a card a script may
show later is the template's business). Stylesheets are not read: this is markup only.
"""

from __future__ import annotations

import re
from itertools import chain, islice
from typing import Any

_HIDDEN_STYLES = ("display:none", "visibility:hidden")


def _hidden_by_markup(node: Any) -> bool:
    """The ``hidden`` attribute or an inline ``display:none``/``visibility:hidden``."""
    if node.get("hidden") is not None:
        return True
    style = node.get("style")
    return bool(style) and any(h in "".join(style.split()).lower() for h in _HIDDEN_STYLES)


def _hides(node: Any) -> bool:
    if node.tag == "template" or _hidden_by_markup(node):
        return True
    return (node.get("aria-hidden") or "").strip().lower() == "true"


# Words of a panel that a click opens (an accordion's answer, a tab): hidden text there is
# the page's content, only folded away.
_FOLDED = re.compile(
    r"(?:^|[-_ ])(?:accordions?|collapse|collapsible|collapsed|panel|tabpanel|tab|tabs|toggle|"
    r"faq|answer|expand|expandable|spoiler|more|readmore|details|drawer)(?:[-_ ]|\d|$)",
    re.I,
)


def hides_text(el: Any) -> bool:
    """Whether the text of ``el`` is hidden by its own markup and not a folded panel: the
    ``hidden`` attribute or an inline ``display:none``/``visibility:hidden`` (a copy of
    the article kept for structured data, a pop-up), unless the element or its parent is
    named as a panel a click opens, or says which control opens it."""
    if not _hidden_by_markup(el):
        return False
    if el.get("aria-labelledby") or (el.get("role") or "").strip().lower() in (
        "tabpanel",
        "region",
    ):
        return False
    parent = el.getparent()
    for node in (el, parent) if parent is not None else (el,):
        words = f"{node.get('class') or ''} {node.get('id') or ''}".split()
        if any(_FOLDED.search(word) for word in words):
            return False
    return True


def hidden_in_markup(el: Any) -> bool:
    """True when ``el`` or an element around it is hidden by its attributes."""
    return any(
        isinstance(node.tag, str) and _hides(node) for node in chain((el,), el.iterancestors())
    )


# A word of the interface in a class, an id or a file name: a logo, an icon, an avatar
# ("site-logo", "share-icons", "fb-icon.png"); the image checks read it too.
INTERFACE_WORD = re.compile(r"(?:^|[-_. ])(?:icons?|logos?|avatars?)(?:[-_. ]|\d|$)", re.I)


# Links an image is a badge or a button for: an app store, a social network.
_BADGE_LINK = re.compile(
    r"^(?:https?:)?//(?:[\w-]+\.)*(?:apps\.apple\.com|itunes\.apple\.com|play\.google\.com"
    r"|facebook\.com|twitter\.com|x\.com|instagram\.com|youtube\.com|linkedin\.com"
    r"|pinterest\.com|tiktok\.com|whatsapp\.com|t\.me)(?:[/?#]|$)",
    re.I,
)


def interface_in_markup(el: Any, depth: int = 2) -> bool:
    """True when one of the ``depth`` elements around ``el`` (its link, its wrapper) is
    named as part of the interface ("site-logo", "avatar", "share-icons"), or its link
    goes to an app store or a social network (a badge, a follow button)."""
    for node in islice(el.iterancestors(), depth):
        words = f"{node.get('class') or ''} {node.get('id') or ''}".split()
        if any(INTERFACE_WORD.search(word) for word in words):
            return True
        if node.tag == "a" and _BADGE_LINK.match((node.get("href") or "").strip()):
            return True
    return False
