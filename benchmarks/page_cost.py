"""Where an audit's time goes, page by page: a stage table and the audit/floor ratio.

Issue 18 asks for ``audit --jobs 1`` within twice the floor of ``benchmarks/bench.py``
(decode, lxml parse, visible text, spaCy blank tokenisation). This script says how far
it is and where the rest goes, in one process and on the same pages:

1. the floor (``bench.floor_page`` over the corpus) and the audit at ``--jobs 1``,
   un-instrumented, alternately ``--rounds`` times (the machine's speed drifts);
2. one more audit with named functions wrapped by a timer that charges each moment to
   the innermost stage running (exclusive times: the rows add up to the audit), so a
   helper shared by several checks through ``Document.memo`` is charged to its memo
   key, not to the check that happened to ask first;
3. what pickling each page's result between processes would cost (``--jobs 2``).

    python benchmarks/page_cost.py [--corpus ../shared/corpus/bench] [--rounds 2]

The instrumented run is a little slower than the plain one (a wrapper per call); the
shares, not the seconds, are what to read from it.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import pickle
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # the floor and the corpus listing are bench's own


class StageClock:
    """Exclusive wall time per stage: a stack of the stages running, the top one charged."""

    def __init__(self, now: Callable[[], float] = time.process_time) -> None:
        self.now = now
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[str] = ["other (audit loop, result building)"]
        self._mark = now()

    def _charge(self) -> None:
        now = self.now()
        self.seconds[self._stack[-1]] += now - self._mark
        self._mark = now

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self._charge()
        self._stack.append(name)
        self.calls[name] += 1
        try:
            yield
        finally:
            self._charge()
            self._stack.pop()

    def wrap(self, name: str, function: Callable[..., Any], consume: bool = False) -> Any:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.stage(name):
                result = function(*args, **kwargs)
                return list(result) if consume else result

        timed.__wrapped_by_clock__ = True  # type: ignore[attr-defined]
        return timed


def _patch(clock: StageClock, owner: Any, attr: str, name: str, consume: bool = False) -> None:
    """Wrap ``owner.attr`` and every ``from ... import`` copy of it in linter's modules."""
    original = getattr(owner, attr)
    timed = clock.wrap(name, original, consume)
    setattr(owner, attr, timed)
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("linter") and module is not owner:
            for key, value in list(vars(module).items()):
                if value is original:
                    setattr(module, key, timed)


def instrument(clock: StageClock, rules: list[Any]) -> None:
    """Wrap the stages of the per-page path (the modules are loaded by now)."""
    import lxml.etree

    from linter import nlp, runner
    from linter.audit import run
    from linter.checks.readability import _stats
    from linter.checks.site import _facts, _minhash
    from linter.model import Document
    from linter.read import html, html_body, html_frame, html_page, htmlpos

    decode = importlib.import_module("linter.read.decode")

    _patch(clock, run, "scan_page", "template pass 1 (scan_page: decode + keys)")
    _patch(clock, run, "strip_template", "template mark (pass 2)")
    _patch(clock, decode, "decode", "read: decode")
    _patch(clock, lxml.etree, "fromstring", "read: lxml parse")
    _patch(clock, html, "_read_tree", "read: tree walk (blocks)")
    _patch(clock, html_body, "find_body", "read: find body")
    _patch(clock, html, "jsonld", "read: JSON-LD")
    _patch(clock, htmlpos.SourceIndex, "__init__", "read: position map (SourceIndex)")
    _patch(clock, html_page, "page_facts", "read: page facts (head, headings)")
    _patch(clock, html_frame, "frame_headings", "read: page facts (head, headings)")
    _patch(clock, html, "read_html", "read: other")
    _patch(clock, nlp, "segment", "spaCy blank segmentation (sentences)")
    nlp.segmenter.cache_clear()  # its partials hold the unwrapped ``segment``
    _patch(clock, nlp, "parse_texts", "spaCy trained parse (contradiction)")
    _patch(clock, _stats, "document_scores", "readability scores")
    _patch(clock, _facts, "page_facts", "site facts (page_facts)")
    _patch(clock, _minhash, "body_signature", "site facts: MinHash")
    _patch(clock, runner, "_quoted_lines", "quoted lines")
    memo = Document.memo

    def timed_memo(doc: Document, key: str, build: Callable[[], Any]) -> Any:
        if key in doc._memo:
            return doc._memo[key]
        with clock.stage(f"shared: memo {key.split(':')[0]}"):
            return memo(doc, key, build)

    Document.memo = timed_memo  # type: ignore[method-assign]
    seen: set[int] = set()
    for rule in rules:
        module = rule.module
        if id(module) in seen or not hasattr(module, "check"):
            continue
        seen.add(id(module))
        family = module.__name__.split(".")[-2]
        name = f"check {family}: {module.__name__.split('.')[-1]}"
        module.check = clock.wrap(name, module.check, consume=True)


