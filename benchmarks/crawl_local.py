"""The crawler's speed on the benchmark corpus served from 127.0.0.1.

Serves ``../shared/corpus/bench`` (353 pages) with an index page linking every page
(a stdlib threading server on a free port), then crawls it twice into WARC files:

1. polite: robots.txt, 2 requests per host, ``--delay 0.05`` (the default 1 s would take
   ~6 minutes for 355 requests: one request a second to one host; the estimate is printed);
2. politeness off (``polite=False``: no delay; robots.txt still obeyed), 8 per host.

Both crawls stop at depth 1 (the index and the pages it links): the corpus pages keep
their sites' own relative links, which on 127.0.0.1 would be thousands of 404s (they are
recorded as skipped "max-depth" instead). Prints pages/s, requests, bytes and seconds,
then audits each WARC (``audit WARC -j 2`` in a fresh process) for the share of an
``audit URL`` run spent fetching and linting.

    python benchmarks/crawl_local.py [--corpus ../shared/corpus/bench] [--delay 0.05]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from linter.crawl import CrawlOptions, crawl  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bench"


class Quiet(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass


def site(corpus: Path, root: Path) -> int:
    """A copy-free site: the corpus pages linked from ``index.html``; the page count."""
    pages = sorted(corpus.glob("*.html"))
    for page in pages:
        (root / page.name).symlink_to(page.resolve())
    links = "\n".join(f'<li><a href="/{p.name}">{p.stem}</a></li>' for p in pages)
    (root / "index.html").write_text(
        f"<!doctype html><html><head><title>Bench</title></head><body><ul>{links}</ul></body></html>"
    )
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    return len(pages)


def run(port: int, out: Path, name: str, jobs: int, **changes) -> None:
    """Crawl into a WARC, then audit that WARC (a fresh process, ``--jobs``): the crawl's
    speed, and the share of an ``audit URL`` run spent fetching and linting."""
    warc = out / f"{name}.warc.gz"
    options = CrawlOptions(seeds=[f"http://127.0.0.1:{port}/"], max_depth=1, **changes)
    summary = crawl(options, str(warc))
    rate = summary.pages / summary.seconds if summary.seconds else 0.0
    print(
        f"{name:>16}: {summary.pages} pages in {summary.seconds:.2f} s = {rate:.1f} pages/s, "
        f"{summary.requests} requests, {summary.bytes / 1e6:.1f} MB, "
        f"{warc.stat().st_size / 1e6:.1f} MB WARC"
    )
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "linter", "audit", str(warc), "-j", str(jobs), "-q",
         "--format", "json", "--output", str(out / f"{name}.json"), "--exit-zero"],
        cwd=REPO, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    lint = time.perf_counter() - started
    total = summary.seconds + lint
    print(
        f"{'':>16}  audit of the WARC (-j {jobs}): {lint:.1f} s; of crawl + audit "
        f"{total:.1f} s, fetch {100 * summary.seconds / total:.0f} %, lint {100 * lint / total:.0f} %"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--jobs", type=int, default=2, help="audit workers (default 2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        root.mkdir()
        count = site(args.corpus, root)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        requests = count + 2  # the pages, the index and robots.txt
        print(f"{count} corpus pages on 127.0.0.1:{port}")
        print(
            f"default politeness (--delay 1, 2 per host): ~{requests * 1.0 / 60:.1f} min estimated"
        )
        try:
            run(port, Path(tmp), f"polite delay {args.delay:g}", args.jobs, delay=args.delay)
            run(port, Path(tmp), "politeness off", args.jobs, polite=False, per_host=8)
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
