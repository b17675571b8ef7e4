"""Audit history: runs stored in SQLite, listed with their totals, compared by fingerprint."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linter import history
from linter.engine import Engine
from linter.history import Comparison, HistoryError
from linter.history import db as history_db
from linter.model import Finding, Severity
from linter.report import Report
from linter.rulepack import load_rules
from linter.runner import lint_one

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

STARTED = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
# Two repeated words (HY001); the edit below keeps one, fixes one and adds one.
BEFORE = "A Note\n\nWe went to the the shop.\nIt was was closed.\n"
AFTER = "A Note\n\nA new first paragraph.\n\nWe went to the the shop.\nThey they left.\n"


@pytest.fixture(scope="module")
def all_rules():
    return load_rules()


@pytest.fixture(scope="module")
def full(all_rules):
    return Engine(all_rules)


@pytest.fixture(scope="module")
def repeated(all_rules):
    """Only the repeated-word rule, so an edit changes exactly the findings we expect."""
    return Engine([r for r in all_rules if r.code == "HY001"])


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A working directory of its own, so stored paths are short and relative."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def audit(engine: Engine, *paths: str) -> Report:
    return Report(files=[lint_one(str(p), engine) for p in paths], rules=engine.rules)


def record(conn, report: Report, paths=(".",), **extra) -> int:
    return history.record_run(
        conn,
        report,
        started=extra.pop("started", STARTED),
        duration=extra.pop("duration", 1.25),
        config_hash=history.config_hash(report.rules),
        paths=list(paths),
    )


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path.name


# -- recording and listing ------------------------------------------------------------


def test_runs_are_listed_newest_first_with_the_totals_of_their_reports(site, full, repeated):
    samples = sorted(str(p) for p in SAMPLES.glob("*.html"))
    first = audit(full, *samples)
    second = audit(repeated, *samples[:2])
    conn = history.open_db("audits.sqlite")
    ids = [record(conn, first, [str(SAMPLES)]), record(conn, second)]

    runs = history.list_runs(conn)
    assert [run["id"] for run in runs] == ids[::-1]
    for run, report in zip(runs, [second, first], strict=True):
        summary = report.summary()
        assert (run["pages"], run["pages_failed"], run["findings"]) == (
            summary["files"],
            summary["files_failed"],
            summary["findings"],
        )
        assert (run["errors"], run["warnings"], run["info"]) == (
            summary["errors"],
            summary["warnings"],
            summary["info"],
        )
    assert runs[1]["findings"] > 0 and runs[1]["errors"] > 0
    assert runs[1]["started"] == "2026-11-20T10:00:00+00:00" and runs[1]["duration"] == 1.25
    assert runs[1]["interrupted"] is False
    # different rules, visibly different configuration
    assert runs[0]["config_hash"] != runs[1]["config_hash"]
    # every page and every finding is kept, with the fingerprint baselines use
    stored = conn.execute("SELECT count(*) FROM findings WHERE run_id = ?", (ids[0],))
    assert stored.fetchone()[0] == len(first.findings)
    pages = conn.execute("SELECT path, words FROM pages WHERE run_id = ?", (ids[0],)).fetchall()
    assert len(pages) == len(samples) and all(words > 0 for _, words in pages)


def test_trend_is_oldest_first_with_exactly_the_keys_the_html_report_reads(site, repeated):
    page = write(site / "note.txt", BEFORE)
    conn = history.open_db("audits.sqlite")
    for _ in range(3):
        record(conn, audit(repeated, page))
    points = history.trend(conn, limit=2)
    assert [p["id"] for p in points] == [2, 3]
    assert set(points[0]) == {"id", "started", "pages", "findings", "errors", "warnings", "info"}
    assert (points[0]["pages"], points[0]["findings"], points[0]["warnings"]) == (1, 2, 2)


def test_paths_are_stored_portable_and_interrupted_runs_are_marked(site, repeated):
    page = write(site / "note.txt", BEFORE)
    report = audit(repeated, str(site / page))
    report.interrupted = True
    conn = history.open_db("audits.sqlite")
    record(conn, report, [str(site)])
    (run,) = history.list_runs(conn)
    assert run["paths"] == ["."] and run["interrupted"] is True
    assert conn.execute("SELECT DISTINCT path FROM findings").fetchall() == [("note.txt",)]
    assert "(interrupted)" in history.render_runs([run])


def test_config_hash_is_stable_and_follows_severity_and_params(all_rules):
    rules = [r for r in all_rules if r.code in ("HY001", "RD001")]
    digest = history.config_hash(rules)
    assert digest == history.config_hash(list(reversed(rules)))
    assert len(digest) == 12 and int(digest, 16) >= 0
    louder = rules[0].with_overrides(Severity.ERROR, None)
    assert history.config_hash([louder, rules[1]]) != digest


# -- comparing with an earlier run ----------------------------------------------------


def test_editing_a_page_shows_exactly_the_new_and_the_fixed_findings(site, repeated):
    page = site / "note.txt"
    write(page, BEFORE)
    conn = history.open_db("audits.sqlite")
    old = record(conn, audit(repeated, "note.txt"))
    write(page, AFTER)  # a paragraph inserted above "the the" does not make it new

    now = audit(repeated, "note.txt")
    result = history.compare(conn, old, now)

    assert result.against == old and result.started == "2026-11-20T10:00:00+00:00"
    assert [(f.path, f.line, f.excerpt) for f in result.new] == [("note.txt", 6, "They they")]
    assert result.fixed == [
        {
            "code": "HY001",
            "path": "note.txt",
            "line": 4,
            "message": "The word “was” is repeated: “was was”. Delete one.",
        }
    ]
    assert result.unchanged == 1 and result.not_compared == 0
    # compare reads only: the current run is recorded afterwards by the caller
    assert len(history.list_runs(conn)) == 1


def test_duplicates_are_compared_as_a_multiset(site, repeated):
    page = site / "note.txt"
    write(page, "A Note\n\nWe went to the the shop.\n\nWe went to the the shop.\n")
    conn = history.open_db("audits.sqlite")
    old = record(conn, audit(repeated, "note.txt"))
    write(page, "A Note\n\nWe went to the the shop.\n")
    result = history.compare(conn, old, audit(repeated, "note.txt"))
    assert (len(result.new), len(result.fixed), result.unchanged) == (0, 1, 1)
    assert result.fixed[0]["line"] == 5  # the copies pair up in page order
    # and back: a copy reappearing is one new finding, not zero
    newer = record(conn, audit(repeated, "note.txt"))
    write(page, "A Note\n\nWe went to the the shop.\n\nWe went to the the shop.\n")
    again = history.compare(conn, newer, audit(repeated, "note.txt"))
    assert (len(again.new), len(again.fixed), again.unchanged) == (1, 0, 1)


def test_pages_missing_from_this_run_are_not_reported_as_fixed(site, repeated):
    write(site / "a.txt", BEFORE)
    write(site / "b.txt", BEFORE)
    conn = history.open_db("audits.sqlite")
    old = record(conn, audit(repeated, "a.txt", "b.txt"))
    (site / "b.txt").write_bytes(b"\x00\x01binary\x00")  # cannot be read any more
    result = history.compare(conn, old, audit(repeated, "a.txt", "b.txt"))
    assert (len(result.new), result.fixed, result.unchanged) == (0, [], 2)
    assert result.not_compared == 1
    partial = history.compare(conn, old, audit(repeated, "a.txt"))
    assert (partial.fixed, partial.unchanged, partial.not_compared) == ([], 2, 1)
    assert "1 page checked in only one" in history.render_comparison(partial)


def test_a_page_added_since_a_complete_run_has_new_findings(site, repeated):
    write(site / "a.txt", BEFORE)
    conn = history.open_db("audits.sqlite")
    old = record(conn, audit(repeated, "a.txt"))
    write(site / "c.txt", BEFORE)
    result = history.compare(conn, old, audit(repeated, "a.txt", "c.txt"))
    assert sorted({f.path for f in result.new}) == ["c.txt"] and len(result.new) == 2


def test_last_and_numeric_ids_resolve_and_unknown_ones_are_clear_errors(site, repeated):
    write(site / "a.txt", BEFORE)
    conn = history.open_db("audits.sqlite")
    with pytest.raises(HistoryError, match=r"^audits.sqlite: no earlier run to compare with$"):
        history.resolve_run(conn, "last")
    first, second = record(conn, audit(repeated, "a.txt")), record(conn, audit(repeated, "a.txt"))
    assert history.resolve_run(conn, "last") == second
    assert history.resolve_run(conn, str(first)) == first
    with pytest.raises(HistoryError, match=r"^audits.sqlite: run 9 not found"):
        history.resolve_run(conn, "9")
    with pytest.raises(HistoryError, match=r"'yesterday' is not a run id"):
        history.resolve_run(conn, "yesterday")
    with pytest.raises(HistoryError, match=r"run 9 not found"):
        history.compare(conn, 9, audit(repeated, "a.txt"))


def finding(n: int) -> Finding:
    return Finding(
        "HY001", "repeated-word", "hygiene", Severity.WARNING, f"Problem {n}.",
        "page.html", n, 3, n, 9, "the the",
    )  # fmt: skip


def test_render_comparison_reads_as_sentences_and_caps_long_lists():
    fixed = [{"code": "SE001", "path": "a.html", "line": 7, "message": "No title."}]
    text = history.render_comparison(
        Comparison(3, "2026-11-20T10:00:00+00:00", [finding(n) for n in range(1, 26)], fixed, 120)
    )
    lines = text.splitlines()
    assert lines[0] == "Compared with run 3 (2026-11-20 10:00 UTC): 25 new, 1 fixed, 120 unchanged."
    assert lines[1] == "New:" and lines[2] == "  page.html:1:3: HY001 Problem 1."
    assert lines[22] == "  … and 5 more"
    assert lines[23:] == ["Fixed:", "  a.html:7: SE001 No title."]


def test_render_runs_aligns_a_table_and_says_when_there_is_nothing():
    assert history.render_runs([], "audits.sqlite") == "No audits recorded in audits.sqlite.\n"
    run = {
        "id": 12, "started": "2026-11-20T10:00:00+00:00", "pages": 140, "pages_failed": 2,
        "findings": 1234, "errors": 34, "warnings": 1000, "info": 200,
        "config_hash": "0e46fe6b15c7", "interrupted": False,
    }  # fmt: skip
    header, row = history.render_runs([run]).splitlines()
    assert header.split() == [
        "ID", "STARTED", "PAGES", "FAILED", "FINDINGS", "ERRORS", "WARNINGS", "INFO", "CONFIG",
    ]  # fmt: skip
    assert row.split() == ["12", "2026-11-20", "10:00", "UTC", "140", "2", "1234", "34", "1000",
                           "200", "0e46fe6b15c7"]  # fmt: skip
    assert header.index("FINDINGS") + len("FINDINGS") == row.index("1234") + len("1234")


# -- the database file ----------------------------------------------------------------


def test_a_new_database_is_at_schema_version_1_with_foreign_keys_on(tmp_path):
    conn = history.open_db(str(tmp_path / "audits.sqlite"))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history.MIGRATIONS) == 1
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"runs", "pages", "findings", "findings_run_fingerprint"} <= tables
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO pages (run_id, path, words, scores, findings) VALUES (99, 'x', 0, '{}', 0)"
        )
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audits.sqlite"]


def test_pending_migrations_run_in_order_and_keep_the_data(site, repeated):
    write(site / "a.txt", BEFORE)
    conn = history.open_db("audits.sqlite")
    record(conn, audit(repeated, "a.txt"))
    conn.close()
    later = (
        *history.MIGRATIONS,
        "ALTER TABLE runs ADD COLUMN site TEXT;\nUPDATE runs SET site = 'example.com';",
        # version 3 needs version 2's column: run out of order, it would fail
        "CREATE TABLE sites AS SELECT DISTINCT site FROM runs;\n"
        "CREATE TRIGGER runs_site AFTER INSERT ON runs BEGIN\n"
        "  INSERT INTO sites VALUES (new.site);\nEND;",
    )
    conn = history.open_db("audits.sqlite", migrations=later)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert conn.execute("SELECT site FROM sites").fetchall() == [("example.com",)]
    assert history.list_runs(conn)[0]["findings"] == 2


def test_a_failing_migration_changes_nothing(site):
    history.open_db("audits.sqlite").close()
    broken = (*history.MIGRATIONS, "CREATE TABLE extra (x);\nNOT SQL AT ALL;")
    with pytest.raises(HistoryError, match=r"^audits.sqlite: .*syntax error"):
        history.open_db("audits.sqlite", migrations=broken)
    conn = history.open_db("audits.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone() == (
        0,
    )


def test_a_database_from_a_newer_contentlint_is_refused(site):
    history.open_db("audits.sqlite").close()
    raw = sqlite3.connect("audits.sqlite")
    raw.execute("PRAGMA user_version = 7")
    raw.close()
    with pytest.raises(HistoryError) as caught:
        history.open_db("audits.sqlite")
    assert str(caught.value) == (
        "audits.sqlite: written by a newer contentlint (schema version 7; this one knows up"
        " to 1); upgrade contentlint"
    )


def test_files_that_are_not_history_databases_are_refused_untouched(site):
    (site / "notes.txt").write_text("not a database at all, just text\n" * 100)
    before = (site / "notes.txt").read_bytes()
    with pytest.raises(HistoryError) as caught:
        history.open_db("notes.txt")
    assert str(caught.value) == (
        "notes.txt: not a contentlint history database (file is not a database)"
    )
    assert (site / "notes.txt").read_bytes() == before
    other = sqlite3.connect("other.sqlite")
    other.execute("CREATE TABLE contacts (name TEXT)")
    other.commit()
    other.close()
    with pytest.raises(HistoryError, match=r"^other.sqlite: not a contentlint history database"):
        history.open_db("other.sqlite")


def test_a_locked_database_is_a_one_line_error_and_nothing_is_half_written(site, repeated):
    write(site / "a.txt", BEFORE)
    conn = history.open_db("audits.sqlite", timeout=0.05)
    holder = sqlite3.connect("audits.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(HistoryError, match=r"^audits.sqlite: database is locked"):
            record(conn, audit(repeated, "a.txt"))
        with pytest.raises(HistoryError, match=r"^audits.sqlite: database is locked"):
            history.open_db("audits.sqlite", timeout=0.05)
    finally:
        holder.rollback()
        holder.close()
    assert history.list_runs(conn) == []
    assert conn.execute("SELECT count(*) FROM findings").fetchone() == (0,)


def test_a_missing_directory_is_a_one_line_error(tmp_path):
    with pytest.raises(HistoryError, match=r"cannot open database"):
        history.open_db(str(tmp_path / "no" / "such" / "audits.sqlite"))
    assert not (tmp_path / "no").exists()


# -- contentlint history --------------------------------------------------------------


def test_history_lists_runs_with_their_totals(cli, site, repeated):
    write(site / "a.txt", BEFORE)
    conn = history.open_db("audits.sqlite")
    record(conn, audit(repeated, "a.txt"))
    record(conn, audit(repeated, "a.txt"), started=datetime(2026, 11, 21, 9, 30, tzinfo=UTC))
    conn.close()
    result = cli("history", "--db", "audits.sqlite")
    assert result.exit_code == 0
    header, newest, oldest = result.output.splitlines()
    assert header.split()[:5] == ["ID", "STARTED", "PAGES", "FAILED", "FINDINGS"]
    assert newest.split()[:9] == ["2", "2026-11-21", "09:30", "UTC", "1", "0", "2", "0", "2"]
    assert oldest.split()[:4] == ["1", "2026-11-20", "10:00", "UTC"]


def test_history_json_is_a_list_of_runs(cli, site, repeated):
    write(site / "a.txt", BEFORE)
    conn = history.open_db("audits.sqlite")
    record(conn, audit(repeated, "a.txt"), paths=["a.txt"])
    conn.close()
    result = cli("history", "--db", "audits.sqlite", "--format", "json")
    assert result.exit_code == 0
    (run,) = json.loads(result.output)
    assert run["id"] == 1 and run["paths"] == ["a.txt"] and run["findings"] == 2
    assert run["tool_version"] and run["config_hash"]


def test_history_of_an_empty_database_says_so(cli, site):
    history.open_db("audits.sqlite").close()
    result = cli("history", "--db", "audits.sqlite")
    assert (result.exit_code, result.output) == (0, "No audits recorded in audits.sqlite.\n")


def test_history_of_a_missing_file_is_a_usage_error_and_creates_nothing(cli, site):
    result = cli("history", "--db", "typo.sqlite")
    assert result.exit_code == 2
    assert result.stderr == "contentlint: error: typo.sqlite: no such history database\n"
    assert not (site / "typo.sqlite").exists()


def test_history_of_a_file_that_is_not_a_database_is_one_line(cli, site):
    (site / "page.html").write_text("<p>hello</p>\n" * 200)
    result = cli("history", "--db", "page.html")
    assert result.exit_code == 2
    assert result.stderr == (
        "contentlint: error: page.html: not a contentlint history database"
        " (file is not a database)\n"
    )


# -- reports come before history -------------------------------------------------------


def test_a_database_locked_at_the_end_loses_no_report(cli, site, monkeypatch):
    write(site / "a.txt", BEFORE)
    assert cli("audit", "a.txt", "-j", "1", "--db", "audits.sqlite", "-q").exit_code == 0
    monkeypatch.setattr(history_db, "BUSY_TIMEOUT", 0.05)
    holder = sqlite3.connect("audits.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer: readers may still read
    try:
        result = cli(
            "audit", "a.txt", "-j", "1", "--db", "audits.sqlite", "--compare", "last",
            "--format", "json", "--output", "report.json", "--csv", "report.csv",
        )  # fmt: skip
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 2
    assert (
        "contentlint: audits.sqlite: database is locked (is another contentlint writing to it?)\n"
        in result.stderr
    )
    assert json.loads((site / "report.json").read_text())["summary"]["files"] == 1
    assert (site / "report.csv").read_text().startswith("path,line,column")
    conn = history.open_db("audits.sqlite")
    assert len(history.list_runs(conn)) == 1  # the first audit only
    conn.close()


def test_compare_last_on_a_new_database_says_so_and_records_the_run(cli, site):
    write(site / "a.txt", BEFORE)
    result = cli("audit", "a.txt", "-j", "1", "--db", "new.sqlite", "--compare", "last")
    assert result.exit_code == 0
    assert result.stderr == (
        "contentlint: recorded audit 1 in new.sqlite; "
        "nothing to compare yet: this is the first audit in the history\n"
    )
    conn = history.open_db("new.sqlite")
    assert [run["id"] for run in history.list_runs(conn)] == [1]
    conn.close()
