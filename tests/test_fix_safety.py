"""``check --fix`` never damages a file: exact spans, structure kept, idempotent, batch goes on.

Each test writes the report's input (or one built like it) to ``tmp_path``, runs the CLI
and asserts the file's bytes afterwards, the findings' places and the exit code.
"""

from __future__ import annotations

import json
import os

import pytest

CROSS_MARKUP = "# T\n\nOne **the** the two.\n\nSee [the](x) the docs.\n"
TAB_ITEM = (
    "# Notes\n\nIntro paragraph with enough words to be a normal paragraph here.\n\n"
    "- Item one\n\tthe the quick brown fox jumps over the dog.\n\n## Next heading\n"
)
FENCE = (
    '# Setup\n\nRun this script:\n\n```python\nprint("a")\n\n\n\nprint("b")\n```\n\n'
    "Then the the rest.\n"
)


def fix(cli, *args: str):
    return cli("check", "--fix", "--no-color", *args)


def findings(cli, path, *args: str) -> list[dict]:
    result = cli("check", str(path), "--format", "json", *args)
    return json.loads(result.stdout)["findings"]


def test_doubled_word_across_emphasis_or_link_text_is_reported_but_never_fixed(cli, tmp_path):
    path = tmp_path / "m.md"
    path.write_text(CROSS_MARKUP, encoding="utf-8")
    result = fix(cli, str(path), "--select", "HY001")
    assert path.read_text(encoding="utf-8") == CROSS_MARKUP  # was "One **the two."
    assert result.exit_code == 0
    assert "Applied 0 fixes in 0 files." in result.stdout
    found = findings(cli, path, "--select", "HY001")
    assert [(f["line"], f["column"], f["excerpt"], f["fix"]) for f in found] == [
        (3, 7, "the the", None),
        (5, 6, "the the", None),
    ]


def test_tab_indented_list_continuation_is_fixed_at_the_flagged_words(cli, tmp_path):
    path = tmp_path / "t.md"
    path.write_text(TAB_ITEM, encoding="utf-8")
    (found,) = findings(cli, path, "--select", "HY001")
    assert (found["line"], found["column"], found["end_column"]) == (6, 2, 9)
    assert TAB_ITEM.splitlines()[5][1:8] == found["excerpt"] == "the the"
    result = fix(cli, str(path), "--select", "HY001")
    assert path.read_text(encoding="utf-8") == TAB_ITEM.replace("\tthe the", "\tthe")
    assert result.exit_code == 0
    assert "Applied 1 fix in 1 file." in result.stdout


# The report's other position errors: the same document after a BOM, with old Mac line
# ends, with a byte that is not UTF-8, and with a NUL past the 8 KB the binary sniff reads.
FILLER = "Filler paragraph with plain words in it to push the list past the sniff.\n\n" * 120


@pytest.mark.parametrize(
    ("name", "data", "line"),
    [
        ("bom.md", b"\xef\xbb\xbf" + TAB_ITEM.encode(), 6),
        ("cr.md", TAB_ITEM.replace("\n", "\r").encode(), 6),
        ("flipped.md", TAB_ITEM.replace("Intro", "Intr\xef").encode("latin-1"), 6),
        ("nul.md", (FILLER + "Odd \x00 byte.\n\n" + TAB_ITEM).encode(), 6 + 242),
    ],
)
def test_markdown_positions_stay_exact_after_byte_mutations(cli, tmp_path, name, data, line):
    path = tmp_path / name
    path.write_bytes(data)
    (found,) = findings(cli, path, "--select", "HY001")
    assert (found["line"], found["column"], found["excerpt"]) == (line, 2, "the the")
    result = fix(cli, str(path), "--select", "HY001")
    assert result.exit_code == 0
    assert path.read_bytes() == data.replace(b"\tthe the", b"\tthe")
    again = fix(cli, str(path), "--select", "HY001")
    assert "Applied 0 fixes in 0 files." in again.stdout
    assert path.read_bytes() == data.replace(b"\tthe the", b"\tthe")


def test_structure_guard_stops_a_fix_that_would_change_a_code_block(cli, tmp_path):
    path = tmp_path / "f.md"
    path.write_text(FENCE, encoding="utf-8")
    result = fix(cli, str(path), "--select", "hygiene")
    # The blank lines inside the fence are code: before the guard one of them was deleted.
    assert path.read_text(encoding="utf-8") == FENCE.replace("the the", "the")
    assert result.stderr.splitlines()[0] == (
        f"contentlint: {path}: fix skipped at 9:1: it would change the document's structure"
    )
    assert result.exit_code == 0


