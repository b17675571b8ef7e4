"""``audit --engine dask``: the audit's pages on a Dask distributed cluster.

``DaskPool`` is opened once per audit (a context manager) on the scheduler at an address,
or on a local cluster of ``jobs`` worker processes bound to 127.0.0.1 (no dashboard),
and ``DaskPool.mapped`` keeps the contract of ``linter.audit.run._mapped``: results in
the order of the pages, whatever order the workers finish them in.

How a pass runs (batches, order, lost workers, stuck pages): ``linter.audit.dask_pass``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import linter
from linter.audit.dask_pass import Pass
from linter.audit.run import AuditPlan, lint_page, scan_page
from linter.audit.watchdog import PageLimit

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
                try:
                    self.cluster = distributed.LocalCluster(
                        n_workers=self.jobs,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=None,
                        silence_logs=quiet,
                    )
                except (OSError, RuntimeError, TimeoutError) as error:
                    raise EngineError(f"cannot start a local Dask cluster: {error}") from None
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
        run = Pass(self, kinds[function], items, plan, lost, limit or PageLimit(), slow)
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
