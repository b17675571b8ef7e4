"""The audit's result store (``--store``), streamed reports and ``--format jsonl``."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from linter.audit.store import ResultStore
from linter.jsonstream import document, stream_here
from linter.model import Finding, Related, Severity
from linter.quote import LinePart
from linter.report import Report, render
from linter.runner import FetchInfo, FileResult
from tests.test_audit import write_site

CLI = [sys.executable, "-m", "linter"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def finding(code: str, severity: Severity, line: int, path: str = "p.html") -> Finding:
    return Finding(
        code,
        f"rule.{code.lower()}",
        "seo" if code.startswith("SEO") else "site",
        severity,
        f"{code} says something at line {line}",
        path,
        line,
        3,
        line,
        9,
        "flagged",
        fix="better" if line % 2 else None,
        related=[Related(4, 1, "elsewhere", path="q.html")],
    )


def result(path: str, *findings: Finding, error: str | None = None) -> FileResult:
    made = FileResult(path, "html", words=120, error=error, findings=list(findings))
    made.scores = {"flesch_reading_ease": 61.5, "sentences": 7}
    made.lines = {f.line: "a quoted line" for f in findings}
    return made


def test_a_result_comes_back_from_the_store_exactly_as_it_went_in(tmp_path: Path) -> None:
    original = result("https://example.org/a", finding("SEO001", Severity.ERROR, 3))
    original.findings[0].path = original.path
    original.lines[7] = LinePart(5000, ((0, "start"), (4000, "middle part")))
    original.fetch = FetchInfo(200, None, 2, 153.25, None, "page")
    with ResultStore(str(tmp_path / "s.sqlite")) as store:
        store.put(0, original)
        assert store.get(0) == original


def test_pages_put_out_of_order_are_read_in_audit_order(tmp_path: Path) -> None:
    with ResultStore() as store:
        for index in (2, 0, 1):
            store.put(index, result(f"page-{index}.html"))
        assert [r.path for r in store] == ["page-0.html", "page-1.html", "page-2.html"]
        assert len(store) == 3


def test_the_store_answers_the_totals_a_report_asks_for() -> None:
    pages = [
        result("a.html", finding("SEO001", Severity.WARNING, 1, "a.html")),
        result(
            "b.html",
            finding("SEO001", Severity.ERROR, 1, "b.html"),
            finding("SEO001", Severity.ERROR, 2, "b.html"),
            finding("SITE001", Severity.INFO, 5, "b.html"),
        ),
        result("c.html", error="cannot read: not UTF-8"),
    ]
    with ResultStore() as store:
        for index, page in enumerate(pages):
            store.put(index, page)
        stored, listed = Report(store), Report(list(pages))
        for report in (stored, listed):
            assert report.counts() == {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 1}
            assert [(t.code, t.findings, t.pages) for t in report.rule_totals()] == [
                ("SEO001", 3, 2),
                ("SITE001", 1, 1),
            ]
            assert [r.path for r in report.failed_files] == ["c.html"]
            assert [(n, r.path) for n, r in report.worst_pages(5)] == [(1, "b.html"), (0, "a.html")]
            assert report.categories_found() == {"seo", "site"}
        assert render(stored, "json") == render(listed, "json")


def test_what_a_pass_changes_in_place_is_put_back() -> None:
    with ResultStore() as store:
        store.put(0, result("a.html", finding("SEO001", Severity.ERROR, 1, "a.html")))
        for page in store.updating():
            page.findings = []
        assert store.get(0).findings == []
        assert Report(store).counts() == {}


@pytest.mark.parametrize(
    "shape",
    [
        {"a": 1, "items": stream_here("items"), "tail": {"x": [1, 2]}},
        [{"deep": {"items": stream_here("items")}}, "after"],
        stream_here("items"),
    ],
)
@pytest.mark.parametrize("items", [[], [{"k": "v\nw", "n": [1, {"z": None}]}, "é", 3]])
def test_a_streamed_json_document_is_the_bytes_json_dumps_writes(shape, items) -> None:
    def whole(value):
        if value == stream_here("items"):
            return items
        if isinstance(value, dict):
            return {k: whole(v) for k, v in value.items()}
        if isinstance(value, list):
            return [whole(v) for v in value]
        return value

    expected = json.dumps(whole(shape), ensure_ascii=False, indent=2) + "\n"
    assert "".join(document(shape, {"items": iter(items)})) == expected


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "site").mkdir()
    write_site(root / "site")
    return root


def test_a_kept_store_holds_every_page_and_the_reports_agree_with_it(site: Path) -> None:
    scratch = site / "scratch"  # the temporary directory: the template pass's count is
    scratch.mkdir()  # in the store, and SQLite's own temporary files leave no name there
    done = subprocess.run(
        [*CLI, "audit", "site", "-j", "1", "--store", "audit.sqlite",
         "--format", "json", "--output", "report.json", "--format", "jsonl",
         "--output", "report.jsonl"],
        cwd=site, env={**os.environ, "TMPDIR": str(scratch)}, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr  # warnings only: no error fails the run
    assert list(scratch.iterdir()) == []
    report = json.loads((site / "report.json").read_text())
    connection = sqlite3.connect(site / "audit.sqlite")
    rows = connection.execute("SELECT path, errors, warnings, info FROM pages ORDER BY id")
    assert [(p, e + w + i) for p, e, w, i in rows] == [
        (f["path"], sum(1 for x in report["findings"] if x["path"] == f["path"]))
        for f in report["files"]
    ]
    lines = (site / "report.jsonl").read_text().splitlines()
    assert [json.loads(line) for line in lines] == [
        {"type": "finding", **f} for f in report["findings"]
    ]
    assert any(f["code"].startswith("SITE") for f in report["findings"])


def test_a_store_path_that_is_not_a_store_is_never_replaced(site: Path) -> None:
    precious = site / "notes.sqlite"
    precious.write_bytes(b"my own notes, not a result store")
    done = run("audit", "site", "--store", "notes.sqlite", cwd=site)
    assert done.returncode == 2
    assert "notes.sqlite: the file exists and is no result store; not replacing it" in done.stderr
    assert precious.read_bytes() == b"my own notes, not a result store"
    done = run("audit", "site", "--store", "h.db", "--db", "h.db", cwd=site)
    assert done.returncode == 2
    assert "the same file as a report or the history database" in done.stderr


def test_template_keys_are_counted_on_disk_whatever_their_size() -> None:
    big, small = (1 << 64) - 5, 12345
    with ResultStore() as store:
        counts = store.key_counts()
        for page in range(300):  # more pages than one write batch
            counts.add({big, small + page} if page % 3 else {big})
        assert counts.at_least(300) == {big}
        assert store.key_counts().at_least(1) == frozenset()


def test_check_writes_one_json_line_per_finding(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Planting garlic\n\nPlant garlic in autumn  when the soil is still warm.\n",
        encoding="utf-8",
    )
    done = run("check", "draft.md", "--format", "jsonl", cwd=tmp_path)
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert rows and all(row["type"] == "finding" and row["path"] == "draft.md" for row in rows)
    spaces = [row for row in rows if row["code"] == "HY006"]
    assert [(r["line"], r["column"], r["message"]) for r in spaces] == [
        (3, 23, "2 spaces in a row. Use one.")
    ]


def test_a_temporary_store_has_no_name_in_the_temporary_directory(tmp_path: Path) -> None:
    """Even while it is open: an audit killed midway leaves nothing behind."""
    script = (
        "import os, sys\n"
        "from linter.audit.store import ResultStore\n"
        "from linter.runner import FileResult\n"
        "store = ResultStore()\n"
        "for n in range(600):\n"
        "    store.put(n, FileResult(f'page-{n}.html', 'html', words=n))\n"
        "store.flush()\n"
        "print(len(store), store.size() > 0, os.listdir(sys.argv[1]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], env={**os.environ, "TMPDIR": str(tmp_path)},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.stdout.split("\n")[0] == "600 True []", done.stderr
