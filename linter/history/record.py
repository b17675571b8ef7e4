"""Recording an audit: its totals, its pages and its findings, each finding with its
fingerprint."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from linter import __version__
from linter.baseline import fingerprint, portable_path
from linter.history.db import sql_errors, transaction
from linter.model import Finding


def config_hash(rules: Sequence[Any]) -> str:
    """A short digest of the rules that ran (code, severity, params), so two runs with
    different configurations are visibly different in ``contentlint history``."""
    described = sorted(
        ({"code": r.code, "severity": str(r.severity), "params": r.params or {}} for r in rules),
        key=lambda item: item["code"],
    )
    text = json.dumps(described, sort_keys=True, ensure_ascii=False, default=_jsonable)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _jsonable(value: Any) -> Any:
    """Params that JSON cannot hold, in a form that does not change between processes
    (a set's iteration order does, with hash randomisation)."""
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    if isinstance(value, tuple):
        return list(value)
    return repr(value)


def _utc_iso(moment: datetime) -> str:
    """ISO-8601 in UTC; a naive datetime is local time, as ``datetime.now()`` gives."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def record_run(
    conn: sqlite3.Connection,
    report: Any,
    *,
    started: datetime,
    duration: float,
    config_hash: str,
    paths: list[str],
) -> int:
    """Store ``report`` (a ``linter.report.Report``) as one run; returns its id.

    All or nothing: a run is never left half written, even if the process is stopped.
    """
    summary = report.summary()
    run = (
        _utc_iso(started),
        float(duration),
        __version__,
        config_hash,
        json.dumps([portable_path(p) for p in paths], ensure_ascii=False),
        summary["files"],
        summary["files_failed"],
        summary["findings"],
        summary["errors"],
        summary["warnings"],
        summary["info"],
        int(bool(report.interrupted)),
    )
    with sql_errors(conn), transaction(conn):
        cursor = conn.execute(
            "INSERT INTO runs (started, duration, tool_version, config_hash, paths, pages,"
            " pages_failed, findings, errors, warnings, info, interrupted)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            run,
        )
        run_id = int(cursor.lastrowid or 0)
        conn.executemany(
            "INSERT INTO pages (run_id, path, words, error, scores, findings)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (_page_row(run_id, result) for result in report.files),
        )
        conn.executemany(
            'INSERT INTO findings (run_id, path, code, severity, line, "column", message,'
            " excerpt, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _finding_row(run_id, finding, print_)
                for finding, print_ in fingerprinted(report.files)
            ),
        )
    return run_id


def _page_row(run_id: int, result: Any) -> tuple[Any, ...]:
    scores = json.dumps(result.scores, ensure_ascii=False, sort_keys=True, default=repr)
    return (
        run_id,
        portable_path(result.path),
        result.words,
        result.error,
        scores,
        len(result.findings),
    )


def _finding_row(run_id: int, finding: Finding, print_: str) -> tuple[Any, ...]:
    return (
        run_id,
        portable_path(finding.path),
        finding.code,
        str(finding.severity),
        finding.line,
        finding.column,
        finding.message,
        finding.excerpt,
        print_,
    )


def fingerprinted(results: Iterable[Any]) -> Iterator[tuple[Finding, str]]:
    """Each finding with the fingerprint baselines and SARIF give it, streamed."""
    for result in results:
        for finding in result.findings:
            yield finding, fingerprint(finding, result.lines.get(finding.line))
