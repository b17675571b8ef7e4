"""A pool of worker processes that check documents, each with its own engine.

Why not ``concurrent.futures``: a document that runs past the time limit must be
stopped, and a process pool cannot stop one task without breaking every other one in
flight. Here each worker is a process with a pipe of its own; the server hands a task to
an idle worker, waits for the answer up to the limit, and on a timeout kills that worker
alone and starts another. Other editors' requests, on other workers, go on.

Workers are started with ``spawn``: the server has threads (uvicorn, the waits here),
and forking a process with threads can copy a held lock into the child.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import signal
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from linter.serve.errors import ApiError
from linter.serve.inputs import DocumentInput
from linter.serve.job import ServeSettings

START_SECONDS = 120.0  # a worker that is not ready by then (loading spaCy) failed
QUEUE_FACTOR = 10  # a request waits for an idle worker up to this many check time limits


def _worker_main(conn: Connection, settings: ServeSettings) -> None:
    """A worker: load once, then answer tasks until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    try:
        from linter.serve.job import Checker

        checker = Checker(settings)
        checker.warm()
    except Exception as error:
        conn.send(("failed", f"{type(error).__name__}: {error}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            action, inp = conn.recv()
        except (EOFError, OSError):
            return
        try:
            # Encoded here, so the server's event loop only passes bytes on.
            answer = json.dumps(checker.run(action, inp), ensure_ascii=False).encode()
            reply: tuple[Any, ...] = ("ok", answer)
        except ApiError as error:
            reply = ("error", error.status, error.code, error.message)
        except Exception as error:  # a bug answers this request, not every later one
            reply = ("error", 500, "internal", f"checking failed: {type(error).__name__}: {error}")
        conn.send(reply)


@dataclass(eq=False)  # compared and hashed by identity: kept in a set
class _Worker:
    process: Any
    conn: Connection


class WorkerError(Exception):
    """A worker could not start: the one-line reason."""


class WorkerPool:
    """``size`` worker processes; ``run`` hands a task to an idle one."""

    def __init__(self, size: int, settings: ServeSettings, timeout: float) -> None:
        self.size = size
        self.settings = settings
        self.timeout = timeout
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._pending: set[asyncio.Future[None]] = set()  # replacements still loading

    def _launch(self) -> _Worker:
        """Start one worker process (it loads in the background: see ``_ready``)."""
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(child, self.settings), daemon=True, name="contentlint-serve"
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        return worker

    def _ready(self, worker: _Worker) -> _Worker:
        """Wait until ``worker`` has loaded (raises WorkerError, the worker killed)."""
        if not worker.conn.poll(START_SECONDS):
            self._kill(worker)
            raise WorkerError(f"a worker did not start within {START_SECONDS:.0f} seconds")
        try:
            state, detail = worker.conn.recv()
        except (EOFError, OSError):
            self._kill(worker)
            raise WorkerError("a worker stopped while starting") from None
        if state != "ready":
            self._kill(worker)
            raise WorkerError(f"a worker could not start: {detail}")
        return worker

    def _spawn(self) -> _Worker:
        return self._ready(self._launch())

    def start(self) -> list[_Worker]:
        """Start every worker and wait until all have loaded (they load side by side)."""
        try:
            launched = [self._launch() for _ in range(self.size)]
            return [self._ready(worker) for worker in launched]
        except WorkerError:
            self.close()
            raise
        except OSError as error:  # no process could be started: one line, no traceback
            self.close()
            raise WorkerError(f"a worker could not start: {error.strerror or error}") from None

    def attach(self, workers: list[_Worker]) -> None:
        """Put started workers in the idle queue of the running event loop."""
        self._idle = asyncio.Queue()
        for worker in workers:
            self._idle.put_nowait(worker)

    def _kill(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        with contextlib.suppress(OSError):
            worker.conn.close()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)

    def _call(self, worker: _Worker, action: str, inp: DocumentInput) -> tuple[Any, ...] | None:
        """Send a task and wait for its answer; None when the time limit passed."""
        worker.conn.send((action, inp))
        if not worker.conn.poll(self.timeout):
            return None
        return worker.conn.recv()

    def _relaunch(self, worker: _Worker) -> _Worker:
        self._kill(worker)
        return self._launch()

    async def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start a fresh one in its place before answering, so the
        pool never looks short; it joins the idle queue once loaded (in the background:
        loading spaCy takes a second or two)."""
        fresh = await asyncio.to_thread(self._relaunch, worker)

        async def when_ready() -> None:
            try:
                await asyncio.to_thread(self._ready, fresh)
            except WorkerError:
                return  # the pool runs one worker short; healthz shows it
            assert self._idle is not None
            await self._idle.put(fresh)

        self._pending.add(asyncio.ensure_future(when_ready()))
        self._pending = {task for task in self._pending if not task.done()}

    async def run(self, action: str, inp: DocumentInput) -> bytes:
        """The worker's answer to one task, as JSON; ApiError for a refused or failed one."""
        assert self._idle is not None, "attach() the pool to the event loop first"
        try:  # a queue of editors is normal: wait for a worker far longer than a check
            worker = await asyncio.wait_for(self._idle.get(), QUEUE_FACTOR * self.timeout)
        except TimeoutError:
            raise ApiError(503, "busy", "every worker is busy: try again shortly") from None
        try:
            reply = await asyncio.to_thread(self._call, worker, action, inp)
        except (EOFError, OSError):
            await self._replace(worker)
            raise ApiError(
                500, "worker_failed", "the worker checking this document stopped"
            ) from None
        except BaseException:  # the request was cancelled: the worker's state is unknown
            self._pending.add(asyncio.ensure_future(self._replace(worker)))
            raise
        if reply is None:
            await self._replace(worker)
            raise ApiError(
                504, "timeout", f"checking took longer than the limit of {self.timeout:g} seconds"
            )
        await self._idle.put(worker)
        if reply[0] == "ok":
            return reply[1]
        _, status, code, message = reply
        raise ApiError(status, code, message)

    @property
    def idle(self) -> int:
        return self._idle.qsize() if self._idle is not None else 0

    @property
    def alive(self) -> int:
        with self._lock:
            return sum(1 for w in self._all if w.process.is_alive())

    def close(self) -> None:
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._kill(worker)
