"""Per-host politeness: how many requests may be in flight to a host and how far apart
their starts must be, and the host's robots.txt rules."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from protego import Protego


class Host:
    """One host's gate. ``slot()`` admits at most ``per_host`` requests at once and starts
    them at least ``delay`` seconds apart (FIFO, so no request waits forever)."""

    def __init__(self, key: str, per_host: int, delay: float) -> None:
        self.key = key
        self.delay = delay
        self._slots = asyncio.Semaphore(max(1, per_host))
        self._start_lock = asyncio.Lock()
        self._last_start: float | None = None
        self.robots: Protego | None = None
        # Why every URL of the host is refused (robots.txt answered 5xx or not at all), or None.
        self.refuse_all: str | None = None
        # robots.txt got no answer at all: the host's URLs are recorded as errors, not blocks.
        self.unreachable = False
        self.robots_task: asyncio.Task | None = None

    def set_delay(self, delay: float) -> None:
        """A larger delay (Crawl-delay) applies from the last start already made."""
        self.delay = delay

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._slots:
            async with self._start_lock:
                loop = asyncio.get_running_loop()
                if self._last_start is not None:
                    wait = self._last_start + self.delay - loop.time()
                    if wait > 0:
                        await asyncio.sleep(wait)
                self._last_start = loop.time()
            yield

    def allowed(self, url: str, agent: str) -> bool:
        if self.refuse_all is not None:
            return False
        return self.robots is None or self.robots.can_fetch(url, agent)
