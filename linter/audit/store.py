"""The audit's result store: every page's result on disk as it arrives, read back in
order by the reports.

An audit of 100,000 pages used to hold every page's findings, scores and quoted lines in
the command's memory until the reports were written (about 25 KB a page). Here each
result goes to a SQLite file the moment a worker hands it back, as one compressed row
(``linter.audit.codec``), keyed by its position in the audit: workers (or a cluster) may
finish pages in any order, the reports still read them in audit order, so they are the
same whatever ran the pages. Beside each row sit the page's counts by severity and by
rule, so the totals, the rules table and the worst pages are SQL over small columns,
never a pass over every finding.

SQLite because the history already uses it (no new dependency), it streams rows in key
order with a page cache of a few megabytes, and a kept store (``--store FILE``) is a file
any SQLite tool opens. The file is scratch by default: SQLite's own temporary database,
whose file has no name once opened, so a killed audit leaves nothing behind; journal and
fsync are off, since a crash loses the run either way.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import urllib.parse
from collections import Counter
from collections.abc import Iterable, Iterator

from linter.audit import codec
from linter.model import Severity
from linter.report import RuleTotal
from linter.runner import FileResult

_SCHEMA = """
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,   -- position in the audit: the order every report lists pages in
    path TEXT NOT NULL,
    format TEXT,
    words INTEGER NOT NULL,
    error TEXT,               -- why the page could not be audited
    status TEXT,              -- a crawled page's answer: 2xx to 5xx, skipped
    errors INTEGER NOT NULL,  -- its findings by severity
    warnings INTEGER NOT NULL,
    info INTEGER NOT NULL,
    body BLOB NOT NULL        -- findings, scores, quoted lines, fetch (linter.audit.codec)
);
CREATE TABLE rule_counts (
    page INTEGER NOT NULL,    -- pages.id
    code TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (page, code)
) WITHOUT ROWID;
CREATE TABLE rules (code TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL);
CREATE TABLE store (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO store VALUES ('format', 'contentlint result store'), ('version', '1');
"""
_MARK = "contentlint result store"
_BATCH = 256  # rows written per transaction, and read per query when streaming


def not_a_store(path: str) -> str | None:
    """Why the existing file at ``path`` must not be replaced by a new store (it is not
    one), or None: no file there, an empty one, or a store of an earlier audit."""
    try:
        if os.path.getsize(path) == 0:
            return None
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot read it ({error.strerror or error})"
    try:
        uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True)
        try:
            row = connection.execute("SELECT value FROM store WHERE key = 'format'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        row = None
    return None if row is not None and row[0] == _MARK else "the file exists and is no result store"


class StoreError(Exception):
    """The store file cannot be made or written (a full disk, say): the run's error."""


class ResultStore:
    """Page results on disk in audit order; iterating yields ``FileResult``s, streamed."""

    def __init__(self, path: str | None = None) -> None:
        """A new store at ``path`` (an existing file there is replaced), or in SQLite's
        own temporary file: SQLite removes its name as it opens it, so nothing is left in
        the temporary directory even when the audit is killed."""
        self.kept = path is not None
        self.path = path if path is not None else "the temporary result store"
        try:
            if path is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
            self.connection = sqlite3.connect(path or "", isolation_level=None)
            self.connection.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;" + _SCHEMA
            )
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot make the result store {self.path}: {error}") from None
        self._pending = 0
        self._rules: dict[str, tuple[str, str]] = {}
        self._size = 0

    # Writing -------------------------------------------------------------------------

    def put(self, index: int, result: FileResult) -> None:
        """Store (or replace) the result at position ``index``. Its path is printable
        already (``make_result_printable``: a file name that is not UTF-8 escaped), as
        every result of an audit is before it is stored."""
        counts = Counter(f.severity for f in result.findings)
        by_rule = Counter(f.code for f in result.findings)
        for finding in result.findings:
            if finding.code not in self._rules:
                self._rules[finding.code] = (finding.name, finding.category)
                self._write(
                    "INSERT OR IGNORE INTO rules VALUES (?, ?, ?)",
                    (finding.code, finding.name, finding.category),
                )
        status = result.fetch.status_class if result.fetch is not None else None
        self._write(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                index,
                result.path,
                result.format,
                result.words,
                result.error,
                status,
                counts[Severity.ERROR],
                counts[Severity.WARNING],
                counts[Severity.INFO],
                codec.encode(result),
            ),
        )
        self._write("DELETE FROM rule_counts WHERE page = ?", (index,))
        if by_rule:
            self._write_many(
                "INSERT INTO rule_counts VALUES (?, ?, ?)",
                [(index, code, count) for code, count in by_rule.items()],
            )
        self._size = max(self._size, index + 1)
        self._pending += 1
        if self._pending >= _BATCH:
            self.flush()

    def _begin(self) -> None:
        if not self.connection.in_transaction:
            self.connection.execute("BEGIN")

    def _write(self, sql: str, row: tuple) -> None:
        try:
            self._begin()
            self.connection.execute(sql, row)
        except sqlite3.Error as error:
            raise StoreError(f"cannot write the result store {self.path}: {error}") from None

    def _write_many(self, sql: str, rows: list[tuple]) -> None:
        try:
            self._begin()
            self.connection.executemany(sql, rows)
        except sqlite3.Error as error:
            raise StoreError(f"cannot write the result store {self.path}: {error}") from None

    def flush(self) -> None:
        """Commit what was put so far."""
        if self.connection.in_transaction:
            try:
                self.connection.execute("COMMIT")
            except sqlite3.Error as error:
                raise StoreError(f"cannot write the result store {self.path}: {error}") from None
        self._pending = 0

    # Reading -------------------------------------------------------------------------

    def next_index(self) -> int:
        """The position after the last page put (where a result of its own goes)."""
        return self._size

    def get(self, index: int) -> FileResult | None:
        self.flush()
        row = self.connection.execute(
            "SELECT path, format, words, error, body FROM pages WHERE id = ?", (index,)
        ).fetchone()
        return None if row is None else codec.decode(*row)

    def __len__(self) -> int:
        self.flush()
        return self.connection.execute("SELECT count(*) FROM pages").fetchone()[0]

    def __iter__(self) -> Iterator[FileResult]:
        return self.results()

    def results(self, where: str = "", args: tuple = ()) -> Iterator[FileResult]:
        """Results in audit order; ``where``: an SQL condition on pages."""
        for row in self._rows(where, args):
            yield codec.decode(*row[1:])

    def _rows(self, where: str = "", args: tuple = ()) -> Iterator[tuple]:
        """``(id, path, format, words, error, body)`` rows in audit order, ``_BATCH`` a
        query (keyset paging, so a result can be put back while the stream goes on)."""
        self.flush()
        condition = f"AND ({where})" if where else ""
        last = -1
        while True:
            rows = self.connection.execute(
                f"SELECT id, path, format, words, error, body FROM pages WHERE id > ? {condition}"
                f" ORDER BY id LIMIT {_BATCH}",
                (last, *args),
            ).fetchall()
            yield from rows
            if len(rows) < _BATCH:
                return
            last = rows[-1][0]

    def updating(self) -> Iterator[FileResult]:
        """Each result in audit order; one the caller changed before asking for the next
        is put back (what ``apply_baseline`` and friends change in place). The codec is
        exact, so a result is unchanged when it encodes to the bytes it was read from."""
        for index, *fields, body in self._rows():
            result = codec.decode(*fields, body)
            yield result
            if codec.encode(result) != body:
                self.put(index, result)
        self.flush()

    # Totals, computed in the store ---------------------------------------------------

    def severity_counts(self) -> Counter[Severity]:
        self.flush()
        row = self.connection.execute(
            "SELECT total(errors), total(warnings), total(info) FROM pages"
        ).fetchone()
        counts: Counter[Severity] = Counter()
        for severity, value in zip(
            (Severity.ERROR, Severity.WARNING, Severity.INFO), row, strict=True
        ):
            if value:
                counts[severity] = int(value)
        return counts

    def failed(self) -> list[FileResult]:
        return list(self.results("error IS NOT NULL"))

    def with_findings(self) -> int:
        self.flush()
        sql = "SELECT count(*) FROM pages WHERE errors + warnings + info > 0"
        return self.connection.execute(sql).fetchone()[0]

    def status_counts(self) -> Counter[str]:
        self.flush()
        rows = self.connection.execute(
            "SELECT status, count(*) FROM pages WHERE status IS NOT NULL GROUP BY status"
        )
        return Counter(dict(rows.fetchall()))

    def rule_totals(self) -> list[RuleTotal]:
        """Every rule that found something: findings and pages, most findings first, then
        by code."""
        self.flush()
        rows = self.connection.execute(
            "SELECT c.code, r.name, r.category, sum(c.count), count(*) FROM rule_counts c"
            " JOIN rules r ON r.code = c.code GROUP BY c.code"
            " ORDER BY sum(c.count) DESC, c.code"
        )
        return [RuleTotal(*row) for row in rows]

    def categories(self) -> set[str]:
        self.flush()
        rows = self.connection.execute(
            "SELECT DISTINCT r.category FROM rules r JOIN rule_counts c ON c.code = r.code"
        )
        return {category for (category,) in rows}

    def worst(self, limit: int, by_path: bool = True) -> list[tuple[int, FileResult]]:
        """The ``limit`` pages with the most errors, then warnings, then info (ties by
        path, or in audit order), with their positions."""
        self.flush()
        tie = "path, id" if by_path else "id"
        rows = self.connection.execute(
            "SELECT id, path, format, words, error, body FROM pages"
            " WHERE errors + warnings + info > 0"
            f" ORDER BY errors DESC, warnings DESC, info DESC, {tie} LIMIT ?",
            (limit,),
        ).fetchall()
        return [(row[0], codec.decode(*row[1:])) for row in rows]

    def worst_places(self, limit: int) -> list[tuple[int, str]]:
        """``worst`` (ties by path) as positions and paths, without reading a result."""
        self.flush()
        rows = self.connection.execute(
            "SELECT id, path FROM pages WHERE errors + warnings + info > 0"
            " ORDER BY errors DESC, warnings DESC, info DESC, path, id LIMIT ?",
            (limit,),
        )
        return [(index, path) for index, path in rows]

    def site_connection(self) -> sqlite3.Connection:
        """The site rules keep the pages' facts and keys in this store's file too."""
        return self.connection

    def key_counts(self) -> StoredKeys:
        """A fresh count of template passage keys, kept in this store's file."""
        return StoredKeys(self.connection)

    def size(self) -> int:
        """Bytes of the store's file."""
        self.flush()
        pages = self.connection.execute("PRAGMA page_count").fetchone()[0]
        return pages * self.connection.execute("PRAGMA page_size").fetchone()[0]

    # Closing -------------------------------------------------------------------------

    def close(self) -> None:
        """Commit and close (a temporary store is then gone)."""
        with contextlib.suppress(sqlite3.Error, StoreError):
            self.flush()
        with contextlib.suppress(sqlite3.Error):
            self.connection.close()

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_SIGNED, _WRAP = 1 << 63, 1 << 64  # keys are unsigned 64-bit, SQLite's integers signed


