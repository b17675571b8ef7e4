"""Throughput, memory and start-up time of contentlint on the benchmark corpus.

One command measures, in the same run and on the same pages:

- the floor: decode, lxml parse, text extraction and spaCy blank tokenisation of every
  page, nothing else, on 1 and on 2 processes;
- ``audit`` with every default rule (template pass, lint pass, site rules) on 1 and 2
  worker processes: pages/s, article words/s, peak memory of the parent and of a worker
  (resident, and private: what a forked worker adds beyond the pages it shares);
- the ratio audit/floor for the same number of processes;
- with ``--repeat 5``, the same on the corpus listed five times, to show that a worker's
  memory stays flat as the site grows;
- the wall time of a cold ``contentlint check`` (a fresh process) on a 2,000-word article.

Each measurement runs in a fresh interpreter so none inherits another's caches or memory.

    python benchmarks/bench.py [--corpus ../shared/corpus/bench] [--jobs 1,2] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bench"
ARTICLE_WORDS = 2000


def floor_page(path: str) -> int:
    """The irreducible work on one page: decode, parse, extract text, tokenise."""
    import lxml.html

    from linter.nlp import pipeline
    from linter.read.decode import decode

    text, _ = decode(Path(path).read_bytes(), is_html=True)
    text = text.lstrip()
    if text.startswith("<?xml"):
        text = text[text.find("?>") + 2 :]
    try:
        root = lxml.html.document_fromstring(text or "<html></html>")
    except Exception:
        return 0
    for bad in root.xpath("//script|//style|//noscript|//template|//pre|//code"):
        bad.drop_tree()
    body = " ".join(root.text_content().split())
    return len(pipeline()(body[:900_000]))


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _worker_mb(pid: int) -> tuple[float, float]:
    """A worker's peak resident size and its private memory now (USS), in MB.

    Workers are forked from the audit's fork server, so their resident size counts the
    pages they share with it (spaCy, the checks); the private memory is what each one
    adds. Both are read from /proc: workers are not this process's children to wait
    for, so ``getrusage`` does not see them."""
    try:
        with open(f"/proc/{pid}/status") as status:
            peak = next((line for line in status if line.startswith("VmHWM:")), "VmHWM: 0 kB")
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            fields = dict(line.split(":", 1) for line in rollup if ":" in line)
    except OSError:
        return 0.0, 0.0
    private = sum(int(fields.get(k, "0 kB").split()[0]) for k in ("Private_Clean", "Private_Dirty"))
    return int(peak.split()[1]) / 1024, private / 1024


class WorkerMemory:
    """Samples the memory of this process's worker processes while a run goes on."""

    def __init__(self, every: float = 0.1) -> None:
        import threading

        self.resident = self.private = 0.0
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        import multiprocessing

        while not self._stop.wait(self.every):
            for child in multiprocessing.active_children():
                if child.pid is not None:
                    resident, private = _worker_mb(child.pid)
                    self.resident = max(self.resident, resident)
                    self.private = max(self.private, private)

    def start(self) -> WorkerMemory:
        self._thread.start()
        return self

    def stop(self) -> WorkerMemory:
        self._stop.set()
        self._thread.join()
        return self


def _start_fork_server() -> None:
    """Start the audit's fork server (a process that loads spaCy once) before the clock,
    as the floor's pool starts from a process that has loaded it."""
    from linter.audit.run import _context

    with _context().Pool(1) as pool:
        pool.map(abs, [1])


def measure(kind: str, paths: list[str], jobs: int) -> dict[str, float]:
    """One measurement in this (fresh) process; start-up is loaded before the clock."""
    from linter.audit.run import AuditPlan, run_audit
    from linter.engine import Engine
    from linter.nlp import pipeline
    from linter.rulepack import load_rules

    rules = load_rules()
    pipeline()
    if kind == "audit" and jobs > 1:
        _start_fork_server()
    sampled = jobs > 1 and Path("/proc/self/smaps_rollup").exists()
    sampler = WorkerMemory().start() if sampled else None
    started = time.perf_counter()
    if kind == "floor":
        if jobs == 1:
            words = sum(map(floor_page, paths))
        else:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                words = sum(pool.imap(floor_page, paths, 4))
        findings = failed = 0
    else:
        plan = AuditPlan(Engine(rules), [r for r in rules if r.scope == "corpus"])
        outcome = run_audit(paths, plan, jobs=jobs)
        words = sum(r.words for r in outcome.files)
        findings = sum(len(r.findings) for r in outcome.files)
        failed = sum(r.error is not None for r in outcome.files)
    seconds = time.perf_counter() - started
    parent = _peak_mb(resource.RUSAGE_SELF)
    workers = sampler.stop() if sampler is not None else None
    return {
        "seconds": seconds,
        "pages": len(paths),
        "words": words,
        "findings": findings,
        "failed": failed,
        "parent_mb": parent,
        "worker_mb": workers.resident if workers else parent,
        "private_mb": workers.private if workers else parent,
    }


