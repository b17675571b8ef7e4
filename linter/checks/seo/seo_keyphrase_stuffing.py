"""Keyword stuffing, by two signs.

The keyphrase's density (``keyphrase_density``) over ``max_density``, reported at its
first occurrence; else the phrase of ``ngram`` or more word stems, starting and ending
with a content word (not in ``STUFFING_STOP_WORDS``), found in the most sentences and
grown to the longest phrase those sentences share, reported at its first sentence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import compress
from operator import and_
from typing import Any

from linter.checks.base import COUNT, FLAG, NUMBER, TEXT, Hit, Param, block_hit, sentence_hit
from linter.checks.seo._keyphrase import (
    keyphrase,
    keyphrase_density,
    percent,
    phrase_stems,
    words_with_offsets,
)
from linter.lexicon import STUFFING_STOP_WORDS
from linter.message import plural
from linter.model import Document, Sentence

PARAMS: dict[str, Param] = {
    "keyphrase": TEXT,
    "infer": FLAG,
    "max_density": NUMBER,
    "min_words": COUNT,
    "ngram": COUNT,
    "min_sentences": COUNT,
    "min_share": NUMBER,
}

Place = tuple[Sentence, tuple[str, ...], int]  # sentence, its word stems, phrase start


def _common_enough(stems: list[tuple[str, ...]], needed: float) -> bool:
    """Whether some content word is in at least ``needed`` sentences.

    Every phrase ``_repeated_phrase`` counts starts with a content word, so it can be in
    no more sentences than that word: on most pages no word comes near the threshold,
    and counting words (in C) spares counting n-grams (in Python).
    """
    counts: Counter[str] = Counter()
    for words in stems:
        counts.update(set(words) - STUFFING_STOP_WORDS)
    return max(counts.values(), default=0) >= needed


def _repeated_phrase(
    sentences: list[Sentence], stems: list[tuple[str, ...]], size: int
) -> tuple[int, list[Place]] | None:
    """The n-gram found in the most sentences, grown to the longest phrase all those
    sentences share ("buy cheap rose bushes today" rather than "buy cheap rose"), with
    its length in words and its first place in each sentence. ``stems`` holds the word
    stems of each sentence."""
    if size < 2:
        return None  # no phrase of one word has the two content words asked for
    seen: dict[tuple[str, ...], list[Place]] = defaultdict(list)
    last = size - 1
    for sentence, words in zip(sentences, stems, strict=True):
        # A phrase starts and ends with a content word; with size >= 2 that makes the
        # two content words it needs. ``compress`` keeps the starts where both are.
        content = [w not in STUFFING_STOP_WORDS for w in words]
        starts = compress(range(len(words) - last), map(and_, content, content[last:]))
        done = set()
        for i in starts:
            gram = words[i : i + size]
            if gram in done:
                continue
            done.add(gram)
            seen[gram].append((sentence, words, i))
    if not seen:
        return None
    places = seen[max(seen, key=lambda g: len(seen[g]))]

    def same(offset: int) -> bool:
        """Whether every place has the same word at ``offset`` from its start."""
        picked = set()
        for _, words, i in places:
            if not 0 <= i + offset < len(words):
                return False
            picked.add(words[i + offset])
        return len(picked) == 1

    while same(size):
        size += 1
    while same(-1):
        places = [(sentence, words, i - 1) for sentence, words, i in places]
        size += 1
    return size, places


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    words = doc.word_count
    if words < params["min_words"]:
        return
    phrase = keyphrase(doc, params["keyphrase"], params["infer"])
    stems = phrase_stems(phrase)
    if stems:
        places, density = keyphrase_density(doc, stems)
        if density > params["max_density"]:
            block, (start, end) = places[0]
            yield block_hit(block, start, end, phrase=phrase, count=len(places),
                            why=f"{percent(density)} % of {plural(words, 'word')}")  # fmt: skip
            return
    sentences = doc.sentences
    # Stems only: offsets are needed for the one place reported, found below.
    sentence_stems = [phrase_stems(sentence.text) for sentence in sentences]
    needed = max(params["min_sentences"], params["min_share"] * len(sentences))
    if not _common_enough(sentence_stems, needed):
        return
    found = _repeated_phrase(sentences, sentence_stems, params["ngram"])
    if found is None:
        return
    size, places = found
    if len(places) < params["min_sentences"] or len(places) < params["min_share"] * len(sentences):
        return
    sentence, _, i = places[0]
    words = words_with_offsets(sentence.text)
    start, end = words[i][1], words[i + size - 1][2]
    text = sentence.text[start:end]
    hit = sentence_hit(sentence)
    hit.start, hit.end = sentence.block.source_span(sentence.start + start, sentence.start + end)
    hit.excerpt = text
    hit.args = {"phrase": text, "count": len(places),
                "why": f"in {len(places)} of {plural(len(sentences), 'sentence')}"}  # fmt: skip
    yield hit
