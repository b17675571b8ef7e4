"""Word documents as an editor meets them: ``contentlint check draft.docx`` and its ¶ places.

Every document is built here with python-docx (raw WordprocessingML where python-docx has
no call: tracked changes, field codes, hidden text), then checked through the CLI.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml

from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    TABLE_CELL,
    TITLE,
)
from linter.read import read_bytes, read_path

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REPO = Path(__file__).resolve().parents[1]


def _xml_paragraph(document: Any, inner: str) -> None:
    """Append a ``w:p`` written as raw XML (tracked changes, fields, hidden runs)."""
    document.element.body.insert(
        len(document.element.body) - 1, parse_xml(f"<w:p {NS}>{inner}</w:p>")
    )


def _save(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def _link(paragraph: Any, text: str, url: str | None = None, anchor: str | None = None) -> None:
    attrs = f'w:anchor="{anchor}"'
    if url is not None:
        rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        attrs = f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"'
    paragraph._p.append(
        parse_xml(f"<w:hyperlink {NS} {attrs}><w:r><w:t>{text}</w:t></w:r></w:hyperlink>")
    )


def draft(tmp_path: Path) -> Path:
    """Heading, paragraph, an empty paragraph, a 2x2 table, then a doubled word."""
    document = docx.Document()
    document.add_heading("Storing onions", level=1)  # ¶1
    document.add_paragraph("Keep them somewhere cool and dry.")  # ¶2
    document.add_paragraph()  # ¶3, empty
    table = document.add_table(rows=2, cols=2)  # ¶4-¶7, row by row
    for r, c, text in ((0, 0, "Kind"), (0, 1, "Keeps"), (1, 0, "Red"), (1, 1, "Months")):
        table.cell(r, c).text = text
    document.add_paragraph("Hang them in a net and and check them weekly.")  # ¶8
    return _save(document, tmp_path / "draft.docx")


# --- what a user sees --------------------------------------------------------------------------


def test_check_names_the_paragraph_and_character(cli, tmp_path):
    path = draft(tmp_path)
    result = cli("check", str(path), "--select", "HY001", "--no-color")
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{path}:¶8:20: HY001 [warning]")
    assert lines[1] == "   ¶8 | Hang them in a net and and check them weekly."
    assert lines[2] == "      |                    ^^^^^^^"
    assert result.exit_code == 0


def test_json_keeps_numbers_paragraph_and_character(cli, tmp_path):
    result = cli("check", str(draft(tmp_path)), "--select", "HY001", "--format", "json")
    finding = json.loads(result.output)["findings"][0]
    assert (finding["line"], finding["column"], finding["excerpt"]) == (8, 20, "and and")


def test_related_places_are_paragraphs(tmp_path):
    from linter.model import Finding, Related, Severity
    from linter.report.text import render_finding

    finding = Finding("FQ003", "n", "faq", Severity.WARNING, "m", "d.docx", 9, 1, 9, 4, "x")
    finding.related.append(Related(3, 5, "earlier"))
    text = render_finding(finding, None, fmt="docx")
    assert text.startswith("d.docx:¶9:1: FQ003")
    assert "= see ¶3, column 5: earlier" in text
    assert render_finding(finding, None).startswith("d.docx:¶9:1:")  # from the suffix
    finding.path = "d.html"
    assert "see line 3, column 5" in render_finding(finding, None, fmt="html")


# --- structure ---------------------------------------------------------------------------------


def test_structure_headings_lists_tables_quotes_links(tmp_path):
    document = docx.Document()
    document.add_paragraph("Onions at home", style="Title")
    document.add_paragraph("A short guide", style="Subtitle")  # w:ilvl in its style, no list
    document.add_heading("Choosing", level=2)
    document.add_heading("Red or white", level=3)
    document.add_paragraph("Firm bulbs", style="List Bullet")
    document.add_paragraph("Dry necks", style="List Number")
    document.add_paragraph("An onion a day.", style="Quote")
    document.add_table(rows=1, cols=2).cell(0, 1).text = "Cell text"
    para = document.add_paragraph("See ")
    _link(para, "the guide", url="https://example.org/guide")
    _link(para, " below", anchor="storage")
    doc = read_path(str(_save(document, tmp_path / "s.docx")))
    kinds = [(b.kind, b.level, b.text) for b in doc.blocks]
    assert kinds[:7] == [
        (TITLE, 0, "Onions at home"),
        (PARAGRAPH, 0, "A short guide"),
        (HEADING, 2, "Choosing"),
        (HEADING, 3, "Red or white"),
        (LIST_ITEM, 0, "Firm bulbs"),
        (LIST_ITEM, 0, "Dry necks"),
        (QUOTE, 0, "An onion a day."),
    ]
    cell = next(b for b in doc.blocks if b.kind == TABLE_CELL)
    assert (cell.text, cell.table.row, cell.table.col) == ("Cell text", 0, 1)
    assert [(link.href, link.text) for link in doc.links] == [
        ("https://example.org/guide", "the guide"),
        ("#storage", "below"),
    ]
    assert doc.format == "docx"
    assert doc.title == "Onions at home"


def test_title_from_the_property_else_the_first_heading(tmp_path):
    document = docx.Document()
    document.add_paragraph("Intro line.")
    document.add_heading("Keeping onions", level=2)
    doc = read_path(str(_save(document, tmp_path / "a.docx")))
    assert (doc.title, doc.lines.position(doc.title_offset)) == ("Keeping onions", (2, 1))
    document.core_properties.title = "Onion storage"
    doc = read_path(str(_save(document, tmp_path / "b.docx")))
    assert (doc.title, doc.title_offset) == ("Onion storage", 0)


def test_shown_text_only(tmp_path):
    """Insertions read; deletions, comments, field codes and hidden runs not; a tab and a
    line break are one character each so columns stay offsets (a tab and ↵ in the line
    reports quote, a space each in the text rules read)."""
    document = docx.Document()
    para = document.add_paragraph("Commented words here.")
    document.add_comment(para.runs, text="A reviewer's remark", author="R")
    _xml_paragraph(
        document,
        '<w:r><w:t xml:space="preserve">Kept </w:t></w:r>'
        "<w:ins w:id='1' w:author='A'><w:r><w:t>inserted</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='A'><w:r><w:delText>deleted</w:delText></w:r></w:del>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r>"
        "<w:r><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t></w:r>",
    )
    section = document.sections[0]
    section.header.paragraphs[0].text = "Header text"
    section.footer.paragraphs[0].text = "Footer text"
    doc = read_path(str(_save(document, tmp_path / "t.docx")))
    assert doc.source.split("\n")[-2:] == ["Commented words here.", "Kept inserted7\ta↵b"]
    assert doc.blocks[-1].text == "Kept inserted7 a b"
    for gone in ("remark", "deleted", "PAGE", "secret", "Header", "Footer"):
        assert gone not in doc.source


def test_a_space_before_a_soft_break_is_not_a_space_run(cli, tmp_path):
    document = docx.Document()
    para = document.add_paragraph("A note on power: ")
    para.add_run().add_break()
    para.add_run("leave devices off at night.")
    document.add_paragraph("Then  unplug the charger.")  # a real run of two spaces
    path = _save(document, tmp_path / "b.docx")
    result = cli("check", str(path), "--select", "HY006", "--format", "json")
    found = [(f["line"], f["column"]) for f in json.loads(result.output)["findings"]]
    assert found == [(2, 5)]


def test_two_spaces_in_a_paragraph_with_a_line_break_are_found(cli, tmp_path):
    """A line break is not a tab: the space-run rule still reads the rest of the line
    (it leaves lines with tabs alone, as lined-up columns)."""
    document = docx.Document()
    para = document.add_paragraph("The library, 4 Mill Street,  Hebden Bridge")
    para.add_run().add_break()
    para.add_run("opens at nine.")
    result = cli("check", str(_save(document, tmp_path / "b.docx")), "--select", "HY006")
    assert "b.docx:¶1:28: HY006" in result.output
    assert "¶1 | The library, 4 Mill Street,  Hebden Bridge↵opens at nine." in result.output


def test_a_merged_cell_counts_once_and_a_note_number_is_a_character(cli, tmp_path):
    """Word shows a vertically merged cell once, and a footnote reference as its number:
    paragraphs and columns are counted as Word shows them, while the words the rules read
    leave the number out."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Merged"  # ¶1 (its continuation: none)
    table.cell(0, 1).text = "Top right"  # ¶2
    table.cell(1, 1).text = "Bottom right"  # ¶3
    _xml_paragraph(
        document,
        '<w:r><w:t xml:space="preserve">Cure them first</w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>'
        '<w:r><w:t xml:space="preserve"> and and keep them dry.</w:t></w:r>',
    )  # ¶4: "Cure them first1 and and keep them dry."
    result = cli("check", str(_save(document, tmp_path / "m.docx")), "--select", "HY001")
    assert "m.docx:¶4:18: HY001" in result.output
    doc = read_path(str(tmp_path / "m.docx"))
    assert doc.source.split("\n") == [
        "Merged", "Top right", "Bottom right", "Cure them first1 and and keep them dry."
    ]  # fmt: skip
    assert doc.blocks[-1].text == "Cure them first and and keep them dry."