def _run(kind: str, corpus: Path, jobs: int, repeat: int, limit: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", kind, "--corpus", str(corpus)]
    command += ["--jobs", str(jobs), "--repeat", str(repeat), "--limit", str(limit)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{kind} --jobs {jobs} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def article(folder: Path) -> Path:
    """A 2,000-word HTML article made of the project's own sample paragraphs."""
    from linter.model import PARAGRAPH
    from linter.read import read_bytes

    paragraphs = []
    for sample in sorted((REPO / "samples").glob("clean-*")):
        doc = read_bytes(sample.read_bytes(), str(sample))
        paragraphs += [b.text for b in doc.blocks if b.kind == PARAGRAPH and b.region == "main"]
    parts, words, n = [], 0, 0
    while words < ARTICLE_WORDS:
        text = paragraphs[n % len(paragraphs)]
        if n % 4 == 0:
            parts.append(f"<h2>Part {n // 4 + 1}</h2>")
        parts.append(f"<p>{text}</p>")
        words += len(text.split())
        n += 1
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>A long article for the start-up benchmark</title></head>"
        "<body><article><h1>A long article</h1>\n" + "\n".join(parts) + "</article></body></html>"
    )
    path = folder / "article-2000-words.html"
    path.write_text(html, encoding="utf-8")
    return path


def cold_check(sample: Path, runs: int = 5) -> list[float]:
    """Wall seconds of ``contentlint check`` in a fresh process, several times."""
    script = Path(sys.executable).with_name("contentlint")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "linter"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*command, "check", str(sample), "--quiet"], capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def pages_of(corpus: Path, limit: int, repeat: int) -> list[str]:
    paths = sorted(str(p) for p in corpus.glob("*.htm*"))
    return (paths[:limit] if limit else paths) * repeat


def report(corpus: Path, jobs_list: list[int], repeats: list[int], limit: int) -> None:
    size = sum(p.stat().st_size for p in corpus.glob("*.htm*"))
    print(f"corpus: {corpus} ({len(pages_of(corpus, limit, 1))} pages, {size / 1e6:.1f} MB)")
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}\n")
    # words/s: the article words audit counts on these pages, for both rows
    print(
        f"{'run':24} {'seconds':>8} {'pages/s':>8} {'words/s':>9} {'parent MB':>10}"
        f" {'worker MB':>10} {'worker own':>11} {'findings':>9}"
    )
    for repeat in repeats:
        for jobs in jobs_list:
            floor = _run("floor", corpus, jobs, repeat, limit)
            audit = _run("audit", corpus, jobs, repeat, limit)
            label = f"x{repeat} " if repeat > 1 else ""
            for name, m in (
                (f"{label}floor --jobs {jobs}", floor),
                (f"{label}audit --jobs {jobs}", audit),
            ):
                print(
                    f"{name:24} {m['seconds']:8.2f} {m['pages'] / m['seconds']:8.1f} "
                    f"{audit['words'] / m['seconds']:9,.0f} {m['parent_mb']:10.0f} "
                    f"{m['worker_mb']:10.0f} {m['private_mb']:11.0f} {m['findings']:9,}"
                )
            ratio = audit["seconds"] / floor["seconds"]
            print(
                f"{'':24} ratio audit/floor at --jobs {jobs}: {ratio:.2f}x  (failed: {audit['failed']})"
            )
    print(
        "\nparent MB and worker MB: peak resident size (a forked worker's counts the pages it"
        "\nshares with the process it was forked from); worker own: a worker's peak private"
        "\nmemory, sampled"
    )
    with tempfile.TemporaryDirectory() as folder:
        sample = article(Path(folder))
        times = cold_check(sample)
    print(
        f"\ncold 'contentlint check' on a {ARTICLE_WORDS:,}-word article: "
        f"best {min(times):.2f} s, median {sorted(times)[len(times) // 2]:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", default="1,2", help="worker counts to measure, e.g. 1,2")
    parser.add_argument("--repeat", default="1", help="corpus repetitions, e.g. 1,5")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--measure", choices=["floor", "audit"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    if args.measure:
        paths = pages_of(args.corpus, args.limit, int(args.repeat))
        print(json.dumps(measure(args.measure, paths, int(args.jobs))))
        return
    jobs = [int(j) for j in args.jobs.split(",")]
    repeats = [int(r) for r in args.repeat.split(",")]
    report(args.corpus, jobs, repeats, args.limit)


if __name__ == "__main__":
    main()