def test_structure_guard_out_of_budget_skips_the_fixes_it_has_not_proven(
    cli, tmp_path, monkeypatch
):
    # A huge file gets no parse per fix: past the guard's budget, the fixes not yet proven
    # harmless are left out too (the file untouched), never applied unchecked.
    monkeypatch.setattr("linter.fix.MAX_GUARD_CHARS", 0)
    path = tmp_path / "f.md"
    path.write_text(FENCE, encoding="utf-8")
    result = fix(cli, str(path), "--select", "hygiene")
    assert path.read_text(encoding="utf-8") == FENCE
    assert result.stderr.splitlines()[0] == (
        f"contentlint: {path}: fix skipped at 9:1, 13:6: it would change the document's structure"
    )


CP037_PAGE = (
    b'<html><head><meta charset="cp037"><title>Notes from the caf\xe9 this week</title></head>'
    b"<body><h1>Caf\xe9 notes</h1><p>We visited the the caf\xe9 on Monday.</p></body></html>\n"
)


def test_page_declaring_an_ebcdic_charset_is_fixed_once_and_then_left_alone(cli, tmp_path):
    path = tmp_path / "cp037.html"
    path.write_bytes(CP037_PAGE)
    first = fix(cli, str(path), "--select", "HY001")
    assert path.read_bytes() == CP037_PAGE.replace(b"the the", b"the")
    assert "Applied 1 fix in 1 file." in first.stdout
    second = fix(cli, str(path), "--select", "HY001")
    assert path.read_bytes() == CP037_PAGE.replace(b"the the", b"the")
    assert "Applied 0 fixes in 0 files." in second.stdout


def test_page_that_cannot_be_written_back_is_refused_with_one_line(cli, tmp_path):
    # 0x81 has no character in windows-1252, the fallback for an EBCDIC declaration.
    data = CP037_PAGE.replace(b"Monday", b"Monday\x81")
    path = tmp_path / "lossy.html"
    path.write_bytes(data)
    for _ in range(2):
        result = fix(cli, str(path), "--select", "HY001")
        assert path.read_bytes() == data
        assert result.stderr.splitlines()[0] == (
            f"contentlint: {path}: not fixed: the file's encoding cannot be written back "
            "without loss"
        )


def test_fix_goes_on_after_a_file_that_cannot_be_read(cli, tmp_path):
    first, page, broken, last = (tmp_path / n for n in ("a.txt", "b.html", "c.txt", "d.txt"))
    for path in (first, last):
        path.write_text("A Short Note\n\nThe plan was the the plan.\n", encoding="utf-8")
    page.write_bytes(CP037_PAGE.replace(b"cp037", b"rot13"))  # a traceback ended the run
    broken.write_bytes(b"\x00\x01binary\x00")
    result = fix(cli, *map(str, (first, page, broken, last)), "--select", "HY001")
    assert result.exit_code == 2
    assert f"contentlint: {broken}: binary file, not text" in result.stderr.splitlines()
    for path in (first, last):
        assert path.read_text(encoding="utf-8") == "A Short Note\n\nThe plan was the plan.\n"
    assert "Applied 3 fixes in 3 files." in result.stdout


@pytest.mark.parametrize("charset", ["rot13", "zlib", "undefined"])
def test_fix_on_a_page_with_a_charset_that_is_no_text_encoding(cli, tmp_path, charset):
    # Used to end the whole run with a LookupError traceback.
    data = CP037_PAGE.replace(b"cp037", charset.encode())
    path = tmp_path / "page.html"
    path.write_bytes(data)
    result = fix(cli, str(path), "--select", "HY001")
    assert result.exit_code == 0
    assert path.read_bytes() == data.replace(b"the the", b"the")


def test_fix_refuses_a_fifo_and_fixes_through_a_symlink(cli, tmp_path):
    # A FIFO used to block --fix forever; a symlinked file must stay a symlink.
    fifo, target, link = tmp_path / "pipe.md", tmp_path / "real.txt", tmp_path / "link.txt"
    os.mkfifo(fifo)
    target.write_text("A Short Note\n\nThe plan was the the plan.\n", encoding="utf-8")
    link.symlink_to(target)
    result = fix(cli, str(fifo), str(link), "--select", "HY001")
    assert result.exit_code == 2
    assert f"contentlint: {fifo}: is a FIFO (named pipe), not a regular file" in (
        result.stderr.splitlines()
    )
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "A Short Note\n\nThe plan was the plan.\n"


def test_plain_text_guard_refuses_a_fix_that_joins_two_lines(cli, tmp_path):
    # The second "ready" is all its line holds: deleting it joins the lines around it,
    # and plain text is read line by line, so the guard keeps the file as it is.
    text = "Packing for a long hike\n\nWe packed the night before and were ready\nready\nTo go.\n"
    path = tmp_path / "hike.txt"
    path.write_text(text, encoding="utf-8")
    result = fix(cli, str(path), "--select", "HY001")
    assert path.read_text(encoding="utf-8") == text
    assert result.stderr.splitlines()[0] == (
        f"contentlint: {path}: fix skipped at 3:37: it would change the document's structure"
    )
