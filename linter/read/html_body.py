"""HTML reader, body and chrome: which container is the article, which elements are chrome.

See ``linter.read.html`` for the rules. One pass over the paragraphs adds each one's text
length to all its ancestors; that measures the candidate containers and later keeps
layout wrappers that hold most of the text (``class="has-sidebar"``...) from being taken
for chrome.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from linter.model import CHROME, MAIN
from linter.read.html_cluster import text_cluster
from linter.read.html_parts import find_parts, name_words
from linter.read.html_runs import string_of
from linter.read.htmlpos import RAW_TEXT

CHROME_TAGS = frozenset({"header", "nav", "footer", "aside", "form", "menu", "dialog", "search"})
CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
)
_CHROME_WORDS = frozenset(
    {
        "nav", "navbar", "navigation", "navmenu", "subnav", "topnav", "sitenav", "menu",
        "menus", "submenu", "megamenu", "menubar", "footer", "sidebar", "sidebars",
        "cookie", "cookies", "consent", "gdpr", "share", "sharing", "shares", "sharedaddy",
        "sharethis", "addtoany", "social", "breadcrumb", "breadcrumbs", "related",
        "relatedposts", "widgets", "widgetarea", "subscribe", "subscription", "newsletter",
        "signup", "promo", "promos", "advert", "adverts", "advertisement", "advertising",
        "ad", "ads", "adslot", "adunit", "sponsored", "outbrain", "taboola", "popup",
        "modal", "pagination",
    }
)  # fmt: skip
_COMMENT_WORDS = frozenset({"comment", "comments", "commentlist", "disqus"})
# Page builders (Elementor...) call every content block "widget", so the word only counts
# when a class name starts with it ("widget", "widget_text", "widget-area").
_CHROME_FIRST = frozenset({"widget"})
_NEVER_CHROME = frozenset({"html", "body"})
# Candidate containers under this share of the page's text are teasers.
_BODY_SHARE = 0.3
# An element holding this share of the body's text is not chrome by a "probably" class.
_KEEP_SHARE = 0.3
# Below this much <p> text the page's text is measured node by node instead.
_FEW_PARAGRAPHS = 1000
# Case-sensitive "role" keeps the regex on its fast literal-prefix search.
_ROLE_MAIN = re.compile(r"role\s*=\s*[\"']?\s*(?i:main)\b")
_ARTICLE_BODY = re.compile(r"itemprop\s*=\s*[\"']?[^\"'>]*\barticleBody\b")
_TAG_NAME = re.compile(r"[A-Za-z][^\t\n\f\r />]*")


@lru_cache(maxsize=16384)
def _chrome_names(value: str) -> int:
    """How surely a class or id value names chrome: 0 not, 1 probably, 2 surely.

    Layout classes mention sidebars and widgets on the wrappers of the article itself
    (``has-sidebar``, ``l-sidebar-fixed``, Blogger's ``widget Blog``), so most matches
    are only "probably" and give way when the element holds much of the body text;
    comment sections can be longer than the article, so those are "surely".
    """
    found = 0
    for name in value.split():
        tokens = name_words(name)
        if not _COMMENT_WORDS.isdisjoint(tokens):
            return 2
        if (tokens and tokens[0] in _CHROME_FIRST) or not _CHROME_WORDS.isdisjoint(tokens):
            found = 1
    return found


def _surely_chrome(el: Any) -> bool:
    """Whether an element is chrome by its tag or landmark role, or a comment thread by its
    class or id: no paragraph under it is the article's."""
    if el.tag in CHROME_TAGS:
        return True
    role = el.get("role")
    if role and role.strip().lower() in CHROME_ROLES:
        return True
    cls, ident = el.get("class"), el.get("id")
    return (bool(cls) and _chrome_names(cls) == 2) or (bool(ident) and _chrome_names(ident) == 2)


def _all_text(root: Any) -> tuple[dict[Any, int], int]:
    """Length of visible text under each element (slow; for pages with few paragraphs)."""
    sizes: dict[Any, int] = {}
    total = 0
    for text in root.xpath("//text()"):
        size = len(text.strip())
        if not size:
            continue
        owner = text.getparent()
        if text.is_tail:
            owner = owner.getparent()
        elif owner.tag in RAW_TEXT:
            continue
        total += size
        while owner is not None:
            sizes[owner] = sizes.get(owner, 0) + size
            owner = owner.getparent()
    return sizes, total


def _with_attribute(
    root: Any, source: str, pattern: re.Pattern[str], name: str, accept: Callable[[str], bool]
) -> list[Any]:
    """Elements whose attribute ``name`` passes ``accept``.

    They are looked up by the names of the tags that carry ``pattern`` in the source: an
    XPath attribute scan over every element of a big page costs 15 ms (a Wikipedia
    article), ``root.iter(tag)`` a fraction of that.
    """
    tags: set[str] = set()
    for m in pattern.finditer(source):
        lt = source.rfind("<", 0, m.start())
        tag = _TAG_NAME.match(source, lt + 1)
        if tag:
            tags.add(tag.group().lower())
    return [el for tag in tags for el in root.iter(tag) if accept(el.get(name, ""))]


def _is_main_role(value: str) -> bool:
    return value.strip().lower() == "main"


def _is_article_body(value: str) -> bool:
    return "articleBody" in value.split()


class Body(NamedTuple):
    container: Any | None  # the article body element, if one was found
    anchor: Any | None  # the container, or the parent of most paragraphs
    ptext: dict[Any, int]  # length of <p> text under each element that has some
    reference: int  # <p> text of the container, or of the whole page


def find_body(root: Any, source: str) -> Body:
    """Choose the article body (the rules are in ``linter.read.html``'s docstring)."""
    ptext, parents, total = _measure(root)
    container = _choose(root, source, ptext, max(total * _BODY_SHARE, 1))
    if container is None:
        container = text_cluster(root, _surely_chrome)
    if container is not None:
        return Body(container, container, ptext, ptext.get(container, 0))
    anchor = max(parents, key=parents.__getitem__) if parents else None
    return Body(None, anchor, ptext, total)


def _measure(root: Any) -> tuple[dict[Any, int], dict[Any, int], int]:
    """Text length under each element (of ``<p>`` text, or of all text when the page has
    little ``<p>`` text), the number of ``<p>`` children of each element, and the page's
    total text length."""
    ptext: dict[Any, int] = defaultdict(int)
    parents: dict[Any, int] = defaultdict(int)
    total = 0
    for p in root.iter("p"):
        size = len(string_of(p))
        total += size
        parent = p.getparent()
        if parent is not None:
            parents[parent] += 1
        if size:
            for ancestor in p.iterancestors():
                ptext[ancestor] += size
    if total < _FEW_PARAGRAPHS:
        # Pages that hold their text in <div>s and <br>s: measure every text node instead.
        text_sizes, text_total = _all_text(root)
        if text_total > total:
            ptext, total = text_sizes, text_total
    return ptext, parents, total


def _choose(root: Any, source: str, ptext: dict[Any, int], floor: float) -> Any | None:
    """The container: the biggest article (or the main around it that holds the
    headline), else the biggest main, else the biggest articleBody; ``None`` when no
    candidate reaches ``floor``."""

    def best(elements: list[Any]) -> Any | None:
        chosen, size = None, 0
        for el in elements:
            value = ptext.get(el, 0)
            if value >= floor and value > size:
                chosen, size = el, value
        return chosen

    article = best(list(root.iter("article")))
    mains = list(root.iter("main"))
    mains += [
        el
        for el in _with_attribute(root, source, _ROLE_MAIN, "role", _is_main_role)
        if el.tag != "main"
    ]
    main = best(mains)
    if article is not None:
        if main is not None and main in article.iterancestors():
            h1 = root.find(".//h1")
            if h1 is not None:
                above = set(h1.iterancestors())
                if article not in above and main in above:
                    return main
        return article
    if main is not None:
        return main
    if "articleBody" not in source:
        return None
    bodies = [
        el
        for el in _with_attribute(root, source, _ARTICLE_BODY, "itemprop", _is_article_body)
        if el.tag != "meta"
    ]
    return best(bodies)


class Regions:
    """Whether an element of the body is main text or chrome, once the body is chosen."""

    def __init__(self, body: Body | None = None, root: Any = None) -> None:
        self.container: Any = None
        self.protected: set[Any] = set()
        self.ptext: dict[Any, int] = {}
        self.keep_share = 1.0
        self.chrome: set[Any] = set()
        self.part: dict[Any, str] = {}
        self.hidden: set[Any] = set()
        if body is not None:
            self.container = body.container
            if body.anchor is not None:
                self.protected = {body.anchor, *body.anchor.iterancestors()}
            self.ptext = body.ptext
            self.keep_share = max(body.reference * _KEEP_SHARE, 1)
            scope = body.container if body.container is not None else root
            if scope is not None:
                self.chrome, self.part, self.hidden = find_parts(
                    scope, self.protected, self.keep_share
                )

    def of(self, el: Any, tag: str, cls: str | None) -> str:
        """Chrome by tag, landmark role, or class/id tokens (for an element in the body)."""
        if el in self.protected or tag in _NEVER_CHROME:
            return MAIN
        if tag in CHROME_TAGS or el in self.chrome:
            return CHROME
        chrome = _chrome_names(cls) if cls else 0
        if chrome < 2:
            ident = el.get("id")
            if ident:
                chrome = max(chrome, _chrome_names(ident))
            if not chrome:
                role = el.get("role")
                chrome = int(bool(role and role.strip().lower() in CHROME_ROLES))
        if chrome == 2 or (chrome and self.ptext.get(el, 0) < self.keep_share):
            return CHROME
        return MAIN
