"""Worker processes with a watchdog: invariant 4 (time per input is bounded).

Each input runs in a child process; one that takes longer than the bound is killed and
reported as a ``time`` failure, and a child that dies (a segfault, the OOM killer) as a
``no-crash`` one. Children are forked from the parent after it has loaded the rules and
the language model once, so a replacement starts in milliseconds.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from tests.fuzz.case import Case, Failure, crash

TIME = "time"
Handler = Callable[[Case], list[Failure]]


def _serve(conn: Connection, handler: Handler) -> None:
    """The child's loop: a case in, its failures and seconds out, until ``None``."""
    while True:
        case = conn.recv()
        if case is None:
            return
        started = time.perf_counter()
        try:
            failures = handler(case)
        except Exception as error:  # a bug of the harness, reported rather than lost
            failures = [crash("harness", error, "the invariant checks")]
        for failure in failures:
            failure.case = None  # the parent has the case; do not send it back
        conn.send((failures, time.perf_counter() - started))


class _Worker:
    def __init__(self, context: Any, handler: Handler) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, handler), daemon=True)
        self.process.start()
        child.close()
        self.case: Case | None = None
        self.started = 0.0
        self.bound = 0.0  # seconds the current case may take

    def give(self, case: Case, limit: float) -> None:
        self.case, self.started, self.bound = case, time.perf_counter(), limit
        self.conn.send(case)

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
                self.process.join(5)
            except OSError:
                pass
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def bound(case: Case, timeout: float) -> float:
    """Seconds ``case`` may take: ``timeout``, and as much again per megabyte of input.
    The tool's work grows linearly with the input, and one input is linted three times
    (a check and two ``--fix`` runs, each with passes that lint again): a flat bound
    would call a 1.5 MB page slow for being large."""
    return timeout * (1 + case.size / 1_000_000)


def run_cases(
    cases: Iterable[Case], handler: Handler, jobs: int = 1, timeout: float = 20.0
) -> Iterator[tuple[Case, list[Failure], float]]:
    """``(case, failures, seconds)`` for every case, run by ``jobs`` forked workers;
    results come in completion order. A case running past its ``bound`` is killed."""
    context = multiprocessing.get_context("fork")
    pending = iter(cases)
    workers = [_Worker(context, handler) for _ in range(max(1, jobs))]
    busy: list[_Worker] = []
    try:
        for worker in workers:
            case = next(pending, None)
            if case is None:
                break
            worker.give(case, bound(case, timeout))
            busy.append(worker)
        while busy:
            now = time.perf_counter()
            soonest = min(w.started + w.bound for w in busy) - now
            ready = wait([w.conn for w in busy], timeout=max(0.0, soonest))
            for worker in list(busy):
                case = worker.case
                assert case is not None
                outcome: tuple[list[Failure], float] | None = None
                if worker.conn in ready:
                    try:
                        failures, seconds = worker.conn.recv()
                        outcome = (failures, seconds)
                    except (EOFError, OSError):
                        worker.process.join(1)
                        code = worker.process.exitcode
                        died = Failure("no-crash", "worker-died", f"exit code {code}")
                        outcome = ([died], time.perf_counter() - worker.started)
                elif time.perf_counter() - worker.started > worker.bound:
                    detail = f"still running after {worker.bound:.3g} s; killed"
                    outcome = ([Failure(TIME, "timeout", case.generator, detail)], worker.bound)
                if outcome is None:
                    continue
                busy.remove(worker)
                if outcome[0] and outcome[0][0].kind in ("timeout", "worker-died"):
                    worker.stop(kill=True)
                    workers.remove(worker)
                    worker = _Worker(context, handler)
                    workers.append(worker)
                for failure in outcome[0]:
                    failure.case = case
                yield case, outcome[0], outcome[1]
                following = next(pending, None)
                if following is not None:
                    worker.give(following, bound(following, timeout))
                    busy.append(worker)
    finally:
        for worker in workers:
            worker.stop(kill=bool(busy))
