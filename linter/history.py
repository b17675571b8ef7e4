"""Audit history: every ``contentlint audit --db FILE`` run kept in one SQLite file.

SEO staff audit the same site again and again and ask what changed since last time. Each
run is stored with its totals, its pages and its findings; a finding is recognised across
runs by the same fingerprint baselines and SARIF use (rule, portable path, flagged text
and a little context, never the line number), so text inserted above a known problem
does not make it "new". Identical fingerprints are counted as a multiset.

The schema is versioned with ``PRAGMA user_version``: ``MIGRATIONS[n - 1]`` brings a
database from version ``n - 1`` to ``n``, so a new schema version is one more list entry.
Only the standard library's ``sqlite3`` is used.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from linter import __version__
from linter.baseline import fingerprint, portable_path
from linter.model import Finding

# "CLNT": marks the file as ours in the SQLite header, so another program's database
# that happens to be at user_version 0 is never migrated into a contentlint one.
APPLICATION_ID = 0x434C4E54

MIGRATIONS: tuple[str, ...] = (
    # version 1
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,            -- ISO-8601, UTC
        duration REAL NOT NULL,           -- seconds
        tool_version TEXT NOT NULL,
        config_hash TEXT NOT NULL,
        paths TEXT NOT NULL,              -- JSON list of what was audited
        pages INTEGER NOT NULL,
        pages_failed INTEGER NOT NULL,
        findings INTEGER NOT NULL,
        errors INTEGER NOT NULL,
        warnings INTEGER NOT NULL,
        info INTEGER NOT NULL,
        interrupted INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE pages (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        words INTEGER NOT NULL,
        error TEXT,
        scores TEXT NOT NULL,             -- JSON object
        findings INTEGER NOT NULL
    );
    CREATE TABLE findings (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        code TEXT NOT NULL,
        severity TEXT NOT NULL,
        line INTEGER NOT NULL,
        "column" INTEGER NOT NULL,
        message TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        fingerprint TEXT NOT NULL
    );
    CREATE INDEX pages_run ON pages(run_id);
    CREATE INDEX findings_run ON findings(run_id);
    CREATE INDEX findings_run_fingerprint ON findings(run_id, fingerprint);
    """,
)

TREND_KEYS = ("id", "started", "pages", "findings", "errors", "warnings", "info")
_RUN_COLUMNS = (
    "id, started, duration, tool_version, config_hash, paths, pages, pages_failed,"
    " findings, errors, warnings, info, interrupted"
)
_LISTED = 20  # findings shown per list in ``render_comparison``


class HistoryError(Exception):
    """A history database that cannot be used; the one-line message names the file."""


class NoEarlierRun(HistoryError):
    """``--compare last`` on a database that holds no audit yet: nothing to compare."""


# Seconds a writer waits for another one's lock before giving up (module-level so tests
# can shorten it instead of waiting).
BUSY_TIMEOUT = 5.0


class _Connection(sqlite3.Connection):
    """A connection that remembers the file it opened, so errors can name it."""

    path: str = "history database"


def _path(conn: sqlite3.Connection) -> str:
    return getattr(conn, "path", "history database")


def _explain(path: str, error: sqlite3.Error) -> HistoryError:
    """A SQLite error as a line a person can act on."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return HistoryError(f"{path}: database is locked (is another contentlint writing to it?)")
    if isinstance(error, sqlite3.DatabaseError) and "not a database" in text:
        return HistoryError(f"{path}: not a contentlint history database ({text})")
    if "unable to open" in text:
        return HistoryError(f"{path}: cannot open database ({text})")
    return HistoryError(f"{path}: {text}")


@contextmanager
def _sql_errors(conn: sqlite3.Connection) -> Iterator[None]:
    """Turn any SQLite error inside the block into a ``HistoryError`` naming the file."""
    try:
        yield
    except sqlite3.Error as error:
        raise _explain(_path(conn), error) from None


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken up front (IMMEDIATE) so a concurrent writer makes us
    wait for the lock instead of failing halfway; rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _statements(script: str) -> list[str]:
    """Split a migration script into statements, as SQLite itself delimits them.

    ``executescript`` would commit any open transaction first, so a migration could not
    run inside the transaction that also reads and bumps the version.
    """
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


def _query(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    """Rows addressable by column name, without imposing a row factory on the caller's
    connection (the audit command shares it)."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()


