"""``check --fix``: safe fixes only, bytes kept as they were, idempotent, exact dry-run diff."""

from __future__ import annotations

import json
import os
import stat

import pytest

from linter.engine import Engine
from linter.fix import apply_fixes, is_safe
from linter.model import Finding, Severity
from linter.rulepack import load_rules

NOTE = "A Short Note\n\nThe plan  was simple and the the team liked it.\n\n\n\n"
FIXED = "A Short Note\n\nThe plan was simple and the team liked it.\n"
HTML_LATIN1 = (
    '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 notes for the week</title></head>'
    "<body><h1>Caf\xe9 notes</h1><p>We visited the the caf\xe9 on Monday.</p></body></html>\n"
)


def fix(cli, *args: str):
    return cli("check", "--fix", "--no-color", *args)


def test_apply_fixes_goes_backwards_and_skips_overlaps():
    text = "abcdefghij"
    result, applied = apply_fixes(text, [(0, 2, "X"), (1, 3, "Y"), (5, 6, ""), (8, 10, "Z")])
    # (1, 3) is taken first, so (0, 2), which overlaps it, waits for the next pass.
    assert (result, applied) == ("aYdeghZ", 3)


def test_injected_phrase_suggestion_is_never_safe():
    finding = Finding(
        "BP001", "boilerplate.injected-phrase", "boilerplate", Severity.ERROR, "m", "p",
        1, 1, 1, 2, "x", fix="healthcare management",
    )  # fmt: skip
    engine = Engine(load_rules())
    assert not is_safe(finding, "text", engine)
    finding.code = "BP002"  # the run-in title's fix is safe in plain text only
    assert is_safe(finding, "text", engine) and not is_safe(finding, "html", engine)


