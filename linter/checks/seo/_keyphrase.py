"""Keyphrase matching: phrases found in text (by the words and plural-blind stems of
``linter.lexicon``), the keyphrase a page is about, its density, and the numbers the
keyphrase messages show."""

from __future__ import annotations

from linter.lexicon import FUNCTION_WORDS, KEYPHRASE_TITLE_SPLIT, KEYPHRASE_WORD, keyphrase_stem
from linter.model import Block, Document


def words_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """``(stem, start, end)`` for each word of ``text``."""
    return [(keyphrase_stem(m.group()), m.start(), m.end()) for m in KEYPHRASE_WORD.finditer(text)]


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """The stems of the words of ``phrase`` (the words of ``words_with_offsets``)."""
    return tuple(map(keyphrase_stem, KEYPHRASE_WORD.findall(phrase)))


def find_phrase(text: str, stems: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of ``text`` where the keyphrase occurs: same words in order, any case, plural
    or singular."""
    if not stems:
        return []
    words = words_with_offsets(text)
    size = len(stems)
    spans = []
    i = 0
    while i + size <= len(words):
        if all(words[i + k][0] == stems[k] for k in range(size)):
            spans.append((words[i][1], words[i + size - 1][2]))
            i += size
        else:
            i += 1
    return spans


# An inferred keyphrase longer than this is a headline, not a search phrase: keyphrase
# checks on it would report every page, so none are made.
MAX_INFERRED_WORDS = 5


def keyphrase(doc: Document, given: str, infer: bool) -> str:
    """The keyphrase the user gave, or one inferred from the title when asked: the title
    without the site name (``og:site_name``), then its first segment ("Pruning Roses" of
    "Pruning Roses: A Guide | Garden Co"); "" when that is still a long headline."""
    given = " ".join(given.split())
    if given or not infer or not doc.title:
        return given
    segments = [s.strip() for s in KEYPHRASE_TITLE_SPLIT.split(doc.title) if s.strip()]
    site = " ".join((doc.meta.og_site_name or "").split()).casefold()
    if site:
        segments = [s for s in segments if s.casefold() != site] or segments
    phrase = segments[0] if segments else ""
    return phrase if len(phrase_stems(phrase)) <= MAX_INFERRED_WORDS else ""


def mentions(text: str, stems: tuple[str, ...]) -> bool:
    """Whether ``text`` contains the keyphrase: in order, or (as Yoast accepts in titles,
    headings and descriptions) all its content words in any order."""
    if find_phrase(text, stems):
        return True
    content = {s for s in stems if s not in FUNCTION_WORDS}
    return bool(content) and content <= {w for w, _, _ in words_with_offsets(text)}


def keyphrase_places(doc: Document, stems: tuple[str, ...]) -> list[tuple[Block, tuple[int, int]]]:
    """Where the keyphrase occurs in the body: ``(block, span of block.text)``."""
    return [(b, s) for b in doc.body_blocks() for s in find_phrase(b.text, stems)]


def keyphrase_density(
    doc: Document, stems: tuple[str, ...]
) -> tuple[list[tuple[Block, tuple[int, int]]], float]:
    """``keyphrase_places`` and the keyphrase's density: occurrences per 100 body words
    (SEO020 reports it out of range, SEO021 far above it)."""
    places = keyphrase_places(doc, stems)
    return places, 100 * len(places) / doc.word_count


def normalised(text: str) -> str:
    """Case- and punctuation-insensitive form, for comparing a title with an H1."""
    return " ".join(m.group().casefold() for m in KEYPHRASE_WORD.finditer(text))


def percent(value: float) -> str:
    """A share for messages without misleading rounding: 0.49 stays 0.49, not 0.5."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def count_text(count: int) -> str:
    return {0: "not used", 1: "used once", 2: "used twice"}.get(count, f"used {count} times")
