"""HTML reader, the article's text when the page names no container for it.

Pages without ``<article>``, ``<main>`` or ``articleBody`` still hold the article in one
element; around it are menus, story cards, comment threads and footers. The article is
where the paragraphs are: long, with commas, few links, under no footer, navigation or
comment thread, and not the summary of a story card (beside a heading that is a link).
As in Readability (Arc90's algorithm, which Firefox's reader view uses), each such
paragraph scores its parent and, at half, its grandparent; the element with
the best score is the heart of the article. It widens to its parent while the parent's
paragraphs add a good share of text (an article split by ads into sibling blocks), and
the result is the container, or ``None`` when the page has too little prose to judge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from linter.read.html_runs import string_of

# A paragraph shorter than this is a label, a teaser line or a caption.
_MIN_PARAGRAPH = 40
# Less paragraph text than this on the whole page: no cluster, the page is read whole.
_MIN_TOTAL = 500
# A parent is taken instead when its paragraphs add this share to the cluster's.
_WIDEN = 0.25
# Paragraphs whose text is more than this share links are link lists, not prose.
_LINKED = 0.3


_INLINE = frozenset({"a", "span", "b", "i", "em", "strong", "font", "small", "u"})
_TEXT_HOLDERS = ("p", "div", "td")


def _own_text(el: Any) -> list[tuple[str, int]]:
    """The paragraphs written directly in ``el`` (a ``<div>`` of text and ``<br>``s, as
    some sites write them), split at its ``<br>``s, with the text of its inline children
    (not of its blocks), each with the length of its linked text."""
    chunks: list[tuple[list[str], int]] = []
    current, linked = [el.text or ""], 0
    for child in el:
        if child.tag == "br":
            chunks.append((current, linked))
            current, linked = [], 0
        elif child.tag in _INLINE:
            inline = string_of(child)
            current.append(inline)
            if child.tag == "a":
                linked += len(inline.strip())
        current.append(child.tail or "")
    chunks.append((current, linked))
    texts = ((" ".join(" ".join(parts).split()), linked) for parts, linked in chunks)
    return [(text, linked) for text, linked in texts if text]


def _paragraphs(root: Any) -> Iterator[Any]:
    """``<p>`` elements, and ``<div>``/``<td>`` elements that hold text themselves."""
    for el in root.iter(*_TEXT_HOLDERS):
        if el.tag == "p" or _holds_text(el):
            yield el


def _holds_text(el: Any) -> bool:
    return bool(el.text and el.text.strip()) or any(c.tail and c.tail.strip() for c in el)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CARD_PARAGRAPHS = 2


def _is_link_heading(el: Any) -> bool:
    """A heading that is one link and nothing else: the title of a story card."""
    if el.tag not in _HEADINGS or len(el) != 1 or (el.text or "").strip():
        return False
    child = el[0]
    return child.tag == "a" and not (child.tail or "").strip()


def _in_card(p: Any) -> bool:
    """Whether a paragraph is the summary of a story card: a heading made of a link sits
    beside it, or beside its parent, in a holder of at most two paragraphs (an article
    with a "Home" link heading above it holds many)."""
    parent = p.getparent()
    for holder in (parent, parent.getparent() if parent is not None else None):
        if holder is None or sum(child.tag == "p" for child in holder) > _CARD_PARAGRAPHS:
            continue
        if any(_is_link_heading(child) for child in holder):
            return True
    return False


def _is_prose_paragraph(p: Any, text: str, linked: int, chrome: set[Any]) -> bool:
    if len(text) < _MIN_PARAGRAPH:
        return False
    if linked > len(text) * _LINKED or _in_card(p):
        return False
    return not any(el in chrome for el in p.iterancestors())


def _score(p: Any, own: bool, text: str, score: dict[Any, float], good: dict[Any, int]) -> None:
    """Add one paragraph's points to its holder and, at half, the holder's parent, and its
    length to the good text of the holder (when it holds the text itself) and above."""
    points = 1 + text.count(",") + min(len(text) // 100, 3)
    holder = p if own else p.getparent()
    while holder is not None and holder.tag in _INLINE:
        holder = holder.getparent()
    if holder is None:
        return
    score[holder] += points
    grand = holder.getparent()
    if grand is not None:
        score[grand] += points / 2
    for ancestor in (holder, *holder.iterancestors()) if own else p.iterancestors():
        good[ancestor] += len(text)


def text_cluster(root: Any, is_chrome: Callable[[Any], bool] | None = None) -> Any | None:
    """The element holding the article's paragraphs, or ``None`` (see the module doc).

    ``is_chrome(el)`` says whether an element is surely chrome (a footer, a comment
    thread); paragraphs under one do not count."""
    chrome: set[Any] = set()
    if is_chrome is not None:
        for el in root.iter():
            if isinstance(el.tag, str) and is_chrome(el):
                chrome.add(el)
    score: dict[Any, float] = defaultdict(float)
    good: dict[Any, int] = defaultdict(int)
    total = 0
    for p in _paragraphs(root):
        own = p.tag != "p"  # a <div> or <td> that holds text itself is its own holder
        if own:
            paragraphs = _own_text(p)
        else:
            text = string_of(p).strip()
            paragraphs = [(text, sum(len(string_of(a)) for a in p.iter("a")))]
        for text, linked in paragraphs:
            if not _is_prose_paragraph(p, text, linked, chrome):
                continue
            total += len(text)
            _score(p, own, text, score, good)
    if total < _MIN_TOTAL or not score:
        return None
    best = max(score, key=score.__getitem__)
    while True:
        parent = best.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        if good[parent] < good[best] * (1 + _WIDEN):
            break
        best = parent
    return best
