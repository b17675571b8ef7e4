"""Whether the FAQ answers a question or topic, judged by meaning, not spelling.

Words are stemmed (Snowball) and mapped to synonym groups (``linter/data/
faq_synonyms.txt``), so "earning potential" covers "salary". FQ011 to FQ013 and SITE006
read it, and FQ002/FQ003 compare questions and answers by the same concepts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from linter.checks.base import Hit
from linter.checks.faq._entries import FaqEntry, faq_anchor, faq_entries
from linter.checks.faq._text import QUOTES, WH
from linter.lexicon import COVERAGE_WORD, STOP_WORDS, concept_stem
from linter.model import Document


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
    stems: Sequence[str], keep: Sequence[int], table: dict[tuple[str, ...], str], found: set[str]
) -> list[int]:
    """Add the groups of phrases made of ``stems[keep]``; return the positions left over."""
    left: list[int] = []
    i = 0
    while i < len(keep):
        for size in (3, 2):
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
    """How well the best FAQ entry covers a query; ``entry`` is None when none shares a term."""

    entry: FaqEntry | None
    score: float


def coverage(query: str, entries: Sequence[FaqEntry], answer_weight: float = 0.5) -> Coverage:
    """The FAQ entry that best covers ``query`` and how well (0..1).

    Each content concept of the query is weighted ``1 / (1 + n)``, ``n`` being how many
    FAQ questions contain it: the article's topic words ("healthcare administration")
    sit in every question and say little about which one answers the query, while a rare
    word ("salary", "freeze") decides it. An entry earns a concept's full weight when its
    question has it and ``answer_weight`` of it when only its answer does, and the answer
    never adds more than the question earned: an entry must be about the query by its
    question first, and an answer that merely mentions pay does not make the FAQ answer
    "What is the salary?". The score is the share of the query's weight the best entry
    earns.
    """
    wanted = concepts(query)
    best = Coverage(None, 0.0)
    if not wanted or not entries:
        return best
    questions = [concepts(entry.text) for entry in entries]
    weight = {c: 1 / (1 + sum(c in q for q in questions)) for c in wanted}
    total = sum(weight.values())
    for entry, in_question in zip(entries, questions, strict=True):
        in_answer = concepts(entry.answer_text) - in_question
        asked = sum(weight[c] for c in wanted & in_question)
        told = answer_weight * sum(weight[c] for c in wanted & in_answer)
        score = (asked + min(told, asked)) / total
        if score > best.score:
            best = Coverage(entry, score)
    return best


def covered(
    query: str, entries: Sequence[FaqEntry], threshold: float, answer_weight: float = 0.5
) -> bool:
    """Whether the FAQ answers ``query``: see ``coverage``."""
    return coverage(query, entries, answer_weight).score >= threshold


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
    for topic in topics:
        if not covered(topic, entries, params["threshold"], params["answer_weight"]):
            yield Hit(start, end, {"topic": topic, "where": where}, excerpt=excerpt)
