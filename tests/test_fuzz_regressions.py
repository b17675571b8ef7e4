"""Defects the fuzzing harness (tests/fuzz) found, each pinned by a small input.

Every test asserts what a user sees: the finding's code, line, column and excerpt, the
exit code, or the file's bytes after ``--fix``.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from helpers import lint_rule, where

from tests.fuzz.case import DOCUMENT, Case
from tests.fuzz.invariants import check_case, default_engine
from tests.fuzz.positions import check_findings
from tests.fuzz.structure import same_structure

# --- FQ005: a JSON-LD question whose name is not a plain string ------------------------

_FAQ_SCRIPT = (
    "<html><head><title>Ducks</title>\n"
    '<script type="application/ld+json">{"@context": "https://schema.org",\n'
    '"@type": "FAQPage", "mainEntity": [\n'
    "{QUESTION}\n"
    "]}</script></head><body><h1>Ducks</h1><p>Ducks swim.</p></body></html>\n"
)


def _faq_page(question: str) -> str:
    return _FAQ_SCRIPT.replace("{QUESTION}", question)


def test_fq005_numeric_question_name_is_reported_at_the_number():
    # The question {"name": 2024} was reported on "FAQPage" (line 3) quoting "2024".
    source = _faq_page('{"@type": "Question", "name": 2024}')
    (finding,) = lint_rule("FQ005", source)
    assert where(finding) == (4, 31, 4, 35)
    assert finding.excerpt == "2024"
    assert "“2024”" in finding.message


def test_fq005_question_name_as_value_object_is_reported_at_its_text():
    source = _faq_page('{"@type": "Question", "name": {"@value": "Do geese fly?"}}')
    (finding,) = lint_rule("FQ005", source)
    assert where(finding) == (4, 42, 4, 57)
    assert finding.excerpt == "Do geese fly?"


def test_fq005_question_name_with_escaped_letters_is_reported_at_its_text():
    # "\u0044o" is "Do": no writer's spelling of the decoded text finds it verbatim.
    source = _faq_page('{"@type": "Question", "name": "\\u0044o geese fly?"}')
    (finding,) = lint_rule("FQ005", source)
    assert where(finding) == (4, 31, 4, 51)
    assert finding.excerpt == "Do geese fly?"


def test_fq005_name_with_a_json_escape_the_harness_accepts_it():
    # The name "\t Do geese fly?" is quoted without its white space; the harness read
    # the "t" of the source's "\t" as a letter the excerpt had lost.
    source = _faq_page('{"@type": "Question", "name": "\\t Do geese fly?"}')
    (finding,) = lint_rule("FQ005", source)
    assert where(finding) == (4, 31, 4, 49)
    assert finding.excerpt == "Do geese fly?"
    assert check_findings(source, "html", [finding]) == []


def test_fq005_name_with_an_escaped_surrogate_pair_the_harness_accepts_it():
    # "\ud848\udd29" is one character (U+22129, a letter); the harness decoded each half
    # alone, found no letter there and called the excerpt wrong.
    source = _faq_page('{"@type": "Question", "name": "\\ud848\\udd29 geese?"}')
    (finding,) = lint_rule("FQ005", source)
    assert where(finding) == (4, 31, 4, 52)
    assert finding.excerpt == "\U00022129 geese?"
    assert check_findings(source, "html", [finding]) == []


# --- SEO018 on Markdown with a code span: the harness's comparison was wrong -----------


def test_seo018_excerpt_leaves_out_a_code_span_the_harness_accepts_it():
    # A code span leaves no text (the reader's rule), so the excerpt of the paragraph the
    # finding anchors on skips it while the span underlines it: the harness must compare
    # the excerpt with the source less its code spans, and still catch a wrong excerpt.
    source = "---\n> ** `the café` *naïve words* here\n"
    (finding,) = lint_rule("SEO018", source, "markdown")
    assert where(finding) == (2, 3, 2, 35)
    assert finding.excerpt == "** naïve words here"
    assert check_findings(source, "markdown", [finding]) == []
    wrong = dataclasses.replace(finding, excerpt="** other words here")
    (failure,) = check_findings(source, "markdown", [wrong])
    assert failure.key == ("positions", "wrong-excerpt", "SEO018")


def test_html_excerpt_leaving_out_inline_code_is_accepted_by_the_harness():
    source = "<html><body><h1>* <code>make</code> builds it</h1></body></html>\n"
    (finding,) = lint_rule("SEO018", source)
    assert finding.excerpt == "* builds it"
    assert check_findings(source, "html", [finding]) == []


# --- rule pack message templates str.format cannot fill --------------------------------

_PACK_RULE = """\
code: ZZ001
name: hygiene.repeated
category: hygiene
severity: warning
check: duplicate_text
message: "MESSAGE"
description: A test rule.
params: {min_words: 3, max_findings: 5}
"""
_REPEATED = (
    "<html lang='en'><body><p>Ducks swim in ponds.</p><p>Ducks swim in ponds.</p></body></html>\n"
)


def _pack(tmp_path: Path, message: str) -> Path:
    (tmp_path / "pack").mkdir()
    rule = tmp_path / "pack" / "ZZ001.yaml"
    rule.write_text(_PACK_RULE.replace("MESSAGE", message), encoding="utf-8")
    (tmp_path / "c.toml").write_text("rule_packs = ['pack']\n", encoding="utf-8")
    (tmp_path / "a.html").write_text(_REPEATED, encoding="utf-8")
    return rule


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("{0} repeated", "field {0} must be a plain name such as {count}"),
        ("Repeated {}", "field {} must be a plain name such as {count}"),
        ("Repeated {what.upper}", "field {what.upper} must be a plain name such as {count}"),
        ("Repeated {what[0]}", "field {what[0]} must be a plain name such as {count}"),
        (
            "Repeated {what",
            "is not a valid template (expected '}' before end of string); "
            "write a literal brace as {{ or }}",
        ),
        ("Repeated {what!x}", "field {what} has an unknown conversion !x"),
        ("Repeated {what:>999999999}", "field {what} asks for a width over 200 characters"),
        ("Repeated {what:{line}}", "field {what} has a nested field in its format spec"),
    ],
)
def test_a_message_template_that_cannot_be_filled_is_refused_naming_the_file(
    tmp_path, monkeypatch, cli, message, problem
):
    # {0} used to crash every document the rule flagged ("rule_finding: ValueError").
    rule = _pack(tmp_path, message)
    monkeypatch.chdir(tmp_path)
    result = cli("check", "a.html", "--config", "c.toml", "--select", "ZZ001")
    assert result.exit_code == 2
    assert result.stderr == f"contentlint: error: {rule}: message {problem}\n"


def test_a_format_spec_the_value_does_not_take_falls_back_to_the_plain_value(
    tmp_path, monkeypatch, cli
):
    # "what" is text: ".1f" cannot format it; "line" is a number and keeps "03d".
    _pack(tmp_path, "Repeated {what:.1f} (first on line {line:03d}, {gone:d})")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "a.html", "--config", "c.toml", "--select", "ZZ001", "--format", "json")
    assert result.exit_code == 0
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("ZZ001", 1, 53)
    assert finding["message"] == "Repeated paragraph (first on line 001, {gone})"


# --- HY003 --fix restoring bullets in plain text: the harness's structure check --------

_GARBLED_LIST = "Balcony crops\n\nSome crops are easy:\nâ€¢ cherry tomatoes\nâ€¢ basil\n"


def test_hy003_fix_restores_bullets_and_the_harness_accepts_the_list(tmp_path, monkeypatch, cli):
    # The repaired "•" makes the lines list items, as their author meant; the harness
    # called that a broken structure (a paragraph became list items).
    (tmp_path / "a.txt").write_text(_GARBLED_LIST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "a.txt", "--fix")
    assert result.exit_code == 0
    assert "Applied 2 fixes in 1 file." in result.output
    fixed = (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert fixed == "Balcony crops\n\nSome crops are easy:\n• cherry tomatoes\n• basil\n"
    case = Case("test", 0, DOCUMENT, {"a.txt": _GARBLED_LIST.encode("utf-8")})
    assert check_case(case, default_engine()) == []


def test_the_harness_still_calls_a_split_paragraph_a_structure_change():
    before = ("title", "paragraph", "heading")
    assert same_structure(before, ("title", "paragraph", "list_item", "heading"), "text", True)
    assert not same_structure(before, ("title", "paragraph", "list_item", "heading"), "text")
    split = ("title", "paragraph", "paragraph", "heading")
    assert not same_structure(before, split, "text", True)
    assert not same_structure(before, ("title", "list_item"), "text", True)


# --- HTML positions after an attribute whose unquoted value holds a quote -------------


def test_a_quote_inside_an_unquoted_value_does_not_hide_the_text_after_the_tag():
    # title=="a>b" is the unquoted value '="a' (HTML5, libxml2): the tag ends at the
    # first ">", and 'b">' is text. The position scanner read "a>b" as a quoted value,
    # lost the text and put every finding in it at column 1 (SEO017 on a mutated page).
    source = '<html><body>\n<p title=="a>b">Ducks swim in the the pond.</p>\n</body></html>\n'
    (finding,) = lint_rule("HY001", source)
    assert where(finding) == (2, 31, 2, 38)
    assert finding.excerpt == "the the"


def test_markdown_numeric_reference_to_a_c1_code_is_compared_as_markdown_it_reads_it():
    # markdown-it reads "&#138;" as U+FFFD (HTML would read "Š"): the excerpt ends with
    # it, and the harness compared it with the letter "š".
    source = "Ducks swim here &#138;\n"
    (finding,) = lint_rule("SEO018", source, "markdown")
    assert where(finding) == (1, 1, 1, 23)
    assert finding.excerpt == "Ducks swim here \ufffd"
    assert check_findings(source, "markdown", [finding]) == []


def test_hy003_fix_may_turn_a_garbled_title_case_line_into_a_paragraph(tmp_path, monkeypatch, cli):
    # "See Ã©" is Title Case (a heading to the plain-text reader), "See é" is not: the
    # repair keeps every line where it was, and the harness no longer calls it broken.
    garbled = "Balcony crops\n\nPots dry out quickly in summer, so water them daily.\n\nSee Ã©\n"
    (tmp_path / "c.txt").write_text(garbled, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli("check", "c.txt", "--fix").exit_code == 0
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == garbled.replace("Ã©", "é")
    case = Case("test", 0, DOCUMENT, {"c.txt": garbled.encode("utf-8")})
    assert check_case(case, default_engine()) == []


def test_hy003_fix_may_turn_a_garbled_title_into_a_paragraph(tmp_path, monkeypatch, cli):
    # "Ã©tude ..." does not start lower case (a title), the repaired "étude ..." does.
    garbled = "Ã©tude of balcony crops\n\nPots dry out quickly in summer, so water them daily.\n"
    (tmp_path / "g.txt").write_text(garbled, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli("check", "g.txt", "--fix").exit_code == 0
    assert (tmp_path / "g.txt").read_text(encoding="utf-8") == garbled.replace("Ã©", "é")
    case = Case("test", 0, DOCUMENT, {"g.txt": garbled.encode("utf-8")})
    assert check_case(case, default_engine()) == []


def test_the_harness_lets_kinds_trade_only_when_every_line_stayed():
    before = ("title", "paragraph", "heading")
    assert same_structure(before, ("title", "paragraph", "paragraph"), "text", lines_kept=True)
    assert not same_structure(before, ("title", "paragraph", "paragraph"), "text")
    listed = ("title", "list_item", "heading")  # a fix that drops a bullet is still caught
    assert not same_structure(listed, ("title", "paragraph", "heading"), "text", lines_kept=True)
    # With the lines in place, a line that now starts lower case continues the paragraph
    # before it: a re-reading; with a line end gone, the same merge is a change.
    assert same_structure(before, ("title", "paragraph"), "text", lines_kept=True)
    assert not same_structure(before, ("title", "paragraph"), "text")

    # A doubled word fixed in a long "Q:" line makes it short enough to read as a question:
    # the reader's reading changed, the file's lines did not.
    faq = ("title", "paragraph", "paragraph")
    assert same_structure(faq, ("title", "faq_question", "faq_answer"), "text", lines_kept=True)
    assert not same_structure(faq, ("title", "faq_question", "faq_answer"), "text")


def test_fq002_excerpt_over_numbered_answers_leaves_out_their_numbers():
    # The answer's blocks are "...", "Yes." and "Often.": the excerpt joins their text,
    # and the harness took the "1" of "1. Yes." for a letter the excerpt had lost.
    source = "Ducks\n\nFAQ\n\nQ: Can ducks fly?\n\nA: ...\n\n1. Yes.\n2. Often.\n"
    (finding,) = lint_rule("FQ002", source, "text")
    assert where(finding) == (7, 4, 10, 10)
    assert finding.excerpt == "... Yes. Often."
    assert check_findings(source, "text", [finding]) == []
    wrong = dataclasses.replace(finding, excerpt="... No. Often.")
    assert [f.kind for f in check_findings(source, "text", [wrong])] == ["wrong-excerpt"]


# --- plain text: a space run decided whether a line continues the one before ----------

_WRAPPED = (
    "Balcony crops\n\n"
    "Pots on a sunny balcony dry out very quickly in a hot summer and need water every day\n"
    "(                and the wind that sweeps across a high balcony dries the soil in them"
    " even faster than the sun does).\n"
)


def test_a_space_run_does_not_split_a_wrapped_sentence(tmp_path, monkeypatch, cli):
    # "(" and 16 spaces hid the lower-case "and" from the hard-wrap test, so the reader
    # split the sentence in two until --fix collapsed the spaces (fuzz: HY006 changed
    # the structure): RD001 appeared only after the fix.
    (tmp_path / "e.txt").write_text(_WRAPPED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = cli("check", "e.txt", "-q", "--select", "RD001,HY006")
    assert before.exit_code == 0
    assert before.output.splitlines() == [
        "e.txt:3:1: RD001 [warning] This sentence has 38 words (more than 35). "
        "Split it into two or three shorter sentences.",
        "e.txt:4:2: HY006 [info] 16 spaces in a row. Use one.",
    ]
    assert cli("check", "e.txt", "--fix", "--select", "HY006").exit_code == 0
    fixed = (tmp_path / "e.txt").read_text(encoding="utf-8")
    assert fixed == _WRAPPED.replace("(" + " " * 16, "( ")
    after = cli("check", "e.txt", "-q", "--select", "RD001,HY006")
    assert after.output.splitlines() == before.output.splitlines()[:1]
    case = Case("test", 0, DOCUMENT, {"e.txt": _WRAPPED.encode("utf-8")})
    assert check_case(case, default_engine()) == []


def test_markdown_image_alt_text_is_not_in_the_excerpt_the_harness_accepts_it():
    # An image's alt text goes to the document's images, not into the paragraph's text.
    source = "— ![a duck](duck.png) ducks swim here\n"
    (finding,) = lint_rule("SEO018", source, "markdown")
    assert where(finding) == (1, 1, 1, 38)
    assert finding.excerpt == "— ducks swim here"
    assert check_findings(source, "markdown", [finding]) == []


def test_an_html_comment_holding_a_gt_sign_is_left_out_whole_by_the_harness():
    # "<!-- popup -> start -->" is one comment (no text); the harness ended it at the
    # first ">" and took "start" for text the excerpt had lost.
    source = "— <!-- popup -> start --> ducks swim here\n"
    (finding,) = lint_rule("SEO018", source, "markdown")
    assert where(finding) == (1, 1, 1, 42)
    assert finding.excerpt == "— ducks swim here"
    assert check_findings(source, "markdown", [finding]) == []


def test_front_matter_value_with_a_line_separator_maps_each_character(tmp_path):
    # YAML reads U+2028 as a line break and drops the blank after it: the description's
    # text no longer equals what is written, and a finding in it covered the whole value.
    page = "---\ntitle: A walk\ndescription: Shoes for the\u2028 Ã© trail\n---\n\n# A walk\n"
    (finding,) = lint_rule("HY003", page, "markdown")
    assert where(finding) == (3, 29, 3, 31)
    assert finding.excerpt == "Ã©" == page.split("\n")[2][28:30]
    blank_before = page.replace("the\u2028 ", "the \u2028 ")  # YAML drops that blank too
    (finding,) = lint_rule("HY003", blank_before, "markdown")
    assert where(finding) == (3, 30, 3, 32)


def test_the_harness_reads_attribute_references_and_markdown_html_blocks_as_readers_do():
    from tests.fuzz.positions import excerpt_matches

    # "&lt[" and "&#xD8" decode without ";" in an attribute, and "<1>" there is text.
    assert excerpt_matches("¨<1>Â<[Ø", "¨<1>Â&lt[&#xD8", "html")
    assert not excerpt_matches("¨<1>Â<[X", "¨<1>Â&lt[&#xD8", "html")
    # A Markdown HTML block is raw HTML the reader never lints.
    assert excerpt_matches("is \x7f", "is\n<summary >x\n\n\x7f", "markdown")
    assert not excerpt_matches("is y \x7f", "is\n<summary >x\n\n\x7f", "markdown")


def test_the_harness_decodes_json_escapes_without_html_references():
    from tests.fuzz.positions import excerpt_matches

    # A JSON-LD question holding "\u00ef" and a literal "&eacute;": the excerpt is the JSON
    # string decoded, where "&eacute;" is text (and may be cut by the excerpt's "…").
    source = '"na\\u00efve caf&eacute; menu"'
    assert excerpt_matches("naïve caf&eacut…", source, "html")
    assert not excerpt_matches("naive caf&eacut…", source, "html")


# --- An unquoted attribute value with "&amp" before a non-ASCII letter -----------------


def test_named_reference_before_a_non_ascii_letter_decodes_in_attribute_positions():
    # libxml2 (and HTML5) keep "&amp" literal only before an ASCII letter, digit or "=";
    # before "Ù" it decodes, and the mojibake after it must still land on its own columns.
    source = (
        "<html><head><title>Garbled description</title>"
        '<meta name="description" content=&ampÙÃ¢ tail></head>'
        "<body><p>Body text.</p></body></html>\n"
    )
    (finding,) = lint_rule("HY003", source)
    start = source.index("Ã¢") + 1
    assert where(finding) == (1, start, 1, start + 2)
    assert finding.excerpt == "Ã¢"


# --- HTML: "</" as the last characters of the file is text -----------------------------


def test_end_tag_opener_at_the_end_of_the_file_is_text_with_its_place():
    # libxml2 keeps a final "</" as text; the position map dropped it, and the paragraph
    # holding it was mapped onto its first character.
    source = "<p>Notes on moths and how they find light <b></"
    (finding,) = lint_rule("SEO017", source, "html")
    assert where(finding) == (1, 4, 1, len(source) + 1)
    assert finding.excerpt == "Notes on moths and how they find light </"


# --- Markdown: a code span whose content starts with a no-break space -------------------


def test_code_span_opening_with_a_no_break_space_keeps_later_positions():
    # The code span was looked for by its first character after str.strip(), which
    # takes a no-break space away: the reader then matched a later "`<" and mapped
    # the rest of the paragraph past its text (or crashed at the end of the block).
    source = "# Keys\n\nPress `\xa0<Enter>` to confirm or `<Esc>` to stop,\nthen then go back.\n"
    (finding,) = lint_rule("HY001", source, "markdown")
    assert where(finding) == (4, 1, 4, 10)
    assert finding.excerpt == "then then"


# --- Plain text: a fix never joins two lines -------------------------------------------


def test_doubled_word_fix_keeps_the_line_break_so_no_line_turns_into_a_heading(cli, tmp_path):
    # Joining "Ready" to the line after it made a short Title Case line the reader takes
    # for a heading; the fix now deletes the second word and keeps the break.
    page = tmp_path / "note.txt"
    page.write_text(
        "Packing for a long hike\n\nWe packed the night before and were ready\n"
        "ready Trail Mix Bars.\n",
        encoding="utf-8",
    )
    result = cli("check", str(page), "--select", "HY001", "--fix")
    assert result.exit_code == 0
    assert page.read_text(encoding="utf-8") == (
        "Packing for a long hike\n\nWe packed the night before and were ready\n Trail Mix Bars.\n"
    )


# --- Plain text: a line that is one HTML comment is not text ---------------------------


def test_text_excerpt_over_a_comment_line_the_harness_accepts_it():
    # The text reader leaves a line holding only an HTML comment out of its paragraph
    # (a "contentlint-disable" line is one); a page of markup read as plain text then
    # gave an RD001 excerpt without the comment while its span covered it.
    source = (
        "Notes\n\nThe first line of a long paragraph\n<!-- a note for editors -->\n"
        + "and more words that go on " * 4
        + "\n"
    )
    (finding,) = lint_rule("RD001", source, "text", max_words=10)
    assert (finding.line, finding.column, finding.end_line) == (3, 1, 5)
    assert "editors" not in finding.excerpt
    assert check_findings(source, "text", [finding]) == []
    assert check_findings(source.replace("first", "frist"), "text", [finding]) != []


def test_an_attribute_name_with_control_characters_is_read():
    """libxml2 keeps an attribute name holding U+2028 and control characters; reading the
    image's attributes must not fail on it (the page could not be linted at all)."""
    source = '<p>Hi <img cla\u2028\x0b\x0css="card" alt="" src="a.png"/> there.</p>'
    (finding,) = lint_rule("SEO014", source, fmt="html")
    assert (finding.line, finding.column) == (1, 7)
    assert finding.message.startswith("Alt text of this article image is empty.")


def test_a_link_attribute_name_with_control_characters_is_read():
    """The same for a link: its start tag's attributes are read with the image's."""
    source = '<p>Read <a hr\u2028\x0bef="x" href="/guide">the guide</a> first.</p>'
    (finding,) = lint_rule("HY001", source.replace("the guide", "the the guide"), fmt="html")
    assert (finding.line, finding.column) == (1, 37)
