"""contentlint audit: many pages, worker processes, site-level findings, interruption."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
import uuid
from contextlib import suppress
from itertools import combinations
from pathlib import Path

import pytest

from linter.audit.paths import audit_paths
from linter.audit.progress import Progress
from linter.audit.run import AuditPlan, run_audit
from linter.engine import Engine
from linter.rulepack import load_rules

DISCLAIMER = (
    "Everything on this page is general gardening information written for home growers, "
    "and it is not a replacement for advice from a local nursery that knows your soil, your "
    "climate and the pests that are common where you live, so please check before you spray."
)
ROSES = (
    "Roses need pruning in late winter, before the buds break. Cut dead wood first, then "
    "crossing canes, and open the centre of the bush so that air can move through it freely "
    "all summer long. Feed the plant after pruning and water it at the roots in dry weeks. "
    "Old shrub roses want a lighter cut than hybrid teas, and climbers are tied in rather "
    "than cut back, so that their long canes flower along their whole length next year."
)


def page(title: str, body: str, *, description: str = "", h1: str = "") -> str:
    meta = f'<meta name="description" content="{description}">' if description else ""
    heading = f"<h1>{h1}</h1>\n" if h1 else ""
    return (
        f'<!doctype html>\n<html lang="en">\n<head>\n<title>{title}</title>\n{meta}\n</head>\n'
        f"<body>\n<article>\n{heading}{body}\n</article>\n</body>\n</html>\n"
    )


def write_site(root: Path) -> dict[str, Path]:
    """Four pages: two share a title, three carry the same disclaimer, two are copies."""
    pages = {
        "a-pruning.html": page(
            "Pruning Roses", f"<p>{ROSES}</p>\n<p>{DISCLAIMER}</p>", h1="Pruning roses"
        ),
        "b-pruning-copy.html": page(
            "Pruning Roses", f"<p>{ROSES}</p>\n<p>{DISCLAIMER}</p>", h1="Rose pruning"
        ),
        "c-tulips.html": page(
            "Planting Tulips in Autumn",
            "<p>Tulips want a sunny bed with sharp drainage. Plant the bulbs in autumn, three "
            "times as deep as they are tall, and let the leaves die back after flowering.</p>\n"
            f"<p>{DISCLAIMER}</p>",
            h1="Planting tulips",
        ),
        "d-lawns.html": page(
            "Mowing a Lawn Well",
            "<p>Mow often and high, never taking more than a third of the blade at once.</p>",
            h1="Mowing a lawn",
        ),
    }
    written = {}
    for name, html in pages.items():
        written[name] = root / name
        written[name].write_text(html, encoding="utf-8")
    return written


# A user's rule that matches "xxy" once on each ordinary page, so every page audited shows
# a finding at a known place.
STUCK_RULE = """\
code: XT001
name: hygiene.marker-pattern
category: hygiene
severity: warning
check: pattern
message: "Matched {match}."
description: Marks the letters xxy, so every audited test page has one finding.
params:
  patterns: ["xxy"]
  case_sensitive: false
  kinds: []
  whole_block: false
  region: main
  max_words: 0
"""
# A page holding STUCK_TEXT never finishes in a process started with ``stuck_env``: its
# check blocks with SIGINT and SIGALRM masked, as code stuck in C (a parser, ``re``) does,
# so only the kill of its worker can end it. Every input the tool reads is bounded now,
# so a page that never finishes has to be made this way.
STUCK_TEXT = "This page never finishes: stuck-page-marker."
STUCK_HOOK = """\
import signal
import time

import linter.engine

_check = linter.engine.Engine.check


def check(self, doc):
    if "stuck-page-marker" in doc.source:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGALRM})
        while True:
            time.sleep(60)
    return _check(self, doc)


