"""``audit --engine dask``: the audit's pages on a Dask distributed cluster.

``DaskPool`` is opened once per audit (a context manager) on the scheduler at an address,
or on a local cluster of ``jobs`` worker processes bound to 127.0.0.1 (no dashboard),
and ``DaskPool.mapped`` keeps the contract of ``linter.audit.run._mapped``: results in
the order of the pages, whatever order the workers finish them in.

- Pages go in batches of ``BATCH``, at most one batch a worker thread in flight and
  results held for at most ``AHEAD`` pages past the first not yet back: the
  coordinator's memory stays flat however many pages there are.
- Local files are read here and their bytes go with the task (the workers may be on
  other machines); pages of a WARC are read by the worker (the WARC is on storage the
  workers share).
- A worker that dies: the scheduler runs its tasks again elsewhere, up to its
  ``allowed-failures``; then (``KilledWorker``) the batch is split and its pages
  retried alone; a page that dies alone is run once more with nothing else in flight
  (so no other page can be what killed its worker), and if that kills its worker too
  it is ``lost(item)``.
- A page over the time limit: each worker tells the coordinator which page it starts
  (``linter.audit.dask_tasks``); a worker still on one page after the limit has its
  batch cancelled and is restarted through its nanny (``Client.restart_workers``): that
  page is ``slow(item)``, the rest of its batch is sent again.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
import signal
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import linter
from linter.audit.run import AuditPlan, Read, lint_page, scan_page
from linter.audit.sources import page_bytes
from linter.audit.watchdog import PageLimit

BATCH = 4  # pages a task: a handful, so a task's overhead is shared, order costs little
AHEAD = 256  # pages held back at most while the first page not done is still running
POLL = 0.5  # seconds between looks at the page timers
PAGES_TOPIC = "contentlint-pages"  # where workers tell which page they start
NEEDS_EXTRA = "--engine dask needs the dask extra: pip install 'contentlint[dask]'"


class EngineError(Exception):
    """The cluster cannot run the audit: one line for the user (exit 2)."""


class DaskPool:
    """A Dask client (and a local cluster without a scheduler address) for one audit."""

    def __init__(self, jobs: int, scheduler: str | None = None, timeout: float = 10.0) -> None:
        self.jobs = jobs
        self.scheduler = scheduler
        self.timeout = timeout
        self.client: Any = None
        self.cluster: Any = None
        self.where = scheduler or "a local cluster"
        self._board: dict[str, tuple[str, int, int, float]] = {}  # worker: page, since
        self._lock = threading.Lock()

    def __enter__(self) -> DaskPool:
        try:
            import distributed
        except ImportError:
            raise EngineError(NEEDS_EXTRA) from None
        try:
            self._open(distributed)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open(self, distributed: Any) -> None:
        import dask

        quiet = logging.CRITICAL
        if self.scheduler is None:
            # A page that kills its worker goes straight to being retried alone (here,
            # not by the scheduler): two deaths for it, as with the local engine. One
            # task a worker at a time (saturation 1.0; the rest wait on the scheduler),
            # so a worker that dies takes no other task down with it.
            settings = {
                "distributed.scheduler.allowed-failures": 0,
                "distributed.scheduler.worker-saturation": 1.0,
            }
            # Ctrl-C is the coordinator's to handle (it closes the cluster): the worker
            # processes, started now, inherit SIGINT ignored (restarted ones: the plugin).
            _warm_workers(dask)
            with dask.config.set(settings), _sigint_ignored():
                self.cluster = distributed.LocalCluster(
                    n_workers=self.jobs,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=quiet,
                )
            self.client = distributed.Client(self.cluster)
        else:
            for name in ("distributed", "distributed.client", "distributed.core"):
                logging.getLogger(name).setLevel(quiet)
            try:
                self.client = distributed.Client(self.scheduler, timeout=self.timeout)
            except (OSError, ValueError, TypeError) as error:
                reason = str(error).splitlines()[0] if str(error) else type(error).__name__
                raise EngineError(
                    f"cannot reach the Dask scheduler at {self.scheduler}: {reason}"
                ) from None
        self._check_workers()
        self.client.subscribe_topic(PAGES_TOPIC, self._on_event)

    def _check_workers(self) -> None:
        """At least one worker, and every worker on this contentlint version."""
        from linter.audit.dask_tasks import worker_version

        try:
            self.client.wait_for_workers(1, timeout=self.timeout)
        except TimeoutError:
            raise EngineError(
                f"no Dask worker joined the scheduler at {self.where} in {self.timeout:g} s"
            ) from None
        for address, version in sorted(self.client.run(worker_version).items()):
            if version != linter.__version__:
                raise EngineError(
                    f"the Dask worker at {address} runs contentlint {version}, this is"
                    f" {linter.__version__}: install the same version on every worker"
                )

    def close(self) -> None:
        """The client, and the local cluster with its worker processes."""
        for part in (self.client, self.cluster):
            if part is not None:
                with contextlib.suppress(Exception):
                    part.close()
        self.client = self.cluster = None

    @property
    def workers(self) -> int:
        """How many workers the cluster has now."""
        return max(1, len(self.client.scheduler_info(n_workers=-1)["workers"]))

    @property
    def threads(self) -> int:
        """How many tasks the cluster's workers run at once, all together."""
        workers = self.client.scheduler_info(n_workers=-1)["workers"].values()
        return max(1, sum(worker.get("nthreads", 1) for worker in workers))

    def _on_event(self, event: tuple[float, list[Any]]) -> None:
        """A worker started a page (``position`` >= 0) or ended a batch (-1)."""
        key, batch, position, address = event[1]
        with self._lock:
            if position < 0:
                self._board.pop(address, None)
            else:
                self._board[address] = (key, batch, position, time.monotonic())

    def overdue(self, key: str, seconds: float) -> list[tuple[str, int, int]]:
        """``(worker, batch, position)`` of the pages of pass ``key`` running too long."""
        now = time.monotonic()
        with self._lock:
            late = [
                (address, batch, position)
                for address, (on, batch, position, since) in self._board.items()
                if on == key and now - since > seconds
            ]
            for address, _, _ in late:
                del self._board[address]
        return late

    def restart(self, address: str) -> None:
        """Restart a worker stuck in a page (through its nanny); gone already is fine."""
        with contextlib.suppress(Exception):
            self.client.restart_workers([address], timeout=max(self.timeout, 30))

    def publish(self, plan: AuditPlan) -> str:
        """Hands ``plan`` to every worker once (and to any that joins later); its key."""
        from linter.audit.dask_tasks import PLUGIN_NAME, PipelinePlugin

        blob = pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)
        key = "plan-" + hashlib.sha256(blob).hexdigest()[:16]
        plugin = PipelinePlugin(key, blob, local=self.cluster is not None)
        self.client.register_plugin(plugin, name=PLUGIN_NAME)
        return key

    def mapped(
        self,
        function: Callable[[str], Any],
        items: Sequence[str],
        plan: AuditPlan,
        jobs: int,
        lost: Callable[[str], Any],
        limit: PageLimit | None = None,
        slow: Callable[[str], Any] | None = None,
    ) -> Iterator[Any]:
        """``function`` (``scan_page`` or ``lint_page``) over ``items``, in order, on the
        cluster; ``jobs`` is the cluster's business here. As ``_mapped`` otherwise."""
        kinds = {scan_page: "scan", lint_page: "lint"}
        run = _Pass(self, kinds[function], items, plan, lost, limit or PageLimit(), slow)
        try:
            yield from run.results()
        finally:
            run.cancel()


def _warm_workers(dask: Any) -> None:
    """The local cluster's workers forked from a fork server that has imported Dask
    and the pipeline (``linter.audit.preload``), as the local engine's are: a worker
    restarted after a crash is ready in a fraction of a second, not the seconds a
    fresh interpreter takes. Set for good, not for a while: the cluster's nannies
    read it again whenever they restart a worker."""
    from linter.audit.run import can_fork

    if not can_fork():
        return
    from distributed.utils import get_mp_context

    dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})
    get_mp_context().set_forkserver_preload(["distributed", "linter.audit.preload"])


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored in this process meanwhile (in the main thread only: elsewhere
    Python cannot set handlers, and no Ctrl-C is delivered there anyway)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


class _Pass:
    """One pass of an audit over the cluster: batches out, results back in order."""

    def __init__(
        self,
        pool: DaskPool,
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
