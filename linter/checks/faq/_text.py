"""Question text: what reads as a question, matching keys and likeness of two texts.

Shared by the visible FAQ (``_entries``), its markup (``_schema``) and coverage
(``_coverage``), so every FAQ rule folds case, quotes and numbering the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from linter.entities import unescape
from linter.lexicon import QUESTION_LETTERS, wordset

# "1. ", "Q2: ", "Question 3." at the start of a question whose reader left the number in.
NUMBER_PREFIX = re.compile(r"\s*(?:Q(?:uestion)?\s*)?(\d{1,3})\s*[.):]\s+", re.IGNORECASE)
# Curly quotes folded to straight ones before words are compared.
QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_TAG = re.compile(r"<[^>]*>")
_NON_WORD = re.compile(r"[^\w']+")


WH = wordset("what how why when which who whom whose where")
_AUX = wordset("is are was were do does did can could should will would to much many long often")
_YES_NO = wordset("can is are do does did should will would could may")
_SUBJECT = wordset("i you we it they there this that a an the my your our he she")


def looks_like_question(text: str) -> bool:
    """Ends with "?", or reads as one: "How to ...", "What Is ...", "Can You ...".

    "How the Work Differs" starts with a question word but is a statement, so a question
    word must be followed by a verb-like word, and a yes/no question by its subject.
    """
    if text.rstrip().endswith("?"):
        return True
    words = [w.lower() for w in QUESTION_LETTERS.findall(text)]
    if len(words) < 3:
        return False
    if words[0] in WH:
        return words[1] in _AUX
    return words[0] in _YES_NO and words[1] in _SUBJECT


def strip_markup(text: str) -> str:
    """Visible text of a JSON-LD string that may hold HTML (answers often do)."""
    return unescape(_TAG.sub(" ", text))


def normalise(text: str) -> str:
    """Case, punctuation, curly quotes and white space folded, for matching questions."""
    text = text.translate(QUOTES).lower()
    return " ".join(_NON_WORD.sub(" ", text).replace("'", "").split())


def question_key(text: str) -> str:
    """``normalise`` after dropping a leading number ("2. How ...?")."""
    match = NUMBER_PREFIX.match(text)
    if match and match.end() < len(text):
        text = text[match.end() :]
    return normalise(text)


def quoted(text: str, limit: int = 80) -> str:
    """``text`` on one line and cut to ``limit`` characters, for quoting in a message: a
    JSON-LD question can be any length, and a message is read on one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# difflib's ratio costs time quadratic in the length compared: character by character up
# to this many characters in all (about 0.3 s at worst, on repetitive text), word by word up to this many
# words, and beyond that the overlap of the two bags of words (linear, an upper bound of
# the ratio: reordered words count as alike), so one huge answer cannot stall a page.
SIMILARITY_MAX_CHARS = 3_000
SIMILARITY_MAX_WORDS = 4_000


def similarity(a: str, b: str) -> float:
    """0..1 likeness of two normalised texts (difflib ratio, with cheap early exits)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if len(a) + len(b) <= SIMILARITY_MAX_CHARS:
        return _ratio(a, b)
    words_a, words_b = a.split(), b.split()
    if len(words_a) + len(words_b) <= SIMILARITY_MAX_WORDS:
        return _ratio(words_a, words_b)
    return SequenceMatcher(None, words_a, words_b, autojunk=False).quick_ratio()


def _ratio(a: Sequence[str], b: Sequence[str]) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return matcher.quick_ratio()
    return matcher.ratio()


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0
