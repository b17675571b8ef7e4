"""contentlint audit --page-timeout: a page that never finishes costs that page, not the
audit. The pages that never finish block with signals masked, as code stuck in C does
(``test_audit.stuck_env``), so only the kill of their worker can end them; every run
that could hang is bounded by SAFETY, which fails the test rather than waiting."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest
from test_audit import ROSES, SAFETY, STUCK_TEXT, page, stuck_config, stuck_env

from linter.audit.run import AuditPlan, _mapped
from linter.audit.watchdog import PageLimit
from linter.engine import Engine


def write_site(root: Path) -> dict[str, Path]:
    """Five pages; the third never finishes, the others each match the rule once."""
    root.mkdir()
    bodies = {
        "a-roses.html": ("Pruning Roses", f"<p>{ROSES}</p>\n<p>Mark the xxy canes.</p>"),
        "b-roses.html": ("Pruning Roses", f"<p>{ROSES}</p>\n<p>Tie the xxy canes in.</p>"),
        "c-stuck.html": ("Stuck", f"<p>{STUCK_TEXT}</p>"),
        "d-tulips.html": ("Planting Tulips", "<p>Plant the bulbs deep, xxy, in autumn.</p>"),
        "e-lawns.html": ("Mowing a Lawn", "<p>Mow often and high, xxy, in summer.</p>"),
    }
    paths = {}
    for name, (title, body) in bodies.items():
        paths[name] = root / name
        paths[name].write_text(page(title, body), encoding="utf-8")
    return paths


def run_guarded(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``contentlint ARGS`` in a fresh process group, killed whole (workers too) and the
    test failed if it is still running after SAFETY seconds."""
    process = subprocess.Popen(
        [sys.executable, "-m", "linter", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=SAFETY)
    except subprocess.TimeoutExpired:
        pytest.fail(f"contentlint {' '.join(args)} still running after {SAFETY} s")
    finally:
        with suppress(ProcessLookupError):  # no worker outlives the test
            os.killpg(process.pid, signal.SIGKILL)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize(("jobs", "seconds"), [("1", "1.5"), ("2", "1")])
def test_a_page_over_the_limit_is_reported_and_the_audit_goes_on(
    tmp_path: Path, jobs: str, seconds: str
) -> None:
    """The stuck page is reported as not audited; every other page, including the one
    sharing the stuck page's worker (-j 2 hands out pages two at a time), has its
    findings, and the site rules ran over them."""
    pages = write_site(tmp_path / "site")
    config = stuck_config(tmp_path)
    report = tmp_path / "report.json"
    done = run_guarded(
        "audit", str(tmp_path / "site"), "--config", str(config), "--page-timeout", seconds,
        "-j", jobs, "--format", "summary", "--format", "json", "--output", "-",
        "--output", str(report), env=stuck_env(tmp_path),
    )  # fmt: skip
    stuck = str(pages["c-stuck.html"])
    assert done.returncode == 2
    limit = f"not audited: took longer than the page time limit ({seconds} s)"
    assert done.stderr == f"contentlint: {stuck}: {limit}\n"
    assert f"Pages that could not be audited (1):\n  {stuck}: {limit}\n" in done.stdout
    assert done.stdout.rstrip().endswith("in 5 files. 1 file could not be linted.")
    payload = json.loads(report.read_text())
    assert payload["summary"]["files"] == 5 and payload["summary"]["files_failed"] == 1
    errors = {Path(f["path"]).name: f["error"] for f in payload["files"]}
    assert errors == {name: (limit if name == "c-stuck.html" else None) for name in pages}
    matched = [
        (Path(f["path"]).name, f["line"], f["column"], f["message"])
        for f in payload["findings"]
        if f["code"] == "XT001"
    ]
    assert matched == [
        ("a-roses.html", 10, 13, "Matched xxy."),
        ("b-roses.html", 10, 12, "Matched xxy."),
        ("d-tulips.html", 9, 26, "Matched xxy."),
        ("e-lawns.html", 9, 24, "Matched xxy."),
    ]
    (title,) = [f for f in payload["findings"] if f["code"] == "SITE001"]
    assert Path(title["path"]).name == "a-roses.html"
    assert [Path(r["path"]).name for r in title["related"]] == ["b-roses.html"]


@pytest.mark.parametrize("value", ["-1", "nan", "inf"])
def test_a_timeout_that_is_not_a_time_is_a_usage_error(cli, tmp_path: Path, value: str) -> None:
    result = cli("audit", str(tmp_path), "--page-timeout", value)
    assert result.exit_code == 2
    assert result.stderr == (
        f"contentlint: error: --page-timeout must be 0 (no limit) or more seconds, not {value}\n"
    )


def _sleeps_on_stuck(item: str) -> str:
    """A page function that never finishes on "stuck" (SAFETY seconds: a test whose
    limit fails then fails, rather than hanging)."""
    if item == "stuck":
        time.sleep(SAFETY)
    return item.upper()


def _upper(item: str) -> str:
    return item.upper()


def test_a_page_over_the_limit_is_not_run_again_in_the_next_pass() -> None:
    """The template pass and the lint pass share the limit: a page stopped in the first
    is reported in the second without being run (and waited for) again."""
    items = ["p0", "p1", "stuck", "p3", "p4"]
    plan = AuditPlan(Engine([]), [])
    limit = PageLimit(1.0)
    first = list(_mapped(_sleeps_on_stuck, items, plan, 2, lambda i: "LOST", limit, str))
    assert first == ["P0", "P1", "stuck", "P3", "P4"] and limit.over == {2}
    second = list(_mapped(_upper, items, plan, 2, lambda i: "LOST", limit, "SLOW:".__add__))
    assert second == ["P0", "P1", "SLOW:stuck", "P3", "P4"]
