"""The page's FAQPage markup (JSON-LD): its questions and where each sits in the source.

Schema rules report a marked-up question on its name inside the script, so every
``FAQPage`` is located once per document, each search continuing after the previous hit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from linter.checks.faq._text import question_key
from linter.model import TITLE, Document, JsonLd


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


def visible_text_keys(doc: Document) -> str:
    """Normalised visible text of the whole page, one block after another.

    Used to decide whether a marked-up question is visible: it may sit in any block (a
    plain heading, a bold paragraph), not only in blocks the reader took for FAQ ones.
    """
    return " | ".join(
        question_key(b.text) for b in doc.blocks if b.kind not in (TITLE, "meta") and b.text
    )
