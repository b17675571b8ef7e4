"""HTML reader, parts of the article: what inside the body is not its running text.

The body container (``html_body``) holds more than the article's prose: the headline,
bylines and datelines, captions and photo credits, and on many sites cards of other
stories, tag lists and author boxes. Rules that read prose must not score them, and an
image or heading in a card of other stories is the template's, not the article's.
One bottom-up pass over the tree measures, for every element, its visible text, the
part of it inside links, its links and its "teaser headings" (a heading that is one link
and nothing else, the title of a card). Then:

- **chrome**: a container whose text is mostly links (a related list, a tag cloud, a
  "trending" box: at least 3 links, 60 % of the text linked), a container with two or
  more teaser headings (a grid of story cards), a small ``<article>`` inside the article
  whose heading is a link (a card), and elements named as story rails, tag lists or author boxes;
- **parts** kept in the article but out of its prose (``Block.part``): ``caption``
  (``<figcaption>``, the text of a ``<figure>``, elements named caption or credit, and
  the few short lines an image's wrapper holds beside the image), ``byline`` (elements named
  byline, author, dateline, timestamp, published...; a ``<time>`` or ``<address>``
  standing alone), ``headline`` (the first ``<h1>`` of the body, above its text).

Everything here but the elements that say what they are (``<figcaption>``, ``<figure>``,
``<time>``, ``<address>``) yields to the share rule of ``html_body``: an element holding
30 % of the body's text is the article, whatever its class says. Visually hidden elements (the
"screen reader only" classes), and elements hidden by their markup that are not folded
panels (``html_hidden.hides_text``: a copy of the article kept for structured data),
are listed in ``hidden``: their text is not read at all,
so "said" and a hidden "(opens in a new window)" do not run together into one word; so
are boxes shown only on hover (tooltips, a person's card behind a linked name).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from linter.model import BYLINE, CAPTION, HEADLINE, RELATED
from linter.read.html_hidden import hides_text
from linter.read.html_runs import string_of
from linter.read.htmlpos import RAW_TEXT

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Containers link density can make chrome; a <p> or a heading is judged as a whole block.
_CONTAINERS = frozenset(
    {"div", "ul", "ol", "section", "aside", "table", "tbody", "figure", "dl", "span", "article"}
)
_MIN_LINKS = 3
_LINK_SHARE = 0.6
_MIN_TEASERS = 2
_TEXT_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
# An image's wrapper with at most this much text in at most two blocks: its caption.
_CAPTION_CHARS = 300
_CAPTION_BLOCKS = 2
_CAPTION_HOLDERS = frozenset({"div", "span", "section", "figure", "center"})
# A nested <article> titled by a link, under this share of ``keep``, is a story card.
_CARD_SHARE = 0.3

_CAPTION_WORDS = frozenset(
    {"caption", "captions", "figcaption", "credit", "credits", "imagecredit"}
)
_BYLINE_WORDS = frozenset(
    {
        "byline", "bylines", "author", "authors", "dateline", "timestamp", "date", "dates",
        "published", "updated", "pubdate", "posted", "meta", "postmeta", "entrymeta",
        "time", "datetime", "contributor", "contributors",
    }
)  # fmt: skip
_CHROME_WORDS = frozenset(
    {
        "recirc", "recirculation", "trending", "popular", "mostpopular", "mostread",
        "tags", "tag", "taglist", "keywords", "bio", "biography", "authorbio", "teaser",
        "teasers", "rail", "morestories", "moreon", "readmore", "readnext", "upnext",
        "disclosure", "disclaimer", "print", "printonly", "copyright",
    }
)  # fmt: skip
_HIDDEN_WORDS = frozenset(
    {
        "sronly", "sr-only", "visuallyhidden", "visually-hidden", "screen-reader-text",
        "screenreadertext", "screenreader-only", "a11y-hidden", "offscreen", "assistive-text",
        "element-invisible", "hidden-visually", "u-visually-hidden", "is-visually-hidden",
        "vh", "show-for-sr", "sr-text", "screen-reader-only",
    }
)  # fmt: skip
# "Related: ...", "READ MORE: ..." before a link to another story.
_RELATED_LINE = re.compile(
    r"(?i)^\W*(related( stories| articles| reading| coverage)?|read (more|also|next)|also read"
    r"|see (more|also)|more( on this)?|don[’']t miss|recommended|watch|listen|up next)\s*[:|–—-]"
)
# A heading over a list of other stories: "More great stories", "Most read", "Trending".
_RELATED_LABEL = re.compile(
    r"(?i)^\W*(more (\w+ ){0,3}(stories|articles|news|posts|reads|videos|coverage|from)\b"
    r"|related\b|recommended\b|trending\b|most (read|popular|viewed|shared)\b|popular\b"
    r"|read next\b|up next\b|you (may|might) (also )?like\b|latest (stories|news|articles)\b"
    r"|don[’']t miss\b|also on\b)"
)
_LABEL_MAX = 60
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_TOKEN = re.compile(r"[a-z0-9]+")


def name_words(name: str) -> list[str]:
    """The words of one class or id name, split at hyphens, underscores and camel case
    ("relatedPosts" and "related_posts" give related, posts); ``html_body`` reads them too."""
    return _TOKEN.findall(_CAMEL.sub(r"\1-\2", name).lower())


@lru_cache(maxsize=16384)
def _tokens(value: str) -> frozenset[str]:
    """The words of a class or id value (``name_words``), and each class name whole with
    its separators removed ("post-meta" gives "postmeta")."""
    words: set[str] = set()
    for name in value.split():
        split = name_words(name)
        words.update(split)
        words.add("".join(split))
    return frozenset(words)


# Boxes shown only on hover (a person's card behind a linked name): hidden in the text.
_HOVER_WORDS = frozenset({"rollover", "tooltip", "popover", "hovercard"})


@lru_cache(maxsize=16384)
def _hidden_class(value: str) -> bool:
    if any(name.lower() in _HIDDEN_WORDS for name in value.split()):
        return True
    return not _HOVER_WORDS.isdisjoint(_tokens(value))


class Sizes(NamedTuple):
    text: int  # visible characters
    linked: int  # of which inside links
    links: int  # links
    teasers: int  # headings made of one link
    images: int = 0  # <img> elements
    blocks: int = 0  # <p>, list items and headings


class Parts(NamedTuple):
    chrome: set[Any]  # elements that are chrome inside the body
    part: dict[Any, str]  # element -> BYLINE / CAPTION / HEADLINE / RELATED
    hidden: set[Any]  # visually hidden elements: their text is not read


def _measure(root: Any, sizes: dict[Any, Sizes], hidden: set[Any]) -> Sizes:
    """Sizes of ``root``'s subtree, filling ``sizes`` for every element with text."""
    text = len(root.text.strip()) if root.text and root.tag not in RAW_TEXT else 0
    linked = links = teasers = images = blocks = 0
    for child in root:
        tag = child.tag
        if isinstance(tag, str) and tag not in RAW_TEXT:
            cls = child.get("class")
            if (cls and _hidden_class(cls)) or hides_text(child):
                hidden.add(child)
            else:
                sub = _measure(child, sizes, hidden)
                text += sub.text
                linked += sub.linked
                links += sub.links
                teasers += sub.teasers
                images += sub.images
                blocks += sub.blocks
        tail = child.tail
        if tail:
            text += len(tail.strip())
    tag = root.tag
    if tag == "a":
        linked, links = text, links + 1
    elif tag in _HEADINGS and text and linked >= text * 0.9 and links == 1:
        teasers += 1
    if tag == "img":
        images += 1
    elif tag in _TEXT_BLOCKS:
        blocks += 1
    result = Sizes(text, linked, links, teasers, images, blocks)
    if text:
        sizes[root] = result
    return result


