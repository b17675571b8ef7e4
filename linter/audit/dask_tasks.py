"""The worker side of ``--engine dask``: what a Dask worker runs for an audit.

A worker gets the audit's plan once per pass through a worker plugin
(``PipelinePlugin``): the scheduler keeps the plugin and sets it up on every worker,
including one that joins or is restarted mid-pass, so a task carries only the plan's
key, never the plan. The plugin also imports ``linter.audit.preload`` (spaCy, every
check) once per worker process rather than in its first page's time.

Each page a task starts is told to the coordinator as an event (``PAGES_TOPIC``): the
coordinator times pages with them and restarts a worker stuck on one
(``linter.audit.dask_engine``).
"""

from __future__ import annotations

import pickle
import signal
import threading
from typing import Any

from distributed import WorkerPlugin, get_worker

import linter
from linter.audit.dask_engine import PAGES_TOPIC
from linter.audit.run import AuditPlan, lint_read, scan_read
from linter.audit.sources import Read

PLUGIN_NAME = "contentlint-pipeline"
_PLANS: dict[str, AuditPlan] = {}  # in a worker: the plan of the current pass, by key


class PipelinePlugin(WorkerPlugin):
    """Carries one pass's plan (pickled once by the coordinator) to every worker."""

    def __init__(self, key: str, blob: bytes, local: bool = False) -> None:
        self.key = key
        self.blob = blob
        self.local = local  # a worker of the command's own local cluster

    def setup(self, worker: Any) -> None:
        import linter.audit.preload  # noqa: F401  (spaCy and the checks, once a process)

        if self.local and threading.current_thread() is threading.main_thread():
            # Ctrl-C is the command's to handle: it closes the cluster, workers too.
            signal.signal(signal.SIGINT, signal.SIG_IGN)

        if self.key not in _PLANS:
            _PLANS.clear()  # the previous pass's plan: no task of it runs any more
            _PLANS[self.key] = pickle.loads(self.blob)


def worker_version() -> str:
    """The contentlint version a worker runs (it must be the coordinator's)."""
    return linter.__version__


def run_batch(kind: str, key: str, batch: int, pages: list[tuple[int, str, Read]]) -> list[Any]:
    """``scan_read`` or ``lint_read`` over a few pages, each announced as it starts."""
    plan = _PLANS.get(key)
    if plan is None:
        raise LookupError(f"this worker has no plan {key} (its plugin did not run)")
    function = scan_read if kind == "scan" else lint_read
    worker = get_worker()
    results = []
    for position, (_, path, read) in enumerate(pages):
        worker.log_event(PAGES_TOPIC, [key, batch, position, worker.address])
        results.append(function(plan, path, read))
    worker.log_event(PAGES_TOPIC, [key, batch, -1, worker.address])
    return results
