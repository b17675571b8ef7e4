"""Shortcuts the page checks take for speed must not change what they find.

Each test holds a fast path to the plain computation it replaces, on ordinary text and
on the edge cases the shortcut depends on (characters that ``re.IGNORECASE`` folds but
``str.lower`` does not, empty text, trailing quotes and stops).
"""

from __future__ import annotations

import re

import pytest

from linter.checks.boilerplate import duplicate_text
from linter.checks.contradiction import _words
from linter.checks.hygiene import doubled_word, mojibake, unbalanced
from linter.checks.readability import _passive, _sentences
from linter.checks.seo import _keyphrase
from linter.checks.seo.seo_keyphrase_stuffing import _common_enough
from linter.lexicon import STUFFING_STOP_WORDS
from linter.nlp import pipeline

TEXTS = [
    "",
    " ",
    "The course takes 3 years and costs $9,000 a year.",
    "Tuition rose 5 per cent; the 60-credit program requires 4 core courses.",
    "UNİT 3 has 12 claſses over 4 wee\u212as.",  # İ, ſ and the Kelvin sign under re.I
    "Students may take it if they want, often in the evening.",
    "It is not required for admission, but it is recommended.",
    'A “quoted” phrase, a (bracket) and a 12" screen.',
    'He said "yes and left',
    "Copy this sentence. ”)",
    "Trailing stops and spaces … ; : ! ?  ",
    "donâ€™t and Ã© and â€",
]


def _flat_terms(words: list[str]) -> re.Pattern[str]:
    """``_words.terms`` as it was: one flat alternation, longest first."""
    parts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)


@pytest.mark.parametrize("kind", ["hedges", "conditions", "predicates"])
def test_grouped_terms_match_like_the_flat_list(kind: str) -> None:
    words = _words.lexicon()[kind]
    grouped, flat = _words.terms(words), _flat_terms(words)
    samples = [*TEXTS, " ".join(words), " ".join(w.upper() for w in words)]
    for text in samples:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_duplicate_keys_and_prose_ends() -> None:
    trailing = re.compile(r"[\s.!?;:…]+$")
    prose_end = re.compile(r"[.!?…][\"”’')\]]*$")
    for text in TEXTS:
        assert duplicate_text._key(text) == trailing.sub("", " ".join(text.split()).lower())
        for min_words in (0, 3):
            expected = len(text.split()) >= min_words and bool(prose_end.search(text.rstrip()))
            assert duplicate_text._is_prose(text, min_words) == expected, text


def test_unmatched_quote_without_marks_and_code_test() -> None:
    assert unbalanced._unmatched_quote("No quotation marks here.") is None
    assert unbalanced._unmatched_quote('He said "yes and left') is not None
    assert not unbalanced._looks_like_code("a[b];")  # short text: never code by ratio
    assert unbalanced._looks_like_code("x = {a: [1]; b: [2]; c: [3]; d: [4]; e: [5]};")


def test_repeat_starts_on_edge_documents() -> None:
    nlp = pipeline()
    assert doubled_word._repeat_starts(nlp("")) == []
    assert doubled_word._repeat_starts(nlp("word")) == []
    assert doubled_word._repeat_starts(nlp("the The  \n the cat cat")) == [0, 1, 4]


def test_mojibake_skips_only_ascii_blocks() -> None:
    for pattern in (mojibake._RUN, mojibake._TRUNCATED, mojibake._LOST_NBSP):
        assert pattern.search("plain ASCII text with A and a") is None
        assert pattern.search(TEXTS[-1]) is not None or pattern is mojibake._LOST_NBSP


def test_stuffing_pretest_counts_sentences_not_words() -> None:
    stems = [_keyphrase.phrase_stems("rose rose bush"), _keyphrase.phrase_stems("the rose")]
    assert "rose" not in STUFFING_STOP_WORDS
    assert _common_enough(stems, 2)
    assert not _common_enough(stems, 3)
    assert not _common_enough([], 1)


def test_aux_hashes_are_the_lowercase_forms() -> None:
    nlp = pipeline()
    forms = _passive._BE | _passive._GET
    hashes = _passive._aux_hashes()
    assert hashes == {nlp.vocab.strings.add(form) for form in forms}
    text = "They're here, I’m sure: it WAS, Is and GETS done; Getting BEEN got gotten am are."
    for token in nlp(" ".join([text, *sorted(forms)])):
        assert (token.lower in hashes) == (token.lower_ in forms), token.text


def _plain_opener(span: object) -> str | None:
    """``_sentences.sentence_opener`` as it was, over ``reversed(span)`` and ``span[:3]``."""
    last = next((t.text for t in reversed(span) if t.text not in _sentences._CLOSERS), "")
    if not last or last[-1] not in _sentences._ENDS:
        return None
    for token in span[:3]:
        if token.is_alpha:
            return token.lower_
        if token.text in _sentences._BULLETS or not token.is_punct:
            return None
    return None


def test_opener_by_index_like_the_plain_one() -> None:
    nlp = pipeline()
    extra = ["• Item one.", "1. First step.", "“Quoted,” he said.”)", "Hi", "- a", "(Yes.)"]
    for text in [*TEXTS, *extra]:
        doc = nlp(text)
        spans = [*doc.sents, doc[0:0], doc[1:], doc[: max(len(doc) - 1, 0)]]
        for span in spans:
            assert _sentences.sentence_opener(span) == _plain_opener(span), (text, span.text)