def test_fix_rewrites_the_file_and_reports_what_is_left(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    result = fix(cli, str(path), "--select", "hygiene")
    assert path.read_text(encoding="utf-8") == FIXED
    assert result.exit_code == 0
    assert "No problems found in 1 file." in result.stdout
    assert result.stdout.rstrip().endswith("Applied 3 fixes in 1 file.")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("crlf.txt", NOTE.replace("\n", "\r\n").encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + NOTE.encode("utf-8")),
        ("utf16.txt", "\ufeff".encode("utf-16-be") + NOTE.encode("utf-16-be")),
        ("latin1.txt", (NOTE.replace("plan", "caf\xe9 plan")).encode("latin-1")),
        ("page.html", HTML_LATIN1.encode("latin-1")),
        ("lone-cr.txt", NOTE.replace("\n", "\r").encode("utf-8")),
    ],
)
def test_fix_keeps_encoding_bom_and_line_ends_and_is_idempotent(cli, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    first = fix(cli, str(path), "--select", "hygiene")
    assert first.exit_code == 0, first.output
    after = path.read_bytes()
    assert after != data
    if name == "page.html":
        assert after == data.replace(b"the the", b"the")
    elif name == "utf16.txt":
        assert after == "\ufeff".encode("utf-16-be") + FIXED.encode("utf-16-be")
    else:
        newline = b"\r\n" if name == "crlf.txt" else b"\r" if name == "lone-cr.txt" else b"\n"
        expected = FIXED.replace("plan", "caf\xe9 plan" if "latin1" in name else "plan")
        encoded = expected.encode("latin-1" if "latin1" in name else "utf-8")
        bom = b"\xef\xbb\xbf" if name == "bom.txt" else b""
        assert after == bom + encoded.replace(b"\n", newline)
    second = fix(cli, str(path), "--select", "hygiene")
    assert path.read_bytes() == after
    assert "Applied 0 fixes in 0 files." in second.stdout


def test_dry_run_prints_an_exact_diff_and_changes_nothing(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    result = fix(cli, str(path), "--select", "hygiene", "--dry-run")
    assert path.read_text(encoding="utf-8") == NOTE
    assert result.stdout == (
        f"--- {path}\n"
        f"+++ {path}\n"
        "@@ -1,6 +1,3 @@\n"
        " A Short Note\n"
        " \n"
        "-The plan  was simple and the the team liked it.\n"
        "-\n"
        "-\n"
        "-\n"
        "+The plan was simple and the team liked it.\n"
    )
    assert result.stderr.strip() == "Would apply 3 fixes in 1 file."
    assert result.exit_code == 0


def test_dry_run_marks_a_missing_final_newline(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("A Short Note\n\nThe plan  works.", encoding="utf-8")
    result = fix(cli, str(path), "--select", "HY006", "--dry-run")
    assert result.stdout.endswith(
        "-The plan  works.\n\\ No newline at end of file\n"
        "+The plan works.\n\\ No newline at end of file\n"
    )


def test_fix_keeps_the_file_mode(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    os.chmod(path, 0o640)
    fix(cli, str(path), "--select", "hygiene")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["note.txt"]


def test_unsafe_and_unfixable_findings_stay(cli, tmp_path):
    path = tmp_path / "draft.txt"
    text = (
        "Solar Panels vs Wind Turbines\n\n"
        "Homeowners often compare costs first.\n"
        "Owners of Solar Panels vs Wind Turbines systems report low upkeep.\n"
    )
    path.write_text(text, encoding="utf-8")
    result = fix(cli, str(path), "--select", "BP001")
    assert path.read_text(encoding="utf-8") == text
    assert result.exit_code == 1
    assert "Applied 0 fixes in 0 files." in result.stdout


def test_run_in_title_is_fixed_in_plain_text(cli, tmp_path):
    path = tmp_path / "draft.txt"
    line = (
        "Data Science vs Data Analytics In today's world companies collect more data than "
        "ever before and need people who can read it."
    )
    body = "\n\nData Science vs Data Analytics differ in scope and in the tools they use.\n"
    path.write_text(line + body, encoding="utf-8")
    fix(cli, str(path), "--select", "BP002")
    assert path.read_text(encoding="utf-8").startswith(
        "Data Science vs Data Analytics\n\nIn today's world"
    )


def test_fix_refuses_stdin_with_other_paths_and_dry_run_needs_fix(cli, tmp_path):
    # Fixing standard input prints its text on stdout: no other file may share it.
    other = tmp_path / "other.txt"
    other.write_text("x\n", encoding="utf-8")
    assert cli("check", "--fix", "-", str(other), input="x").exit_code == 2
    assert cli("check", "--dry-run", "-", input="x").exit_code == 2


def test_exit_zero_keeps_findings_but_exits_zero(cli, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("A Short Note\n\nLorem ipsum dolor sit amet.\n", encoding="utf-8")
    assert cli("check", str(path), "--select", "HY002").exit_code == 1
    result = cli("check", str(path), "--select", "HY002", "--exit-zero")
    assert result.exit_code == 0 and "HY002" in result.stdout
    missing = cli("check", str(tmp_path / "missing.txt"), "--exit-zero")
    assert missing.exit_code == 2


INJECTED_WITH_CONTEXT = """\
Healthcare Management vs Healthcare Administration

Students often ask how the two fields differ. Healthcare management covers budgets, staff \
and strategy, while healthcare administration runs the daily work of a clinic.

Graduates join many kinds of Healthcare Management vs Healthcare Administration \
organizations, and healthcare management roles are growing fastest.
"""


def test_injected_phrase_suggests_the_words_the_document_uses_but_never_applies_them(cli, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(INJECTED_WITH_CONTEXT, encoding="utf-8")
    result = cli("check", str(path), "--select", "BP001", "--format", "json")
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["fix"] == "healthcare management"
    assert finding["message"].endswith("Perhaps “healthcare management” was meant.")
    fixed = fix(cli, str(path), "--select", "BP001")
    assert path.read_text(encoding="utf-8") == INJECTED_WITH_CONTEXT
    assert fixed.exit_code == 1


def test_injected_phrase_without_evidence_suggests_nothing(cli, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(
        INJECTED_WITH_CONTEXT.replace("healthcare management roles", "these roles"),
        encoding="utf-8",
    )
    result = cli("check", str(path), "--select", "BP001", "--format", "json")
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["fix"] is None  # one mention of each side: a tie, no guess
    assert finding["message"].endswith("the words it needs.")


def test_a_file_decoded_with_replacement_characters_is_never_written(cli, tmp_path):
    path = tmp_path / "odd.txt"
    data = b"A Short Note\n\nThe plan  was \x81 simple.\n"  # 0x81: no character in cp1252
    path.write_bytes(data)
    result = fix(cli, str(path), "--select", "HY006")
    assert path.read_bytes() == data
    assert "not fixed: the file's encoding cannot be written back without loss" in result.stderr


def test_a_repair_is_written_in_the_file_encoding(cli, tmp_path):
    text = tmp_path / "cp1252.txt"
    text.write_bytes("A Short Note\n\nCaf\xe9 owners donâ€™t mind.\n".encode("cp1252"))
    fix(cli, str(text), "--select", "HY003")
    assert text.read_bytes() == "A Short Note\n\nCaf\xe9 owners don’t mind.\n".encode("cp1252")
    page = tmp_path / "latin1.html"
    head = '<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head>'
    body = b"<body><p>Caf\xe9 owners don&acirc;&euro;&trade;t mind.</p>"
    page.write_bytes(head.encode("latin-1") + body)
    fix(cli, str(page), "--select", "HY003")
    # Latin-1 has no ’: HTML gets a character reference instead.
    assert page.read_bytes().endswith(b"<p>Caf\xe9 owners don&#8217;t mind.</p>")
