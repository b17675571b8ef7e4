"""Time and peak memory of ``contentlint check`` on very large and pathological inputs.

Each input is built in a temporary directory (never in the repository), then checked
by a fresh ``contentlint check FILE --format json --output /dev/null`` process whose
wall time and peak resident memory (``os.wait4``) are measured:

- HTML of 10 MB and 50 MB (50,000,000 bytes): one page whose body holds the bodies of
  the corpus pages, varied on a second pass (the worst case: one article of 50 MB);
- plain text of 1,000,000 short lines (synthetic sentences in paragraphs);
- one line of 20 MB of synthetic prose (no line break at all);
- one HTML page holding a 40 KB run of punctuation and a 200,000-character word.

The targets from the issue are checked at the end: 50 MB HTML under 1 GiB and under 5x
the time of 10 MB; 1M lines under 60 s; one 20 MB line under 30 s. The exit code is 1
when one is missed.

    python benchmarks/scale.py [--corpus ../shared/corpus/bench] [--only NAME,...]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bench"
MB = 1_000_000

_WORDS = [
    "the",
    "a",
    "model",
    "data",
    "team",
    "report",
    "price",
    "market",
    "city",
    "river",
    "policy",
    "school",
    "garden",
    "engine",
    "network",
    "season",
    "council",
    "budget",
    "museum",
    "harbour",
    "station",
    "library",
    "doctor",
    "patient",
    "study",
    "grows",
    "falls",
    "changes",
    "improves",
    "reduces",
    "shows",
    "expects",
    "builds",
    "opens",
    "closes",
    "measures",
    "quickly",
    "slowly",
    "often",
    "rarely",
    "again",
    "today",
    "later",
    "early",
    "new",
    "old",
    "large",
    "small",
    "local",
]


def _sentence(rng: random.Random) -> str:
    words = rng.sample(_WORDS, rng.randint(4, 9))  # no word twice: no doubled-word findings
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice(".!?.")


_BODY = re.compile(rb"<body[^>]*>(.*?)(?:</body>|$)", re.DOTALL | re.IGNORECASE)
_CODE = re.compile(rb"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


def build_html(corpus: Path, size: int) -> bytes:
    """One page whose body holds the corpus pages' bodies (without scripts and styles)
    back to back, cut at ``size`` bytes; after the first pass each body's lines are
    shuffled, so the text varies. The 77 MB corpus makes about 40 MB of bodies."""
    bodies = []
    for page in sorted(corpus.glob("*.html")):
        found = _BODY.search(page.read_bytes())
        if found:
            bodies.append(_CODE.sub(b"", found.group(1)))
    rng = random.Random(size)
    head = b"<!DOCTYPE html><html lang=en><head><title>Scale test</title></head><body>"
    out, total, round_ = [head], len(head), 0
    while total < size:
        for body in bodies:
            if round_:
                lines = body.split(b"\n")
                rng.shuffle(lines)
                body = b"\n".join(lines)
            out.append(body)
            total += len(body)
            if total >= size:
                break
        round_ += 1
    return b"".join(out)[:size]


def build_lines(count: int) -> bytes:
    """``count`` short lines of prose; a blank line ends every fifth, headings now and then."""
    rng = random.Random(count)
    lines = []
    for i in range(count):
        if i % 5 == 4:
            lines.append("")
        elif i % 200 == 0:
            lines.append(" ".join(rng.choice(_WORDS).capitalize() for _ in range(3)))
        else:
            lines.append(_sentence(rng))
    return ("\n".join(lines) + "\n").encode()


def build_one_line(size: int) -> bytes:
    """``size`` bytes of sentences on a single line."""
    rng = random.Random(size)
    parts, total = [], 0
    while total < size:
        sentence = _sentence(rng) + " "
        parts.append(sentence)
        total += len(sentence)
    return "".join(parts)[:size].encode()


def build_pathological() -> bytes:
    """A page with a 40 KB punctuation run and a 200,000-character word among prose."""
    prose = "<p>" + " ".join(_sentence(random.Random(i)) for i in range(20)) + "</p>"
    return (
        "<html><head><title>Data Science vs Data Analytics</title></head><body>"
        "<h1>Data Science vs Data Analytics</h1>"
        + prose
        + "<p>"
        + '$(["' * 10_000
        + "</p>"
        + prose
        + "<p>"
        + "Q" * 200_000
        + "</p><p>Both fields aim to improve Data Science vs Data Analytics delivery.</p>"
        + "</body></html>"
    ).encode()


def measure(path: Path, timeout: float) -> tuple[float, float, int]:
    """Wall seconds, peak resident MiB and exit code of one ``check`` in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "linter", "check", str(path), "--format", "json"]
    command += ["--output", os.devnull]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.05)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--only", default="", help="comma-separated input names")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    inputs: dict[str, tuple[str, Callable[[], bytes]]] = {
        "html-10MB": ("page.html", lambda: build_html(args.corpus, 10 * MB)),
        "html-50MB": ("page.html", lambda: build_html(args.corpus, 50 * MB)),
        "text-1M-lines": ("lines.txt", lambda: build_lines(1_000_000)),
        "one-20MB-line": ("line.txt", lambda: build_one_line(20 * MB)),
        "punct+huge-word": ("odd.html", build_pathological),
    }
    chosen = [n for n in args.only.split(",") if n] or list(inputs)
    if any(n.startswith("html") for n in chosen) and not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: the HTML inputs are skipped", file=sys.stderr)
        chosen = [n for n in chosen if not n.startswith("html")]
    results: dict[str, tuple[float, float]] = {}
    print(f"{'input':<16} {'size MB':>8} {'seconds':>8} {'peak MiB':>8} exit")
    with tempfile.TemporaryDirectory(prefix="contentlint-scale-") as tmp:
        for name in chosen:
            filename, build = inputs[name]
            path = Path(tmp) / filename
            path.write_bytes(build())
            seconds, peak, code = measure(path, args.timeout)
            results[name] = (seconds, peak)
            size = path.stat().st_size / MB
            print(f"{name:<16} {size:>8.1f} {seconds:>8.1f} {peak:>8.0f} {code}", flush=True)
            path.unlink()
    return _verdict(results)


def _verdict(results: dict[str, tuple[float, float]]) -> int:
    """Print each target the run could check; 1 if any was missed."""
    checks = []
    if "html-50MB" in results:
        peak = results["html-50MB"][1]
        checks.append((f"50 MB HTML under 1 GiB ({peak * 1.048576:.0f} MB)", peak < 1024))
        if "html-10MB" in results:
            ratio = results["html-50MB"][0] / results["html-10MB"][0]
            checks.append((f"50 MB HTML under 5x the time of 10 MB ({ratio:.1f}x)", ratio < 5))
    if "text-1M-lines" in results:
        checks.append(("1M lines under 60 s", results["text-1M-lines"][0] < 60))
    if "one-20MB-line" in results:
        checks.append(("one 20 MB line under 30 s", results["one-20MB-line"][0] < 30))
    for label, ok in checks:
        print(f"{'ok  ' if ok else 'MISS'} {label}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
