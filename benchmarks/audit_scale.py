"""Time and memory of ``contentlint audit`` as a site grows: 10,000 to 100,000 pages.

    python benchmarks/audit_scale.py SITE_DIR [--sizes 10000,30000,100000] [--jobs 2]
        [--engine local|dask] [--formats json,csv,html,sarif] [--json FILE]

SITE_DIR is a site made by ``synthetic_site.py`` (its ``pages.lst`` gives the page order;
any folder of HTML works, its files then taken in sorted order). For each size N, the
first N pages are audited by a fresh ``python -m linter audit --from-list LIST -j JOBS``
process writing every report of ``--formats`` to a temporary folder, and measured:

- wall time and pages/s (the process's start-up, spaCy included, counts);
- the command's peak resident memory: its ``VmHWM`` read by the command itself at exit (a
  ``sitecustomize`` on a temporary ``PYTHONPATH`` entry registers that, in the command
  process only), else the highest ``VmHWM`` of polls of ``/proc/PID/status`` every 0.2 s;
- the peak resident memory of its descendants, polled through ``/proc/PID/task/*/children``
  down the whole tree: "workers" are the processes seen without children of their own
  (pool workers, Dask workers), "helpers" those with children (the fork server, Dask
  nannies); also the highest sum of resident memory over the tree at one poll;
- the size of the reports and, when ``audit --help`` offers ``--store FILE``, of the
  result store per page.

``--engine dask`` passes ``--engine dask`` when ``audit --help`` offers it, else says so
and measures nothing. A table is printed; the numbers go to ``--json`` (default: next to
the site, ``audit_scale-ENGINE-jJOBS.json``). The benchmark itself keeps no page in
memory: the list is streamed from ``pages.lst`` and reports are only measured, not read.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
POLL = 0.2  # seconds between polls of the process tree
# Run in the command only (the variable is removed at once, so no child inherits it):
# at exit, write the command's own peak resident memory where the variable says.
_SITECUSTOMIZE = """\
import os
_where = os.environ.pop("AUDIT_SCALE_HWM", None)
if _where:
    import atexit

    def _peak(where=_where, pid=os.getpid()):
        if os.getpid() != pid:
            return
        with open("/proc/self/status") as status:
            line = next((x for x in status if x.startswith("VmHWM:")), "VmHWM: 0 kB")
        with open(where, "w") as out:
            out.write(line.split()[1])

    atexit.register(_peak)
"""


@dataclass
class Proc:
    """A process of the command's tree as the polls saw it."""

    pid: int
    parent: int
    command: str
    peak_kb: int = 0
    has_children: bool = False


@dataclass
class Run:
    """The numbers of one size."""

    pages: int
    seconds: float = 0.0
    pages_per_s: float = 0.0
    exit_code: int = 0
    command_peak_mb: float = 0.0
    command_peak_from: str = "poll"  # "exit": read by the command itself at exit
    worker_peak_mb: float = 0.0
    helper_peak_mb: float = 0.0
    tree_rss_sum_peak_mb: float = 0.0
    processes: int = 0
    report_bytes: dict[str, int] = field(default_factory=dict)
    store_bytes_per_page: float | None = None
    error: str = ""
    load_average: float = 0.0  # of the machine at the start: others' work slows a run
    # Every descendant seen: [pid, parent pid, had children, peak MB, command line].
    tree: list[list] = field(default_factory=list)


def _status_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of ``pid`` in kB; (0, 0) once it is gone or a zombie."""
    rss = hwm = 0
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss, hwm


def _children(pid: int) -> list[int]:
    """Children of every thread of ``pid`` (a child hangs off the thread that forked it)."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as text:
                found += [int(x) for x in text.read().split()]
        except OSError:
            continue
    return found


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as text:
            return text.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()[:160]
    except OSError:
        return ""


