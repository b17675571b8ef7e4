"""The FAQ model every ``faq_*`` check reads: visible entries, JSON-LD questions, coverage.

Readers only tag blocks as ``faq_question``/``faq_answer``; the checks need more than that
(which answers belong to which question, which FAQ section a question sits in, its number,
the matching ``FAQPage`` markup and where each marked-up question sits in the script).
Building it here once keeps each check a few lines long and makes every rule agree on what
"the FAQ" is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from linter.entities import unescape
from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    MAIN,
    PARAGRAPH,
    PROSE_KINDS,
    QUOTE,
    TABLE_CELL,
    TITLE,
    Block,
    Document,
    JsonLd,
)

# "1. ", "Q2: ", "Question 3." at the start of a question whose reader left the number in.
_NUMBER = re.compile(r"\s*(?:Q(?:uestion)?\s*)?(\d{1,3})\s*[.):]\s+", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_NON_WORD = re.compile(r"[^\w']+")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_LETTERS = re.compile(r"[A-Za-z']+")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WH = _wordset("what how why when which who whom whose where")
_AUX = _wordset("is are was were do does did can could should will would to much many long often")
_YES_NO = _wordset("can is are do does did should will would could may")
_SUBJECT = _wordset("i you we it they there this that a an the my your our he she")
# "Still have questions?", "Didn't find your answer?": a call to action closing an FAQ.
_CALL_TO_ACTION = re.compile(
    r"\W*(?:(?:do\s+you\s+)?(?:still\s+)?(?:have|got)\s+"
    r"(?:a|any|more|other|further|additional)?\s*questions?\b"
    r"|(?:any|more|other|further|additional)\s+questions?\b"
    r"|(?:didn[’']?t|did\s+not|can[’']?t|cannot|couldn[’']?t)\s+find\b)",
    re.IGNORECASE,
)
# Blocks that can carry an answer the reader did not attach (after a sub-heading).
_ANSWER_KINDS = frozenset({PARAGRAPH, LIST_ITEM, TABLE_CELL, QUOTE, FAQ_ANSWER})


def looks_like_question(text: str) -> bool:
    """Ends with "?", or reads as one: "How to ...", "What Is ...", "Can You ...".

    "How the Work Differs" starts with a question word but is a statement, so a question
    word must be followed by a verb-like word, and a yes/no question by its subject.
    """
    if text.rstrip().endswith("?"):
        return True
    words = [w.lower() for w in _LETTERS.findall(text)]
    if len(words) < 3:
        return False
    if words[0] in _WH:
        return words[1] in _AUX
    return words[0] in _YES_NO and words[1] in _SUBJECT


# --- visible FAQ ------------------------------------------------------------------------


@dataclass(slots=True)
class FaqEntry:
    """One visible question with its answer blocks.

    ``section`` is the index of the FAQ heading the question sits under (-1 for FAQ blocks
    recognised by markup alone, such as ``<details>`` or Yoast blocks with no heading);
    duplicates and numbering are judged per section. ``text_start`` skips a number the
    reader left in the question text ("1. What ...?").
    """

    question: Block
    answers: list[Block]
    number: int | None
    section: int
    text_start: int = 0

    @property
    def text(self) -> str:
        """The question without its number."""
        return self.question.text[self.text_start :].strip()

    @property
    def answer_text(self) -> str:
        return " ".join(b.text for b in self.answers)

    def answer_span(self) -> tuple[int, int]:
        """Source offsets from the first answer block's start to the last one's end."""
        start = self.answers[0].source_span()[0]
        end = self.answers[-1].source_span()[1]
        return start, max(start, end)


def faq_headings(doc: Document) -> list[Block]:
    """Headings the reader marked as starting an FAQ section."""
    return [b for b in doc.blocks if b.kind == HEADING and b.attrs.get("faq")]


def faq_entries(doc: Document) -> list[FaqEntry]:
    """Visible FAQ entries of the article body, in document order.

    Built once per document: a dozen FAQ rules read the same entries.
    """
    return doc.memo("faq.entries", lambda: _build_entries(doc))


def _build_entries(doc: Document) -> list[FaqEntry]:
    answers: dict[int, list[Block]] = {}
    for block in doc.blocks:
        if block.kind == FAQ_ANSWER and isinstance(block.attrs.get("question"), int):
            answers.setdefault(block.attrs["question"], []).append(block)
    entries: list[FaqEntry] = []
    section = -1
    section_level = 0
    for block in doc.blocks:
        if block.kind == HEADING:
            if block.attrs.get("faq"):
                section, section_level = block.index, block.level
            elif not block.attrs.get("faq_group") and block.level <= section_level:
                section, section_level = -1, 0
            continue
        if block.kind != FAQ_QUESTION or block.region != MAIN:
            continue
        if section < 0 and not looks_like_question(block.text):
            # A <details> table of contents or a "question" class on a label: markup
            # alone made it an FAQ question, and its text says otherwise.
            continue
        if _CALL_TO_ACTION.match(block.text):
            continue
        number = block.attrs.get("number")
        text_start = 0
        match = _NUMBER.match(block.text)
        if match and match.end() < len(block.text):
            text_start = match.end()
            if number is None:
                number = int(match.group(1))
        found = _with_blocks_between(doc, answers.get(block.index))
        if not found and (section >= 0 or block.level):
            found = _sub_headed_answer(doc, block, section_level)
        entries.append(FaqEntry(block, found or [], number, section, text_start))
    return entries


def _with_blocks_between(doc: Document, found: list[Block] | None) -> list[Block] | None:
    """``found`` with the prose blocks that sit between its first and last block (a
    table or a quote inside an answer): the answer's span covers them, so its text must
    hold them too."""
    if not found or len(found) < 2:
        return found
    first, last = found[0].index, found[-1].index
    between = doc.blocks[first : last + 1]
    if last - first + 1 == len(found) or any(b.index != first + i for i, b in enumerate(between)):
        return found
    mine = {id(b) for b in found}
    return [b for b in between if id(b) in mine or (b.kind in PROSE_KINDS and b.kind != FAQ_ANSWER)]


def _sub_headed_answer(doc: Document, question: Block, section_level: int) -> list[Block]:
    """Prose after a question that the reader did not attach to it.

    Accordion FAQs put sub-headings inside long answers ("What are the system
    requirements?" → "Hardware" → a list); the reader stops the answer at the sub-heading.
    The answer runs to the next question, or to a heading at the question's level or
    higher (the section's level when the question is not a heading).
    """
    stop_level = question.level or section_level
    found: list[Block] = []
    for block in doc.blocks[question.index + 1 :]:
        if block.kind == FAQ_QUESTION:
            break
        if block.kind == HEADING:
            if block.attrs.get("faq") or not stop_level or block.level <= stop_level:
                break
            continue
        if block.region == question.region and block.kind in _ANSWER_KINDS:
            found.append(block)
    return found


def faq_anchor(doc: Document) -> tuple[int, int, str]:
    """Where document-level FAQ findings go: the FAQ heading, else the first heading,
    else the title, else the start of the file. Returns source offsets and an excerpt."""
    candidates = [
        *faq_headings(doc),
        *(b for b in doc.blocks if b.kind == HEADING and b.region == MAIN),
        *(b for b in doc.blocks if b.kind == TITLE),
    ]
    for block in candidates:
        if block.text:
            start, end = block.source_span()
            return start, end, block.text
    line_end = doc.source.find("\n")
    end = len(doc.source) if line_end < 0 else line_end
    return 0, end, doc.source[:end]


# --- text normalisation -----------------------------------------------------------------


def strip_markup(text: str) -> str:
    """Visible text of a JSON-LD string that may hold HTML (answers often do)."""
    return unescape(_TAG.sub(" ", text))


def normalise(text: str) -> str:
    """Case, punctuation, curly quotes and white space folded, for matching questions."""
    text = text.translate(_QUOTES).lower()
    return " ".join(_NON_WORD.sub(" ", text).replace("'", "").split())


def question_key(text: str) -> str:
    """``normalise`` after dropping a leading number ("2. How ...?")."""
    match = _NUMBER.match(text)
    if match and match.end() < len(text):
        text = text[match.end() :]
    return normalise(text)


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


# --- JSON-LD FAQPage --------------------------------------------------------------------


@dataclass(slots=True)
class SchemaQuestion:
    """One ``Question`` of an ``FAQPage``, with where it sits in the source."""

    script: JsonLd
    page: int  # which FAQPage of the document (0-based)
    name: str | None
    answer: str | None
    start: int
    end: int


@dataclass(slots=True)
class FaqPage:
    """One ``FAQPage`` object and its questions."""

    script: JsonLd
    start: int
    end: int
    questions: list[SchemaQuestion] = field(default_factory=list)


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1] for v in values}


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Top-level objects of a JSON-LD script: the data, list items and ``@graph`` items."""
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if "@type" in data or not isinstance(graph, list):
            yield data
        if isinstance(graph, list):
            yield from _nodes(graph)


def _text_of(value: Any) -> str | None:
    """A JSON-LD text value: a string, or the first of a list; blank counts as missing."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None


def _answer_text(question: dict[str, Any]) -> str | None:
    answer = question.get("acceptedAnswer") or question.get("suggestedAnswer")
    if isinstance(answer, list):
        answer = answer[0] if answer else None
    if isinstance(answer, dict):
        return _text_of(answer.get("text"))
    return None


# "</script" in any case: what ``source.lower().find("</script")`` finds, without
# lowering the whole page for each script.
_SCRIPT_CLOSE = re.compile(r"</[sS][cC][rR][iI][pP][tT]")


def _script_end(source: str, start: int) -> int:
    """Offset of the first "</script" (any case) at or after ``start``, or -1.

    Lowering keeps offsets except for U+0130, which lowers to two characters; a page
    with one is searched the old way so the result stays the same.
    """
    if "\u0130" in source:
        return source.lower().find("</script", start)
    found = _SCRIPT_CLOSE.search(source, start)
    return found.start() if found else -1


def script_text(doc: Document, script: JsonLd) -> tuple[int, str]:
    """``(start, text)`` of a JSON-LD script body in the source."""
    end = _script_end(doc.source, script.offset)
    if end < 0:
        end = len(doc.source)
    return script.offset, doc.source[script.offset : end]


class _Locator:
    """Finds strings inside one script, each search continuing after the previous hit,
    so two questions with the same name land on their own places."""

    def __init__(self, start: int, text: str) -> None:
        self.start, self.text, self.cursor = start, text, 0

    def find(self, needles: Iterable[str]) -> tuple[int, int] | None:
        best: tuple[int, int] | None = None
        for needle in needles:
            at = self.text.find(needle, self.cursor)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, at + len(needle))
        if best is None:
            return None
        self.cursor = best[1]
        return self.start + best[0], self.start + best[1]

    def find_value(self, value: Any) -> tuple[int, int] | None:
        """The next ``"name"`` or ``"@value"`` whose JSON value (or first list item) is
        ``value``: a number, or a string spelled with escapes no writer of ours chose."""
        decoder = json.JSONDecoder()
        for key in _VALUE_KEY.finditer(self.text, self.cursor):
            try:
                found, end = decoder.raw_decode(self.text, key.end())
            except ValueError:
                continue
            if found == value and type(found) is type(value):
                self.cursor = end
                return self.start + key.end(), self.start + end
        return None


# Where a question's text value starts: after its key, inside a list's first item.
_VALUE_KEY = re.compile(r'"(?:name|@value)"\s*:\s*(?:\[\s*)?(?=["\-0-9])')


def _encodings(value: str) -> list[str]:
    """The ways a JSON writer may have spelled ``value`` (escaped or not)."""
    forms = [json.dumps(value, ensure_ascii=False), json.dumps(value)]
    forms += [f.replace("/", "\\/") for f in forms]
    forms.append(f'"{value}"')
    return list(dict.fromkeys(forms))


def faq_pages(doc: Document) -> list[FaqPage]:
    """Every ``FAQPage`` in the document's JSON-LD, with its questions located (once per
    document: five schema rules read them)."""
    return doc.memo("faq.pages", lambda: _build_pages(doc))


def _build_pages(doc: Document) -> list[FaqPage]:
    pages: list[FaqPage] = []
    for script in doc.jsonld:
        if script.error is not None or script.data is None:
            continue
        start, text = script_text(doc, script)
        locator = _Locator(start, text)
        for node in _nodes(script.data):
            if "FAQPage" not in _types(node):
                continue
            where = locator.find(['"FAQPage"', "FAQPage"]) or (start, start)
            page = FaqPage(script, *where)
            entities = node.get("mainEntity", [])
            if isinstance(entities, dict):
                entities = [entities]
            if not isinstance(entities, list):
                entities = []
            for entity in entities:
                if not isinstance(entity, dict):
                    continue
                name = _text_of(entity.get("name"))
                found = None
                if name is not None:
                    raw = entity.get("name")
                    raw = raw[0] if isinstance(raw, list) and raw else raw
                    raw = raw.get("@value") if isinstance(raw, dict) else raw
                    if isinstance(raw, str):
                        found = locator.find(_encodings(raw))
                    # a number, or a string the spellings above miss: its place by value
                    found = found or locator.find_value(raw)
                if found is None:
                    found = locator.find(['"Question"']) or where
                page.questions.append(
                    SchemaQuestion(script, len(pages), name, _answer_text(entity), *found)
                )
            pages.append(page)
    return pages


def faq_schema(doc: Document) -> list[SchemaQuestion]:
    """Questions of every ``FAQPage`` (in ``@graph`` too; ``mainEntity`` list or object)."""
    return [q for page in faq_pages(doc) for q in page.questions]


def quoted(text: str, limit: int = 80) -> str:
    """``text`` on one line and cut to ``limit`` characters, for quoting in a message: a
    JSON-LD question can be any length, and a message is read on one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def visible_text_keys(doc: Document) -> str:
    """Normalised visible text of the whole page, one block after another.

    Used to decide whether a marked-up question is visible: it may sit in any block (a
    plain heading, a bold paragraph), not only in blocks the reader took for FAQ ones.
    """
    return " | ".join(
        question_key(b.text) for b in doc.blocks if b.kind not in (TITLE, "meta") and b.text
    )


# --- coverage ---------------------------------------------------------------------------

_STOP = _wordset(
    """
    a an the and or but nor of for to in on at by with from into onto about as than then
    so if is are was were be been being am do does did doing done have has had having
    can could should would will shall may might i me my we our us you your yours he she
    it its they them their this that these those there here what how why when which who
    whom whose where whether much many more most some any all each every other such own
    very just also only not no yes there's it's what's i'm you're don't doesn't isn't
    aren't between vs versus get got s t one ones thing things way really
    """
)


@cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


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
        head = " ".join(stem(w) for w in _WORD.findall(terms[0]))
        for term in terms:
            key = tuple(stem(w) for w in _WORD.findall(term))
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
    words = _WORD.findall(text.translate(_QUOTES).lower())
    stems = [stem(w.removesuffix("'s")) for w in words]
    table = synonyms()
    found: set[str] = set()
    left = _phrases(stems, range(len(words)), table, found)
    content = [i for i in left if words[i] not in _STOP and not words[i].isdigit()]
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
    words = _WORD.findall(text.translate(_QUOTES).lower())
    wh = next((w for w in words[:4] if w in _WH), "")
    return wh, concepts(text)
