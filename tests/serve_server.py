"""A real ``contentlint serve`` for the tests: a subprocess on 127.0.0.1, a free port,
stopped (and its workers with it) when the test module ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_LINE = "contentlint serve: "


@contextmanager
def running_server(cwd: Path, *args: str) -> Iterator[str]:
    """Start the server in ``cwd`` with ``args``; yields its URL (ending in "/")."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    process = subprocess.Popen(
        [sys.executable, "-m", "linter", "serve", "--port", "0", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once every worker has loaded
        if not line.startswith(START_LINE):
            process.kill()
            _, err = process.communicate(timeout=30)
            raise RuntimeError(f"the server did not start: {line!r} {err!r}")
        yield line[len(START_LINE) :].strip()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