def test_faq_reads_as_in_markdown(cli, tmp_path):
    document = docx.Document()
    document.add_heading("Onions", level=1)
    document.add_paragraph("Onions keep for months when they are cured first.")
    document.add_heading("FAQ", level=2)
    document.add_heading("Do onions keep in the fridge?", level=3)
    document.add_heading("Can I freeze onions?", level=3)
    document.add_paragraph("Yes: chop them, spread them on a tray, then bag them frozen.")
    path = _save(document, tmp_path / "faq.docx")
    doc = read_path(str(path))
    assert [b.kind for b in doc.blocks][-3:] == [FAQ_QUESTION, FAQ_QUESTION, FAQ_ANSWER]
    markdown = tmp_path / "faq.md"
    markdown.write_text(
        "# Onions\n\nOnions keep for months when they are cured first.\n\n## FAQ\n\n"
        "### Do onions keep in the fridge?\n\n### Can I freeze onions?\n\n"
        "Yes: chop them, spread them on a tray, then bag them frozen.\n"
    )
    word = cli("check", str(path), "--select", "faq", "--format", "json")
    md = cli("check", str(markdown), "--select", "faq", "--format", "json")
    found = [(f["code"], f["line"]) for f in json.loads(word.output)["findings"]]
    assert found == [("FQ001", 4)]  # ¶4: the unanswered question
    assert [f["code"] for f in json.loads(md.output)["findings"]] == ["FQ001"]


