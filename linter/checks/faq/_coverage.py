"""Whether the FAQ answers a question or topic, judged by meaning, not spelling.

Words are stemmed (Snowball) and mapped to synonym groups (``linter/data/
faq_synonyms.txt``), so "earning potential" covers "salary". FQ011 to FQ013 and SITE006
read it, and FQ002/FQ003 compare questions and answers by the same concepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Protocol

from linter.checks.base import Hit
from linter.checks.faq._entries import faq_anchor, faq_entries
from linter.checks.faq._text import QUOTES, WH
from linter.lexicon import (
    CASED_WORD,
    COVERAGE_STOP,
    COVERAGE_WORD,
    HOW_LONG,
    HOW_MANY_UNITS,
    HOW_MUCH,
    MONEY,
    NUMBER_WORDS,
    PARTICLE_COMPOUND,
    STOP_WORDS,
    TIME_UNITS,
    concept_stem,
    word_senses,
)
from linter.model import HEADING, Document


@cache
def synonyms() -> dict[tuple[str, ...], str]:
    """Stemmed term (as a tuple of stems) → the stem naming its group."""
    table: dict[tuple[str, ...], str] = {}
    text = (resources.files("linter") / "data" / "faq_synonyms.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        terms = [t.strip().lower() for t in line.split(",") if t.strip()]
        head = " ".join(concept_stem(w) for w in COVERAGE_WORD.findall(terms[0]))
        for term in terms:
            key = tuple(concept_stem(w) for w in COVERAGE_WORD.findall(term))
            if key:
                table.setdefault(key, head)
    return table


def _phrases(
    stems: Sequence[str],
    keep: Sequence[int],
    table: dict[tuple[str, ...], str],
    found: set[str],
    sizes: tuple[int, ...] = (3, 2),
) -> list[int]:
    """Add the groups of phrases made of ``stems[keep]``; return the positions left over."""
    left: list[int] = []
    i = 0
    while i < len(keep):
        for size in sizes:
            key = tuple(stems[k] for k in keep[i : i + size])
            group = table.get(key) if len(key) == size else None
            if group is not None:
                found.add(group)
                i += size
                break
        else:
            left.append(keep[i])
            i += 1
    return left


def concepts(text: str) -> frozenset[str]:
    """Content stems of ``text``, each mapped to its synonym group.

    Phrases are matched twice: on every word first ("how long" is made of stop words),
    then on the content words alone, so "makes more sense" still matches "make sense".
    """
    words = COVERAGE_WORD.findall(text.translate(QUOTES).lower())
    stems = [concept_stem(w.removesuffix("'s")) for w in words]
    table = synonyms()
    found: set[str] = set()
    left = _phrases(stems, range(len(words)), table, found)
    content = [i for i in left if words[i] not in STOP_WORDS and not words[i].isdigit()]
    for i in _phrases(stems, content, table, found):
        found.add(table.get((stems[i],), stems[i]))
    return frozenset(found)


@dataclass(slots=True)
class Coverage:
    """How well the best FAQ entry covers a query; ``entry`` is None when none shares a term.

    ``why`` says what decided it, for tests and tuning ("name Brava 3 not on the page").
    """

    entry: Any
    score: float
    why: str = ""


class _Entry(Protocol):
    """What coverage reads of an FAQ entry: a ``FaqEntry`` or a site rule's ``FaqItem``."""

    @property
    def text(self) -> str: ...

    @property
    def answer_text(self) -> str: ...


# What a question asks for, when a word says it: the answer must be of that kind.
COST, DURATION = "cost", "duration"
# The synonym group standing for each (first terms of faq_synonyms.txt lines, stemmed).
FOCUS_GROUP = {COST: "cost", DURATION: "durat"}
# Nouns name what a question is about; verbs, and adjectives and adverbs more so, are
# often just how the reader happens to phrase it ("typical pay", "suffer from").
KIND_WEIGHT = {"a": 0.5, "r": 0.5}


@dataclass(frozen=True, slots=True)
class Terms:
    """A text as coverage compares it: what each content word can mean, and its names."""

    words: tuple[frozenset[str], ...]  # per content word: stem, synonym group, senses
    weights: tuple[float, ...]  # per content word: 1 for a noun, less for a modifier
    meanings: frozenset[str]  # every meaning of every word, to look words up in
    names: tuple[str, ...]  # names and model numbers, lower case ("brava 3" as "3")
    focus: str  # COST, DURATION or ""


