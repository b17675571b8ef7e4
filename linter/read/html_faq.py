"""HTML reader, FAQ: the FAQ role of elements while walking, FAQ blocks after it.

The rules are in ``linter.read.html``'s docstring. While the tree is walked, ``FaqRoles``
gives each element's text its role from markup (``<details>``/``<summary>``, Yoast and
Rank Math classes, schema.org Question microdata); ``mark_faq`` then turns those roles,
and the FAQ sections that headings open, into ``faq_question``/``faq_answer`` blocks.
"""

from __future__ import annotations

import re
from typing import Any

from linter.lexicon import FAQ_HEADING, FAQ_QUESTION_MAX_WORDS
from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    MAIN,
    META,
    PARAGRAPH,
    TITLE,
    Block,
)

_FAQ_CLASS = re.compile(
    r"(?:schema-faq-|rank-math-|faq[-_]+(?:item[-_]+)?)(question|answer)\b", re.I
)


class FaqRoles:
    """The FAQ role of an element's text, from its markup; numbers the questions found."""

    def __init__(self, source: str) -> None:
        self.keys = 0
        # Only pages with schema.org Question microdata pay for reading itemtype.
        self.microdata = "/Question" in source

    def of(self, el: Any, tag: str, cls: str | None, faq: Any) -> Any:
        """The FAQ role of an element's text: ("q"|"a"|"scope", key) or ``None``."""
        if tag == "details":
            self.keys += 1
            return ("a", self.keys)
        if tag == "summary" and faq is not None and faq[0] == "a":
            return ("q", faq[1])
        if cls and ("question" in cls or "answer" in cls):
            m = _FAQ_CLASS.search(cls)
            if m:
                return ("q" if m.group(1).lower() == "question" else "a", None)
        itemtype = el.get("itemtype") if self.microdata else None
        if itemtype and itemtype.rstrip("/").lower().endswith("/question"):
            self.keys += 1
            return ("scope", self.keys)
        if faq is not None and faq[0] == "scope":
            prop = el.get("itemprop")
            if prop == "name":
                return ("q", faq[1])
            if prop in ("acceptedAnswer", "suggestedAnswer"):
                return ("a", faq[1])
        return faq


class _Sections:
    """What ``mark_faq`` remembers between blocks."""

    def __init__(self) -> None:
        self.in_section = False
        self.level = 0
        self.region = MAIN
        self.current: int | None = None  # the question answers attach to
        self.by_key: dict[int, int] = {}  # question block of each marked-up question

    def marked(self, i: int, block: Block, role: Any) -> bool:
        """Apply a role from markup, ("q"|"a", key); ``False`` for an answer to nothing."""
        if role[0] == "q":
            block.kind = FAQ_QUESTION
            self.current = i
            if role[1] is not None:
                self.by_key[role[1]] = i
            return True
        question = self.by_key.get(role[1]) if role[1] is not None else self.current
        if question is None:
            return False
        block.kind = FAQ_ANSWER
        block.answers = question
        return True

    def heading(self, i: int, block: Block) -> None:
        """A question in a section, a heading opening one, or one that ends or groups it."""
        text = block.text
        if self.in_section and text.endswith("?"):
            block.kind = FAQ_QUESTION
            self.current = i
            return
        if FAQ_HEADING.search(text):
            self.in_section = True
            self.level = block.level
            self.region = block.region
            block.faq_section = True
        elif self.in_section and block.level <= self.level:
            self.in_section = False
        elif self.in_section:
            # A sub-heading that groups questions, as the text reader marks it.
            block.faq_group = True
        self.current = None

    def body(self, i: int, block: Block, tag: str) -> None:
        """A question or an answer in a section (which ends where the region changes)."""
        if self.in_section and block.region != self.region:
            self.in_section = False
            self.current = None
        if not self.in_section:
            return
        kind = block.kind
        text = block.text
        if tag == "dt" or (
            kind == PARAGRAPH and text.endswith("?") and len(text.split()) <= FAQ_QUESTION_MAX_WORDS
        ):
            block.kind = FAQ_QUESTION
            self.current = i
        elif self.current is not None and (tag == "dd" or kind in (PARAGRAPH, LIST_ITEM)):
            block.kind = FAQ_ANSWER
            block.answers = self.current


def mark_faq(blocks: list[Block], tags: list[str], roles: list[Any]) -> None:
    """Turn ``blocks`` (``tags``: the element each came from, ``roles``: its FAQ role from
    markup or ``None``) into FAQ questions and answers where they are."""
    sections = _Sections()
    for i, block in enumerate(blocks):
        kind = block.kind
        if kind in (TITLE, META):
            continue
        role = roles[i]
        if role is not None and role[0] in ("q", "a") and sections.marked(i, block, role):
            continue
        if kind == HEADING:
            sections.heading(i, block)
        else:
            sections.body(i, block, tags[i])