def find_parts(container: Any, protected: set[Any], keep: float) -> Parts:
    """The chrome, the parts and the hidden elements under ``container`` (the body, or the
    whole page when none was found). ``protected`` elements (the container's ancestors
    and the anchor of the text) are never chrome; ``keep`` is the text size from which an
    element is the article whatever its class says."""
    sizes: dict[Any, Sizes] = {}
    hidden: set[Any] = set()
    _measure(container, sizes, hidden)
    chrome: set[Any] = set()
    part: dict[Any, str] = {}
    for el, size in sizes.items():
        if el in protected:
            continue
        kind = _by_tag(el)
        if kind is None and size.text < keep:
            kind = _judge(el, size, keep)
        if kind == "chrome":
            chrome.add(el)
        elif kind:
            part[el] = kind
    for label in _related_labels(sizes):
        chrome.update(_related_box(label, sizes))
    headline = _headline(container, sizes)
    if headline is not None:
        part[headline] = HEADLINE
    return Parts(chrome, part, hidden)


def _by_tag(el: Any) -> str | None:
    """A part by its element alone, whatever its size: a figure's caption (a figure of a
    table is the article's), a date or an address standing alone."""
    tag = el.tag
    if tag == "figcaption" or (tag == "figure" and el.find(".//table") is None):
        return CAPTION
    if tag in ("time", "address") and el.getparent() is not None and not _inline_in_text(el):
        return BYLINE
    return None


