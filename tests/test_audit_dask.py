"""contentlint audit --engine dask: the same reports as the local engine, on a local
Dask cluster and on a scheduler and two workers started here as separate processes
(127.0.0.1). One page of the site kills the worker process that lints it: every engine
reports it as not audited, and the rest of the reports is the same byte for byte.

Every process is started in its own process group and killed whole at the end; every
wait is bounded by SAFETY."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLES

pytest.importorskip("distributed")

SAFETY = 120  # seconds: only ever reached when the code under test is broken
CRASH_MARKER = "crash-page-marker"
# Imported at start-up by every process of the test (the CLI, its workers, the Dask
# workers): the page holding the marker ends its process, as a crash in C code does.
CRASH_HOOK = f"""\
import os

import linter.engine

_check = linter.engine.Engine.check


def check(self, doc):
    if "{CRASH_MARKER}" in doc.source:
        os._exit(9)
    return _check(self, doc)


linter.engine.Engine.check = check
"""
FORMATS = ("json", "sarif", "csv")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("dask")


@pytest.fixture(scope="module")
def env(folder: Path) -> dict[str, str]:
    hook = folder / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(CRASH_HOOK, encoding="utf-8")
    env = dict(os.environ)
    repo = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hook), repo, env.get("PYTHONPATH")]))
    # Tests of a poisoned page need no retries on other workers before it goes alone.
    env["DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES"] = "0"
    return env


@pytest.fixture(scope="module")
def pages(folder: Path) -> list[str]:
    """The samples, four corpus pages when the corpus is here, and the crashing page."""
    crash = folder / "site" / "m-crash.html"
    crash.parent.mkdir()
    crash.write_text(
        f"<html><head><title>Crash</title></head><body><p>{CRASH_MARKER}</p></body></html>",
        encoding="utf-8",
    )
    # Four of the smaller third of the corpus: real pages, and a file that stays fast.
    by_size = sorted(CORPUS.glob("*.html"), key=lambda path: (path.stat().st_size, path.name))
    corpus = by_size[:120][::30] if CORPUS.exists() else []
    return [str(SAMPLES), *map(str, corpus), str(crash)]


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("w") as sink:
        return subprocess.Popen(command, env=env, stdout=sink, stderr=sink, start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=SAFETY)


@pytest.fixture(scope="module")
def scheduler(folder: Path, env: dict[str, str]):
    """The address of a scheduler with two one-thread workers, each its own process."""
    dask = [sys.executable, "-m", "dask"]
    file = folder / "scheduler.json"
    command = [*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
    started = [_start([*command, "--scheduler-file", str(file)], env, folder / "scheduler.log")]
    try:
        deadline = time.monotonic() + SAFETY
        while not file.exists() or not file.read_text().strip():
            assert time.monotonic() < deadline, (folder / "scheduler.log").read_text()
            time.sleep(0.1)
        worker = [*dask, "worker", "--scheduler-file", str(file), "--nthreads", "1"]
        worker += ["--no-dashboard", "--host", "127.0.0.1"]
        for number in range(2):
            started.append(_start(worker, env, folder / f"worker{number}.log"))
        from distributed import Client

        with Client(scheduler_file=str(file), timeout=SAFETY) as client:
            client.wait_for_workers(2, timeout=SAFETY)
        yield json.loads(file.read_text())["address"]
    finally:
        for process in reversed(started):
            _stop(process)


def _audits(folder: Path, env: dict[str, str], pages: list[str], runs: dict[str, list[str]]):
    """``audit PAGES ARGS`` for each run, side by side, each in a process of its own
    (much of a run is waiting: start-up, workers replaced after the crash); each run's
    reports' bytes by format, and its standard error."""
    processes = {}
    for name, args in runs.items():
        outputs = []
        for fmt in FORMATS:
            outputs += ["--format", fmt, "--output", str(folder / f"{name}.{fmt}")]
        command = [sys.executable, "-m", "linter", "audit", *pages, *args, *outputs]
        processes[name] = subprocess.Popen(
            [*command, "--exit-zero"], env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True, start_new_session=True,
        )  # fmt: skip
    done = {}
    try:
        for name, process in processes.items():
            _, stderr = process.communicate(timeout=SAFETY)
            # A page not audited: exit 2, --exit-zero or not.
            assert process.returncode == 2, stderr
            assert "Traceback" not in stderr
            reports = {fmt: (folder / f"{name}.{fmt}").read_bytes() for fmt in FORMATS}
            done[name] = reports, stderr
    finally:
        for process in processes.values():
            with suppress(ProcessLookupError):  # no worker outlives the run
                os.killpg(process.pid, signal.SIGKILL)
    return done


