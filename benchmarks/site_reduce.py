"""Time and memory of the site rules' reduce (``linter.audit.site_store``) on synthetic
sites of 10,000 and 100,000 pages.

Each page gets made-up ``PageFacts``: a title, description and H1 of random words (about
1 % copies of an earlier page's), a random MinHash signature (about 2 % near copies of an
earlier page's, 4 of 128 values changed), two template passages and a template image on
every page, an FAQ of three questions on 20 % of pages (titles drawn from a small
vocabulary so that FAQ pages share topic phrases). Each size runs in a fresh interpreter,
which reports:

- ``map``: the seconds of the map step (``emit_keys``; in an audit, spent in the workers);
- ``add``: the seconds to write facts and keys into the store (the coordinator's share
  while pages arrive); ``reduce``: the seconds of ``SiteStore.findings``;
- ``peak``: the process's peak resident memory minus what it held before the first page
  (``ru_maxrss``), after the pages are added and at the end (the findings themselves
  grow with the site: a template on every page is one finding listing every page), and
  ``findings``: how many the site rules found;
- ``db/page``: the store's bytes per page on disk.

``--mode list`` runs today's in-memory path instead for comparison (every page's facts
in a list, then each kind's ``check_site``).

    python benchmarks/site_reduce.py [--pages 10000,100000] [--mode store|list]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator

import numpy as np

from linter.checks.site._facts import FaqItem, Located, PageFacts

_WORDS = [f"w{n:04d}" for n in range(3000)]
_TOPICS = [f"topic{n:03d}" for n in range(400)]  # FAQ titles: shared two-word phrases
_PASSAGES = [(0x1234_5678_9ABC_DEF0 + n, f"Template passage {n} " * 8) for n in range(2)]


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(count))


def synthetic_pages(count: int, seed: int = 18) -> Iterator[PageFacts]:
    """``count`` made-up pages, the same for the same seed."""
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    titles: deque[str] = deque(maxlen=1000)  # copies come from the last 1,000 pages
    signatures: deque[bytes] = deque(maxlen=1000)
    for index in range(count):
        faq = rng.random() < 0.2
        if titles and rng.random() < 0.01:
            title = rng.choice(titles)
        elif faq:
            a, b = rng.sample(_TOPICS, 2)
            title = f"{a} {b} {_words(rng, 3)}"
        else:
            title = _words(rng, 6)
        titles.append(title)
        if signatures and rng.random() < 0.02:
            values = np.frombuffer(rng.choice(signatures), dtype=np.uint32).copy()
            values[rng.sample(range(128), 4)] = np_rng.integers(0, 2**32, 4, dtype=np.uint32)
            signature = values.tobytes()
        else:
            signature = np_rng.integers(0, 2**32, 128, dtype=np.uint32).tobytes()
        signatures.append(signature)
        page = PageFacts(f"site/page{index:06d}.html", "html", words=600, body_words=500)
        page.title = Located(title, 3, 8, 3, 8 + len(title))
        page.description = Located(_words(rng, 12), 4, 35)
        page.h1 = Located(title if rng.random() < 0.5 else _words(rng, 5), 9, 5)
        page.signature = signature
        page.template = [(key, Located(text, 20 + n, 4)) for n, (key, text) in enumerate(_PASSAGES)]
        page.template_images = [("logo.png", Located("logo.png", 7, 3))]
        if faq:
            page.faq = [
                FaqItem(Located(f"How does {_words(rng, 4)} work?", 30 + 2 * n, 5), _words(rng, 30))
                for n in range(3)
            ]
        page.lines = {3: f"<title>{title}</title>", 9: f"<h1>{page.h1.text}</h1>"}
        yield page


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_store(count: int) -> dict:
    from linter.audit.site_store import SiteStore, emit_keys
    from linter.rulepack import load_rules

    rules = [r for r in load_rules() if r.scope == "corpus"]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "site.db")
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        store = SiteStore(connection, rules)
        before = _peak_kb()
        mapped = added = 0.0
        for index, page in enumerate(synthetic_pages(count)):
            start = time.perf_counter()
            keys = emit_keys(rules, page)
            middle = time.perf_counter()
            store.add(index, page, keys)
            mapped, added = mapped + middle - start, added + time.perf_counter() - middle
        connection.commit()
        after_add = _peak_kb()
        start = time.perf_counter()
        found, errors = store.findings(None, count)
        reduced = time.perf_counter() - start
        connection.commit()
        size = os.path.getsize(path)
    return {
        "pages": count,
        "map_s": round(mapped, 2),
        "add_s": round(added, 2),
        "reduce_s": round(reduced, 2),
        "peak_after_add_mb": round((after_add - before) / 1024, 1),
        "peak_mb": round((_peak_kb() - before) / 1024, 1),
        "findings": sum(len(f) for f in found.values()),
        "errors": errors,
        "db_bytes_per_page": round(size / count),
    }


def run_list(count: int) -> dict:
    from linter.rulepack import load_rules

    rules = [
        r for r in load_rules() if r.scope == "corpus" and not hasattr(r.module, "check_crawl")
    ]
    before = _peak_kb()
    start = time.perf_counter()
    pages = list(synthetic_pages(count))
    found = sum(len(list(rule.module.check_site(pages, rule.params))) for rule in rules)
    return {
        "pages": count,
        "all_s": round(time.perf_counter() - start, 2),
        "peak_mb": round((_peak_kb() - before) / 1024, 1),
        "findings": found,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", default="10000,100000")
    parser.add_argument("--mode", choices=("store", "list"), default="store")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run = run_store if args.mode == "store" else run_list
        print(json.dumps(run(args.child)))
        return
    for count in (int(n) for n in args.pages.split(",")):
        command = [sys.executable, __file__, "--mode", args.mode, "--child", str(count)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        print(done.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