def _single(stem: str, table: dict[tuple[str, ...], str], found: set[str]) -> bool:
    """Add the group of a stop word that stands for one ("when"); whether it had one."""
    group = table.get((stem,))
    if group is not None:
        found.add(group)
    return group is not None


def _meanings(stem: str) -> frozenset[str]:
    table = synonyms()
    keys = {stem, table.get((stem,), stem)}
    keys.update(word_senses().of_stem.get(stem, ()))
    return frozenset(keys)


def _broader(meanings: frozenset[str]) -> frozenset[str]:
    """A query word's meanings plus the broader senses that cover it ("terrier": dog)."""
    broader = word_senses().broader
    return meanings.union(*(broader.get(m, ()) for m in meanings))


def _names(text: str) -> tuple[str, ...]:
    """Names in ``text``: capitalised words not opening a sentence (in a Title Case
    heading, only words no dictionary knows), words with digits ("5K", "X2") and numbers
    that follow a name ("Brava 3"). All-capital abbreviations ("UX", "GP") are words."""
    words = CASED_WORD.findall(text)
    capital = [w[0].isupper() for w in words]
    title_case = len(words) >= 3 and sum(capital) / len(words) > 0.6
    names: list[str] = []
    after_name = False
    for i, word in enumerate(words):
        lower = word.lower()
        is_name = False
        if any(c.isdigit() for c in word):
            is_name = after_name or not word.isdigit()
        elif capital[i] and i > 0 and word.split("'")[0] != "I" and not word.isupper():
            known = concept_stem(lower) in word_senses().of_stem or lower in STOP_WORDS
            is_name = not (title_case and known) and not text[: text.find(word)].rstrip().endswith(
                (".", "!", "?", ":")
            )
        if is_name:
            names.append(lower)
        after_name = is_name
    return tuple(names)


def _focus(text: str, meanings: frozenset[str]) -> str:
    lower = " ".join(COVERAGE_WORD.findall(text.translate(QUOTES).lower()))
    if HOW_LONG.search(lower):
        return DURATION
    salary = synonyms().get(("salari",), "salari")
    if HOW_MUCH.search(lower) and salary not in meanings:
        return COST
    return ""


@lru_cache(maxsize=1024)
def terms(text: str) -> Terms:
    """The ``Terms`` of a question or answer (cached: FAQ entries are compared often;
    bounded, for an audit's FAQ-gap rule meets every question of the site).

    "check-in" is one word here, not "check"; "how many weeks" asks how long.
    """
    lower = PARTICLE_COMPOUND.sub(r"\1\2", text.translate(QUOTES).lower())
    words = COVERAGE_WORD.findall(HOW_MANY_UNITS.sub("how long", lower))
    stems = [concept_stem(w.removesuffix("'s")) for w in words]
    table = synonyms()
    groups: set[str] = set()
    # phrases of any words first ("how long", "when"), then of content words
    left = _phrases(stems, range(len(words)), table, groups, (3, 2))
    left = [i for i in left if not (words[i] in STOP_WORDS and _single(stems[i], table, groups))]
    content = [i for i in left if words[i] not in COVERAGE_STOP and not words[i].isdigit()]
    singles = _phrases(stems, content, table, groups)
    per_word = [frozenset({g}) | _meanings(g) for g in groups]
    per_word += [_meanings(stems[i]) for i in singles]
    kinds = word_senses().kind
    weights = [1.0] * len(groups) + [
        KIND_WEIGHT.get(kinds.get(stems[i], "n"), 1.0) for i in singles
    ]
    meanings = frozenset().union(*per_word)
    focus = _focus(text, meanings)
    if focus and FOCUS_GROUP[focus] not in meanings:
        per_word.append(frozenset({FOCUS_GROUP[focus]}))
        weights.append(1.0)
        meanings |= per_word[-1]
    return Terms(tuple(per_word), tuple(weights), meanings, _names(text), focus)


def _answers_focus(focus: str, question: Terms, answer: str) -> bool:
    """Whether an entry answers a cost or duration question: its question asks the same,
    or its answer gives a price or a length of time."""
    if not focus or question.focus == focus:
        return True
    if FOCUS_GROUP[focus] in question.meanings:
        return True
    if focus == COST:
        return MONEY.search(answer) is not None
    words = COVERAGE_WORD.findall(answer.lower())
    return any(
        w in TIME_UNITS and i and (words[i - 1].isdigit() or words[i - 1] in NUMBER_WORDS)
        for i, w in enumerate(words)
    )