def test_reports_are_the_same_on_every_engine(folder, env, pages, scheduler) -> None:
    # -j 1 against -j 2 is test_audit's test_output_is_the_same_for_any_number_of_workers
    # (and benchmarks/engines_identical.py runs all four on the whole corpus).
    runs = {"local1": ["-j", "1"], "scheduler": ["--scheduler", scheduler]}
    done = _audits(folder, env, pages, runs)
    done |= _audits(folder, env, pages, {"dask": ["--engine", "dask", "-j", "2"]})
    local, _ = done["local1"]
    payload = json.loads(local["json"])
    errors = {f["path"]: f["error"] for f in payload["files"] if f["error"]}
    assert errors == {pages[-1]: "could not audit: the worker process reading it died"
                      " (out of memory, or a crash in a parser)"}  # fmt: skip
    assert len(payload["files"]) > 5 and payload["findings"]
    for name, (reports, stderr) in done.items():
        for fmt in FORMATS:
            assert reports[fmt] == local[fmt], (name, fmt)
        assert f"{pages[-1]}: could not audit" in stderr


def test_a_worker_on_another_version_is_one_line(scheduler, monkeypatch) -> None:
    import linter
    from linter.audit.dask_engine import DaskPool, EngineError

    monkeypatch.setattr(linter, "__version__", "0.0.0-other")
    other = r"runs contentlint \S+, this is 0\.0\.0-other"
    with pytest.raises(EngineError, match=other), DaskPool(1, scheduler, timeout=SAFETY):
        pass


def test_an_unreachable_scheduler_is_one_line_naming_it() -> None:
    from linter.audit.dask_engine import DaskPool, EngineError

    started = time.monotonic()
    unreachable = r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    with pytest.raises(EngineError, match=unreachable), DaskPool(1, "tcp://127.0.0.1:9", timeout=1):
        pass
    assert time.monotonic() - started < SAFETY


def test_without_dask_the_engine_says_which_extra(cli, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    result = cli("audit", str(SAMPLES), "--engine", "dask")
    assert result.exit_code == 2
    assert "needs the dask extra: pip install 'contentlint[dask]'" in result.output


@pytest.mark.parametrize(
    ("engine", "scheduler", "table", "chosen"),
    [
        (None, None, {}, ("local", None)),
        (None, "tcp://a:1", {}, ("dask", "tcp://a:1")),
        (None, None, {"scheduler": "tcp://b:2"}, ("dask", "tcp://b:2")),
        (None, None, {"engine": "dask"}, ("dask", None)),
        ("local", None, {"scheduler": "tcp://b:2"}, ("local", None)),
        ("dask", None, {"engine": "local"}, ("dask", None)),
    ],
)
def test_engine_from_options_then_config(engine, scheduler, table, chosen) -> None:
    from linter.cli.engine import chosen_engine
    from linter.config import parse_config

    config = parse_config({"audit": table}, None)
    assert chosen_engine(engine, scheduler, config) == chosen


def test_config_audit_table_is_checked() -> None:
    from linter.config import ConfigError, parse_config

    with pytest.raises(ConfigError, match=r'audit\.engine must be "local" or "dask"'):
        parse_config({"audit": {"engine": "spark"}}, None)
    with pytest.raises(ConfigError, match=r"unknown key audit\.workers"):
        parse_config({"audit": {"workers": 3}}, None)