linter.engine.Engine.check = check
"""
SAFETY = 300  # seconds: only ever reached when the code under test is broken


def stuck_config(folder: Path) -> Path:
    """A config adding the marker rule to the built-in ones."""
    pack = folder / "pack"
    pack.mkdir()
    (pack / "XT001.yaml").write_text(STUCK_RULE, encoding="utf-8")
    config = folder / "stuck.toml"
    config.write_text('rule_packs = ["pack"]\n', encoding="utf-8")
    return config


def stuck_env(folder: Path) -> dict[str, str]:
    """The environment of a contentlint process (and its workers, which the fork server
    starts with the same environment) in which a page holding STUCK_TEXT never finishes."""
    hook = folder / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(STUCK_HOOK, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hook), env.get("PYTHONPATH")]))
    return env


def findings_of(payload: dict, code: str) -> list[dict]:
    return [f for f in payload["findings"] if f["code"] == code]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    write_site(root)
    return root


def test_site_findings_with_places_and_pages(cli, site: Path) -> None:
    result = cli("audit", str(site), "--jobs", "1", "--format", "json")
    payload = json.loads(result.output)
    first = str(site / "a-pruning.html")
    copy = str(site / "b-pruning-copy.html")

    (title,) = findings_of(payload, "SITE001")
    assert (title["path"], title["line"], title["column"]) == (first, 4, 8)
    assert title["message"].startswith('2 pages share the title "Pruning Roses"')
    assert [(r["path"], r["line"], r["column"]) for r in title["related"]] == [(copy, 4, 8)]

    (template,) = findings_of(payload, "SITE004")
    assert (template["path"], template["line"], template["column"]) == (first, 11, 4)
    assert "pasted into the body of 3 pages (75% of the site)" in template["message"]
    assert {r["path"] for r in template["related"]} == {copy, str(site / "c-tulips.html")}

    (near,) = findings_of(payload, "SITE005")
    assert near["path"] == first and near["related"][0]["path"] == copy
    assert "2 pages have nearly the same body text (at least 100% alike)" in near["message"]
    assert not findings_of(payload, "SITE003")  # the H1s differ
    assert result.exit_code == 0  # site findings are warnings and info


def test_template_passages_leave_page_rules(cli, site: Path, tmp_path: Path) -> None:
    """The disclaimer is one 50-word sentence: alone it is a long sentence (RD001); in an
    audit where three pages carry it, it is template text, reported once for the site."""
    single = json.loads(cli("check", str(site / "c-tulips.html"), "--format", "json").output)
    assert [f["line"] for f in findings_of(single, "RD001")] == [11]
    audited = json.loads(cli("audit", str(site), "-j", "1", "--format", "json").output)
    assert findings_of(audited, "RD001") == []
    assert len(findings_of(audited, "SITE004")) == 1


def test_output_is_the_same_for_any_number_of_workers(cli, site: Path) -> None:
    """Also the same in this process (-j 1 without a page time limit) as on workers."""
    here = ("--jobs", "1", "--page-timeout", "0")
    one = json.loads(cli("audit", str(site), *here, "--format", "json").output)
    two = json.loads(cli("audit", str(site), "--jobs", "2", "--format", "json").output)
    assert one["findings"] == two["findings"]
    assert [f["path"] for f in two["files"]] == sorted(str(p) for p in site.iterdir())


def _dies_on_poison(item: str) -> str:
    """A worker function whose process dies on one item, as under the OOM killer."""
    if item == "poison":
        os._exit(9)
    return item.upper()


def test_a_worker_that_dies_costs_its_page_not_the_audit() -> None:
    """The pool breaks on the poisoned item; the items after it are still done, in order,
    and the poisoned one gets the stand-in result."""
    from linter.audit.run import _mapped

    items = [f"page{n}" for n in range(9)]
    items[4] = "poison"
    got = list(_mapped(_dies_on_poison, items, AuditPlan(Engine([]), []), 2, lambda i: "LOST"))
    assert got == [f"PAGE{n}" for n in range(4)] + ["LOST"] + [f"PAGE{n}" for n in range(5, 9)]


_WORKER: str | None = None  # set in a worker process by its first item


def _with_worker(item: str) -> tuple[str, str]:
    """The item, and a name for the worker process that did it (drawn at its first item,
    so two processes never share one, whatever their pids)."""
    global _WORKER
    if _WORKER is None:
        _WORKER = uuid.uuid4().hex
    return item.upper(), _WORKER


def test_workers_are_replaced_as_pages_go_by(monkeypatch) -> None:
    """Pages go to fresh workers in segments, so no worker lives through a whole site
    (its vocabulary and caches would grow with it); the order stays the paths' order."""
    import linter.audit.run as run

    monkeypatch.setattr(run, "_PAGES_PER_WORKER", 2)
    items = [f"page{n}" for n in range(9)]
    got = list(run._mapped(_with_worker, items, AuditPlan(Engine([]), []), 2, lambda i: ("", "")))
    assert [name for name, _ in got] == [item.upper() for item in items]
    # segments of 2 pages a worker on 2 workers: pages 0-3, 4-7, 8
    segments = [{worker for _, worker in got[n : n + 4]} for n in range(0, 9, 4)]
    assert [1 <= len(workers) <= 2 for workers in segments] == [True, True, True]
    assert all(not first & second for first, second in combinations(segments, 2))
    assert _WORKER is None  # no page ran in this process