def _judge(el: Any, size: Sizes, keep: float) -> str | None:
    """``"chrome"``, a part, or None for one element (not protected, under the share)."""
    tag = el.tag
    if tag in ("p", "div") and size.linked and size.text < 300:
        text = string_of(el).strip()
        if size.linked * 2 >= len(text) and _RELATED_LINE.match(text):
            return RELATED
    if tag in _CONTAINERS:
        if size.links >= _MIN_LINKS and size.linked >= size.text * _LINK_SHARE:
            return "chrome"
        if size.teasers >= _MIN_TEASERS:
            return "chrome"
        if tag == "article" and size.teasers and size.text < keep * _CARD_SHARE:
            return "chrome"
    named = _named_part(el, tag)
    if named is not None:
        return named
    if _image_wrapper(tag, size):
        return CAPTION
    return None


def _named_part(el: Any, tag: str) -> str | None:
    """Chrome or a part by the words of the element's class and id."""
    words = _words_of(el)
    if not words:
        return None
    if not _CHROME_WORDS.isdisjoint(words):
        return "chrome"
    if not _CAPTION_WORDS.isdisjoint(words):
        return CAPTION
    if not _BYLINE_WORDS.isdisjoint(words) and tag not in _HEADINGS:
        return BYLINE
    return None


def _image_wrapper(tag: str, size: Sizes) -> bool:
    """An element holding an image and a line or two of short text and no links."""
    return (
        tag in _CAPTION_HOLDERS
        and size.images > 0
        and size.text <= _CAPTION_CHARS
        and size.blocks <= _CAPTION_BLOCKS
        and not size.links
    )


_NONE = Sizes(0, 0, 0, 0)


# Levels a label may sit below the box it heads ("<div class=hd><h2>More</h2></div>").
_LABEL_DEPTH = 3


def _related_box(label: Any, sizes: dict[Any, Sizes]) -> tuple[Any, ...]:
    """The label and the list of links after it: the label's next sibling, or, while the
    label is all the text of its parent, the parent's next sibling. Empty when no list of
    at least two links follows."""
    node, own = label, sizes.get(label, _NONE).text
    for _ in range(_LABEL_DEPTH):
        after = node.getnext()
        if after is not None and sizes.get(after, _NONE).links >= 2:
            return node, after
        parent = node.getparent()
        if parent is None or sizes.get(parent, _NONE).text > own:
            break
        node = parent
    return ()


def _related_labels(sizes: dict[Any, Sizes]) -> list[Any]:
    """Headings (and short lone lines) that title a list of other stories."""
    found = []
    for el, size in sizes.items():
        if size.text > _LABEL_MAX or (el.tag not in _HEADINGS and el.tag not in ("p", "div")):
            continue
        if el.tag not in _HEADINGS and len(el):
            continue
        text = string_of(el).strip()
        if _RELATED_LABEL.match(text):
            found.append(el)
    return found


def _words_of(el: Any) -> frozenset[str]:
    cls, ident = el.get("class"), el.get("id")
    if cls and ident:
        return _tokens(cls) | _tokens(ident)
    if cls or ident:
        return _tokens(cls or ident)
    return frozenset()


def _inline_in_text(el: Any) -> bool:
    """A ``<time>`` inside a sentence ("on <time>May 4</time> the council...")."""
    parent = el.getparent()
    before = el.getprevious()
    text = (before.tail if before is not None else parent.text) or ""
    return bool(text.strip()) or bool((el.tail or "").strip())


def _headline(container: Any, sizes: dict[Any, Sizes]) -> Any | None:
    """The first ``<h1>`` of the body when no paragraph of text comes before it."""
    for el in container.iter("h1", "p"):
        if el.tag == "h1":
            return el if sizes.get(el) else None
        if el.tag == "p" and sizes.get(el, _NONE).text >= 80:
            return None
    return None
