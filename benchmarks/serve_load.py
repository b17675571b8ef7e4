"""Concurrent editors on one ``contentlint serve``: answers correct, time bounded.

Starts the server (a subprocess on 127.0.0.1, a free port), then:

1. checks each document once, one at a time: the expected answers, and the time of one
   request on an idle server;
2. sends ``--requests`` (default 20) requests at once, mixed documents (corpus pages of
   different sizes, the project's samples in every format, the Word sample), and checks
   every answer is the expected one: the wall time, and each request's latency;
3. the same burst with one slow document (several MB of prose, past ``--timeout``) sent
   first: the slow one must come back 504 while every other is answered, so one editor's
   huge paste does not hold up the rest.

    python benchmarks/serve_load.py [--corpus ../shared/corpus/bench] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from serve_server import running_server  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bench"


def documents(corpus: Path, pages: int) -> list[tuple[str, bytes]]:
    """Samples in every format and ``pages`` corpus pages spread over the size range."""
    docs = [(p.name, p.read_bytes()) for p in sorted((REPO / "samples").iterdir()) if p.is_file()]
    if corpus.is_dir():
        found = sorted(corpus.glob("*.html"), key=lambda p: p.stat().st_size)
        step = max(1, len(found) // max(pages, 1))
        docs += [(p.name, p.read_bytes()) for p in found[::step][:pages]]
    return docs


def ask(url: str, name: str, data: bytes, timeout: float = 600) -> tuple[int, dict, float]:
    started = time.perf_counter()
    with httpx.Client(base_url=url, timeout=timeout) as client:
        answer = client.post("/v1/check", params={"filename": name}, content=data)
    return answer.status_code, answer.json(), time.perf_counter() - started


def burst(
    url: str, jobs: list[tuple[str, bytes]]
) -> tuple[float, list[tuple[str, int, dict, float]]]:
    """Send every job at once (one thread each); the wall time and each outcome."""
    results: list[tuple[str, int, dict, float] | None] = [None] * len(jobs)

    def one(index: int) -> None:
        name, data = jobs[index]
        status, body, seconds = ask(url, name, data)
        results[index] = (name, status, body, seconds)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(jobs))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, [r for r in results if r is not None]


def describe(label: str, wall: float, outcomes: list[tuple[str, int, dict, float]]) -> dict:
    latencies = sorted(seconds for _, _, _, seconds in outcomes)
    row = {
        "run": label,
        "requests": len(outcomes),
        "wall_s": round(wall, 2),
        "median_s": round(statistics.median(latencies), 2),
        "p90_s": round(latencies[int(0.9 * (len(latencies) - 1))], 2),
        "max_s": round(latencies[-1], 2),
    }
    print(json.dumps(row))
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()
    docs = documents(args.corpus, pages=8)
    jobs = [docs[i % len(docs)] for i in range(args.requests)]
    workdir = Path(os.environ.get("TMPDIR", "/tmp"))
    serve_args = ("--workers", str(args.workers), "--timeout", str(args.timeout))
    with running_server(workdir, *serve_args) as url:
        expected: dict[str, dict] = {}
        singles = []
        for name, data in docs:
            status, body, seconds = ask(url, name, data)
            assert status == 200, (name, body)
            expected[name] = body
            singles.append(seconds)
        print(json.dumps({"run": "one at a time", "documents": len(docs),
                          "median_s": round(statistics.median(singles), 2),
                          "max_s": round(max(singles), 2)}))  # fmt: skip
        wall, outcomes = burst(url, jobs)
        wrong = [
            name for name, status, body, _ in outcomes if status != 200 or body != expected[name]
        ]
        describe(f"{len(jobs)} at once", wall, outcomes)
        sentence = "Wind turbines need open land and a steady breeze all through the year. "
        slow = ("# Long\n\n" + "\n\n".join(sentence * 6 for _ in range(12_000))).encode()
        wall, outcomes = burst(url, [("slow.md", slow), *jobs[: len(jobs) - 1]])
        slow_status = outcomes[0][1]
        wrong += [n for n, s, b, _ in outcomes[1:] if s != 200 or b != expected[n]]
        describe(f"{len(jobs)} at once, one slow", wall, outcomes)
        print(json.dumps({"slow_document_status": slow_status, "wrong_answers": wrong}))
    return 0 if not wrong and slow_status == 504 else 1


if __name__ == "__main__":
    sys.exit(main())