def test_no_html_page_rules(cli, tmp_path):
    """No meta description, canonical, lang or image alt findings on a Word draft."""
    result = cli("check", str(draft(tmp_path)), "--format", "json")
    codes = {f["code"] for f in json.loads(result.output)["findings"]}
    assert codes and not {c for c in codes if c.startswith("SEO") and c != "SEO018"}


# --- --fix -------------------------------------------------------------------------------------


@pytest.mark.parametrize("dry", [False, True])
def test_fix_never_touches_the_file(cli, tmp_path, dry):
    path = draft(tmp_path)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    before = path.read_bytes()
    result = cli("check", str(path), "--fix", *(["--dry-run"] if dry else []), "--no-color")
    assert path.read_bytes() == before
    assert path.stat().st_mtime == 1_000_000_000
    assert dry or "HY001" in result.output  # a dry run prints only the diff
    assert "Word documents are not rewritten: apply the suggested fixes in Word" in result.stderr
    assert "0 fixes in 0 files" in result.output + result.stderr


# --- hostile input -----------------------------------------------------------------------------


def _zip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _with_document_xml(tmp_path: Path, xml: bytes) -> bytes:
    """A real .docx with its ``word/document.xml`` replaced."""
    source = _save(docx.Document(), tmp_path / "base.docx")
    with zipfile.ZipFile(source) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    parts["word/document.xml"] = xml
    return _zip(parts)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def _hostile(tmp_path: Path) -> dict[str, tuple[bytes, str]]:
    empty = _save(docx.Document(), tmp_path / "e.docx").read_bytes()
    return {
        "plain.docx": (b"just some text", "not a Word document (.docx): not a zip archive"),
        "old.docx": (_OLE + "WordDocument".encode("utf-16-le"), "an old Word 97-2003 .doc"),
        "locked.docx": (
            _OLE + "EncryptedPackage".encode("utf-16-le"),
            "a password-protected .docx (an OLE file, not a zip); open it in Word and save "
            "it again without a password",
        ),
        "other.docx": (_zip({"a.txt": b"x"}), "the archive holds no word/document.xml"),
        "broken.docx": (
            _with_document_xml(tmp_path, b"<w:document><w:body><w:p>"),
            "broken XML in the Word document",
        ),
        "bomb.docx": (_zip({"word/document.xml": b"\0" * 20_000_000}), "refused as a zip bomb"),
        "empty.docx": (empty, "the Word document's body is empty"),
    }


