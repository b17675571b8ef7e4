"""CT001: a promised number of items ("10 ways", "these four steps:") against the count.

The promise is a number (digits, or one to twenty) from ``min_count`` to ``max_count``
before a listicle noun from the lexicon, not after "of", "over", "than", "about"... and
with no "more", "other", "bonus"... in between. A sentence promises only when it ends
its paragraph, a list follows, and it announces the list (a final ":", "here are", "the
following", "below").

Under a heading, each level of sub-headings (closing ones left out) is a count, and so
are a level's numbered sub-headings when there are two or more: if any count equals the
promise, that is what the author meant; otherwise the first is reported. With no
sub-headings, a list among the section's first three blocks (after paragraphs only) is
counted. A list is a run of list items with no list end between them in the source; a
list with a nested list, or with more list items close after it (a list split by an ad),
is not counted. A count under two, or further from the promise than the larger of two
and a third of it, is not evidence that items were lost.

Cost: one pass over the blocks, O(n).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from linter.checks.base import COUNT, Hit, Param, block_hit, related_at
from linter.checks.contradiction._pairing import short
from linter.checks.contradiction._words import lexicon, number
from linter.model import HEADING, LIST_ITEM, MAIN, PARAGRAPH, Block, Document

PARAMS: dict[str, Param] = {"min_count": COUNT, "max_count": COUNT}

_NUMBERED = re.compile(
    r"^\s*(?:(?:[A-Za-z]+\s+){0,3}(?:#\s?|no\.\s?)?(\d{1,2})\s*[.):–-]|#?(\d{1,2})[.)]?\s)", re.I
)


@cache
def _promise_re() -> re.Pattern[str]:
    nouns = "|".join(lexicon()["list_nouns"])
    nums = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" + (
        "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
    )
    return re.compile(
        r"(?<![\w$€£.,/-])(?P<n>" + nums + r")(?![\w.,%/-])(?P<mid>(?:\s+[\w'’-]+){0,3}?)\s+"
        r"(?P<noun>" + nouns + r")\b",
        re.I,
    )


def _promise(text: str, params: Mapping[str, Any]) -> re.Match[str] | None:
    m = _promise_re().search(text)
    if m is None:
        return None
    n = number(m.group("n"))
    if n is None or not params["min_count"] <= n <= params["max_count"]:
        return None
    # "one of the ten ways", "two of these steps", "over 10 tips": not a count of the list.
    before = text[: m.start()].lower()
    if re.search(r"\b(?:of|over|than|about|around|nearly|almost|up to|at least)\s*$", before):
        return None
    if re.search(r"\b(?:of|more|other|additional|extra|bonus)\b", m.group("mid"), re.I):
        return None
    return m


def _closing(text: str) -> bool:
    folded = re.sub(r"[^\w\s;-]", "", text.lower()).strip()
    folded = re.sub(r"^\d+\s*", "", folded)
    if folded.startswith(("bonus", "honorable mention", "honourable mention")):
        return True
    return folded in set(lexicon()["closing_headings"])


def _list_run(doc: Document, blocks: list[Block], i: int) -> list[Block] | None:
    """The list that starts at ``blocks[i]``, or ``None`` if it holds a nested list."""
    run = [blocks[i]]
    for block in blocks[i + 1 :]:
        if block.kind != LIST_ITEM or block.index != run[-1].index + 1:
            break
        between = doc.source[run[-1].source_span()[1] : block.source_span()[0]]
        if re.search(r"</\s*(?:ul|ol|dl)\s*>", between, re.I):
            break
        if re.search(r"<\s*(?:ul|ol)\b", between, re.I):
            return None
        run.append(block)
    # A list cut in two by an ad or an image ("</ul> ... <ul>") may still be the promised
    # list: when more list items follow closely, the count is not evidence.
    after = blocks[i + len(run) : i + len(run) + 3]
    for block in after:
        if block.kind == HEADING:
            break
        if block.kind == LIST_ITEM:
            return None
    return run


def _section(blocks: list[Block], i: int) -> list[Block]:
    level = blocks[i].level
    out = []
    for block in blocks[i + 1 :]:
        if block.kind == HEADING and block.level <= level:
            break
        out.append(block)
    return out


def _heading_count(
    doc: Document, blocks: list[Block], i: int, promised: int
) -> tuple[int, Block, str] | None:
    section = _section(blocks, i)
    headings = [b for b in section if b.kind == HEADING and not _closing(b.text)]
    if headings:
        # Every level below the heading, and its numbered headings, is a way to count the
        # promised items; the first level is the one reported, any level that matches
        # the promise is taken as the author's meaning.
        counts: list[tuple[int, Block]] = []
        for level in sorted({b.level for b in headings}):
            subs = [b for b in headings if b.level == level]
            numbered = [b for b in subs if _NUMBERED.match(b.text)]
            for group in (numbered, subs):
                if len(group) >= 2:
                    counts.append((len(group), group[0]))
        if not counts:
            return None
        if any(n == promised for n, _ in counts):
            return promised, counts[0][1], "sub-sections"
        return counts[0][0], counts[0][1], "sub-sections"
    for j, block in enumerate(section[:3]):
        if block.kind == LIST_ITEM:
            run = _list_run(doc, section, j)
            return (len(run), run[0], "list items") if run else None
        if block.kind != PARAGRAPH:
            return None
    return None


def _plausible(actual: int, promised: int) -> bool:
    """Whether what was counted can be the promised items at all.

    Two sub-headings under "11 things we learned", or a one-item list after "five points",
    mean the items are laid out some other way (bold paragraphs, lists split by ads), not
    that the article lost nine of them; such a count is not evidence.
    """
    return actual >= 2 and abs(actual - promised) <= max(2, promised // 3)


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    blocks = [b for b in doc.blocks if b.region == MAIN]
    last_sentence = {}
    for s in doc.sentences:
        last_sentence[s.block.index] = s
    for i, block in enumerate(blocks):
        found: tuple[int, Block, str] | None = None
        if block.kind == HEADING:
            m = _promise(block.text, params)
            if m is None:
                continue
            found = _heading_count(doc, blocks, i, int(number(m.group("n")) or 0))
            start, end, quote = m.start(), m.end(), block.text
        elif block.kind == PARAGRAPH and i + 1 < len(blocks) and blocks[i + 1].kind == LIST_ITEM:
            sentence = last_sentence.get(block.index)
            if sentence is None:
                continue
            m = _promise(sentence.text, params)
            if m is None or not re.search(r":\s*$|\bhere\s+are\b|\bthe\s+following\b|\bbelow\b", sentence.text, re.I):  # fmt: skip
                continue
            run = _list_run(doc, blocks, i + 1)
            found = (len(run), run[0], "list items") if run else None
            start, end = sentence.start + m.start(), sentence.start + m.end()
            quote = sentence.text
        else:
            continue
        if found is None:
            continue
        actual, first, what = found
        promised = int(number(m.group("n")) or 0)
        if actual == promised or not _plausible(actual, promised):
            continue
        related = related_at(doc, block, start, end)
        hit = block_hit(
            first,
            0,
            len(first.text),
            actual=actual,
            what=what,
            promised=promised,
            noun=m.group("noun").lower(),
            line=related.line,
            earlier=short(quote),
        )
        hit.related.append(related)
        yield hit
