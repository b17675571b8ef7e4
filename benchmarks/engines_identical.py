"""The audit's reports are the same bytes on every engine, on the full corpus.

Runs ``contentlint audit CORPUS`` three times, each in a fresh process, writing JSON,
SARIF and CSV reports:

- ``local``: the process pool (``-j JOBS``);
- ``dask``: ``--engine dask -j JOBS``, the local Dask cluster the command starts;
- ``scheduler``: ``--scheduler ADDRESS``, a ``dask scheduler`` and JOBS ``dask worker``
  processes (one thread each) started here on 127.0.0.1, as on a real cluster;

then compares the reports byte for byte (and the JSON with ``--baseline FILE`` if
given, such as a report made from main before a change), and prints each run's wall
time. Exit 0 when every report is identical, 1 otherwise.

    python benchmarks/engines_identical.py [--corpus ../shared/corpus/bench] [--jobs 2]
        [--baseline /work/tmp18/corpus_main.json]

A report names each page by its path as given, so a ``--baseline`` compares only when
``--corpus`` is spelt as it was for the baseline (``../shared/corpus/bench`` there).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager, suppress
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bench"
FORMATS = ("json", "sarif", "csv")
SAFETY = 1800  # seconds for one run of the whole corpus: only reached when broken


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def _audit(corpus: Path, folder: Path, name: str, args: list[str]) -> float:
    """One audit in a process of its own; its wall time."""
    outputs = []
    for fmt in FORMATS:
        outputs += ["--format", fmt, "--output", str(folder / f"{name}.{fmt}")]
    command = [sys.executable, "-m", "linter", "audit", str(corpus), *args, *outputs]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "--exit-zero", "-q"], env=_env(), capture_output=True, text=True,
        timeout=SAFETY, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 2):
        sys.exit(f"{name}: exit {done.returncode}\n{done.stderr}")
    return seconds


@contextmanager
def _cluster(folder: Path, workers: int):
    """A scheduler and ``workers`` one-thread workers on 127.0.0.1; its address."""
    dask = [sys.executable, "-m", "dask"]
    file = folder / "cluster" / "scheduler.json"  # deleted by the scheduler as it ends
    file.parent.mkdir()
    scheduler = [*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
    worker = [*dask, "worker", "--scheduler-file", str(file), "--nthreads", "1"]
    worker += ["--no-dashboard", "--host", "127.0.0.1"]
    log = (folder / "cluster.log").open("w")
    scheduler += ["--scheduler-file", str(file)]
    started = [
        subprocess.Popen(scheduler, env=_env(), stdout=log, stderr=log, start_new_session=True)
    ]
    try:
        deadline = time.monotonic() + 60
        while not file.exists() or not file.read_text().strip():
            if time.monotonic() > deadline:
                sys.exit("the scheduler did not start: see " + str(folder / "cluster.log"))
            time.sleep(0.1)
        for _ in range(workers):
            started.append(
                subprocess.Popen(worker, env=_env(), stdout=log, stderr=log, start_new_session=True)
            )
        from distributed import Client

        with Client(scheduler_file=str(file), timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)
        yield json.loads(file.read_text())["address"]
    finally:
        for process in reversed(started):
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        log.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--baseline", type=Path, help="a JSON report the others must equal")
    options = parser.parse_args()
    if not options.corpus.is_dir():
        sys.exit(f"no corpus at {options.corpus}")
    jobs = ["-j", str(options.jobs)]
    with tempfile.TemporaryDirectory(prefix="engines-") as name:
        folder = Path(name)
        times = {"local": _audit(options.corpus, folder, "local", jobs)}
        times["dask"] = _audit(options.corpus, folder, "dask", ["--engine", "dask", *jobs])
        with _cluster(folder, options.jobs) as address:
            times["scheduler"] = _audit(
                options.corpus, folder, "scheduler", ["--scheduler", address]
            )
        pages = len(json.loads((folder / "local.json").read_text())["files"])
        same = True
        for engine, seconds in times.items():
            print(f"{engine:10} {seconds:7.1f} s  {pages / seconds:6.1f} pages/s")
        for fmt in FORMATS:
            local = (folder / f"local.{fmt}").read_bytes()
            for engine in ("dask", "scheduler"):
                equal = (folder / f"{engine}.{fmt}").read_bytes() == local
                same &= equal
                print(f"{fmt:6} local == {engine:10} {'identical' if equal else 'DIFFERENT'}")
        if options.baseline:
            equal = options.baseline.read_bytes() == (folder / "local.json").read_bytes()
            same &= equal
            print(f"json   local == {options.baseline}: {'identical' if equal else 'DIFFERENT'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
