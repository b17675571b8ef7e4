"""The same long phrase repeated across paragraphs beyond what the topic explains.

An article about "healthcare management and healthcare administration" repeats those
words by necessity; an article that repeats "make informed career decisions about their
future" in four paragraphs was padded or stitched from templates. Word n-grams of
``min_words`` words that occur in ``min_paragraphs`` paragraphs (FAQ answers and quotes
count too) are merged into maximal phrases. A phrase counts when at least
``min_content_words`` of its words are neither stop words nor topic words (from the
title and headings) and fewer than half of its other words are capitalised (names
repeat by convention). One hit per phrase,
at its second occurrence, with the others as related places.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from itertools import chain
from typing import Any

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
    blocks = [b for b in doc.body_blocks() if b.kind in (PARAGRAPH, FAQ_ANSWER, QUOTE)]
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
    for _phrase, places in occurrences.items():
        if len({b.index for b, _, _ in places}) < params["min_paragraphs"]:
            continue
        first, *later = places
        block, start, end = later[0]
        hit = block_hit(block, start, end, count=len(places), phrase=block.text[start:end])
        hit.related = [related_at(doc, b, s, e) for b, s, e in [first, *later[1:]]]
        hit.args["line"] = hit.related[0].line
        yield hit
