"""HTML reader, where each heading sits (``Heading.within``) and what it holds
(``Heading.holds``): the H1 rules tell the article's headline from a logo, a login
dialog's title or a "Donate" button marked up as H1 by the theme.

One pass over the source's tags keeps a stack of open elements (an end tag closes the
nearest open element of its name, as browsers mostly do; void elements never open);
each open element that is a landmark, a dialog, a button, a link or a logo adds its
marker to the headings inside it. Comments and the bodies of raw-text elements are
skipped. The markers:

``article``, ``main``
    inside ``<article>``, ``<main>`` or ``role=main``/``role=article``;
``header``, ``footer``, ``nav``, ``aside``
    inside those elements or the roles banner, contentinfo, navigation, complementary;
``dialog``
    inside ``<dialog>``, ``role=dialog``/``alertdialog``, ``aria-modal=true`` or an
    element whose class or id names a modal, popup, lightbox or login/sign-in box (a
    token naming a state or a control, "modal-enabled", "login-link", does not, nor do
    the classes of ``<html>`` and ``<body>``, which are page states);
``hidden``
    inside an element with the ``hidden`` attribute, an inline ``display:none`` or
    ``visibility:hidden``, or a hiding class ("hidden", "d-none": a screen a script
    shows later);
``button``
    inside ``<button>`` or ``role=button``; ``a``: inside a link;
``logo``
    inside an element whose class or id names a logo, the brand ("navbar-brand") or the
    site's title or name.

What a heading holds: ``a`` (a link), ``button`` (a ``<button>``, ``role=button`` or a
link styled as one: class ``btn``/``button``), ``img`` (an image or inline SVG), ``logo``
(a class or id naming a logo or brand, or an image whose src or alt names one).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from linter.model import Heading

_TAG = re.compile(r"<!--[\s\S]*?(?:-->|\Z)|<(/?)([A-Za-z][^\t\n\f\r />]*)([^>]*)>")
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr", "keygen", "frame",
    }
)  # fmt: skip
_RAW = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"})
_ATTR = re.compile(r"""([^\s=/>"']+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_BY_NAME = {
    "article": "article",
    "main": "main",
    "header": "header",
    "footer": "footer",
    "nav": "nav",
    "aside": "aside",
    "dialog": "dialog",
    "button": "button",
    "a": "a",
}
_BY_ROLE = {
    "main": "main",
    "article": "article",
    "banner": "header",
    "contentinfo": "footer",
    "navigation": "nav",
    "complementary": "aside",
    "dialog": "dialog",
    "alertdialog": "dialog",
    "button": "button",
}
# Whatever in a start tag can give a marker by its attributes (a cheap test first).
_ANY_MARK = re.compile(
    r"role|aria-modal|hidden|display|modal|pop-?up|lightbox|dialog|log-?in|sign-?in|logo"
    r"|brand|site-?title|site-?name"
)
_NAME_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# Words of a class or id token that make it a dialog box ("login-modal", "popupWrap").
_DIALOG = frozenset({"modal", "popup", "lightbox", "dialog", "login", "signin", "popover"})
# Words of a token that name a state or a control, not the box: "modal-enabled" on an
# article, "enable-lightbox" on a layout, "login-link" in the header.
_NOT_BOX = frozenset(
    {
        "enabled", "enable", "disabled", "trigger", "toggle", "open", "opened", "link",
        "btn", "button", "icon", "has", "is", "no", "show", "js", "body", "page", "use",
    }
)  # fmt: skip
_BRAND = frozenset({"brand", "branding"})
_BUTTON_CLASS = re.compile(r"(?:^|[\s_-])(?:btn|button)(?:$|[\s_-])", re.I)
# The elements whose class is a page state, never a box: html and body.
_PAGE_ELEMENTS = frozenset({"html", "body"})
# Classes that hide an element in the common CSS frameworks.
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "is-hidden", "hide", "display-none"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _token_words(token: str) -> list[str]:
    """The words of a class or id token, lower case ("loginModal" -> login, modal)."""
    words = [w.lower() for w in _NAME_PART.findall(token)]
    joined = []  # "log in", "sign in", "site name" written apart are one word
    for word in words:
        if joined and word == "in" and joined[-1] in ("log", "sign"):
            joined[-1] += "in"
        elif joined and word in ("title", "name") and joined[-1] == "site":
            joined[-1] = "site" + word
        else:
            joined.append(word)
    return joined


def _class_marks(names: str) -> set[str]:
    """``dialog`` and ``logo`` from class and id tokens."""
    marks = set()
    for token in names.split():
        words = _token_words(token)
        if not words or _NOT_BOX.intersection(words):
            continue
        if _DIALOG.intersection(words):
            marks.add("dialog")
        if (
            any("logo" in w for w in words)
            or words[-1] in _BRAND
            or "sitetitle" in words
            or "sitename" in words
        ):
            marks.add("logo")
    return marks


def _attrs(written: str) -> dict[str, str]:
    """The attributes a marker reads (lower-case names; the first of a name counts)."""
    found: dict[str, str] = {}
    for m in _ATTR.finditer(written):
        name = m.group(1).lower()
        if name in ("class", "id", "role", "aria-modal", "src", "alt", "style", "hidden"):
            found.setdefault(name, m.group(2) or m.group(3) or m.group(4) or "")
    return found


def _markers(name: str, written: str) -> tuple[str, ...]:
    """The markers an open element gives the headings inside it."""
    marks = []
    if name in _BY_NAME:
        marks.append(_BY_NAME[name])
    if _ANY_MARK.search(written.lower()) is None:
        return tuple(marks)
    attrs = _attrs(written)
    role = attrs.get("role", "").strip().lower()
    if role in _BY_ROLE:
        marks.append(_BY_ROLE[role])
    if attrs.get("aria-modal", "").strip().lower() == "true":
        marks.append("dialog")
    classes = attrs.get("class", "").lower().split()
    if (
        "hidden" in attrs
        or _HIDDEN_STYLE.search(attrs.get("style", ""))
        or _HIDDEN_CLASSES.intersection(classes)
    ):
        marks.append("hidden")
    if name not in _PAGE_ELEMENTS:
        marks.extend(_class_marks(f"{attrs.get('class', '')} {attrs.get('id', '')}"))
    return tuple(marks)


def _holds(fragment: str) -> frozenset[str]:
    """What the markup inside a heading holds: links, buttons, images, logos."""
    held: set[str] = set()
    for m in _TAG.finditer(fragment):
        if m.group(2) is None or m.group(1):
            continue
        name = m.group(2).lower()
        written = m.group(3)
        attrs = _attrs(written) if "=" in written else {}
        if name == "a":
            held.add("a")
        if name in ("img", "svg", "picture"):
            held.add("img")
            if "logo" in f"{attrs.get('src', '')} {attrs.get('alt', '')}".lower():
                held.add("logo")
        names = f"{attrs.get('class', '')} {attrs.get('id', '')}"
        if (
            name == "button"
            or attrs.get("role", "").lower() == "button"
            or _BUTTON_CLASS.search(names)
        ):
            held.add("button")
        if "logo" in _class_marks(names):
            held.add("logo")
    return frozenset(held)


def frame_headings(source: str, headings: Sequence[Heading]) -> None:
    """Set ``within`` and ``holds`` of ``headings`` (in source order) from ``source``."""
    if not headings:
        return
    stack: list[tuple[str, tuple[str, ...]]] = []
    active: Counter[str] = Counter()
    pending = iter(headings)
    heading = next(pending, None)
    last = headings[-1].start
    pos = 0
    while heading is not None:
        m = _TAG.search(source, pos)
        if m is None or m.start() > last:
            break
        pos = m.end()
        while heading is not None and heading.start < m.start():
            heading = next(pending, None)  # a heading the scan passed over (in a comment)
        name = m.group(2)
        if name is None:
            continue  # a comment
        name = name.lower()
        if m.group(1):
            _close(stack, active, name)
            continue
        if heading is not None and m.start() == heading.start:
            heading.within = frozenset(k for k, v in active.items() if v > 0)
            heading.holds = _holds(source[m.end() : heading.end])
            heading = next(pending, None)
        if name in _RAW:
            end = _raw_end(name).search(source, pos)
            pos = len(source) if end is None else end.start()
            continue
        if name in _VOID or m.group(3).endswith("/"):
            continue
        marks = _markers(name, m.group(3))
        stack.append((name, marks))
        active.update(marks)


_RAW_ENDS: dict[str, re.Pattern[str]] = {}


def _raw_end(name: str) -> re.Pattern[str]:
    """The end tag of a raw-text element, in any case."""
    if name not in _RAW_ENDS:
        _RAW_ENDS[name] = re.compile(f"</{name}", re.I)
    return _RAW_ENDS[name]


def _close(stack: list[tuple[str, tuple[str, ...]]], active: Counter[str], name: str) -> None:
    """Close the nearest open element named ``name`` and those opened inside it."""
    for at in range(len(stack) - 1, -1, -1):
        if stack[at][0] == name:
            for _, marks in stack[at:]:
                active.subtract(marks)
            del stack[at:]
            return
