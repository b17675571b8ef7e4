"""The history database: schema, migrations, opening, and SQLite errors as lines a person
can act on.

The schema is versioned with ``PRAGMA user_version``: ``MIGRATIONS[n - 1]`` brings a
database from version ``n - 1`` to ``n``, so a new schema version is one more list entry.
Only the standard library's ``sqlite3`` is used.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

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


def db_path(conn: sqlite3.Connection) -> str:
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
def sql_errors(conn: sqlite3.Connection) -> Iterator[None]:
    """Turn any SQLite error inside the block into a ``HistoryError`` naming the file."""
    try:
        yield
    except sqlite3.Error as error:
        raise _explain(db_path(conn), error) from None


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
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


def query(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    """Rows addressable by column name, without imposing a row factory on the caller's
    connection (the audit command shares it)."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()


def _version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _check_ours(conn: sqlite3.Connection, version: int, known: int) -> None:
    """Refuse another program's SQLite file and a schema newer than this code knows."""
    path = db_path(conn)
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
    with transaction(conn):
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
        with sql_errors(conn):
            conn.execute("PRAGMA foreign_keys = ON")
            version = _version(conn)
            _check_ours(conn, version, len(migrations))
            if version < len(migrations):
                _migrate(conn, migrations)
    except BaseException:
        conn.close()
        raise
    return conn
