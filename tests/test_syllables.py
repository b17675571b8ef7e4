"""The lint path's syllable counter is textstat's, only faster.

``count_syllables`` (``linter/checks/readability/_syllables.py``) runs textstat's algorithm with a per-word cache and
looks words up by binary search over the CMU lines; these tests keep it equal to
textstat (offline) and the lookup equal to the parsed table.
"""

from __future__ import annotations

import pytest
from conftest import CORPUS, SAMPLES

from linter.checks.readability._syllables import (
    count_syllables,
    dictionary_syllables,
    syllable_table,
)
from linter.checks.readability._textstat import offline_textstat

TRICKY = [
    "",
    "Don't panic: it's 3'5 and 'quoted' 'Tis rock'n'roll.",
    "“Curly” quotes, an em—dash, e.g. and i.e., U.S.A., 2024, ½, x², _under_score_",
    "ÉCOLE naïve café Straße 東京 İstanbul ΟΔΟΣ",
    "well-known state-of-the-art a(2) zzzzqx contentlint",
    "He said 'yes'. She'd've said ’no’; we'll see, they're here, I'm done.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_count_syllables_matches_textstat(text):
    assert count_syllables(text) == offline_textstat().syllable_count(text)


def test_count_syllables_matches_textstat_on_real_text():
    from linter.read import read_path

    paths = sorted(SAMPLES.glob("*.*"))
    if CORPUS.exists():
        paths += sorted(CORPUS.glob("*.htm*"))[::25]
    textstat = offline_textstat()
    for path in paths:
        for block in read_path(str(path)).blocks:
            assert count_syllables(block.text) == textstat.syllable_count(block.text), block.text


def test_words_without_letters_count_one_syllable_in_pyphen():
    """textstat asks Pyphen about words without letters; none of its patterns matches."""
    from pyphen import Pyphen

    pyphen = Pyphen(lang="en_US")
    for word in ("2024", "3", "'", "_", "½", "42'"):
        assert len(pyphen.positions(word)) + 1 == 1


def test_dictionary_lookup_matches_the_table():
    table = syllable_table()
    assert all(dictionary_syllables(word) == count for word, count in table.items())
    for word in ("zzzzqx", "a(2)", "abandon)", "", "abandon ", "aardvark's"):
        assert dictionary_syllables(word) == table.get(word)
