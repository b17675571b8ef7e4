"""A progress bar on standard error: pages done, pages per second, time left.

Drawn only on a terminal (never into a pipe or a CI log) and at most ten times a
second, so a fast audit does not spend its time printing.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 24
_PHASES = {"scan": "template pass", "lint": "auditing"}


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Call with ``(phase, pages done)``; ``close`` ends the line."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = max(total, 1)
        self.stream = stream or sys.stderr
        self.phase = ""
        self.started = time.monotonic()
        self.drawn = 0.0

    def __call__(self, phase: str, done: int) -> None:
        now = time.monotonic()
        if phase != self.phase:
            if self.phase:
                self.stream.write("\n")
            self.phase, self.started, self.drawn = phase, now, 0.0
        if done < self.total and now - self.drawn < 0.1:
            return
        self.drawn = now
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
        if self.phase:
            self.stream.write("\n")
            self.stream.flush()
            self.phase = ""