class Tree:
    """Polls the command and all its descendants."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.procs: dict[int, Proc] = {}
        self.root_hwm_kb = 0
        self.sum_peak_kb = 0

    def poll(self) -> None:
        rss, hwm = _status_kb(self.root)
        self.root_hwm_kb = max(self.root_hwm_kb, hwm)
        total = rss
        stack = [self.root]
        while stack:
            parent = stack.pop()
            kids = _children(parent)
            if parent in self.procs and kids:
                self.procs[parent].has_children = True
            for pid in kids:
                proc = self.procs.get(pid)
                if proc is None:
                    proc = self.procs[pid] = Proc(pid, parent, _cmdline(pid))
                rss, hwm = _status_kb(pid)
                proc.peak_kb = max(proc.peak_kb, hwm)
                total += rss
                stack.append(pid)
        self.sum_peak_kb = max(self.sum_peak_kb, total)


def audit_options() -> str:
    """``audit --help`` of the tree being measured (which options exist today)."""
    return subprocess.run(
        [sys.executable, "-m", "linter", "audit", "--help"],
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    ).stdout


def _env(extra: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    paths = [p for p in (extra, str(REPO), env.get("PYTHONPATH")) if p]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop("AUDIT_SCALE_HWM", None)
    return env


def page_list(site: Path):
    """Absolute paths of the site's pages in order, streamed."""
    manifest = site / "pages.lst"
    if manifest.exists():
        with open(manifest, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield str(site / line.strip())
    else:
        yield from (str(p) for p in sorted(site.rglob("*.html")))


def measure(site: Path, pages: int, args: argparse.Namespace, store: bool) -> Run:
    """Audit the first ``pages`` pages in a fresh process and measure it."""
    run = Run(pages, load_average=round(os.getloadavg()[0], 2))
    with tempfile.TemporaryDirectory(prefix="audit_scale-") as tmp:
        work = Path(tmp)
        listed = work / "pages.txt"
        with open(listed, "w", encoding="utf-8") as out:
            count = sum(
                1 for path in itertools.islice(page_list(site), pages) if out.write(path + "\n")
            )
        if count < pages:
            run.error = f"the site has {count} pages only"
            return run
        (work / "py").mkdir()
        (work / "py" / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
        command = [sys.executable, "-m", "linter", "audit", "--from-list", str(listed)]
        command += ["-j", str(args.jobs), "--exit-zero", "-q"]
        if args.engine != "local":
            command += ["--engine", args.engine]
        for fmt in args.formats:
            command += ["--format", fmt, "--output", str(work / f"report.{fmt}")]
        if store:
            command += ["--store", str(work / "store.sqlite")]
        env = _env(str(work / "py"))
        env["AUDIT_SCALE_HWM"] = str(work / "hwm")
        started = time.perf_counter()
        with open(work / "stderr", "wb") as err:
            child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)
            tree = Tree(child.pid)
            while child.poll() is None:
                tree.poll()
                time.sleep(POLL)
        run.seconds = round(time.perf_counter() - started, 2)
        run.pages_per_s = round(pages / run.seconds, 2)
        run.exit_code = child.returncode
        _settle(run, tree, work, args.formats, store)
        if child.returncode:
            run.error = (work / "stderr").read_text(errors="replace")[-1500:]
    return run


def _settle(run: Run, tree: Tree, work: Path, formats: list[str], store: bool) -> None:
    """Turn the polls and the files left in ``work`` into the run's numbers."""
    at_exit = work / "hwm"
    exit_kb = int(at_exit.read_text() or 0) if at_exit.exists() else 0
    run.command_peak_from = "exit" if exit_kb else "poll"
    run.command_peak_mb = round(max(exit_kb, tree.root_hwm_kb) / 1024, 1)
    workers = [p.peak_kb for p in tree.procs.values() if not p.has_children]
    helpers = [p.peak_kb for p in tree.procs.values() if p.has_children]
    run.worker_peak_mb = round(max(workers, default=0) / 1024, 1)
    run.helper_peak_mb = round(max(helpers, default=0) / 1024, 1)
    run.tree_rss_sum_peak_mb = round(tree.sum_peak_kb / 1024, 1)
    run.processes = len(tree.procs)
    run.tree = [
        [p.pid, p.parent, p.has_children, round(p.peak_kb / 1024, 1), p.command]
        for p in tree.procs.values()
    ]
    for fmt in formats:
        report = work / f"report.{fmt}"
        run.report_bytes[fmt] = report.stat().st_size if report.exists() else 0
    if store:
        size = sum(p.stat().st_size for p in work.glob("store.sqlite*"))
        run.store_bytes_per_page = round(size / run.pages, 1)


def _table(runs: list[Run]) -> str:
    head = (
        f"{'pages':>8} {'wall s':>8} {'pages/s':>8} {'command MB':>11} {'worker MB':>10} "
        f"{'helper MB':>10} {'tree sum MB':>12} {'procs':>6} {'reports MB':>11} {'store B/page':>13}"
    )
    rows = [head]
    for r in runs:
        store = f"{r.store_bytes_per_page:,.0f}" if r.store_bytes_per_page is not None else "-"
        reports = sum(r.report_bytes.values()) / MB
        rows.append(
            f"{r.pages:>8,} {r.seconds:>8.1f} {r.pages_per_s:>8.2f} {r.command_peak_mb:>11.1f} "
            f"{r.worker_peak_mb:>10.1f} {r.helper_peak_mb:>10.1f} {r.tree_rss_sum_peak_mb:>12.1f} "
            f"{r.processes:>6} {reports:>11.1f} {store:>13}"
            + (
                f"  exit {r.exit_code}: {r.error.splitlines()[-1] if r.error else ''}"
                if r.error
                else ""
            )
        )
    return "\n".join(rows)


def _commit() -> str:
    done = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a site made by synthetic_site.py")
    parser.add_argument(
        "--sizes", default="10000,30000,100000", help="page counts, comma-separated"
    )
    parser.add_argument("--jobs", type=int, default=2, help="audit -j (default 2)")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--formats", default="json,csv,html,sarif", help="reports to write")
    parser.add_argument("--json", type=Path, help="where the numbers go")
    args = parser.parse_args(argv)
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())
    args.formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    if not args.site.is_dir():
        raise SystemExit(f"{args.site}: not a folder")
    options = audit_options()
    if args.engine != "local" and "--engine" not in options:
        print(f"audit has no --engine option in this tree: --engine {args.engine} skipped")
        return 0
    store = "--store" in options
    if not store:
        print("audit has no --store option in this tree: no store column", file=sys.stderr)
    runs: list[Run] = []
    for size in sizes:
        print(f"auditing {size:,} pages (-j {args.jobs}, {args.engine})...", file=sys.stderr)
        runs.append(measure(args.site.resolve(), size, args, store))
        print(_table(runs[-1:]).splitlines()[-1], file=sys.stderr)
    print(_table(runs))
    target = args.json or args.site / f"audit_scale-{args.engine}-j{args.jobs}.json"
    numbers = {
        "site": str(args.site.resolve()),
        "commit": _commit(),
        "jobs": args.jobs,
        "engine": args.engine,
        "formats": args.formats,
        "runs": [asdict(r) for r in runs],
    }
    target.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    print(f"numbers: {target}")
    return 1 if any(r.error for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
