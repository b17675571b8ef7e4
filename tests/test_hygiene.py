"""Hygiene rules (HY001-HY005) and the generic ``pattern`` check kind.

Each rule is run alone through the engine, so positions, messages and fixes are checked
exactly as users see them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import lint_rule, where

from linter.checks.base import Hit
from linter.checks.hygiene import pattern, unbalanced
from linter.model import CHROME, HEADING, MAIN, PARAGRAPH, Block, Document, Finding
from linter.rulepack import RuleError, load_rule, load_rules
from linter.textmap import TextMap

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
RULES = {rule.code: rule for rule in load_rules() if rule.category == "hygiene"}


def run(code: str, source: str, fmt: str = "text", **params: Any) -> list[Finding]:
    """Findings of one hygiene rule on ``source`` (plain text unless ``fmt`` says)."""
    return lint_rule(code, source, fmt, **params)


def apply_fix(source: str, finding: Finding) -> str:
    assert finding.fix is not None
    return source[: finding.start] + finding.fix + source[finding.end :]


def test_every_hygiene_rule_is_loaded() -> None:
    assert {code: str(rule.severity) for code, rule in RULES.items()} == {
        "HY001": "warning",
        "HY002": "error",
        "HY003": "warning",
        "HY004": "info",
        "HY005": "warning",
        "HY006": "info",
        "HY009": "info",
        "HY010": "warning",
    }


# HY001 doubled word ------------------------------------------------------------------


def test_doubled_word_across_a_line_break() -> None:
    source = "A Note on Garden Sheds\n\nWe walked to the\nthe shop before it closed.\n"
    (finding,) = run("HY001", source)
    assert where(finding) == (3, 14, 4, 4)
    assert finding.message == "The word “the” is repeated: “the the”. Delete one."
    assert finding.fix == "the\n"
    # the line break stays: a plain-text line joined to another may read as a heading
    assert apply_fix(source, finding).endswith("We walked to the\n shop before it closed.\n")


def test_doubled_word_across_a_line_break_in_html_joins_the_lines() -> None:
    source = "<html><body><p>We walked to the\nthe shop before it closed.</p></body></html>\n"
    (finding,) = run("HY001", source, "html")
    assert where(finding) == (1, 29, 2, 4)
    assert finding.fix == "the"
    assert "<p>We walked to the shop before it closed.</p>" in apply_fix(source, finding)


def test_doubled_word_alone_on_its_line_is_fixed_by_joining() -> None:
    source = "A Note on Garden Sheds\n\nWe walked to the\nthe\nshop before it closed.\n"
    (finding,) = run("HY001", source)
    assert finding.fix == "the"


def test_doubled_word_keeps_the_first_spelling() -> None:
    source = "A Note on Garden Sheds\n\nThe the shed was old. It is is not new.\n"
    first, second = run("HY001", source)
    assert (where(first), first.fix) == ((3, 1, 3, 8), "The")
    assert first.message == "The word “The” is repeated: “The the”. Delete one."
    assert (where(second), second.fix) == ((3, 26, 3, 31), "is")


@pytest.mark.parametrize(
    "sentence",
    [
        "She had had enough of it.",
        "He said that that was fine.",
        "What it is is a habit.",
        "We drove to Walla Walla last year.",
        "Sirhan Sirhan was the name in the paper.",
        "The phrase “is is” is a common typo.",
        "Rooms 12 12 and 14 were booked.",
        "He said no. No one argued.",
        "They waved bye bye and left.",
        "It was a so so result.",
        "Mind the gap, the platform is short.",
    ],
)
def test_doubled_word_legitimate_doubles(sentence: str) -> None:
    assert run("HY001", f"A Note on Garden Sheds\n\n{sentence}\n") == []


def test_doubled_word_allow_list_is_a_param() -> None:
    source = "A Note on Garden Sheds\n\nWe walked to the the shop.\n"
    assert run("HY001", source, allow=["the"]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I love love love this recipe.",
        "Aim for a 5,000-word word count.",
        "Dates use the yyyy yyyy-mm-dd form.",
        "The cake will be picked-up up to noon.",
    ],
)
def test_doubled_word_deliberate_or_compound(sentence: str) -> None:
    assert run("HY001", f"A Note on Garden Sheds\n\n{sentence}\n") == []


def test_doubled_word_across_an_entity_in_html() -> None:
    source = "<p>We saw the&nbsp;the shed.</p>"
    (finding,) = run("HY001", source, fmt="html")
    assert where(finding) == (1, 11, 1, 23)
    assert finding.message == "The word “the” is repeated: “the the”. Delete one."
    assert apply_fix(source, finding) == "<p>We saw the shed.</p>"


def test_doubled_word_fix_keeps_the_source_spelling_of_entities() -> None:
    source = "<p>Caf&eacute; caf&eacute; au lait.</p>"
    (finding,) = run("HY001", source, fmt="html")
    assert where(finding) == (1, 4, 1, 27)
    assert finding.message == "The word “Café” is repeated: “Café café”. Delete one."
    assert finding.fix == "Caf&eacute;"


def test_doubled_word_across_markup_has_no_fix() -> None:
    source = "<p>Read <b>the</b> the guide.</p>"
    (finding,) = run("HY001", source, fmt="html")
    assert where(finding) == (1, 12, 1, 23)
    assert finding.fix is None  # deleting across tags would break the markup


@pytest.mark.parametrize(
    "source",
    [
        "<p>His <em>backup</em> backup plan failed too.</p>",
        '<p>Tags: <a href="/a">sheds</a> <a href="/b">sheds wood</a></p>',
        "<p>Convert between <code>str</code> and <code>bytes</code> with care.</p>",
    ],
)
def test_doubled_word_markup_that_explains_the_double(source: str) -> None:
    assert run("HY001", source, fmt="html") == []


# HY002 placeholder text via the pattern kind ----------------------------------------


def test_placeholder_positions_and_message() -> None:
    source = "Pricing Guide\n\nPlans start at [insert price] a month. TODO check this.\n"
    first, second = run("HY002", source)
    assert where(first) == (3, 16, 3, 30)
    assert first.message == (
        "Placeholder text left in the page: “[insert price]”. "
        "Replace it with the real content or delete it."
    )
    assert first.fix is None
    assert where(second) == (3, 40, 3, 44)
    assert second.excerpt == "TODO"


@pytest.mark.parametrize(
    "text",
    [
        "Lorem ipsum dolor sit amet.",
        "Hello {{ first_name }}, welcome back.",
        "Read the %%title%% guide today.",
        "The release date is TBD for now.",
        "The quote from the mayor is TK.",
        "Use {% include 'box' %} here.",
        "Hi *|FNAME|*, thanks for reading.",
        "See [placeholder for chart] below.",
    ],
)
def test_placeholder_forms(text: str) -> None:
    assert len(run("HY002", f"Pricing Guide\n\n{text}\n")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The champion won by TKO in the third round.",
        "We shopped at TK Maxx and flew TK 1980 home.",
        "Our to-do list app review covers todo apps.",
        "Sign it [Your Name] and see [[Main Page]] too.",
        "Wikipedia marks this [citation needed] often.",
        "He [added] that it was late.",
        "Designers call this filler text lorem ipsum.",
    ],
)
def test_placeholder_lookalikes_pass(text: str) -> None:
    assert run("HY002", f"Pricing Guide\n\n{text}\n") == []


def test_placeholder_in_title_meta_and_heading() -> None:
    source = (
        "<html><head><title>{{ title }}</title>"
        '<meta name="description" content="TODO: write this"></head>'
        "<body><h1>%%title%%</h1><p>Text.</p></body></html>"
    )
    found = [(where(f), f.excerpt) for f in run("HY002", source, fmt="html")]
    assert found == [
        ((1, 20, 1, 31), "{{ title }}"),
        ((1, 73, 1, 77), "TODO"),
        ((1, 108, 1, 117), "%%title%%"),
    ]


def test_placeholder_todo_section_heading_passes() -> None:
    assert run("HY002", "<h2>TODO</h2><ul><li>TODO</li></ul><p>Text.</p>", fmt="html") == []


def _doc(*blocks: tuple[str, str, str]) -> Document:
    """A document whose blocks are laid out one per line, for pattern-kind unit tests."""
    source = "\n".join(text for _, text, _ in blocks)
    doc = Document("x.txt", "text", source)
    offset = 0
    for index, (kind, text, region) in enumerate(blocks):
        doc.blocks.append(
            Block(kind, text, TextMap.identity(offset, len(text)), region=region, index=index)
        )
        offset += len(text) + 1
    return doc


def _params(**overrides: Any) -> dict[str, Any]:
    defaults = {"patterns": [""], "case_sensitive": False, "kinds": [], "whole_block": False}
    return {**defaults, "region": "main", "max_words": 0, **overrides}


def _matches(hits: list[Hit]) -> list[tuple[int, int, str]]:
    return [(h.start, h.end, h.args["match"]) for h in hits]


def test_pattern_kind_searches_prose_and_headings_of_the_main_region() -> None:
    doc = _doc(
        (HEADING, "Apply now", MAIN),
        (PARAGRAPH, "You can apply now online.", MAIN),
        (PARAGRAPH, "Apply now in the footer", CHROME),
        ("meta", "apply now", MAIN),
    )
    hits = list(pattern.check(doc, _params(patterns=[r"apply now"])))
    assert _matches(hits) == [(0, 9, "Apply now"), (18, 27, "apply now")]
    hits = list(pattern.check(doc, _params(patterns=[r"apply now"], region="any")))
    assert len(hits) == 3
    hits = list(pattern.check(doc, _params(patterns=[r"apply now"], case_sensitive=True)))
    assert _matches(hits) == [(18, 27, "apply now")]
    hits = list(pattern.check(doc, _params(patterns=[r"apply now"], kinds=["meta"])))
    assert _matches(hits) == [(60, 69, "apply now")]


def test_pattern_kind_whole_block_and_max_words() -> None:
    doc = _doc(
        (PARAGRAPH, "  Read more  ", MAIN),
        (PARAGRAPH, "Read more about the history of sheds.", MAIN),
    )
    hits = list(pattern.check(doc, _params(patterns=[r"read more"], whole_block=True)))
    assert _matches(hits) == [(2, 11, "Read more")]
    hits = list(pattern.check(doc, _params(patterns=[r"read more"], max_words=3)))
    assert _matches(hits) == [(2, 11, "Read more")]


def test_pattern_kind_reports_overlapping_matches_once() -> None:
    doc = _doc((PARAGRAPH, "Lorem ipsum dolor", MAIN))
    hits = list(pattern.check(doc, _params(patterns=[r"lorem", r"lorem ipsum", r"dolor"])))
    assert _matches(hits) == [(0, 11, "Lorem ipsum"), (12, 17, "dolor")]


def test_pattern_kind_ignores_empty_patterns() -> None:
    doc = _doc((PARAGRAPH, "Anything at all", MAIN))
    assert list(pattern.check(doc, _params())) == []


def _rule_file(tmp_path: Path, params: str) -> Path:
    path = tmp_path / "XX001-bad.yaml"
    path.write_text(
        "code: XX001\nname: hygiene.bad\ncategory: hygiene\nseverity: info\n"
        "check: pattern\nmessage: m\ndescription: d\n" + params,
        encoding="utf-8",
    )
    return path


def test_bad_regex_in_yaml_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = _rule_file(tmp_path, "params:\n  patterns: ['(unclosed']\n")
    with pytest.raises(RuleError) as error:
        load_rule(path)
    assert str(path) in str(error.value)
    assert "invalid regular expression '(unclosed'" in str(error.value)


def test_bad_region_in_yaml_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="param 'region' must be one of main, any"):
        load_rule(_rule_file(tmp_path, "params:\n  region: sidebar\n"))


def test_bad_regex_in_overrides_is_an_error() -> None:
    with pytest.raises(RuleError, match="params for HY002: invalid regular expression"):
        RULES["HY002"].with_overrides(None, {"patterns": ["[a-"]})


# HY003 mojibake ---------------------------------------------------------------------


def test_mojibake_apostrophe_with_fix() -> None:
    source = "Garden Notes\n\nI donâ€™t think it is ready.\n"
    (finding,) = run("HY003", source)
    assert where(finding) == (3, 6, 3, 9)
    assert finding.message == (
        "Garbled characters “â€™” (a text-encoding error). It should be an apostrophe (’)."
    )
    assert finding.fix == "’"
    assert "I don’t think" in apply_fix(source, finding)


@pytest.mark.parametrize(
    ("garbled", "fixed"),
    [
        ("cafÃ©", "é"),
        ("rÃ©sumÃ©", "ésumé"),
        ("Â£20", "£"),
        ("â€“", "–"),
        ("â€¦", "…"),
        ("Ã¢â‚¬â„¢", "’"),
        ("ðŸ˜€", "😀"),
    ],
)
def test_mojibake_repairs(garbled: str, fixed: str) -> None:
    (finding,) = run("HY003", f"Garden Notes\n\nWe saw {garbled} there.\n")
    assert finding.fix == fixed


def test_mojibake_written_as_entities_in_html() -> None:
    source = "<p>The caf&Atilde;&copy; is open.</p>"
    (finding,) = run("HY003", source, fmt="html")
    assert where(finding) == (1, 11, 1, 25)
    assert finding.message == (
        "Garbled characters “Ã©” (a text-encoding error). It should read “é”."
    )
    assert apply_fix(source, finding) == "<p>The café is open.</p>"


def test_mojibake_a_grave_takes_its_nbsp() -> None:
    source = "<p>voil&Atilde;&nbsp;la</p>"
    (finding,) = run("HY003", source, fmt="html")
    assert apply_fix(source, finding) == "<p>voilàla</p>"


def test_mojibake_without_certain_repair_has_no_fix() -> None:
    (finding,) = run("HY003", "Garden Notes\n\nHe said â€œnoâ€ twice.\n", limit=0)[1:]
    assert finding.excerpt == "â€"
    assert finding.fix is None
    assert "Retype the character" in finding.message


def test_mojibake_stray_a_circumflex_before_a_space() -> None:
    source = "Garden Notes\n\nIt costs Â 20 dollars.\n"
    (finding,) = run("HY003", source)
    assert where(finding) == (3, 10, 3, 11)
    assert finding.fix == ""
    assert finding.message.endswith("Delete the stray characters.")


@pytest.mark.parametrize(
    "text",
    [
        "We flew from São Paulo to Zürich and ate pâté.",
        "MAÇÃ E PÃO are on the menu in ÁGUA style.",
        "Don’t miss the “best” crêpes – they cost £5 … or €6.",
        "The German word „Spaß“ means fun; Fußball too.",
        "Ångström and Øresund and naïve Zoë.",
    ],
)
def test_mojibake_leaves_real_accents_alone(text: str) -> None:
    assert run("HY003", f"Garden Notes\n\n{text}\n") == []


def test_mojibake_limit() -> None:
    source = "Garden Notes\n\n" + "Itâ€™s fine. " * 5 + "\n"
    assert len(run("HY003", source, limit=3)) == 3
    assert len(run("HY003", source, limit=0)) == 5


# HY004 blank lines -------------------------------------------------------------------


def test_trailing_blank_lines_are_one_finding() -> None:
    source = "Garden Notes\n\nThe only paragraph.\n\n \n\t\n"
    (finding,) = run("HY004", source)
    assert where(finding) == (4, 1, 7, 1)
    assert finding.message == "3 blank lines at the end of the file. Delete them."
    assert finding.fix == ""
    assert apply_fix(source, finding) == "Garden Notes\n\nThe only paragraph.\n"


def test_one_trailing_blank_line_without_final_newline() -> None:
    (finding,) = run("HY004", "Garden Notes\n\nText.\n  ")
    assert where(finding) == (4, 1, 4, 3)
    assert finding.message == "1 blank line at the end of the file. Delete them."


def test_long_run_inside_the_text() -> None:
    source = "Garden Notes\n\nOne.\n\n\n\n\n\nTwo.\n"
    (finding,) = run("HY004", source)
    assert where(finding) == (6, 1, 9, 1)
    assert finding.message == "5 blank lines in a row. Keep at most 2 and delete the rest."
    assert apply_fix(source, finding) == "Garden Notes\n\nOne.\n\n\nTwo.\n"
    assert run("HY004", source, max_blank=5) == []


@pytest.mark.parametrize(
    "source",
    [
        "Garden Notes\n\nOne.\n\n\nTwo.\n",
        "Garden Notes\n\nNo final newline.",
        "\n\n\n\n\nGarden Notes\n\nLeading blank lines are not counted.\n",
        "Garden Notes\r\n\r\nWindows line ends.\r\n",
        "",
    ],
)
def test_blank_lines_pass(source: str) -> None:
    assert run("HY004", source) == []


def test_trailing_blank_lines_can_be_turned_off() -> None:
    assert run("HY004", "Garden Notes\n\nText.\n\n\n", trailing=False) == []


def test_blank_lines_are_not_checked_in_html() -> None:
    assert RULES["HY004"].formats == ("text", "markdown")


def test_seed_with_trailing_blank_lines() -> None:
    seed = SEEDS / "001_790130a797e033fc.txt"
    if not seed.exists():
        pytest.skip("shared seeds are not available here")
    source = seed.read_text(encoding="utf-8")
    last_text_line = len(source.rstrip().splitlines())
    blank = source.count("\n") - last_text_line
    (finding,) = run("HY004", source)
    assert where(finding) == (last_text_line + 1, 1, source.count("\n") + 1, 1)
    assert finding.message == f"{blank} blank lines at the end of the file. Delete them."
    assert blank > 60


def test_broken_seed_doubled_words_come_from_the_pasted_title() -> None:
    seed = SEEDS / "001_790130a797e033fc.txt"
    if not seed.exists():
        pytest.skip("shared seeds are not available here")
    findings = run("HY001", seed.read_text(encoding="utf-8"))
    assert [(f.line, f.excerpt, f.fix) for f in findings] == [
        (14, "Administration administration", "Administration"),
        (18, "Administration administration", "Administration"),
    ]


def test_clean_seed_has_no_hygiene_findings() -> None:
    seed = SEEDS / "000_4c0a71c1109e41f2.txt"
    if not seed.exists():
        pytest.skip("shared seeds are not available here")
    source = seed.read_text(encoding="utf-8")
    for code in RULES:
        assert run(code, source) == [], code


# HY005 unbalanced pairs --------------------------------------------------------------


def test_unclosed_parenthesis() -> None:
    (finding,) = run("HY005", "Garden Notes\n\nThe plan (which starts in May covers all.\n")
    assert where(finding) == (3, 10, 3, 11)
    assert finding.message == (
        "Unmatched “(” in this paragraph: it is never closed. "
        "Add the missing “)” or delete this one."
    )
    assert finding.fix is None


def test_closing_bracket_without_opener_in_a_list_item() -> None:
    source = "Garden Notes\n\nWhat you get:\n\n• Fast setup]\n• Free support\n"
    (finding,) = run("HY005", source)
    assert where(finding) == (5, 13, 5, 14)
    assert finding.message == (
        "Unmatched “]” in this list item: nothing opens it. Add the missing “[” or delete this one."
    )


def test_odd_straight_quotes() -> None:
    (finding,) = run("HY005", 'Garden Notes\n\nHe called it "the best deal and left.\n')
    assert where(finding) == (3, 14, 3, 15)
    assert finding.message.startswith('Unmatched quotation mark " in this paragraph:')


def test_unclosed_curly_quote() -> None:
    (finding,) = run("HY005", "Garden Notes\n\nHe said “we will see and left.\n")
    assert where(finding) == (3, 9, 3, 10)
    assert "opening quotation mark “" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Pick a) the red one or b) the blue one.",
        "Step 1) wash the pot, 2) dry it.",
        "That was fun :) and so was this ;-)",
        "The interval [0, 1) is half open, and so is (0, 10].",
        'It has a 55" screen and a "smart" remote.',
        "He is 5'11\" tall.",
        'Balanced (round [square {curly}]) and “curly quotes” and "straight" ones.',
        "Some typists write ”this” with one kind only.",
    ],
)
def test_unbalanced_lookalikes_pass(text: str) -> None:
    assert run("HY005", f"Garden Notes\n\n{text}\n") == []


def test_multi_paragraph_quotation_is_not_flagged() -> None:
    source = (
        "Garden Notes\n\n"
        "“The first paragraph of a long quotation opens with a mark.\n\n"
        "“So does the next one, and only the last one closes.”\n"
    )
    assert run("HY005", source) == []


def test_multi_paragraph_quotation_past_an_advert() -> None:
    source = (
        '<p>He said: "We are ready for the match.</p>'
        '<div class="ad">Advertisement</div>'
        '<p>"We will win it."</p>'
    )
    assert run("HY005", source, fmt="html") == []


@pytest.mark.parametrize(
    "source",
    [
        "<p>The new 16” laptop is here.</p>",
        "<p>Read “what we know about the plan...</p>",
        '<p>var x = {"a": [1, 2}; function() { return x; }</p>',
    ],
)
def test_unbalanced_html_lookalikes_pass(source: str) -> None:
    assert run("HY005", source, fmt="html") == []


def test_unbalanced_split_citation_is_not_flagged() -> None:
    doc = _doc(
        (PARAGRAPH, "Costs rose sharply (", MAIN),
        (PARAGRAPH, "1", MAIN),
        (PARAGRAPH, ").", MAIN),
        (PARAGRAPH, "Prices fell (3,", MAIN),
    )
    assert list(unbalanced.check(doc, RULES["HY005"].params)) == []


def test_unbalanced_in_html_reports_the_mark() -> None:
    source = "<p>Jo scored (twice and left.</p>\n<p>Then “she said nothing.</p>"
    first, second = run("HY005", source, fmt="html")
    assert (where(first), first.excerpt) == ((1, 14, 1, 15), "(")
    assert (where(second), second.excerpt) == ((2, 9, 2, 10), "“")
    assert second.message == (
        "Unmatched opening quotation mark “ in this paragraph: it is never closed. "
        "Add the missing ” where the quotation ends, or delete this one."
    )


def test_unclosed_quote_before_a_paragraph_without_quote_is_flagged() -> None:
    source = (
        "Garden Notes\n\n"
        "“The first paragraph opens a quotation that never ends.\n\n"
        "The next paragraph is plain text.\n"
    )
    (finding,) = run("HY005", source)
    assert where(finding) == (3, 1, 3, 2)


def test_space_runs_in_a_file_with_lone_cr_line_ends_are_judged_line_by_line(cli, tmp_path):
    # Before, the whole file was one line with several runs: "aligned", never reported.
    page = tmp_path / "prices.txt"
    page.write_bytes(b"Fruit prices\r\rApples   1.20\rPears    0.90\r\rWe  sat down.\r")
    result = cli("check", str(page), "--select", "HY006", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["column"], f["end_column"]) for f in findings] == [(6, 3, 5)]


# Issue 14: "that that" judged by the word after it; quotation marks of mixed kinds ---------


def test_that_that_before_an_article_is_a_doubled_word() -> None:
    source = "Garden Notes\n\nShe said that that the plan would fail.\n"
    (finding,) = run("HY001", source)
    assert where(finding) == (3, 10, 3, 19)
    assert finding.message == "The word “that” is repeated: “that that”. Delete one."
    assert apply_fix(source, finding) == "Garden Notes\n\nShe said that the plan would fail.\n"


@pytest.mark.parametrize("after", ["his idea", "it rained", "we left", "those two"])
def test_that_that_before_a_possessive_or_pronoun_is_reported(after: str) -> None:
    (finding,) = run("HY001", f"Garden Notes\n\nWe agreed that that {after} was best.\n")
    assert finding.excerpt == "that that"


@pytest.mark.parametrize(
    "sentence",
    [
        "She said that that plan failed.",
        "The dog that that boy chased ran off.",
        "He knew that that was wrong.",
        "The size was like that that of a barn.",
        "I think that that, on balance, is fine.",
        "He said that that's fine.",
    ],
)
def test_that_that_before_a_noun_or_verb_is_good_english(sentence: str) -> None:
    assert run("HY001", f"Garden Notes\n\n{sentence}\n") == []


def test_curly_quote_closed_by_a_straight_one() -> None:
    (finding,) = run("HY005", 'Garden Notes\n\nHe called it “the best deal" and left.\n')
    assert where(finding) == (3, 28, 3, 29)
    assert finding.message == (
        'Mismatched quotation marks “ … " in this paragraph: the quotation opens with a'
        ' curly “ and closes with a straight ". Use the same kind of mark at both ends.'
    )


def test_straight_quote_closed_by_a_curly_one_is_reported_at_the_opening() -> None:
    (finding,) = run("HY005", 'Garden Notes\n\nShe said "we will see” and smiled.\n')
    assert where(finding) == (3, 10, 3, 11)
    assert finding.message.startswith('Mismatched quotation marks " … ” in this paragraph:')


def test_single_curly_quote_closed_by_an_apostrophe_mark() -> None:
    (finding,) = run("HY005", "Garden Notes\n\nThe sign read ‘keep out' in red.\n")
    assert where(finding) == (3, 24, 3, 25)
    assert "opens with a curly ‘ and closes with a straight '" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Don't go; the '90s were fun; rock 'n' roll; O'Brien's students' books.",
        'He is 5\'10" tall, bought a 12" pizza and said “a big one.”',
        "He said ‘that is the students' problem’ and left.",
        "He said ‘we were goin' home’ and left.",
        'Nested “he said "no" to me” is fine, and so is ‘this’.',
    ],
)
def test_apostrophes_and_inch_marks_are_no_mixed_quotes(text: str) -> None:
    assert run("HY005", f"Garden Notes\n\n{text}\n") == []