class StoredKeys:
    """On how many pages each passage key is, counted by SQLite on disk: a site of
    100,000 pages has millions of distinct passages, and a dict of them would hold
    hundreds of megabytes to find the few hundred the template repeats."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        connection.execute("DROP TABLE IF EXISTS passage_keys")
        connection.execute("CREATE TABLE passage_keys (key INTEGER NOT NULL)")
        self._pending = 0

    def add(self, keys: Iterable[int]) -> None:
        """One page's keys (each once)."""
        if not self.connection.in_transaction:
            self.connection.execute("BEGIN")
        rows = [(key - _WRAP if key >= _SIGNED else key,) for key in keys]
        self.connection.executemany("INSERT INTO passage_keys VALUES (?)", rows)
        self._pending += 1
        if self._pending >= _BATCH:
            self.connection.execute("COMMIT")
            self._pending = 0

    def at_least(self, pages: int) -> frozenset[int]:
        """The keys on ``pages`` pages or more; the counts are dropped."""
        if self.connection.in_transaction:
            self.connection.execute("COMMIT")
        rows = self.connection.execute(
            "SELECT key FROM passage_keys GROUP BY key HAVING count(*) >= ?", (pages,)
        )
        found = frozenset(key + _WRAP if key < 0 else key for (key,) in rows)
        self.connection.execute("DROP TABLE passage_keys")
        return found
