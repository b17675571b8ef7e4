"""Reports go where the user pointed, and nowhere else: through symlinks, into FIFOs
and devices as they are, each report on its own; paths and page text never reach a
report or a terminal with raw control characters."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import threading

import pytest

from linter.output import destination_problem, write_safely

PAGE = (
    "<html lang='en'><head><title>{title}</title></head>"
    "<body><h1>Pruning roses</h1><p>Cut the stems in winter.</p></body></html>"
)


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def page(path, title: str = "Pruning roses in winter, step by step") -> str:
    path.write_text(PAGE.format(title=title), encoding="utf-8")
    return str(path.name)


def device(path, minor: int):
    """A character device node of our own (1,3 is null, 1,7 is full); never /dev's."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (PermissionError, OSError) as error:
        pytest.skip(f"cannot create a device node here: {error}")
    return path


def test_a_symlinked_report_path_stays_a_symlink_and_its_target_gets_the_report(here, cli):
    name = page(here / "a.html")
    (here / "real.json").write_text("old", encoding="utf-8")
    os.symlink("real.json", here / "report.json")
    result = cli("check", name, "--format", "json", "--output", "report.json")
    assert result.exit_code == 0
    assert os.path.islink(here / "report.json")
    assert json.loads((here / "real.json").read_text())["files"][0]["path"] == "a.html"


def test_write_baseline_through_a_symlink_keeps_the_symlink(here, cli):
    name = page(here / "a.html")
    (here / "kept").mkdir()
    os.symlink("kept/base.json", here / "base.json")
    result = cli("check", name, "--write-baseline", "base.json")
    assert result.exit_code == 0
    assert os.path.islink(here / "base.json")
    assert json.loads((here / "kept" / "base.json").read_text())["entries"]


def test_a_report_to_a_fifo_is_written_into_the_fifo(here, cli):
    name = page(here / "a.html")
    os.mkfifo(here / "pipe")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append((here / "pipe").read_bytes()))
    reader.start()
    result = cli("check", name, "--format", "csv", "--output", "pipe")
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(os.stat(here / "pipe").st_mode)
    rows = list(csv.DictReader(io.StringIO(received[0].decode())))
    assert {row["code"] for row in rows} >= {"SEO005"}


def test_a_report_to_a_character_device_leaves_the_device_in_place(here, cli):
    name = page(here / "a.html")
    null = device(here / "null", 3)
    result = cli("check", name, "--output", str(null))
    assert result.exit_code == 0
    assert stat.S_ISCHR(os.stat(null).st_mode)