def test_an_audit_without_worker_processes_runs_in_one(site: Path, monkeypatch) -> None:
    """Where the fork server cannot start, the pages are audited in this process."""
    import linter.audit.run as run

    rules = load_rules()
    paths = sorted(str(p) for p in site.iterdir())
    one = run_audit(paths, AuditPlan(Engine(rules), [r for r in rules if r.scope == "corpus"]))

    def no_server() -> None:
        raise OSError("no fork server")

    monkeypatch.setattr(run, "_context", no_server)
    plan = AuditPlan(Engine(rules), [r for r in rules if r.scope == "corpus"])
    two = run_audit(paths, plan, jobs=2, page_timeout=60)  # no limit without workers
    assert [r.findings for r in two.files] == [r.findings for r in one.files]
    assert any(f.code == "SITE001" for r in two.files for f in r.findings)


def test_config_reaches_every_worker(cli, site: Path, tmp_path: Path) -> None:
    """Workers are forked from a fork server, not from the command: the rules they run,
    with the config's severity and params, travel to them with the audit plan."""
    config = tmp_path / "site.toml"
    config.write_text(
        'select = ["RD001"]\n[severity]\nRD001 = "error"\n[params.RD001]\nmax_words = 12\n'
    )
    runs = [
        json.loads(
            cli("audit", str(site), "-j", jobs, "--config", str(config), "--format", "json").output
        )
        for jobs in ("1", "2")
    ]
    assert runs[0]["findings"] == runs[1]["findings"]
    lawn = [f for f in runs[1]["findings"] if f["path"].endswith("d-lawns.html")]
    assert [(f["code"], f["severity"], f["line"]) for f in lawn] == [("RD001", "error", 10)]
    assert "more than 12" in lawn[0]["message"]


def test_summary_names_site_findings_and_worst_pages(cli, site: Path) -> None:
    result = cli("audit", str(site), "-j", "2")
    assert result.output.startswith("Audited 4 pages in ")
    assert "2 workers" in result.output
    assert "Site-level findings (3):" in result.output
    assert f"{site / 'a-pruning.html'}:4:8: SITE001 [warning]" in result.output
    assert "Rules that fire most:" in result.output
    assert result.output.rstrip().endswith("in 4 files.")
    assert "pages/s  ETA" not in result.stderr  # no progress bar outside a terminal


def test_bad_pages_are_counted_and_the_audit_goes_on(cli, site: Path) -> None:
    (site / "e-binary.html").write_bytes(b"\x00\x01\x02PNG" * 100)
    result = cli("audit", str(site), "-j", "2", "--format", "json")
    payload = json.loads(result.stdout)
    assert result.exit_code == 2
    assert payload["summary"]["files"] == 5 and payload["summary"]["files_failed"] == 1
    assert f"contentlint: {site / 'e-binary.html'}: " in result.stderr
    assert findings_of(payload, "SITE001")  # the other pages were still audited


