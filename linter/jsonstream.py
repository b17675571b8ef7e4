"""JSON written in pieces, byte for byte as ``json.dumps(..., indent=2)`` writes it whole.

A report's object is dumped with a placeholder string where each long array goes; the
text is cut at each placeholder and the array's items are dumped one at a time, indented
to the depth the placeholder stood at. The result is the same bytes the whole object
would give, without ever holding every finding of a 100,000-page audit at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _placeholder(key: str) -> str:
    return f"\x00contentlint-stream:{key}\x00"


def array(items: Iterable[Any], depth: int) -> Iterator[str]:
    """A JSON array of ``items`` as it sits ``depth`` levels deep in an indented document
    (its first line already placed by the caller)."""
    pad = "  " * depth
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + pad + _dumps(item).replace("\n", "\n" + pad)
        first = False
    yield "[]" if first else "\n" + "  " * (depth - 1) + "]"


def document(shape: Any, arrays: Mapping[str, Iterable[Any]]) -> Iterator[str]:
    """``shape`` dumped with ``indent=2`` and a final newline, where each value
    ``stream_here(key)`` stands for the items of ``arrays[key]``, streamed."""
    text = _dumps(shape) + "\n"
    while True:
        cut = _next_cut(text, arrays)
        if cut is None:
            yield text
            return
        start, key = cut
        line_start = text.rfind("\n", 0, start) + 1
        depth = (len(text[line_start:start]) - len(text[line_start:start].lstrip(" "))) // 2 + 1
        yield text[:start]
        yield from array(arrays[key], depth)
        text = text[start + len(json.dumps(_placeholder(key))) :]


def _next_cut(text: str, arrays: Mapping[str, Iterable[Any]]) -> tuple[int, str] | None:
    found = [(at, key) for key in arrays if (at := text.find(json.dumps(_placeholder(key)))) >= 0]
    return min(found) if found else None


def stream_here(key: str) -> str:
    """The value to put in ``shape`` where the array ``key`` goes."""
    return _placeholder(key)