def audit_once(paths: list[str]) -> tuple[tuple[float, float], Any]:
    """(wall, CPU) seconds of an audit of ``paths`` at ``--jobs 1`` in this process
    (``bench.measure``'s way: no page time limit, so no worker), and its outcome."""
    from linter.audit.run import AuditPlan, run_audit
    from linter.engine import Engine
    from linter.rulepack import load_rules

    rules = load_rules()
    plan = AuditPlan(Engine(rules), [r for r in rules if r.scope == "corpus"])
    started, cpu = time.perf_counter(), time.process_time()
    outcome = run_audit(paths, plan, jobs=1)
    return (time.perf_counter() - started, time.process_time() - cpu), outcome


def floor_once(paths: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of the floor over ``paths``."""
    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        bench.floor_page(path)
    return time.perf_counter() - started, time.process_time() - cpu


def pickling(paths: list[str]) -> float:
    """Seconds to pickle and unpickle each page's (result, facts) as a worker sends them."""
    from linter.audit import run
    from linter.audit.run import AuditPlan
    from linter.engine import Engine
    from linter.rulepack import load_rules

    rules = load_rules()
    run._PLAN = AuditPlan(Engine(rules), [r for r in rules if r.scope == "corpus"])
    spent = 0.0
    for path in paths:
        page = run.lint_page(path)
        started = time.perf_counter()
        pickle.loads(pickle.dumps(page))
        spent += time.perf_counter() - started
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=bench.DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=2, help="alternate floor/audit runs")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument(
        "--clock",
        choices=["cpu", "wall"],
        default="cpu",
        help="stage times in this process's CPU time (default: steady on a shared machine)",
    )
    parser.add_argument("--no-pickle", action="store_true", help="skip the pickling row")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    paths = bench.pages_of(args.corpus, args.limit, 1)
    from linter.nlp import pipeline, trained
    from linter.rulepack import load_rules

    pipeline()
    trained()
    floor_once(paths[:20])  # warm: imports, first-use caches
    floors, audits = [], []
    for _ in range(args.rounds):
        floors.append(floor_once(paths))
        audits.append(audit_once(paths)[0])
    print(f"corpus: {args.corpus} ({len(paths)} pages)")
    if floors:
        for n, what in ((0, "wall"), (1, "CPU")):
            floor = min(f[n] for f in floors)
            audit = min(a[n] for a in audits)
            print(
                f"{what:4}: floor {floor:6.2f} s ({len(paths) / floor:5.1f} pages/s), audit"
                f" {audit:6.2f} s ({len(paths) / audit:5.1f} pages/s), ratio {audit / floor:.2f}x"
            )
        print(f"(best of {args.rounds} alternate runs each)\n")

    clock = StageClock(time.perf_counter if args.clock == "wall" else time.process_time)
    instrument(clock, load_rules())
    clock._mark = clock.now()
    (seconds, _), _ = audit_once(paths)
    clock._charge()
    total = sum(clock.seconds.values())
    print(f"stages of one instrumented audit ({seconds:.2f} s wall; exclusive {args.clock} times):")
    print(f"{'stage':58} {'seconds':>8} {'share':>6} {'calls':>7}")
    for name, spent in sorted(clock.seconds.items(), key=lambda kv: -kv[1]):
        if spent >= 0.005 * total:
            print(f"{name:58} {spent:8.2f} {spent / total:6.1%} {clock.calls[name]:7}")
    small = sum(s for s in clock.seconds.values() if s < 0.005 * total)
    print(f"{'(stages under 0.5% each)':58} {small:8.2f} {small / total:6.1%}")
    if not args.no_pickle:
        print(f"\npickling each page's result and facts (at --jobs 2): {pickling(paths):.2f} s")


if __name__ == "__main__":
    main()
