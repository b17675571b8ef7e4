"""The same long phrase repeated across paragraphs beyond what the topic explains.

An article about "healthcare management and healthcare administration" repeats those
words by necessity; an article that repeats "make informed career decisions about their
future" in four paragraphs was padded or stitched from templates. Word n-grams of
``min_words`` words that occur in ``min_paragraphs`` paragraphs (FAQ answers and quotes
count too) are merged into maximal phrases. A phrase counts when at least
``min_content_words`` of its words are neither stop words nor topic words (from the
title and headings) and fewer than half of its other words are capitalised (names
repeat by convention).

Phrases that share an n-gram are one family (a repeated span read as "A B C D" in one
paragraph and "B C D E" in another): one hit per family, on its longest phrase, at its
second occurrence, with the others as related places. What a page repeats by design
(``linter.checks._structure``) does not count: all the instances of a per-entity run
(one section per gym, each "Dogs allowed? At this gym, ...") count as one paragraph, and
summary boxes are left out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from itertools import chain
from typing import Any

from linter.checks._structure import structure
from linter.checks.base import COUNT, Hit, Param, block_hit, related_at
from linter.lexicon import PHRASE_WORD, spacy_stop_words
from linter.model import FAQ_ANSWER, HEADING, PARAGRAPH, QUOTE, TITLE, Block, Document

PARAMS: dict[str, Param] = {
    "min_words": COUNT,
    "min_paragraphs": COUNT,
    "min_content_words": COUNT,
}


def validate(params: Mapping[str, Any]) -> str | None:
    """A phrase is repeated when it is in two paragraphs at least: fewer is no rule."""
    if params.get("min_paragraphs", 2) < 2:
        return f"min_paragraphs must be 2 or more, not {params['min_paragraphs']}"
    if params.get("min_words", 1) < 1:
        return f"min_words must be 1 or more, not {params['min_words']}"
    return None


def _topic_words(doc: Document) -> set[str]:
    texts = [doc.title or ""] + [b.text for b in doc.blocks if b.kind in (HEADING, TITLE)]
    return {w.lower() for text in texts for w in PHRASE_WORD.findall(text)}


def _unexplained(
    phrase: list[str],
    original: list[re.Match[str]],
    stop: frozenset[str],
    explained: frozenset[str] | set[str],
    min_content: int,
) -> bool:
    """Enough content words that the topic does not explain, and not mostly names.

    Journalists repeat "Defense Secretary Mark Esper" and captions repeat "Photo: AP" by
    convention; a phrase whose content words are mostly capitalised is such a name.
    """
    content = [(w, m.group()) for w, m in zip(phrase, original, strict=True) if w not in stop]
    if sum(1 for w, _ in content if w not in explained) < min_content:
        return False
    capitalised = sum(1 for _, text in content if text[:1].isupper())
    return capitalised * 2 < len(content)


def _grams(words: list[str], n: int) -> list[tuple[str, ...]]:
    """The ``n``-word windows of ``words``, in order (built by ``zip``, in C)."""
    if n <= 0 or len(words) < n:
        return []  # spares n slices for each short line of a long text
    return list(zip(*(words[k:] for k in range(n)), strict=False))


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    n = params["min_words"]
    page = structure(doc)
    blocks = [
        b
        for b in doc.body_blocks()
        if b.kind in (PARAGRAPH, FAQ_ANSWER, QUOTE) and b.index not in page.summary
    ]
    if len(blocks) < params["min_paragraphs"]:
        return  # no phrase can recur in enough paragraphs (spares n-grams of a huge one)
    lowered = {b.index: [w.lower() for w in PHRASE_WORD.findall(b.text)] for b in blocks}
    grams = {b.index: _grams(lowered[b.index], n) for b in blocks}
    # Paragraphs each n-gram occurs in: a set per block, counted in C.
    paragraphs = Counter(chain.from_iterable(set(found) for found in grams.values()))
    repeated = {gram for gram, count in paragraphs.items() if count >= params["min_paragraphs"]}
    if not repeated:
        return
    stop, topic = spacy_stop_words(), _topic_words(doc)
    explained = stop | topic
    occurrences: dict[str, list[tuple[Block, int, int]]] = defaultdict(list)
    for block in blocks:
        if repeated.isdisjoint(grams[block.index]):
            continue
        matches = list(PHRASE_WORD.finditer(block.text))
        words = lowered[block.index]
        covered = [False] * len(matches)
        for i, gram in enumerate(grams[block.index]):
            if gram in repeated:
                covered[i : i + n] = [True] * n
        i = 0
        while i < len(covered):
            if not covered[i]:
                i += 1
                continue
            j = i
            while j < len(covered) and covered[j]:
                j += 1
            phrase = words[i:j]
            if _unexplained(phrase, matches[i:j], stop, explained, params["min_content_words"]):
                occurrences[" ".join(phrase)].append(
                    (block, matches[i].start(), matches[j - 1].end())
                )
            i = j
    for longest, places in _families(occurrences, n):
        if len({page.place(b.index) for b, _, _ in places}) < params["min_paragraphs"]:
            continue
        if any(_whole(place) for place in places):
            continue  # a paragraph repeated whole: duplicate text (BP004), not a phrase
        yield _hit(doc, longest, places)


def _whole(place: tuple[Block, int, int]) -> bool:
    """The phrase is its paragraph's every word."""
    block, start, end = place
    return PHRASE_WORD.search(block.text[:start]) is None and (
        PHRASE_WORD.search(block.text, end) is None
    )


Place = tuple[Block, int, int]


def _families(
    occurrences: dict[str, list[Place]], n: int
) -> Iterator[tuple[list[Place], list[Place]]]:
    """Phrases that share an ``n``-gram, as one family each: the places of its longest
    phrase, and the places of all its phrases."""
    parent = {phrase: phrase for phrase in occurrences}

    def root(phrase: str) -> str:
        while parent[phrase] != phrase:
            parent[phrase] = parent[parent[phrase]]
            phrase = parent[phrase]
        return phrase

    owner: dict[tuple[str, ...], str] = {}
    for phrase in occurrences:
        for gram in _grams(phrase.split(), n):
            parent[root(phrase)] = root(owner.setdefault(gram, phrase))
    families: dict[str, list[str]] = defaultdict(list)
    for phrase in occurrences:
        families[root(phrase)].append(phrase)
    for members in families.values():
        longest = max(members, key=lambda p: (len(p.split()), len(occurrences[p])))
        yield occurrences[longest], [place for p in members for place in occurrences[p]]


def _hit(doc: Document, longest: list[Place], places: list[Place]) -> Hit:
    """One hit for a family: on its longest phrase's second occurrence (its only one if
    it occurs once), the family's other paragraphs as related places, in page order."""
    block, start, end = longest[1] if len(longest) > 1 else longest[0]
    seen = {block.index}
    others: list[Place] = []
    for place in sorted(places, key=lambda p: (p[0].index, p[1])):
        if place[0].index not in seen:
            seen.add(place[0].index)
            others.append(place)
    hit = block_hit(block, start, end, count=len(seen), phrase=block.text[start:end])
    hit.related = [related_at(doc, b, s, e) for b, s, e in others]
    hit.args["line"] = hit.related[0].line
    return hit
