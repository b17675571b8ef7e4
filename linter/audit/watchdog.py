"""The per-page time limit of an audit: each worker posts the page it is on, the
coordinator stops a worker whose page has run longer than the limit.

A worker cannot be trusted to stop itself: much of a page's work is C code (spaCy's
tokenizer, ``re``, lxml) that a signal handler does not interrupt. So every worker
writes "page *i* since *t*" to its own cell of a shared array, the coordinator reads the
cells while it waits for results, and kills (SIGKILL) the process whose page is over
the limit. The pool breaks; ``linter.audit.run`` reports that page as not audited and
sends the other pages that worker held to fresh workers.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as WaitTimeout
from dataclasses import dataclass, field
from typing import Any

_CELLS = 3  # pid, page index + 1 (0: between pages), when the page started
_LONGEST_WAIT = 60.0  # seconds between two looks at the board, whatever the limit


@dataclass
class PageLimit:
    """An audit's page time limit (``None``: none) and the pages, by index, that went
    over it: shared by the template pass and the lint pass, so a page stopped in the
    first is not run (and waited for) again in the second."""

    seconds: float | None = None
    over: set[int] = field(default_factory=set)

    @property
    def message(self) -> str:
        """Why a page over the limit is missing from the report."""
        return f"not audited: took longer than the page time limit ({self.seconds:g} s)"


class Board:
    """A cell per worker, in memory shared with the workers: which page, since when.

    Each cell is written only by its worker; the coordinator only reads (and kills).
    A page's start is written before its number and the number is cleared first when
    the page ends, so a reader that sees the same number before and after reading the
    start time has a start time of that page.
    """

    def __init__(self, context: Any, workers: int) -> None:
        self.cells = context.RawArray("d", _CELLS * workers)
        self.seats = context.Value("i", 0)  # cells handed out so far
        self.workers = workers

    # -- in a worker --------------------------------------------------------------

    def take_seat(self) -> int | None:
        """This worker's cell (``None`` if every cell is taken), with its pid written."""
        with self.seats.get_lock():
            seat = self.seats.value
            self.seats.value += 1
        if seat >= self.workers:
            return None
        self.cells[_CELLS * seat] = os.getpid()
        return seat

    def started(self, seat: int, index: int) -> None:
        self.cells[_CELLS * seat + 2] = time.monotonic()
        self.cells[_CELLS * seat + 1] = index + 1

    def finished(self, seat: int) -> None:
        self.cells[_CELLS * seat + 1] = 0

    # -- in the coordinator -------------------------------------------------------

    def pages(self) -> Iterator[tuple[int, int, float]]:
        """``(pid, page index, started)`` of every worker on a page now."""
        for seat in range(self.workers):
            base = _CELLS * seat
            before = self.cells[base + 1]
            since = self.cells[base + 2]
            if before and self.cells[base + 1] == before:
                yield int(self.cells[base]), int(before) - 1, since

    def stop_all(self) -> None:
        """End every worker at once (Ctrl-C): a worker deep in a page would otherwise
        finish it first, and one stuck on a page would keep the command from exiting."""
        for seat in range(min(self.seats.value, self.workers)):
            _kill(int(self.cells[_CELLS * seat]), signal.SIGKILL)


def _kill(pid: int, sig: int) -> None:
    if pid > 0:
        with contextlib.suppress(ProcessLookupError, PermissionError):  # gone already
            os.kill(pid, sig)


def wait_for(future: Future, board: Board, limit: PageLimit) -> Any:
    """The result of ``future``; meanwhile, kill every worker whose page has run longer
    than the limit and add that page's index to ``limit.over``.

    Sleeps until the earliest moment a page can go over the limit (or a result comes):
    a page not started yet cannot go over it before ``limit`` seconds from now.
    """
    seconds = limit.seconds
    if seconds is None:
        return future.result()
    while True:
        now = time.monotonic()
        wait = seconds
        for pid, index, since in board.pages():
            left = since + seconds - now
            if left > 0:
                wait = min(wait, left)
            elif index not in limit.over:
                limit.over.add(index)
                _kill(pid, signal.SIGKILL)
        try:
            return future.result(timeout=min(wait, _LONGEST_WAIT))
        except WaitTimeout:
            continue