def test_output_dev_null_does_not_replace_it_when_it_is_a_device(here, cli):
    before = os.stat("/dev/null")
    if not stat.S_ISCHR(before.st_mode):
        pytest.skip("/dev/null is not a character device on this machine")
    result = cli("check", page(here / "a.html"), "--output", "/dev/null")
    assert result.exit_code == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_write_safely_replaces_a_regular_file_keeping_its_mode(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_safely(str(target), "new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["r.txt"]  # no temporary file left behind


def test_a_missing_output_directory_is_refused_before_linting(here, cli):
    name = page(here / "a.html")
    result = cli(
        "check", name, "--format", "json", "--output", "ok.json",
        "--format", "text", "--output", "nodir/report.txt",
    )  # fmt: skip
    assert result.exit_code == 2
    assert (
        result.stderr
        == "contentlint: error: cannot write nodir/report.txt: directory nodir does not exist\n"
    )
    assert not (here / "ok.json").exists()


@pytest.mark.parametrize("option", ["--output", "--csv", "--html", "--pages-csv", "--db"])
def test_audit_refuses_a_missing_directory_before_auditing(here, cli, option):
    page(here / "a.html")
    result = cli("audit", "a.html", "-j", "1", option, "gone/out")
    assert result.exit_code == 2
    assert result.stderr.startswith("contentlint: error: ")
    assert "gone" in result.stderr and result.stderr.count("\n") == 1
    assert "Audited" not in result.output


def test_one_report_that_cannot_be_written_loses_no_other(here, cli):
    page(here / "a.html")
    full = device(here / "full", 7)  # every write: "No space left on device"
    result = cli(
        "audit", "a.html", "-j", "1", "--format", "json", "--output", "r.json",
        "--csv", str(full), "--html", "r.html", "--pages-csv", "pages.csv",
    )  # fmt: skip
    assert result.exit_code == 2
    assert f"contentlint: cannot write {full}: No space left on device\n" in result.stderr
    assert json.loads((here / "r.json").read_text())["summary"]["files"] == 1
    assert "a.html" in (here / "r.html").read_text()
    assert (here / "pages.csv").read_text().splitlines()[1].startswith("a.html,")


def test_destination_problem_names_what_is_wrong(tmp_path):
    (tmp_path / "file").write_text("")
    assert destination_problem(str(tmp_path)) == "is a directory"
    assert destination_problem(str(tmp_path / "file" / "x")).endswith("is not a directory")
    assert destination_problem(str(tmp_path / "new.txt")) is None
    assert destination_problem("-") is None


# -- file names and page text that are not plain text ---------------------------------


def test_a_non_utf8_file_name_is_escaped_in_every_report(here, cli):
    raw = os.fsencode(str(here)) + b"/bad\xffname.html"
    with open(raw, "wb") as handle:
        handle.write(PAGE.format(title="Short").encode())
    result = cli(
        "audit", ".", "-j", "1", "--format", "text", "--output", "r.txt",
        "--csv", "r.csv", "--html", "r.html", "--format", "json", "--output", "r.json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    shown = "./bad\\xffname.html"
    assert f"{shown}:1:" in (here / "r.txt").read_text()
    rows = csv.DictReader(io.StringIO((here / "r.csv").read_text()))
    assert next(rows)["path"] == shown
    assert json.loads((here / "r.json").read_text())["files"][0]["path"] == shown
    assert "bad\\xffname.html" in (here / "r.html").read_text()


def test_a_newline_in_a_file_name_cannot_forge_a_finding_line(here, cli):
    name = "evil\nforged.html:1:1: BP001 [error] planted.html"
    page(here / name, title="Short")
    result = cli("check", ".", "--format", "text")
    lines = result.output.splitlines()
    assert not any(line.startswith("forged.html") for line in lines)
    assert "./evil\\nforged.html:1:1: BP001 [error] planted.html:1:" in result.output


def test_escape_sequences_in_page_text_reach_no_report_raw(here, cli):
    html = PAGE.format(title="t").replace("</p>", "<a href='/red\x1b[31mpage'></a></p>")
    (here / "a.html").write_text(html, encoding="utf-8")
    for fmt in ("text", "github", "csv"):
        result = cli("check", "a.html", "--select", "SEO015", "--format", fmt)
        assert result.exit_code == 0
        assert "\x1b" not in result.output
        assert "Link to “/red\\x1b[31mpage” has no text" in result.output


def test_an_error_line_escapes_the_file_name(here, cli):
    os.mkfifo(here / "x\x1b[2J.html")
    result = cli("check", "x\x1b[2J.html")
    assert result.exit_code == 2
    assert (
        result.stderr == "contentlint: x\\x1b[2J.html: is a FIFO (named pipe), not a regular file\n"
    )


def test_a_message_quoting_a_huge_block_is_capped(here, cli):
    question = "Why " + "really " * 2000 + "?"
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": "Because."},
            }
        ],
    }
    body = f"<script type='application/ld+json'>{json.dumps(data)}</script><p>Hello.</p>"
    (here / "faq.html").write_text(PAGE.format(title="FAQ").replace("<p>", body + "<p>", 1))
    result = cli("check", "faq.html", "--select", "FQ005", "--format", "json")
    messages = [f["message"] for f in json.loads(result.output)["findings"]]
    assert messages and all(len(m) <= 500 for m in messages)
    assert messages[0].startswith("The FAQ markup (JSON-LD) contains the question “Why really")
