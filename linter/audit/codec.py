"""A page's result as compact bytes for the result store, and back, exactly.

The store (``linter.audit.store``) keeps every page of an audit on disk until the reports
are written, so this runs once per page each way and its output is most of the store's
size. JSON with positional arrays (no repeated key names) compressed by zlib: plain data
that any tool can read back from a kept store, unlike a pickle, and read back here into
the same ``FileResult`` the worker made, so a report from the store is byte-identical to
one from memory.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from linter.model import Finding, Related, Severity
from linter.quote import Line, LinePart
from linter.runner import FetchInfo, FileResult

_LEVEL = 1  # zlib's fastest: two thirds of the size saved at a tenth of level 6's time
_SEVERITY = {int(s): s for s in Severity}
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _related(item: Related) -> list[Any]:
    return [item.line, item.column, item.excerpt, item.path]


def _finding(finding: Finding, path: str) -> list[Any]:
    """A finding as an array; its path only when it is not its page's (never, today)."""
    return [
        finding.code,
        finding.name,
        finding.category,
        int(finding.severity),
        finding.message,
        None if finding.path == path else finding.path,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.excerpt,
        finding.fix,
        [_related(r) for r in finding.related],
        finding.start,
        finding.end,
        finding.anchor,
    ]


def line_data(line: Line) -> Any:
    """A quoted line as JSON: the text, or ``[length, [[offset, text], ...]]``."""
    return line if isinstance(line, str) else [line.length, [list(p) for p in line.pieces]]


def _fetch(fetch: FetchInfo | None) -> list[Any] | None:
    if fetch is None:
        return None
    return [
        fetch.status,
        fetch.redirect_to,
        fetch.depth,
        fetch.response_ms,
        fetch.skipped,
        fetch.kind,
    ]


def encode(result: FileResult) -> bytes:
    """What the store keeps of ``result`` besides its indexed columns."""
    body = [
        [_finding(f, result.path) for f in result.findings],
        result.scores,
        [[number, line_data(line)] for number, line in result.lines.items()],
        _fetch(result.fetch),
    ]
    # A file name that is not UTF-8 reaches here with lone surrogates: kept as they are.
    return zlib.compress(_ENCODER.encode(body).encode("utf-8", "surrogatepass"), _LEVEL)


def _decode_finding(item: list[Any], path: str) -> Finding:
    (code, name, category, severity, message, own_path, line, column, end_line, end_column) = item[
        :10
    ]
    excerpt, fix, related, start, end, anchor = item[10:]
    return Finding(
        code,
        name,
        category,
        _SEVERITY[severity],
        message,
        path if own_path is None else own_path,
        line,
        column,
        end_line,
        end_column,
        excerpt,
        fix,
        [Related(*r) for r in related],
        start,
        end,
        anchor,
    )


def line_of(value: Any) -> Line:
    """The quoted line ``line_data`` gave."""
    if isinstance(value, str):
        return value
    length, pieces = value
    return LinePart(length, tuple((start, text) for start, text in pieces))


def decode(path: str, fmt: str | None, words: int, error: str | None, blob: bytes) -> FileResult:
    """The ``FileResult`` that ``encode`` was given."""
    text = zlib.decompress(blob).decode("utf-8", "surrogatepass")
    findings, scores, lines, fetch = json.loads(text)
    return FileResult(
        path,
        fmt,
        words=words,
        error=error,
        findings=[_decode_finding(item, path) for item in findings],
        scores=scores,
        lines={number: line_of(line) for number, line in lines},
        fetch=None if fetch is None else FetchInfo(*fetch),
    )
