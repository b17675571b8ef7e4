"""Where an audit puts each page's result, by its position in the audit.

``run_audit`` writes through the ``Results`` protocol: the result store on disk
(``linter.audit.store``) for the command, or a ``ResultList`` in memory for rule examples,
tests and programs that call it directly. Both count the template pass's passage keys
(``key_counts``) and give the site rules a database for the pages' facts.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Protocol

from linter.audit.site_store import temporary_connection
from linter.runner import FileResult


class Results(Protocol):
    """Where an audit puts each page's result by its position: the result store
    (``linter.audit.store``), or a list for pages audited in memory."""

    def put(self, index: int, result: FileResult) -> None: ...
    def get(self, index: int) -> FileResult | None: ...
    def next_index(self) -> int: ...
    def key_counts(self) -> KeyCounts: ...
    def site_connection(self) -> sqlite3.Connection: ...


class KeyCounts(Protocol):
    """On how many pages each template passage key is (pass 1)."""

    def add(self, keys: Iterable[int]) -> None: ...
    def at_least(self, pages: int) -> frozenset[int]: ...


class CountedKeys:
    """``KeyCounts`` in memory, for a list of results."""

    def __init__(self) -> None:
        self.counts: Counter[int] = Counter()

    def add(self, keys: Iterable[int]) -> None:
        self.counts.update(keys)

    def at_least(self, pages: int) -> frozenset[int]:
        return frozenset(key for key, count in self.counts.items() if count >= pages)


class ResultList(list):
    """A list of results with the store's ``put``/``get`` (``audit_documents``)."""

    def put(self, index: int, result: FileResult) -> None:
        if index >= len(self):
            self.append(result)
        else:
            self[index] = result

    def get(self, index: int) -> FileResult | None:  # type: ignore[override]
        return self[index] if index < len(self) else None

    def next_index(self) -> int:
        return len(self)

    def key_counts(self) -> KeyCounts:
        return CountedKeys()

    def site_connection(self) -> sqlite3.Connection:
        """Where the site rules keep the pages' facts: a temporary file of their own."""
        return temporary_connection()
