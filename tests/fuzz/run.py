"""Runs the fuzzing harness: ``python -m tests.fuzz.run --seconds S | --inputs N``.

Inputs come round-robin from the generators (documents from hypothesis strategies,
mutants of real pages, configs, rule packs); the same ``--seed`` and ``--inputs`` give
the same inputs. Each runs in a worker process under the watchdog; failures are saved
as repro directories under ``--out`` and the run ends with a summary table. The exit
code is 1 when any invariant failed, 0 otherwise. ``--replay DIR`` runs one saved repro
again in this process, with its traceback.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.fuzz.case import CONFIG, DOCUMENT, PACK, Case, Failure
from tests.fuzz.record import Summary, load_case

GENERATORS = ("html", "markdown", "text", "soup", "mutate", "docx", "config", "pack")
BATCH = 200  # values drawn from a strategy at a time (each batch starts simple)


class CaseSource:
    """The ``index``-th input of one generator for a seed, made on demand."""

    def __init__(
        self, generator: str, seed: int, corpus: Path | None = None, batch: int = BATCH
    ) -> None:
        self.generator, self.seed, self.corpus, self.batch = generator, seed, corpus, batch
        self._batch: tuple[int, list[Any]] = (-1, [])
        self._pages: list[Path] | None = None

    def _drawn(self, index: int) -> Any:
        from tests.fuzz.strategies import DOCUMENTS, draw

        number = index // self.batch
        if self._batch[0] != number:
            if self.generator == "config":
                from tests.fuzz.hostile import config_file as strategy
            elif self.generator == "pack":
                from tests.fuzz.hostile import pack_files as strategy
            else:
                strategy = DOCUMENTS[self.generator][0]
            key = zlib.crc32(f"{self.seed}:{self.generator}:{number}".encode())
            values = draw(strategy() if callable(strategy) else strategy, self.batch, key)
            self._batch = (number, values or [b""])
        values = self._batch[1]
        return values[index % self.batch % len(values)]

    def case(self, index: int) -> Case:
        if self.generator == "mutate":
            from tests.fuzz.mutate import mutate, sources

            if self._pages is None:
                self._pages = sources(self.corpus)
            if not self._pages:
                return Case("mutate", index, DOCUMENT, {"empty.txt": b""})
            page = self._pages[zlib.crc32(f"{self.seed}:{index}".encode()) % len(self._pages)]
            name, data = mutate(page, self.seed, index)
            return Case("mutate", index, DOCUMENT, {name: data})
        if self.generator == "docx":
            from tests.fuzz.docx import docx_mutant

            name, data = docx_mutant(self.seed, index)
            return Case("docx", index, DOCUMENT, {name: data})
        value = self._drawn(index)
        if self.generator == "config":
            return Case("config", index, CONFIG, {value[0]: value[1]})
        if self.generator == "pack":
            return Case("pack", index, PACK, value)
        from tests.fuzz.strategies import DOCUMENTS

        return Case(self.generator, index, DOCUMENT, {DOCUMENTS[self.generator][1](index): value})


def cases(
    generators: tuple[str, ...], seed: int, corpus: Path | None = None, batch: int = BATCH
) -> Iterator[Case]:
    """Inputs round-robin over ``generators``, without end."""
    made = [CaseSource(g, seed, corpus, batch) for g in generators]
    index = 0
    while True:
        for source in made:
            yield source.case(index)
        index += 1


def tool_handler(scratch: Path | None = None) -> Callable[[Case], list[Failure]]:
    """The invariant checks on the real tool, with the rules and language model loaded
    now (in the parent), so forked workers start warm."""
    from tests.fuzz.invariants import SMALL_DOCS, check_case, default_engine, lint

    engine = default_engine()
    for name, data in SMALL_DOCS.items():
        lint(name, data, engine)
    return lambda case: check_case(case, engine, scratch)


def run_fuzz(
    inputs: int | None = None,
    seconds: float | None = None,
    seed: int = 0,
    jobs: int = 1,
    out: Path | None = None,
    timeout: float = 20.0,
    generators: tuple[str, ...] = GENERATORS,
    corpus: Path | None = None,
    handler: Callable[[Case], list[Failure]] | None = None,
    progress: Callable[[Summary], None] | None = None,
) -> Summary:
    """Run the harness for ``inputs`` inputs or ``seconds`` seconds; the counts and
    the saved repros are in the returned summary."""
    from tests.fuzz.pool import run_cases

    out = out or Path(tempfile.mkdtemp(prefix="contentlint-fuzz-"))
    out.mkdir(parents=True, exist_ok=True)
    summary = Summary(out)
    handler = handler or tool_handler()
    started = time.perf_counter()
    # A small budget draws small batches: hypothesis takes seconds for a batch of 200.
    batch = min(BATCH, -(-inputs // len(generators))) if inputs else BATCH
    stream = cases(generators, seed, corpus, max(batch, 1))

    def budget() -> Iterator[Case]:
        for number, case in enumerate(stream):
            if inputs is not None and number >= inputs:
                return
            if seconds is not None and time.perf_counter() - started >= seconds:
                return
            yield case

    for case, failures, spent in run_cases(budget(), handler, jobs, timeout):
        summary.add(case, failures, spent)
        summary.elapsed = time.perf_counter() - started
        if progress:
            progress(summary)
    summary.elapsed = time.perf_counter() - started
    return summary


def _progress(every: float) -> Callable[[Summary], None]:
    last = [0.0]

    def show(summary: Summary) -> None:
        if summary.elapsed - last[0] >= every:
            last[0] = summary.elapsed
            failed = sum(summary.failures.values())
            print(f"[{summary.elapsed:7.0f} s] {summary.total} inputs, {failed} failures, "
                  f"{len(summary.saved)} distinct", file=sys.stderr, flush=True)  # fmt: skip

    return show


def _saved_key(folder: Path) -> tuple[str, str, str] | None:
    """The (invariant, kind, location) a repro directory was saved for."""
    try:
        head = (folder / "failure.txt").read_text(encoding="utf-8").splitlines()[:3]
        fields = dict(line.split(": ", 1) for line in head)
        return fields["invariant"], fields["kind"], fields["location"]
    except (OSError, ValueError, KeyError):
        return None


def replay(folder: Path, shrink: float = 0.0) -> int:
    """Run the saved case in ``folder`` again, in this process; print its failures. With
    ``shrink`` seconds, minimize it for the failure it was saved for and save that to
    ``folder/minimal``."""
    from tests.fuzz.invariants import check_case, default_engine
    from tests.fuzz.record import save_case

    case = load_case(folder)
    engine = default_engine()
    started = time.perf_counter()
    failures = check_case(case, engine)
    print(f"{case.generator} #{case.index}: {time.perf_counter() - started:.2f} s")
    for failure in failures:
        print(f"{failure.invariant} / {failure.kind} / {failure.location}\n{failure.detail}\n")
    if shrink and failures:
        from tests.fuzz.minimize import minimize

        key = _saved_key(folder) or failures[0].key
        small = minimize(case, key, lambda c: check_case(c, engine), shrink)
        (again,) = [f for f in check_case(small, engine) if f.key == key][:1] or [failures[0]]
        save_case(small, folder / "minimal")
        detail = f"{' / '.join(key)}\ninput bytes: {small.size}\n\n{again.detail}\n"
        (folder / "minimal" / "failure.txt").write_text(detail, encoding="utf-8")
        print(f"minimal ({case.size} -> {small.size} bytes): {folder / 'minimal'}")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.run", description=__doc__)
    budget = parser.add_mutually_exclusive_group(required=True)
    budget.add_argument("--seconds", type=float, help="stop starting inputs after this long")
    budget.add_argument("--inputs", type=int, help="run exactly this many inputs")
    budget.add_argument("--replay", type=Path, help="run one saved repro directory again")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--out", type=Path, help="repro directory (default: a new temp dir)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per input")
    parser.add_argument("--generators", default=",".join(GENERATORS), help="comma-separated")
    parser.add_argument("--corpus", type=Path, help="pages to mutate (../shared/corpus/bench)")
    parser.add_argument(
        "--minimize", type=float, default=0.0, metavar="S", help="with --replay: shrink for S s"
    )
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay, args.minimize)
    chosen = tuple(g.strip() for g in args.generators.split(",") if g.strip())
    unknown = sorted(set(chosen) - set(GENERATORS))
    if unknown or not chosen:
        parser.error(f"unknown generator(s) {', '.join(unknown)} (known: {', '.join(GENERATORS)})")
    summary = run_fuzz(
        args.inputs, args.seconds, args.seed, args.jobs, args.out, args.timeout, chosen,
        args.corpus, progress=_progress(60.0),
    )  # fmt: skip
    print(summary.table())
    return 1 if summary.failures else 0


if __name__ == "__main__":
    sys.exit(main())
