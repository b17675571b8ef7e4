"""A progress bar on standard error: pages done, pages per second, time left.

Drawn only on a terminal (never into a pipe or a CI log) and at most ten times a
second, so a fast audit does not spend its time printing.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TextIO

_WIDTH = 24
_EVERY = 0.1  # seconds between drawings at most
_PHASES = {"scan": "template pass", "lint": "auditing"}


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _later(seconds: float, callback: Callable[[], None]) -> threading.Timer:
    timer = threading.Timer(seconds, callback)
    timer.daemon = True
    timer.start()
    return timer


class Progress:
    """Call with ``(phase, pages done)``; ``close`` ends the line.

    A call that comes within a tenth of a second of the last drawing is not drawn at
    once but kept, and a timer draws the latest one a moment later: without it, pages
    that finish together and then a long wait (a slow page) would leave the bar showing
    an old count for as long as the wait lasts.
    """

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        schedule: Callable[[float, Callable[[], None]], Any] | None = None,
    ) -> None:
        self.total = max(total, 1)
        # Runs a callback after some seconds and returns something with ``cancel()``.
        self._schedule = schedule or _later
        self.stream = stream or sys.stderr
        self.phase = ""
        self.started = time.monotonic()
        self.drawn = 0.0
        self.pending: int | None = None  # a count not drawn yet
        self._timer: Any = None
        self._lock = threading.Lock()

    def __call__(self, phase: str, done: int) -> None:
        with self._lock:
            now = time.monotonic()
            if phase != self.phase:
                if self.phase:
                    self.stream.write("\n")
                self.phase, self.started, self.drawn, self.pending = phase, now, 0.0, None
            if done < self.total and now - self.drawn < _EVERY:
                self.pending = done
                if self._timer is None:
                    self._timer = self._schedule(_EVERY, self.flush)
                return
            self._draw(done, now)

    def flush(self) -> None:
        """Draw the count a throttled call left (the timer calls this)."""
        with self._lock:
            self._timer = None
            if self.pending is not None and self.phase:
                self._draw(self.pending, time.monotonic())

    def _draw(self, done: int, now: float) -> None:
        self.drawn, self.pending = now, None
        self.stream.write("\r" + self.line(done, now - self.started))
        self.stream.flush()

    def line(self, done: int, elapsed: float) -> str:
        """``auditing [#####-----] 120/353 pages  34.2 pages/s  ETA 0:00:07``"""
        filled = _WIDTH * done // self.total
        rate = done / elapsed if elapsed > 0 else 0.0
        left = _clock((self.total - done) / rate) if rate else "-:--:--"
        bar = "#" * filled + "-" * (_WIDTH - filled)
        label = _PHASES.get(self.phase, self.phase)
        return f"{label:13} [{bar}] {done}/{self.total} pages  {rate:5.1f} pages/s  ETA {left}"

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self.phase:
                self.stream.write("\n")
                self.stream.flush()
                self.phase, self.pending = "", None
