"""Readability statistics of a document, computed once and offline.

Words, syllables, sentence lengths, passive voice and the two Flesch formulas, over the
body sentences of ``_sentences``. The readability kinds and the ``scores`` entry of every
report read one ``TextStats`` cached on the document, so nothing is counted twice.
Blocks that are no prose (reference entries, code, link lists, bylines: ``_prose``)
are left out. Sentences and words come from the spaCy segmentation the rules share, not from
textstat's regex sentence counter, which splits "e.g." and "3.5" into sentences the rules
would never agree with; the Flesch formulas are then applied to those counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from linter.checks.readability._passive import Passive, find_passive
from linter.checks.readability._prose import prose_blocks
from linter.checks.readability._sentences import readable_sentences, sentence_opener
from linter.checks.readability._syllables import count_syllables
from linter.lexicon import DATELINE, NOTE_MARK, PROSE_WORD, wordset
from linter.model import Block, Document, Sentence

# Flesch (1948) reading ease and Kincaid et al. (1975) grade level, as textstat applies
# them to English: both read average words per sentence and syllables per word.
FRE_BASE, FRE_SENTENCE, FRE_WORD = 206.835, 1.015, 84.6
FK_SENTENCE, FK_WORD, FK_BASE = 0.39, 11.8, 15.59
# Yoast's "long sentence" limit, used for the long_sentence_share score.
LONG_SENTENCE_WORDS = 20

# Soft hyphens and zero-width characters sit inside words ("try\xading") in pasted or
# typeset text; they would split one word into two. Removed with a regex rather than
# ``str.translate``, which looks every character up in a dict: most text has none.
_INVISIBLE = re.compile("[\xad\u200b\u200c\u200d\u2060\ufeff]")


def words(text: str) -> list[str]:
    """The words of ``text`` as readability formulas count them (reference marks such as
    "[12]" are not words)."""
    if "[" in text:
        text = NOTE_MARK.sub("", text)
    return PROSE_WORD.findall(_INVISIBLE.sub("", text))


@dataclass(slots=True)
class SentenceStats:
    """Counts for one sentence; ``opener`` is its first word, lowercased (None when it
    starts with a number or symbol)."""

    sentence: Sentence
    words: int
    syllables: int
    opener: str | None
    passive: Passive | None


@dataclass
class TextStats:
    """Counts over the body's sentences, shared by the rules and the scores."""

    sentences: list[SentenceStats] = field(default_factory=list)
    english: bool = True
    _block_words: dict[int, int] = field(default_factory=dict, repr=False)

    def block_words(self, block: Block) -> int:
        """Words in a whole block, counted once however many rules ask."""
        count = self._block_words.get(id(block))
        if count is None:
            count = self._block_words[id(block)] = len(words(block.text))
        return count

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def syllables(self) -> int:
        return sum(s.syllables for s in self.sentences)

    def _averages(self) -> tuple[float, float] | None:
        count, total = len(self.sentences), self.words
        if not count or not total:
            return None
        return total / count, self.syllables / total

    def flesch_reading_ease(self) -> float | None:
        """Flesch reading ease: about 60-70 is plain English, below 30 is very hard."""
        averages = self._averages()
        if averages is None:
            return None
        return FRE_BASE - FRE_SENTENCE * averages[0] - FRE_WORD * averages[1]

    def flesch_kincaid_grade(self) -> float | None:
        """Flesch-Kincaid grade: the US school year that can read the text."""
        averages = self._averages()
        if averages is None:
            return None
        return FK_SENTENCE * averages[0] + FK_WORD * averages[1] - FK_BASE

    def longer_than(self, max_words: int) -> list[SentenceStats]:
        return [s for s in self.sentences if s.words > max_words]

    def share(self, part: int) -> float:
        """``part`` as a percentage of the sentences."""
        return 100.0 * part / len(self.sentences) if self.sentences else 0.0

    def anchor(self) -> SentenceStats:
        """Where a document-level finding goes: the first complete sentence of some
        length, not the dateline or byline a page starts with."""
        return next(
            (s for s in self.sentences if s.opener is not None and s.words >= 6),
            self.sentences[0],
        )

    def passives(self) -> list[Passive]:
        return [s.passive for s in self.sentences if s.passive is not None]


# The formulas a ``score`` rule may judge, by their key in a report's ``scores``.
SCORES: dict[str, Callable[[TextStats], float | None]] = {
    "flesch_reading_ease": TextStats.flesch_reading_ease,
    "flesch_kincaid_grade": TextStats.flesch_kincaid_grade,
}


def text_stats(doc: Document) -> TextStats:
    """The document's readability counts, computed once and shared by rules and scores."""
    return doc.memo("readability.stats", lambda: _count(doc))


def _without_dateline(sentence: Sentence) -> str:
    """The sentence without the dateline a news story opens with ("SEOUL (AP) — "): the
    place and agency are a label, not words of the sentence."""
    text = sentence.text
    if sentence.start == 0 and text[:1].isupper():
        m = DATELINE.match(text)
        if m is not None:
            return text[m.end() :]
    return text


def _count(doc: Document) -> TextStats:
    stats = TextStats()
    common = 0
    prose = prose_blocks(doc)
    for sentence in readable_sentences(doc):
        if sentence.block.index not in prose:
            continue  # a reference entry, code, links, a byline: not prose to score
        text = _without_dateline(sentence)
        found = words(text)
        if not any(word[0].isalpha() for word in found):
            continue  # "1." or "2024": no word to read
        common += sum(map(_ENGLISH.__contains__, map(str.lower, found)))
        stats.sentences.append(
            SentenceStats(
                sentence,
                len(found),
                count_syllables(text),
                sentence_opener(sentence.span),
                find_passive(sentence),
            )
        )
    if not _looks_english(stats.words, common):
        stats = TextStats(english=False)
    return stats


# Common English words that are not words in other languages written in Latin script
# ("a", "in", "on", "as" are left out for that reason).
_ENGLISH = wordset("the of and to is that for it with was are this by you not or have from at but")


def _looks_english(total: int, common: int) -> bool:
    """False for text in another language, whatever its ``lang`` attribute says.

    The formulas, syllables and participle lists are English; on German or Spanish text
    they produce confident nonsense. In English prose 15-35 % of the words are in
    ``_ENGLISH`` (more than 6 % even on list-heavy pages of the benchmark corpus); in
    other languages almost none are. Texts under 50 words are given the benefit of doubt.
    """
    return total < 50 or common >= 0.03 * total


def document_scores(doc: Document) -> dict[str, Any]:
    """The ``scores`` of a report: formulas, counts, and shares in percent.

    Empty for a document without body sentences, since a reading-ease figure for no text
    would be a number that means nothing.
    """
    stats = text_stats(doc)
    if not stats.sentences:
        return {}
    count = len(stats.sentences)
    return {
        "flesch_reading_ease": round(stats.flesch_reading_ease() or 0.0, 1),
        "flesch_kincaid_grade": round(stats.flesch_kincaid_grade() or 0.0, 1),
        "sentences": count,
        "words": stats.words,
        "words_per_sentence": round(stats.words / count, 1),
        "long_sentence_share": round(stats.share(len(stats.longer_than(LONG_SENTENCE_WORDS))), 1),
        "passive_share": round(stats.share(len(stats.passives())), 1),
    }
