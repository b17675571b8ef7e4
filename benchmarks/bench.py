"""Throughput and memory of contentlint on the benchmark corpus.

Measures, in one run and one process: the floor (decode, lxml parse, text extraction
and spaCy blank tokenisation of the same pages, nothing else), the full ``check`` with
the default rules, their ratio, words per second and peak memory; and the wall time of a
cold ``contentlint check`` on one sample article.

    python benchmarks/bench.py [--corpus ../shared/corpus/bench] [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bench"


def floor_pass(pages: list[bytes]) -> tuple[float, int]:
    """The irreducible work: decode, parse, extract text, tokenise."""
    import lxml.html

    from linter.nlp import pipeline
    from linter.read.decode import decode

    nlp = pipeline()
    started = time.perf_counter()
    words = 0
    for data in pages:
        text, _ = decode(data, is_html=True)
        text = text.lstrip()
        if text.startswith("<?xml"):
            text = text[text.find("?>") + 2 :]
        try:
            root = lxml.html.document_fromstring(text or "<html></html>")
        except Exception:
            continue
        for bad in root.xpath("//script|//style|//noscript|//template|//pre|//code"):
            bad.drop_tree()
        body = " ".join(root.text_content().split())
        words += len(nlp(body[:900_000]))
    return time.perf_counter() - started, words


def check_pass(paths: list[Path]) -> tuple[float, int, int, int]:
    """The full per-file pipeline with every default rule."""
    from linter.engine import Engine
    from linter.rulepack import load_rules
    from linter.runner import lint_one

    engine = Engine(load_rules())
    started = time.perf_counter()
    words = findings = failed = 0
    for path in paths:
        result = lint_one(str(path), engine)
        words += result.words
        findings += len(result.findings)
        failed += result.error is not None
    return time.perf_counter() - started, words, findings, failed


def cold_check(sample: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "linter", "check", str(sample), "--quiet"],
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*.html"))
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        sys.exit(f"no pages under {args.corpus}")
    pages = [p.read_bytes() for p in paths]
    size = sum(map(len, pages))

    floor_s, floor_words = floor_pass(pages)
    check_s, words, findings, failed = check_pass(paths)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sample = REPO / "samples" / "clean-article.html"
    cold = min(cold_check(sample) for _ in range(3))

    n = len(paths)
    print(f"pages: {n}  ({size / 1e6:.1f} MB)")
    print(f"floor  (decode+lxml+text+spaCy): {floor_s:7.2f} s  {n / floor_s:6.1f} pages/s")
    print(f"check  (all default rules):      {check_s:7.2f} s  {n / check_s:6.1f} pages/s")
    print(f"ratio check/floor: {check_s / floor_s:.2f}")
    print(f"body words/s: {words / check_s:,.0f}  (floor tokens/s: {floor_words / floor_s:,.0f})")
    print(f"findings: {findings}  files failed: {failed}")
    print(f"peak RSS: {peak_mb:.0f} MB")
    print(f"cold 'contentlint check {sample.name}': {cold:.2f} s (best of 3)")


if __name__ == "__main__":
    main()
