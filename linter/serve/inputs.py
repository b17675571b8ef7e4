"""A document sent to the API, read from the request into one ``DocumentInput``.

Two ways to send one: a JSON object with the text (``{"text": ..., "format": ...}``), or
the file's own bytes as the body with its name in the query (``?filename=draft.docx``),
which is how a dropped Word file travels. Options (``select``, ``keyphrase``...) come in
the JSON object or the query. Every field is checked for type and size here, so a bad
request is a 400 naming the field, not an error deep in a worker.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from linter.read import FORMATS, format_for
from linter.serve.errors import ApiError

MAX_NAME = 255
MAX_OPTION = 1_000
MAX_ITEMS = 1_000
_DEFAULT_NAMES = {"html": "draft.html", "markdown": "draft.md", "text": "draft.txt"}
_JSON_KEYS = frozenset(
    {
        "text",
        "content_base64",
        "filename",
        "format",
        "keyphrase",
        "select",
        "ignore",
        "questions",
        "ids",
    }
)


@dataclass
class DocumentInput:
    """One document and the options to check it with."""

    data: bytes
    filename: str
    format: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    keyphrase: str | None = None
    questions: tuple[str, ...] = ()
    ids: tuple[str, ...] | None = None  # /v1/fix: the findings to fix (None: every safe one)
    options: dict[str, Any] = field(default_factory=dict)

    def settings_key(self) -> tuple[Any, ...]:
        """What decides the rules a worker builds for this input (its engine cache key)."""
        return (self.select, self.ignore, self.keyphrase, self.questions)


def bad(field_name: str, problem: str) -> ApiError:
    return ApiError(400, "bad_request", f"{field_name}: {problem}")


def _string(value: Any, name: str, limit: int = MAX_OPTION) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise bad(name, "must be a string")
    if len(value) > limit:
        raise bad(name, f"longer than {limit:,} characters")
    return value


def _strings(value: Any, name: str) -> tuple[str, ...]:
    """A list of strings, or one string of comma-separated items (as the CLI takes)."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [part for part in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad(name, "must be a list of strings")
    if len(value) > MAX_ITEMS:
        raise bad(name, f"more than {MAX_ITEMS:,} items")
    items = tuple(v.strip() for v in value if v.strip())
    for item in items:
        _string(item, name)
    return items


def _format(value: Any) -> str | None:
    fmt = _string(value, "format")
    if fmt in (None, "", "auto"):
        return None
    if fmt not in FORMATS:
        raise ApiError(
            415, "unsupported_format", f"format: {fmt!r} is not one of {', '.join(FORMATS)}"
        )
    return fmt


def _filename(value: Any, fmt: str | None) -> str:
    """The name the report shows: the base name the client gave, else one for the format."""
    name = _string(value, "filename", MAX_NAME)
    name = PurePath((name or "").replace("\\", "/")).name.strip()
    if not name:
        return _DEFAULT_NAMES.get(fmt or "", "draft")
    if fmt is None and format_for(name) is None and "." in name:
        raise ApiError(
            415,
            "unsupported_format",
            f"filename: {name!r} is not a file contentlint reads "
            "(.html, .htm, .md, .markdown, .txt, .docx); give a format",
        )
    return name


def _options(values: Mapping[str, Any], fmt: str | None, data: bytes) -> DocumentInput:
    ids = values.get("ids")
    return DocumentInput(
        data=data,
        filename=_filename(values.get("filename"), fmt),
        format=fmt,
        select=_strings(values.get("select"), "select"),
        ignore=_strings(values.get("ignore"), "ignore"),
        keyphrase=_string(values.get("keyphrase"), "keyphrase") or None,
        questions=_strings(values.get("questions"), "questions"),
        ids=None if ids is None else _strings(ids, "ids"),
    )


def from_json(body: bytes) -> DocumentInput:
    """A JSON request: ``text`` (or ``content_base64`` for a binary file) and options."""
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        raise ApiError(400, "bad_json", "the body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise ApiError(400, "bad_json", "the body must be a JSON object")
    unknown = sorted(set(payload) - _JSON_KEYS)
    if unknown:
        raise bad(unknown[0], f"unknown field (expected: {', '.join(sorted(_JSON_KEYS))})")
    text, encoded = payload.get("text"), payload.get("content_base64")
    if (text is None) == (encoded is None):
        raise bad("text", "give the document as 'text' or as 'content_base64', one of them")
    if text is not None:
        if not isinstance(text, str):
            raise bad("text", "must be a string")
        data = text.encode("utf-8", "replace")  # a lone surrogate becomes "?"
    else:
        if not isinstance(encoded, str):
            raise bad("content_base64", "must be a string")
        try:
            data = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise bad("content_base64", "is not valid base64") from None
    return _options(payload, _format(payload.get("format")), data)


def from_query(query: Mapping[str, str], body: bytes) -> DocumentInput:
    """A raw body (the file's bytes) with its name and options in the query string."""
    unknown = sorted(set(query) - (_JSON_KEYS - {"text", "content_base64"}))
    if unknown:
        raise bad(unknown[0], "unknown query parameter")
    return _options(query, _format(query.get("format")), body)
