"""Parts of the page the SEO checks report on: headings, the introduction, the region
of a place the reader made no block for, where a finding about something missing goes,
and lists of findings capped per page."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from linter.checks.base import Hit
from linter.lexicon import KEYPHRASE_WORD
from linter.message import plural
from linter.model import (
    CHROME,
    FAQ_QUESTION,
    HEADING,
    MAIN,
    META,
    PARAGRAPH,
    TITLE,
    Block,
    Document,
    Heading,
    PageFacts,
    Tag,
)

T = TypeVar("T")


def heading_blocks(doc: Document, region: str | None = None) -> list[Block]:
    """Blocks that came from ``<h1>``-``<h6>``, including headings the reader turned into
    FAQ questions (they keep their level)."""
    return [
        b
        for b in doc.blocks
        if (b.kind == HEADING or (b.kind == FAQ_QUESTION and b.level > 0))
        and (region is None or b.region == region)
    ]


@dataclass(frozen=True, slots=True)
class PageH1:
    """An ``<h1>`` of the page's markup as the H1 rules judge it."""

    heading: Heading
    block: Block | None
    """The reader's block for it (None when it has no text, or sits in a button)."""
    region: str
    title_match: bool
    """The page's ``<title>`` repeats it (see ``_repeats_title``)."""
    not_headline: str
    """Why it cannot be the article's headline, "" when it can: "empty" (no text, no
    label), "logo" (only an image with alt text, or a logo's short text), "site name",
    "button" (a button, or a call to action such as "Donate" or "Log in"), "dialog" (a
    pop-up or login box), "hidden" (hidden by its markup until a script shows it),
    "teaser" (inside a link: the card of another page)."""

    @property
    def empty(self) -> bool:
        return self.not_headline == "empty"

    @property
    def in_template(self) -> bool:
        """Outside the article body, or a part of the site's template there (a logo, the
        site's name, a button, a dialog's title, a hidden screen; an empty H1 inside a
        header, footer, navigation, sidebar, dialog, button or logo)."""
        if self.region != MAIN:
            return True
        if self.empty:
            return bool(self.heading.within & _TEMPLATE_PARTS)
        return self.not_headline != ""


_TEMPLATE_PARTS = frozenset(
    {"header", "footer", "nav", "aside", "dialog", "hidden", "button", "logo"}
)


def page_h1s(doc: Document) -> list[PageH1]:
    """Every ``<h1>`` of the markup, judged (shared by the H1 rules: one notion)."""
    return doc.memo("seo.page_h1s", lambda: _judge_h1s(doc))


def article_headline(doc: Document) -> Block | None:
    """The H1 that titles the article: a main-region H1 the page's ``<title>`` repeats,
    else any H1 the title repeats (many sites put the headline in a header the reader
    counts as chrome), else the first main-region H1 that can be a headline (not a logo,
    the site's name, a button, a dialog's title or a hidden screen), else None."""
    found = headline_h1(doc)
    return found.block if found is not None else None


def headline_h1(doc: Document) -> PageH1 | None:
    """``article_headline``'s H1."""
    h1s = [h for h in page_h1s(doc) if h.block is not None]
    for pick in (
        lambda h: h.region == MAIN and h.title_match,
        lambda h: h.title_match,
        lambda h: h.region == MAIN and not h.not_headline,
    ):
        found = next((h for h in h1s if pick(h)), None)
        if found is not None:
            return found
    return None


def page_headline(doc: Document) -> PageH1 | None:
    """The H1 that stands for the page's headline: the article's headline, else the
    first H1 anywhere that can be one (a section name in a header still heads it)."""
    found = headline_h1(doc)
    return found or next((h for h in page_h1s(doc) if not h.not_headline), None)


def repeats_title(doc: Document, text: str) -> bool:
    """The title repeats ``text``: most of its words are in the title's headline part
    (its longest piece between separators, "Headline | Site"), and it holds half of that
    part (a logo H1 repeats only the site name)."""
    if not doc.title:
        return False
    pieces = _TITLE_SEPARATOR.split(doc.title.lower())
    title = set(KEYPHRASE_WORD.findall(max(pieces, key=len)))
    words = set(KEYPHRASE_WORD.findall(text.lower()))
    shared = len(words & title)
    return bool(words) and shared / len(words) >= 0.6 and shared / max(len(title), 1) >= 0.5


def site_names(doc: Document) -> set[str]:
    """The site's names, normalised: ``og:site_name`` and the title's pieces after its
    first ("Headline | Site" -> site), the first never (the headline comes first)."""
    names = {doc.meta.og_site_name or ""}
    pieces = _TITLE_SEPARATOR.split(doc.title) if doc.title else []
    if len(pieces) > 1:  # "Mozilla - Wikipedia": the headline comes first, or is longest
        longest = max(pieces, key=len)
        names.update(p for p in pieces[1:] if p is not longest)
    names = {n for n in (normal_name(name) for name in names) if n}
    return names - {normal_name(pieces[0])} if pieces else names


_TITLE_SEPARATOR = re.compile(r"\s+[|·•–—-]\s+|\s*[|·•]\s*")
# A trailing title piece this short is a site name ("| The Daily Post"), not more headline.
_SITE_SUFFIX_WORDS = 5


def headline_of_title(title: str) -> str | None:
    """The title without its trailing site name ("Headline | Site" -> "Headline"), or
    None when it has no short piece after its last separator."""
    cut = None
    for m in _TITLE_SEPARATOR.finditer(title):
        cut = m
    if cut is None or cut.start() == 0:
        return None
    suffix = title[cut.end() :]
    if not suffix.strip() or len(suffix.split()) > _SITE_SUFFIX_WORDS:
        return None
    return title[: cut.start()]