def _version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _check_ours(conn: sqlite3.Connection, version: int, known: int) -> None:
    """Refuse another program's SQLite file and a schema newer than this code knows."""
    path = _path(conn)
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    foreign = app_id not in (0, APPLICATION_ID)
    if not foreign and version == 0:
        foreign = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if foreign:
        raise HistoryError(f"{path}: not a contentlint history database (it holds other data)")
    if version > known:
        raise HistoryError(
            f"{path}: written by a newer contentlint (schema version {version}; this one"
            f" knows up to {known}); upgrade contentlint"
        )


def _migrate(conn: sqlite3.Connection, migrations: Sequence[str]) -> None:
    """Apply the pending migrations in order, in one transaction with the version bump.

    The version is read again under the write lock, so two processes opening a new file
    at once do not both create the tables.
    """
    with _transaction(conn):
        version = _version(conn)
        _check_ours(conn, version, len(migrations))
        for number in range(version, len(migrations)):
            for statement in _statements(migrations[number]):
                conn.execute(statement)
        if version < len(migrations):
            # PRAGMA takes no bound parameters; both values are integers of this module.
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
            conn.execute(f"PRAGMA user_version = {len(migrations)}")


def open_db(
    path: str, *, migrations: Sequence[str] = MIGRATIONS, timeout: float | None = None
) -> sqlite3.Connection:
    """Open (creating if needed) the history database at ``path``, schema up to date.

    ``migrations`` is there so tests can exercise the upgrade path with a later list.
    The connection is in autocommit mode: every writer here opens its own transaction.
    """
    try:
        wait = BUSY_TIMEOUT if timeout is None else timeout
        conn = sqlite3.connect(path, timeout=wait, isolation_level=None, factory=_Connection)
    except sqlite3.Error as error:
        raise _explain(path, error) from None
    conn.path = path
    try:
        with _sql_errors(conn):
            conn.execute("PRAGMA foreign_keys = ON")
            version = _version(conn)
            _check_ours(conn, version, len(migrations))
            if version < len(migrations):
                _migrate(conn, migrations)
    except BaseException:
        conn.close()
        raise
    return conn


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
    with _sql_errors(conn), _transaction(conn):
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
            [_page_row(run_id, result) for result in report.files],
        )
        conn.executemany(
            'INSERT INTO findings (run_id, path, code, severity, line, "column", message,'
            " excerpt, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                _finding_row(run_id, finding, print_)
                for finding, print_ in _fingerprinted(report.files)
            ],
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


def _fingerprinted(results: Sequence[Any]) -> list[tuple[Finding, str]]:
    """Each finding with the fingerprint baselines and SARIF give it."""
    return [
        (finding, fingerprint(finding, result.lines.get(finding.line)))
        for result in results
        for finding in result.findings
    ]


def _run_dict(row: sqlite3.Row) -> dict[str, Any]:
    run = dict(row)
    run["paths"] = json.loads(run["paths"])
    run["interrupted"] = bool(run["interrupted"])
    return run


