"""One pass of an audit on a Dask cluster (``linter.audit.dask_engine``): batches of
pages out, results back in the pages' order, lost workers and stuck pages handled.

- Pages go in batches of ``BATCH``, at most one batch a worker thread in flight (a task
  sent to a busy worker waits there and dies with it if that worker dies; here it
  waits safe), results held for at most ``AHEAD`` pages past the first not yet back:
  the coordinator's memory stays flat however many pages there are.
- Local files are read here and their bytes go with the task (the workers may be on
  other machines); pages of a WARC are read by the worker (the WARC is on storage the
  workers share).
- A worker that dies: the scheduler runs its tasks again elsewhere, up to its
  ``allowed-failures``; then (``KilledWorker``) the batch is split and its pages
  retried alone; a page that dies alone is run once more with nothing else in flight
  (so no other page can be what killed its worker), and if that kills its worker too
  it is ``lost(item)``.
- A page over the time limit: each worker tells the coordinator which page it starts
  (``linter.audit.dask_tasks``); a worker still on one page after the limit is
  restarted through its nanny (``Client.restart_workers``) and its batch cancelled:
  that page is ``slow(item)``, the rest of its batch is sent again.
"""

from __future__ import annotations

import contextlib
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from linter.audit.run import AuditPlan
from linter.audit.sources import Read, page_bytes
from linter.audit.watchdog import PageLimit

BATCH = 4  # pages a task: a handful, so a task's overhead is shared, order costs little
AHEAD = 256  # pages held back at most while the first page not done is still running
POLL = 0.5  # seconds between looks at the page timers


class Pass:
    """One pass of an audit over the cluster: batches out, results back in order."""

    def __init__(
        self,
        pool: Any,
        kind: str,
        items: Sequence[str],
        plan: AuditPlan,
        lost: Callable[[str], Any],
        limit: PageLimit,
        slow: Callable[[str], Any] | None,
    ) -> None:
        self.pool, self.kind, self.items, self.plan = pool, kind, items, plan
        self.lost, self.limit, self.slow = lost, limit, slow
        self.key = pool.publish(plan)
        self.run_id = uuid.uuid4().hex[:8]
        self.cursor = 0  # the next page not yet in a batch
        self.again: deque[list[int]] = deque()  # batches to send again, first
        self.flying: dict[Any, tuple[int, list[int]]] = {}  # future: batch number, pages
        self.done: dict[int, Any] = {}
        self.count = 0
        self.quarantine: deque[int] = deque()  # pages that died alone, to run isolated
        self.isolated: set[int] = set()  # pages sent with nothing else in flight
        self.alone = False  # one of them is in flight: nothing else goes out
        self.slots = pool.threads

    def results(self) -> Iterator[Any]:
        from distributed import wait
        from distributed.client import FuturesCancelledError

        first = 0
        while first < len(self.items):
            while first in self.done:
                yield self.done.pop(first)
                first += 1
            if first >= len(self.items):
                return
            if self.pool.client.status not in ("running", "connecting"):
                from linter.audit.dask_engine import EngineError

                raise EngineError(f"lost the Dask scheduler at {self.pool.where}")
            self._send(first)
            with contextlib.suppress(TimeoutError, FuturesCancelledError):
                wait(list(self.flying), timeout=POLL, return_when="FIRST_COMPLETED")
            for future in [f for f in self.flying if f.status != "pending"]:
                self._take(future)
            if self.limit.seconds is not None:
                self._stop_overdue(self.limit.seconds)

    def _send(self, first: int) -> None:
        """Batches out while fewer than one a worker thread are in flight. Not more:
        a task sent to a worker busy with another waits there, and dies with it when
        that worker dies (a crash, a restart for the time limit); here it waits safe."""
        while len(self.flying) < self.slots and not self.alone:
            if self.quarantine:
                if self.flying:
                    return  # in flight: first drained, then the page on its own
                self.isolated.add(self.quarantine[0])
                pages = [self.quarantine.popleft()]
                self.alone = True
            else:
                pages = self.again.popleft() if self.again else self._next_batch(first)
            if not pages:
                return
            self.count += 1
            tasks = [(index, self.items[index], self._read(index)) for index in pages]
            from linter.audit.dask_tasks import run_batch

            future = self.pool.client.submit(
                run_batch,
                self.kind,
                self.key,
                self.count,
                tasks,
                key=f"contentlint-{self.kind}-{self.run_id}-{self.count}",
                pure=False,
            )
            self.flying[future] = (self.count, pages)

    def _next_batch(self, first: int) -> list[int]:
        """The next ``BATCH`` pages (pages over the limit in the earlier pass: ``slow``)."""
        pages: list[int] = []
        while len(pages) < BATCH and self.cursor < min(len(self.items), first + AHEAD):
            index = self.cursor
            self.cursor += 1
            if index in self.limit.over and self.slow is not None:
                self.done[index] = self.slow(self.items[index])
            else:
                pages.append(index)
        return pages

    def _read(self, index: int) -> Read:
        """A local file's bytes (or why they cannot be read); a WARC's page: None."""
        path = self.items[index]
        if path in self.plan.sources:
            return None
        try:
            return page_bytes(self.plan.sources, self.plan.fmt, path)
        except Exception as error:
            return error

    def _take(self, future: Any) -> None:
        """A batch's results in; a batch whose workers died: its pages alone, or lost."""
        from distributed import KilledWorker

        _, pages = self.flying.pop(future)
        if pages[0] in self.isolated:
            self.alone = False
        if future.status == "finished":
            self.done.update(zip(pages, future.result(), strict=True))
            return
        error = future.exception() if future.status == "error" else None
        if error is None:  # lost or cancelled by the scheduler, not failed: again
            self.isolated.difference_update(pages)
            self.again.append(pages)
            return
        if not isinstance(error, KilledWorker):
            from linter.audit.dask_engine import EngineError

            raise EngineError(f"a Dask task failed: {type(error).__name__}: {error}")
        if len(pages) > 1:
            self.again.extendleft([index] for index in reversed(pages))
            return
        # Alone, it may have died only for sharing its worker with the page that killed
        # it (a worker that died holds two tasks when the other worker was away). Run
        # with nothing else in flight, its death is its own: then it is lost.
        index = pages[0]
        if index in self.isolated:
            self.done[index] = self.lost(self.items[index])
        else:
            self.quarantine.append(index)

    def _stop_overdue(self, seconds: float) -> None:
        """A page over the limit: its batch cancelled, its worker restarted, the other
        pages of the batch sent again."""
        by_number = {number: (f, pages) for f, (number, pages) in self.flying.items()}
        for address, number, position in self.pool.overdue(self.key, seconds):
            if number not in by_number or by_number[number][0].status != "pending":
                continue
            future, pages = by_number[number]
            index = pages[position]
            self.limit.over.add(index)
            assert self.slow is not None
            self.done[index] = self.slow(self.items[index])
            del self.flying[future]
            self.alone = self.alone and index not in self.isolated
            # The worker first, then the task: a task cancelled first frees the worker
            # in the scheduler's eyes while its thread is still stuck, and the next
            # task sent there would die with it.
            self.pool.restart(address)
            self.pool.client.cancel([future])
            rest = [page for page in pages if page != index]
            if rest:
                self.again.appendleft(rest)

    def cancel(self) -> None:
        """The batches still out (the audit stopped early): cancelled."""
        if self.flying and self.pool.client is not None:
            with contextlib.suppress(Exception):
                self.pool.client.cancel(list(self.flying))
        self.flying.clear()