def test_each_hostile_input_is_one_line_and_exit_2(cli, tmp_path):
    for name, (data, message) in _hostile(tmp_path).items():
        path = tmp_path / name
        path.write_bytes(data)
        result = cli("check", str(path))
        assert result.exit_code == 2, name
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"contentlint: {path}: "), name
        assert message in lines[0], (name, lines)


def test_total_unpacked_size_is_capped(monkeypatch, tmp_path):
    from linter.read import ReadError, docx_zip

    monkeypatch.setattr(docx_zip, "MAX_UNPACKED", 1000)
    data = _with_document_xml(tmp_path, b"<a>" + b"x" * 2000 + b"</a>")
    with pytest.raises(ReadError, match=r"unpack to 0 MB \(limit 0 MB\)|limit"):
        read_bytes(data, "big.docx")


def test_entities_are_not_expanded_and_nothing_is_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "EXPANDED">'
        f'<!ENTITY s SYSTEM "file://{secret}"><!ENTITY n SYSTEM "http://127.0.0.1:9/x">]>'
        f"<w:document {NS}><w:body><w:p><w:r><w:t>Plain &a;&s;&n; words here.</w:t>"
        f"</w:r></w:p></w:body></w:document>"
    ).encode()
    doc = read_bytes(_with_document_xml(tmp_path, body), "e.docx")
    assert "EXPANDED" not in doc.source and "TOPSECRET" not in doc.source
    assert "words here." in doc.source


def test_lock_files(cli, tmp_path):
    draft(tmp_path)
    lock = tmp_path / "~$draft.docx"
    lock.write_bytes(b"\x05owner" + b"\0" * 100)
    walked = cli("check", str(tmp_path), "--select", "HY001")
    assert "~$" not in walked.output + walked.stderr
    named = cli("check", str(lock))
    assert named.exit_code == 2
    assert "a Word lock file, not a document" in named.stderr


def test_a_broken_docx_does_not_stop_the_batch(cli, tmp_path):
    draft(tmp_path)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    result = cli("check", str(tmp_path), "--select", "HY001", "--no-color")
    assert result.exit_code == 2
    assert "broken.docx: not a Word document (.docx)" in result.stderr
    assert "draft.docx:¶8:20: HY001" in result.output


def test_sample_is_current():
    """``samples/draft.docx`` reads as ``tools/make_sample_docx.py`` writes it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make", REPO / "tools" / "make_sample_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.BytesIO()
    module.build().save(out)
    built = read_bytes(out.getvalue(), "x.docx")
    assert built.source == read_path(str(REPO / "samples" / "draft.docx")).source


def test_a_message_naming_another_place_names_its_paragraph(cli, tmp_path):
    """ "repeats the text at line 3" would send an editor to a line Word never numbers."""
    document = docx.Document()
    document.add_heading("Window boxes", level=1)
    repeated = "Water the window box every morning in July, when the soil dries fastest."
    document.add_paragraph(repeated)  # ¶2
    document.add_paragraph("Trailing plants hide the edge of a plain box.")
    document.add_paragraph(repeated)  # ¶4
    result = cli("check", str(_save(document, tmp_path / "w.docx")), "--select", "BP004")
    assert "w.docx:¶4:1: BP004" in result.output
    assert "repeats the text at ¶2 word for word" in result.output
    assert "line 2" not in result.output


def test_a_file_that_could_not_be_read_is_no_clean_bill(cli, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not a Word file")
    result = cli("check", str(broken))
    assert result.exit_code == 2
    assert "No problems found" not in result.output
    assert result.output.rstrip().endswith("1 file could not be linted.")