def coverage(
    query: str, entries: Sequence[_Entry], answer_weight: float = 0.5, page: str = ""
) -> Coverage:
    """The FAQ entry that best covers ``query`` and how well (0..1).

    Each content word of the query is weighted ``1 / (1 + n)``, ``n`` being how many FAQ
    questions contain it: the article's topic words ("healthcare administration") sit in
    every question and say little about which one answers the query, while a rare word
    ("salary", "freeze") decides it. A word is found in an entry when they share a
    stem, a synonym group or a WordNet sense, or the entry has a broader sense of it. An
    entry earns a word's full weight when its question has it and ``answer_weight`` of
    it when only its answer does, and the answer never adds more than the question
    earned: an answer that merely mentions pay does not make the FAQ answer "What is the
    salary?".

    Two things no score makes up for: a name of the query (a product, brand, place,
    model number) that neither the entry nor the ``page`` (nor any FAQ entry) mentions
    means the query is about something else ("Orbit Home Internet" against an FAQ about
    Orbit's phone plans); and a query asking how much or how long is covered only by an
    entry asking that too, or answering with a price or a length of time.
    """
    query_terms = terms(query)
    best = Coverage(None, 0.0)
    if not query_terms.words or not entries:
        return best
    questions = [terms(entry.text) for entry in entries]
    answers = [terms(entry.answer_text) for entry in entries]
    wanted = [_broader(word) for word in query_terms.words]
    seen = " ".join([page, *(e.text + " " + e.answer_text for e in entries)]).lower()
    strangers = [n for n in query_terms.names if not re.search(rf"\b{re.escape(n)}\b", seen)]
    if strangers:
        return Coverage(None, 0.0, f"name {' '.join(strangers)} not on the page")
    weight = [
        kind / (1 + sum(not w.isdisjoint(q.meanings) for q in questions))
        for w, kind in zip(wanted, query_terms.weights, strict=True)
    ]
    total = sum(weight)
    for entry, question, answer in zip(entries, questions, answers, strict=True):
        if not _answers_focus(query_terms.focus, question, entry.answer_text):
            continue
        asked = told = 0.0
        for word, share in zip(wanted, weight, strict=True):
            if not word.isdisjoint(question.meanings):
                asked += share
            elif not word.isdisjoint(answer.meanings):
                told += answer_weight * share
        score = (asked + min(told, asked)) / total
        if score > best.score:
            best = Coverage(entry, score)
    return best


def covered(
    query: str,
    entries: Sequence[_Entry],
    threshold: float,
    answer_weight: float = 0.5,
    page: str = "",
) -> bool:
    """Whether the FAQ answers ``query``: see ``coverage``."""
    return coverage(query, entries, answer_weight, page).score >= threshold


def question_signature(text: str) -> tuple[str, frozenset[str]]:
    """The question word and content concepts of a question, for near-duplicates.

    Comparing all words makes "How often should I water my cactus?" and "How often
    should you water a cactus?" differ by a third; the content (often, water, cactus) and
    the kind of question (how) are what make them the same question.
    """
    words = COVERAGE_WORD.findall(text.translate(QUOTES).lower())
    wh = next((w for w in words[:4] if w in WH), "")
    return wh, concepts(text)


# --- topics the FAQ must cover (FQ011, FQ012) --------------------------------------------


def uncovered_topics(doc: Document, topics: list[str], params: Mapping[str, Any]) -> Iterator[Hit]:
    """One hit at the FAQ (or the article's first heading) per topic the FAQ misses."""
    topics = [t.strip() for t in topics if t.strip()]
    if not topics:
        return
    entries = faq_entries(doc)
    start, end, excerpt = faq_anchor(doc)
    where = "The FAQ" if entries else "This article has no FAQ, so it"
    page = page_text(doc)
    for topic in topics:
        if not covered(topic, entries, params["threshold"], params["answer_weight"], page):
            yield Hit(start, end, {"topic": topic, "where": where}, excerpt=excerpt)


def page_text(doc: Document) -> str:
    """What names the page's own subject: its title and top headings. A query's names
    are looked for there and in the FAQ, the same for FQ011 to FQ013 whatever else the
    page says."""
    heads = [b.text for b in doc.blocks if b.kind == HEADING and b.level == 1]
    return " ".join([doc.title or "", *heads])