def normal_name(text: str) -> str:
    """A name folded for comparison: lowercase words joined by single spaces."""
    return " ".join(KEYPHRASE_WORD.findall(text.casefold()))


# A call to action marked up as H1: every word one of these, one of them an action.
_ACTIONS = frozenset(
    {
        "login", "log", "signin", "sign", "signup", "register", "subscribe", "donate",
        "join", "give", "support", "menu", "search", "logout", "contribute",
    }
)  # fmt: skip
_ACTION_WORDS = _ACTIONS | frozenset(
    {"in", "up", "out", "now", "today", "us", "my", "account", "create", "an", "free", "or", "to"}
)


def _call_to_action(text: str) -> bool:
    words = normal_name(text).split()
    return 0 < len(words) <= 4 and set(words) <= _ACTION_WORDS and bool(_ACTIONS & set(words))


def _why_not_headline(h: Heading, title_match: bool, names: set[str]) -> str:
    """PageH1.not_headline for heading ``h``."""
    if not h.text:
        return "logo" if h.label else "empty"
    if title_match:
        return ""  # the title's headline part: a headline wherever the theme put it
    short = len(h.text.split()) <= 4
    if normal_name(h.text) in names:
        return "site name"
    if "button" in h.within or ("button" in h.holds and short) or _call_to_action(h.text):
        return "button"
    if "dialog" in h.within:
        return "dialog"
    if "hidden" in h.within:
        return "hidden"
    if "a" in h.within:
        return "teaser"  # a whole H1 inside a link: the card of another page
    if "logo" in h.holds or ("logo" in h.within and short):
        return "logo"
    return ""


def _judge_h1s(doc: Document) -> list[PageH1]:
    blocks = [b for b in heading_blocks(doc) if b.level == 1]
    starts = [b.source_span()[0] for b in blocks]
    names = site_names(doc)
    judged = []
    for h in page_of(doc).headings:
        if h.level != 1:
            continue
        at = bisect_left(starts, h.start)
        block = blocks[at] if at < len(blocks) and starts[at] < h.end else None
        region = block.region if block is not None else region_at(doc, h.start)
        match = bool(h.text) and repeats_title(doc, h.text)
        judged.append(PageH1(h, block, region, match, _why_not_headline(h, match, names)))
    return judged


def _text_starts(doc: Document) -> tuple[list[Block], list[int]]:
    """Blocks with text (no title or meta) and the running maximum of their source starts:
    the first block starting past an offset is found by bisection, not by a scan."""
    blocks = [b for b in doc.blocks if b.kind not in (TITLE, META) and b.text]
    reach, highest = [], -1
    for block in blocks:
        highest = max(highest, block.tmap.to_source(0))
        reach.append(highest)
    return blocks, reach


def region_at(doc: Document, offset: int) -> str:
    """The reader's region at a source offset where it made no block (an empty heading):
    main when the nearest blocks before and after it are both main, else chrome."""
    blocks, reach = doc.memo("seo.text_starts", lambda: _text_starts(doc))
    after_index = bisect_right(reach, offset)  # the first block that starts past it
    if after_index == 0 or after_index == len(blocks):  # before or after all the text
        return CHROME
    before, after = blocks[after_index - 1], blocks[after_index]
    return MAIN if before.region == after.region == MAIN else CHROME


def page_of(doc: Document) -> PageFacts:
    """The page's markup as the HTML reader recorded it (nothing for other formats)."""
    return doc.page if doc.page is not None else PageFacts()


def head_anchor(doc: Document) -> Hit:
    """Where a finding about something missing from the page goes: the ``<head>`` tag,
    else the ``<html>`` tag, else the ``<body>`` tag, else the first character."""
    page = page_of(doc)
    tag = page.head or page.html or page.body
    return Hit(0, 0, excerpt="") if tag is None else Hit(tag.start, tag.end)


def tag_hit(tag: Tag | Heading, **args: object) -> Hit:
    """A finding over a tag (or a whole heading element)."""
    return Hit(tag.start, tag.end, dict(args))


def first_paragraph(doc: Document, min_words: int = 1) -> Block | None:
    """The first body paragraph with at least ``min_words`` words: the introduction."""
    for block in doc.blocks:
        if (
            block.kind == PARAGRAPH
            and block.region == MAIN
            and len(block.text.split()) >= min_words
        ):
            return block
    return None


def introduction(doc: Document, min_words: int = 8) -> Block | None:
    """The article's first paragraph of prose: at least ``min_words`` words and ending like
    a sentence, so a byline or a date line before it is passed over."""
    for block in doc.blocks:
        if block.kind == PARAGRAPH and block.region == MAIN:
            text = block.text.rstrip("\"'”’)]» ")
            if len(block.text.split()) >= min_words and text.endswith((".", "!", "?", ":")):
                return block
    return first_paragraph(doc, min_words) or first_paragraph(doc)


def capped(found: list[T], limit: int, what: str) -> Iterator[tuple[T, str]]:
    """The first ``limit`` of ``found``, each with the tail of its message: empty, but for
    the last one listed, which says how many more ``what`` the page has (a gallery page
    would otherwise drown the report)."""
    shown = found[:limit]
    for n, item in enumerate(shown, 1):
        rest = len(found) - len(shown) if n == len(shown) else 0
        # ``what`` is a plural ending in "s" ("empty links"): one left is "1 more empty link".
        more = plural(rest, "more " + what.removesuffix("s"), "more " + what)
        yield item, f" ({more} on this page not listed)" if rest > 0 else ""
