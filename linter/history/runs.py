"""Reading the history back: the runs, their trend, and what changed since one of them."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from linter.baseline import portable_path
from linter.history.db import HistoryError, NoEarlierRun, db_path, query, sql_errors
from linter.history.record import fingerprinted
from linter.model import Comparison, Finding

TREND_KEYS = ("id", "started", "pages", "findings", "errors", "warnings", "info")
_RUN_COLUMNS = (
    "id, started, duration, tool_version, config_hash, paths, pages, pages_failed,"
    " findings, errors, warnings, info, interrupted"
)


def _run_dict(row: sqlite3.Row) -> dict[str, Any]:
    run = dict(row)
    run["paths"] = json.loads(run["paths"])
    run["interrupted"] = bool(run["interrupted"])
    return run


def list_runs(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every run with its totals, newest first (every column of ``runs``)."""
    with sql_errors(conn):
        rows = query(conn, f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY id DESC")
    return [_run_dict(row) for row in rows]


def trend(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    """The totals of the last ``limit`` runs, oldest first: what a trend chart plots."""
    with sql_errors(conn):
        rows = query(
            conn, f"SELECT {', '.join(TREND_KEYS)} FROM runs ORDER BY id DESC LIMIT ?", (limit,)
        )
    return [dict(row) for row in reversed(rows)]


def resolve_run(conn: sqlite3.Connection, ref: str) -> int:
    """The run id ``ref`` names: ``last`` (the newest run) or a run id."""
    path = db_path(conn)
    ref = ref.strip()
    with sql_errors(conn):
        if ref.lower() == "last":
            row = conn.execute("SELECT max(id) FROM runs").fetchone()
            if row[0] is None:
                raise NoEarlierRun(f"{path}: no earlier run to compare with")
            return int(row[0])
        if not ref.isdigit():
            raise HistoryError(f"{path}: {ref!r} is not a run id (give a number or 'last')")
        row = conn.execute("SELECT id FROM runs WHERE id = ?", (int(ref),)).fetchone()
    if row is None:
        raise HistoryError(f"{path}: run {ref} not found (see 'contentlint history --db {path}')")
    return int(row[0])


def _old_run(conn: sqlite3.Connection, run_id: int) -> sqlite3.Row:
    rows = query(conn, "SELECT started, interrupted FROM runs WHERE id = ?", (run_id,))
    if not rows:
        path = db_path(conn)
        raise HistoryError(
            f"{path}: run {run_id} not found (see 'contentlint history --db {path}')"
        )
    return rows[0]


def _skipped_pages(
    conn: sqlite3.Connection, run_id: int, interrupted: bool, report: Any
) -> set[str]:
    """Pages whose findings cannot be compared: failed in either run, audited in only one
    of them (new pages count as compared unless the old run was cut short)."""
    old = {
        row["path"]: row["error"] is None
        for row in query(conn, "SELECT path, error FROM pages WHERE run_id = ?", (run_id,))
    }
    now = {portable_path(r.path): r.error is None for r in report.files}
    failed = {p for p, ok in old.items() if not ok} | {p for p, ok in now.items() if not ok}
    gone = old.keys() - now.keys()
    unreached = now.keys() - old.keys() if interrupted else set()
    return failed | gone | unreached


_PAIRING = """
CREATE TEMP TABLE compare_skipped (path TEXT PRIMARY KEY);
CREATE TEMP TABLE compare_now (seq INTEGER PRIMARY KEY, path TEXT, fingerprint TEXT);
"""
# Copies of one finding pair up in order: the n-th copy now (report order) with the n-th
# copy then (page order), so two copies then and one now are one unchanged, one fixed.
_NUMBERED = """
CREATE TEMP TABLE compare_old AS
    SELECT code, path, line, message, fingerprint, row_number() OVER (
        PARTITION BY fingerprint ORDER BY path, line, "column", code) AS copy
    FROM findings
    WHERE run_id = ? AND path NOT IN (SELECT path FROM temp.compare_skipped);
CREATE TEMP TABLE compare_new AS
    SELECT seq, fingerprint, row_number() OVER (PARTITION BY fingerprint ORDER BY seq) AS copy
    FROM temp.compare_now WHERE path NOT IN (SELECT path FROM temp.compare_skipped);
CREATE INDEX temp.compare_old_copy ON compare_old (fingerprint, copy);
CREATE INDEX temp.compare_new_copy ON compare_new (fingerprint, copy);
"""
_TEMP_TABLES = ("compare_skipped", "compare_now", "compare_old", "compare_new")


def compare(conn: sqlite3.Connection, against: int, report: Any) -> Comparison:
    """Compare ``report`` with run ``against`` by fingerprint, counting duplicates.

    Call it before ``record_run`` stores the current run. Two copies of one finding in
    the old run and one now make one fixed and one unchanged. The pairing is SQL over
    temporary tables on disk, so comparing audits of 100,000 pages holds neither run's
    findings in memory: only the new and fixed ones.
    """
    with sql_errors(conn):
        old_run = _old_run(conn, against)
        skipped = _skipped_pages(conn, against, bool(old_run["interrupted"]), report)
        _drop_temp(conn)
        try:
            new_seqs, fixed, unchanged = _pair(conn, against, skipped, report)
        finally:
            _drop_temp(conn)
    new = [
        finding for seq, (finding, _) in enumerate(fingerprinted(report.files)) if seq in new_seqs
    ]
    new.sort(key=Finding.sort_key)
    return Comparison(against, old_run["started"], new, fixed, unchanged, len(skipped))


def _pair(
    conn: sqlite3.Connection, against: int, skipped: set[str], report: Any
) -> tuple[set[int], list[dict[str, Any]], int]:
    """The positions of the findings new now, the old findings fixed, and how many are
    unchanged."""
    conn.executescript(_PAIRING)
    conn.executemany("INSERT INTO temp.compare_skipped VALUES (?)", ((p,) for p in skipped))
    rows = (
        (seq, portable_path(finding.path), print_)
        for seq, (finding, print_) in enumerate(fingerprinted(report.files))
    )
    conn.executemany("INSERT INTO temp.compare_now VALUES (?, ?, ?)", rows)
    conn.commit()
    conn.execute(_NUMBERED.split(";")[0], (against,))
    conn.executescript(";".join(_NUMBERED.split(";")[1:]))
    new = {
        seq
        for (seq,) in conn.execute(
            "SELECT seq FROM temp.compare_new n WHERE NOT EXISTS (SELECT 1 FROM"
            " temp.compare_old o WHERE o.fingerprint = n.fingerprint AND o.copy = n.copy)"
        )
    }
    fixed = [
        dict(row)
        for row in query(
            conn,
            "SELECT code, path, line, message FROM temp.compare_old o WHERE NOT EXISTS"
            " (SELECT 1 FROM temp.compare_new n WHERE n.fingerprint = o.fingerprint"
            " AND n.copy = o.copy) ORDER BY path, line, code",
        )
    ]
    total = conn.execute("SELECT count(*) FROM temp.compare_new").fetchone()[0]
    return new, fixed, total - len(new)


def _drop_temp(conn: sqlite3.Connection) -> None:
    for table in _TEMP_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    conn.commit()