def test_include_exclude_and_path_list(site: Path, tmp_path: Path) -> None:
    chosen = audit_paths([str(site)], include=["*pruning*"], exclude=["b-*"])
    assert chosen == [str(site / "a-pruning.html")]
    listing = tmp_path / "pages.txt"
    listing.write_text(f"# two pages\n{site / 'd-lawns.html'}\n\n{site / 'c-tulips.html'}\n")
    from linter.audit.paths import read_path_list

    assert read_path_list(str(listing)) == [str(site / "d-lawns.html"), str(site / "c-tulips.html")]


def test_from_list_on_the_command_line(cli, site: Path, tmp_path: Path) -> None:
    listing = tmp_path / "pages.txt"
    listing.write_text(f"{site / 'd-lawns.html'}\n{site / 'c-tulips.html'}\n")
    payload = json.loads(cli("audit", "--from-list", str(listing), "--format", "json").output)
    assert [f["path"] for f in payload["files"]] == [
        str(site / "d-lawns.html"),
        str(site / "c-tulips.html"),
    ]
    missing = cli("audit", "--from-list", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2
    assert "nope.txt: cannot read the path list" in missing.stderr


def test_audit_needs_files(cli) -> None:
    nothing = cli("audit")
    assert nothing.exit_code == 2 and "name the pages to audit" in nothing.stderr
    stdin = cli("audit", "-", input="<p>Text.</p>")
    assert stdin.exit_code == 2 and "lint standard input with 'check -'" in stdin.stderr


def test_compare_without_db_is_a_usage_error(cli, site: Path) -> None:
    result = cli("audit", str(site), "--compare", "last")
    assert result.exit_code == 2
    assert "--compare needs --db FILE" in result.stderr


@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupt_keeps_the_pages_done(site: Path, jobs: int) -> None:
    """Ctrl-C arrives as KeyboardInterrupt in the parent: the pages done are kept."""
    rules = load_rules()
    plan = AuditPlan(Engine(rules), [r for r in rules if r.scope == "corpus"])

    def interrupt_after_two(phase: str, done: int) -> None:
        if phase == "lint" and done == 2:
            raise KeyboardInterrupt

    paths = sorted(str(p) for p in site.iterdir())
    outcome = run_audit(paths, plan, jobs=jobs, progress=interrupt_after_two)
    assert outcome.interrupted
    assert [r.path for r in outcome.files] == paths[:2]
    # site rules still ran over the pages done: the two pages share a title
    assert [f.code for f in outcome.files[0].findings if f.category == "site"][:1] == ["SITE001"]


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _read_terminal(fd: int, pattern: re.Pattern[str] | None, seconds: float) -> str:
    """Read the terminal until it shows ``pattern`` (or, with None, until it closes)."""
    seen = ""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (pattern and pattern.search(seen)):
        if select.select([fd], [], [], 0.1)[0]:
            try:
                seen += os.read(fd, 4096).decode(errors="replace")
            except OSError:
                break
    return seen


def test_ctrl_c_on_a_terminal_writes_the_report_and_exits_130(site: Path, tmp_path: Path) -> None:
    """On a terminal the progress bar shows; Ctrl-C while linting keeps the pages done.

    The last page never finishes and there is no time limit, so the audit is still on
    when Ctrl-C comes, however fast or slow the machine: the test waits for the bar to
    show, never for a time (SAFETY only ends a broken run)."""
    stuck = site / "z-stuck.html"
    stuck.write_text(page("Stuck", f"<p>{STUCK_TEXT}</p>"), encoding="utf-8")
    config = stuck_config(tmp_path)
    report = tmp_path / "report.json"
    command = [sys.executable, "-m", "linter", "audit", str(site), "-j", "2"]
    command += ["--config", str(config), "--page-timeout", "0"]
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [*command, "--format", "json", "--output", str(report)],
        env=stuck_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        start_new_session=True,
        # Ctrl-C as a terminal delivers it, whoever runs the suite: a shell starts a
        # background job (``cmd &``, nohup) with SIGINT ignored, and Python keeps an
        # ignored SIGINT ignored, so the audit would never see it.
        preexec_fn=_default_sigint,
    )
    os.close(terminal)
    try:
        shown = _read_terminal(controller, re.compile(r"auditing .*\] [1-4]/5 pages"), SAFETY)
        assert "pages/s  ETA" in shown
        os.killpg(process.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
        rest = _read_terminal(controller, None, SAFETY)
        assert process.wait(timeout=SAFETY) == 130
    finally:
        os.close(controller)
        with suppress(ProcessLookupError):  # whatever went wrong, no stuck worker is left
            os.killpg(process.pid, signal.SIGKILL)
    assert "Traceback" not in shown + rest
    payload = json.loads(report.read_text())
    assert payload["summary"]["interrupted"] is True
    done = [f["path"] for f in payload["files"]]
    assert 1 <= len(done) <= 4 and str(stuck) not in done
    assert [f["error"] for f in payload["files"]] == [None] * len(done)


class Sink:
    """A stream the progress bar writes to, kept as text."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def test_progress_draws_the_last_count_a_burst_left_behind() -> None:
    # Four pages finishing within a tenth of a second of the first drawing, then a slow
    # page: the bar showed "0/5" for as long as the slow page took (the Ctrl-C test
    # waited on it). The timer draws the count left behind; here it is called directly.
    class Later:  # the timer, fired by hand
        def __init__(self, seconds: float, callback) -> None:
            self.seconds, self.callback = seconds, callback

        def cancel(self) -> None:
            pass

    timers: list[Later] = []
    sink = Sink()
    bar = Progress(5, sink, lambda s, c: timers.append(Later(s, c)) or timers[-1])  # type: ignore[arg-type]
    bar("lint", 0)
    for done in range(1, 5):
        bar("lint", done)
    assert sink.text.rsplit("\r", 1)[-1].startswith("auditing      [------------------------] 0/5")
    assert bar.pending == 4
    assert [t.seconds for t in timers] == [0.1]
    timers[0].callback()
    assert sink.text.rsplit("\r", 1)[-1].startswith("auditing      [###################-----] 4/5")
    assert bar.pending is None
    bar.close()


def test_progress_line() -> None:
    sink = Sink()
    bar = Progress(200, sink)  # type: ignore[arg-type]
    assert bar.line(50, 10.0).startswith("")
    bar.phase = "lint"
    assert bar.line(50, 10.0) == (
        "auditing      [######------------------] 50/200 pages    5.0 pages/s  ETA 0:00:30"
    )
    bar("lint", 200)
    bar.close()
    assert sink.text.startswith("\rauditing      [########################] 200/200 pages")
    assert sink.text.endswith("\n")


def test_corpus_sites(cli, corpus: Path) -> None:
    """Real pages of four sites: what their templates share is found, nothing else."""
    patterns = ["aeb_space.com_*", "aeb_livescience.com_*", "aeb_givewell.org_*"]
    patterns += ["aeb_morebikes.co.uk_*"]
    args = [arg for p in patterns for arg in ("--include", p)]
    result = cli("audit", str(corpus), *args, "-j", "2", "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["summary"]["files"] == 8 and payload["summary"]["files_failed"] == 0
    site = sorted((f["code"], Path(f["path"]).name, f["line"]) for f in payload["findings"])
    site = [s for s in site if s[0].startswith("SITE")]
    # The same sign-up pitch in three science articles (two sites of one publisher), the
    # blog name as the H1 of two blog posts, one description on two pages of one site.
    # And each site's fallback logo, an <img> without alt in the header of both its pages.
    assert site == [
        ("SITE002", "aeb_morebikes.co.uk_30b771a40a.html", 78),
        ("SITE003", "aeb_givewell.org_ac3c035520.html", 303),
        ("SITE004", "aeb_livescience.com_3c5bf8db42.html", site[2][2]),
        ("SITE007", "aeb_livescience.com_3c5bf8db42.html", 278),
        ("SITE007", "aeb_space.com_686bb170ef.html", 352),
    ]
    (template,) = findings_of(payload, "SITE004")
    assert "pasted into the body of 3 pages (38% of the site)" in template["message"]
    assert sorted(Path(r["path"]).name for r in template["related"]) == [
        "aeb_space.com_686bb170ef.html",
        "aeb_space.com_c50845a715.html",
    ]