def list_runs(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every run with its totals, newest first (every column of ``runs``)."""
    with _sql_errors(conn):
        rows = _query(conn, f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY id DESC")
    return [_run_dict(row) for row in rows]


def trend(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    """The totals of the last ``limit`` runs, oldest first: what a trend chart plots."""
    with _sql_errors(conn):
        rows = _query(
            conn, f"SELECT {', '.join(TREND_KEYS)} FROM runs ORDER BY id DESC LIMIT ?", (limit,)
        )
    return [dict(row) for row in reversed(rows)]


def resolve_run(conn: sqlite3.Connection, ref: str) -> int:
    """The run id ``ref`` names: ``last`` (the newest run) or a run id."""
    path = _path(conn)
    ref = ref.strip()
    with _sql_errors(conn):
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


@dataclass
class Comparison:
    """What changed since run ``against``: findings new now, fixed since, and unchanged.

    ``not_compared`` counts pages only one of the two runs checked (failed to read, not
    reached by an interrupted run, not audited this time): their findings are left out,
    so a page that could not be read is not reported as "all fixed".
    """

    against: int
    started: str
    new: list[Finding]
    fixed: list[dict[str, Any]]
    unchanged: int
    not_compared: int = 0


def _old_run(conn: sqlite3.Connection, run_id: int) -> sqlite3.Row:
    rows = _query(conn, "SELECT started, interrupted FROM runs WHERE id = ?", (run_id,))
    if not rows:
        path = _path(conn)
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
        for row in _query(conn, "SELECT path, error FROM pages WHERE run_id = ?", (run_id,))
    }
    now = {portable_path(r.path): r.error is None for r in report.files}
    failed = {p for p, ok in old.items() if not ok} | {p for p, ok in now.items() if not ok}
    gone = old.keys() - now.keys()
    unreached = now.keys() - old.keys() if interrupted else set()
    return failed | gone | unreached


def compare(conn: sqlite3.Connection, against: int, report: Any) -> Comparison:
    """Compare ``report`` with run ``against`` by fingerprint, counting duplicates.

    Call it before ``record_run`` stores the current run. Two copies of one finding in
    the old run and one now make one fixed and one unchanged.
    """
    with _sql_errors(conn):
        old_run = _old_run(conn, against)
        skipped = _skipped_pages(conn, against, bool(old_run["interrupted"]), report)
        rows = _query(
            conn,
            "SELECT code, path, line, message, fingerprint FROM findings WHERE run_id = ?"
            ' ORDER BY path, line, "column", code',
            (against,),
        )
    remaining: dict[str, deque[sqlite3.Row]] = defaultdict(deque)
    for row in rows:
        if row["path"] not in skipped:
            remaining[row["fingerprint"]].append(row)
    new: list[Finding] = []
    unchanged = 0
    for finding, print_ in _fingerprinted(report.files):
        if portable_path(finding.path) in skipped:
            continue
        if remaining[print_]:
            remaining[print_].popleft()  # pair copies in page order
            unchanged += 1
        else:
            new.append(finding)
    fixed = sorted(
        (
            {"code": r["code"], "path": r["path"], "line": r["line"], "message": r["message"]}
            for left in remaining.values()
            for r in left
        ),
        key=lambda item: (item["path"], item["line"], item["code"]),
    )
    new.sort(key=Finding.sort_key)
    return Comparison(against, old_run["started"], new, fixed, unchanged, len(skipped))


def _display_time(iso: str) -> str:
    """``2026-11-20T10:00:00+00:00`` as ``2026-11-20 10:00 UTC``."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


_COLUMNS = (
    ("ID", "id"),
    ("STARTED", "started"),
    ("PAGES", "pages"),
    ("FAILED", "pages_failed"),
    ("FINDINGS", "findings"),
    ("ERRORS", "errors"),
    ("WARNINGS", "warnings"),
    ("INFO", "info"),
    ("CONFIG", "config_hash"),
)


def _cells(run: dict[str, Any]) -> list[str]:
    cells = [_display_time(run[key]) if key == "started" else str(run[key]) for _, key in _COLUMNS]
    if run.get("interrupted"):
        cells[-1] += " (interrupted)"
    return cells


def render_runs(runs: Sequence[dict[str, Any]], path: str = "this database") -> str:
    """The runs of ``list_runs`` as an aligned table; text columns left, numbers right."""
    if not runs:
        return f"No audits recorded in {path}.\n"
    rows = [[title for title, _ in _COLUMNS]] + [_cells(run) for run in runs]
    widths = [max(len(row[n]) for row in rows) for n in range(len(_COLUMNS))]
    left = {"started", "config_hash"}
    lines = []
    for row in rows:
        cells = [
            cell.ljust(width) if key in left else cell.rjust(width)
            for cell, width, (_, key) in zip(row, widths, _COLUMNS, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _capped(lines: list[str]) -> list[str]:
    """At most ``_LISTED`` lines, then how many were left out."""
    if len(lines) <= _LISTED:
        return lines
    return [*lines[:_LISTED], f"  … and {len(lines) - _LISTED} more"]


def render_comparison(c: Comparison) -> str:
    """A few lines a person reads: the counts, then the new and the fixed findings."""
    lines = [
        f"Compared with run {c.against} ({_display_time(c.started)}): {len(c.new)} new,"
        f" {len(c.fixed)} fixed, {c.unchanged} unchanged."
    ]
    if c.not_compared:
        pages = "1 page" if c.not_compared == 1 else f"{c.not_compared} pages"
        lines.append(f"{pages} checked in only one of the two runs left out of the comparison.")
    if c.new:
        lines.append("New:")
        lines += _capped([f"  {f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in c.new])
    if c.fixed:
        lines.append("Fixed:")
        lines += _capped(
            [f"  {f['path']}:{f['line']}: {f['code']} {f['message']}" for f in c.fixed]
        )
    return "\n".join(lines) + "\n"
