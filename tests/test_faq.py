"""FAQ rules: the model, each rule's place and message, the seeds and the samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import lint_rule, parse_source

from linter.checks.faq._coverage import concepts, coverage
from linter.checks.faq._entries import faq_entries
from linter.checks.faq._schema import faq_schema
from linter.checks.faq._text import looks_like_question
from linter.config import apply_overrides, load_config_file
from linter.engine import Engine
from linter.read import read_path
from linter.rulepack import load_rules

RULES = {r.code: r for r in load_rules()}
REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
SAMPLES = REPO / "samples"


doc_of = parse_source


def lint(source: str, code: str, params: dict | None = None, fmt: str | None = None):
    return lint_rule(code, source, fmt, **(params or {}))


def where(findings):
    return [(f.line, f.column, f.end_line, f.end_column) for f in findings]


# --- sources written for these tests ----------------------------------------------------

HTML = """<html><head><title>Keeping Chickens in a Small Garden</title></head><body>
<h1>Keeping Chickens in a Small Garden</h1>
<p>Three hens fit in a garden the size of a parking space, and they lay most days.</p>
<h2>How Many Hens Should You Start With?</h2>
<p>Start with three: hens are social and fret when kept alone.</p>
<h2>FAQ</h2>
<h3>1. Do hens need a rooster to lay eggs?</h3>
<p>No. Hens lay without a rooster; you only need one if you want chicks.</p>
<h3>2. How much space does a coop need?</h3>
<h3>4. Do chickens smell?</h3>
<p>Yes.</p>
<h3>5. Do hens need a rooster to lay eggs?</h3>
<p>They do not, although a rooster can keep a flock calmer.</p>
</body></html>
"""
# Lines:  7 Q1, 8 A1, 9 Q2 (unanswered), 10 Q4 (gap), 11 "Yes." (thin), 12 Q5 (dup of Q1).

TEXT = """Keeping Chickens in a Small Garden

Three hens fit in a garden the size of a parking space, and they lay most days.

FAQ

1. Do hens need a rooster to lay eggs?
Answer: No. Hens lay without a rooster; you only need one if you want chicks.
2. How much space does a coop need?
3. What do chickens eat?
Answer: Layers pellets.
3. Do hens need a rooster for laying eggs?
Answer: They do not, although a rooster can keep a flock calmer.
"""
# Lines: 7 Q1, 9 Q2 (unanswered), 10 Q3, 11 thin answer, 12 "3." again (repeat, near-dup).


def schema_page(entities: str, extra_scripts: str = "", body: str = "") -> str:
    return (
        "<html><head>\n"
        '<script type="application/ld+json">\n'
        '{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [\n'
        f"{entities}\n"
        "]}\n"
        "</script>\n"
        f"{extra_scripts}"
        "</head><body>\n"
        "<h2>FAQ</h2>\n"
        "<h3>Can ducks share a coop with hens?</h3>\n"
        "<p>Yes, if the coop has floor space for the ducks, who do not perch.</p>\n"
        f"{body}"
        "</body></html>\n"
    )


DUCKS = (
    '{"@type": "Question", "name": "Can ducks share a coop with hens?", '
    '"acceptedAnswer": {"@type": "Answer", '
    '"text": "Yes, if the coop has floor space for the ducks, who do not perch."}}'
)


# --- the model ---------------------------------------------------------------------------


def test_entries_in_html_carry_numbers_answers_and_section():
    entries = faq_entries(doc_of(HTML))
    assert [e.number for e in entries] == [1, 2, 4, 5]
    assert [len(e.answers) for e in entries] == [1, 0, 1, 1]
    assert entries[0].text == "Do hens need a rooster to lay eggs?"
    assert len({e.section for e in entries}) == 1


def test_entries_in_text_carry_numbers_and_answers():
    entries = faq_entries(doc_of(TEXT))
    assert [e.number for e in entries] == [1, 2, 3, 3]
    assert [len(e.answers) for e in entries] == [1, 0, 1, 1]


def test_answer_after_a_sub_heading_belongs_to_its_question():
    source = (
        "<h2>FAQ</h2><h3>What do I need to build a coop?</h3><h4>Materials</h4>"
        "<ul><li>Timber, mesh and roofing felt.</li></ul>"
        "<h3>Where should the coop stand?</h3><p>In partial shade, on level ground.</p>"
    )
    entries = faq_entries(doc_of(source))
    assert [e.answer_text for e in entries] == [
        "Timber, mesh and roofing felt.",
        "In partial shade, on level ground.",
    ]


def test_details_table_of_contents_is_not_an_faq():
    source = (
        "<details><summary>Table of Contents</summary><ul><li>Intro</li></ul></details>"
        "<details><summary>Do hens lay in winter?</summary><p>Fewer eggs, as days are"
        " short.</p></details>"
    )
    assert [e.text for e in faq_entries(doc_of(source))] == ["Do hens lay in winter?"]


def test_closing_call_to_action_is_not_a_question():
    source = (
        "<h2>FAQ</h2><h3>Do hens lay in winter?</h3><p>Fewer eggs, as days are short.</p>"
        "<p>Still have questions?</p>"
    )
    assert [e.text for e in faq_entries(doc_of(source))] == ["Do hens lay in winter?"]
    assert lint(source, "FQ001") == []


def test_schema_found_in_graph_with_single_main_entity():
    source = (
        '<script type="application/ld+json">{"@graph": [{"@type": "Organization"},'
        ' {"@type": ["FAQPage"], "mainEntity": {"@type": "Question", "name": "Q \\u201cone\\u201d?",'
        ' "acceptedAnswer": {"text": "<b>A</b> one."}}}]}</script><p>x</p>'
    )
    doc = doc_of(source)
    (question,) = faq_schema(doc)
    assert question.name == "Q “one”?"
    assert question.answer == "<b>A</b> one."
    assert doc.source[question.start : question.end] == '"Q \\u201cone\\u201d?"'


def test_question_shapes():
    assert looks_like_question("How to Clean a Coop")
    assert looks_like_question("Can you keep hens on a balcony")
    assert looks_like_question("Why hens?")
    assert not looks_like_question("How the Coop Is Built")
    assert not looks_like_question("Table of Contents")


def test_coverage_by_meaning():
    entries = faq_entries(
        doc_of(
            "<h2>FAQ</h2><h3>What is the earning potential of a farrier?</h3>"
            "<p>Most earn a steady living shoeing horses.</p>"
            "<h3>Which qualifications do farriers need?</h3>"
            "<p>A diploma and an apprenticeship of four years.</p>"
        )
    )
    assert coverage("salary", entries).score == 1.0
    assert coverage("What education is required?", entries).entry is entries[1]
    assert coverage("What education is required?", entries).score >= 0.6
    assert coverage("Do farriers travel?", entries).score < 0.6
    assert "salari" in concepts("Pay and wages")


# --- FQ001 to FQ004 ---------------------------------------------------------------------


def test_fq001_unanswered_question_html_and_text():
    (finding,) = lint(HTML, "FQ001")
    assert where([finding]) == [(9, 5, 9, 40)]
    assert finding.message == (
        "The FAQ question “How much space does a coop need?” has no answer. "
        "Write the answer right below it, or remove the question."
    )
    (finding,) = lint(TEXT, "FQ001")
    assert where([finding]) == [(9, 4, 9, 36)]
    assert finding.excerpt == "How much space does a coop need?"


def test_fq002_thin_answer_html_and_text():
    (finding,) = lint(HTML, "FQ002")
    assert where([finding]) == [(11, 4, 11, 8)]
    assert finding.message == (
        "The answer to “Do chickens smell?” has only 1 word. "
        "Say what the reader needs to know: the reason, a number, the next step."
    )
    (finding,) = lint(TEXT, "FQ002")
    assert where([finding]) == [(11, 9, 11, 24)]
    assert "“What do chickens eat?” has only 2 words" in finding.message


def test_fq002_answer_repeating_the_question():
    source = (
        "<h2>FAQ</h2><h3>Do ducks need a pond to stay healthy?</h3>"
        "<p>Yes, ducks need a pond, so a pond keeps ducks healthy.</p>"
    )
    (finding,) = lint(source, "FQ002")
    assert "only repeats the question" in finding.message
    assert lint(source, "FQ002", {"max_overlap": 1.0}) == []  # 4 of its 5 words
    assert lint(source, "FQ002", {"overlap_max_words": 5}) == []


def test_fq003_duplicate_question_points_at_the_first():
    (finding,) = lint(HTML, "FQ003")
    assert where([finding]) == [(12, 8, 12, 43)]
    assert finding.message == (
        "This FAQ question repeats the one at line 7. Keep one of them and merge the answers."
    )
    assert [(r.line, r.column) for r in finding.related] == [(7, 8)]
    (finding,) = lint(TEXT, "FQ003")
    assert where([finding]) == [(12, 4, 12, 43)]
    assert finding.related[0].line == 7


def test_fq003_different_questions_on_one_topic_pass():
    source = (
        "<h2>FAQ</h2><h3>How long do hens lay eggs?</h3><p>Four or five years.</p>"
        "<h3>Why do hens stop laying eggs?</h3><p>Age, moulting and short days.</p>"
    )
    assert lint(source, "FQ003") == []


def test_fq004_numbering_gap_and_repeat():
    (finding,) = lint(HTML, "FQ004")
    assert where([finding]) == [(10, 5, 10, 26)]
    assert finding.message == (
        "This FAQ question is number 4, right after 2, so question 3 is missing. "
        "Add the missing question, or renumber this one 3."
    )
    (finding,) = lint(TEXT, "FQ004")
    assert where([finding]) == [(12, 1, 12, 43)]  # from the number the reader strips
    assert finding.message == (
        "This FAQ question is number 3, but the question before it is 3. Renumber it 4."
    )


# --- FQ005 to FQ010: JSON-LD ------------------------------------------------------------


def test_fq005_marked_up_question_not_on_the_page():
    hidden = (
        '{"@type": "Question", "name": "Do geese guard hens?", '
        '"acceptedAnswer": {"@type": "Answer", "text": "Some do, loudly."}}'
    )
    source = schema_page(f"{DUCKS},\n{hidden}")
    (finding,) = lint(source, "FQ005")
    assert where([finding]) == [(5, 31, 5, 53)]
    assert finding.excerpt == "Do geese guard hens?"
    assert finding.message.startswith(
        "The FAQ markup (JSON-LD) contains the question “Do geese guard hens?”, but the page"
    )
    assert lint(schema_page(DUCKS), "FQ005") == []
    assert lint(TEXT, "FQ005") == []  # JSON-LD lives in HTML only


def test_fq006_visible_question_missing_from_markup():
    body = "<h3>Do geese guard hens?</h3><p>Some do, loudly, at any stranger.</p>\n"
    (finding,) = lint(schema_page(DUCKS, body=body), "FQ006")
    assert where([finding]) == [(11, 5, 11, 25)]
    assert "“Do geese guard hens?” is on the page but not" in finding.message
    no_markup = "<h2>FAQ</h2><h3>Do geese guard hens?</h3><p>Some do, loudly.</p>"
    assert lint(no_markup, "FQ006") == []


def test_fq007_question_without_answer_text():
    empty = '{"@type": "Question", "name": "Do geese guard hens?", "acceptedAnswer": {}}'
    (finding,) = lint(schema_page(f"{DUCKS},\n{empty}"), "FQ007")
    assert where([finding]) == [(5, 31, 5, 53)]
    assert finding.message == (
        "Question “Do geese guard hens?” in the FAQPage markup lacks its answer text "
        "(acceptedAnswer.text). Search engines skip incomplete FAQ markup: fill it in."
    )
    nameless = '{"@type": "Question", "acceptedAnswer": {"text": "Yes."}}'
    (finding,) = lint(schema_page(f"{DUCKS},\n{nameless}"), "FQ007")
    assert "Question number 2 in the FAQPage markup lacks its question text" in finding.message
    assert (finding.line, finding.column) == (5, 11)  # at its "Question" type


def test_fq008_answer_in_markup_differs_from_the_page():
    changed = DUCKS.replace("floor space for the ducks, who do not perch", "a pond")
    (finding,) = lint(schema_page(changed), "FQ008")
    assert where([finding]) == [(4, 31, 4, 66)]
    assert finding.related[0].line == 10
    assert finding.message.startswith(
        "The FAQ markup (JSON-LD) answers “Can ducks share a coop with hens?” differently"
        " from the page (line 10;"
    )
    tagged = DUCKS.replace('"text": "Yes,', '"text": "<p>YES,').replace('perch."', 'perch</p>"')
    assert lint(schema_page(tagged), "FQ008") == []


def test_fq009_second_faqpage():
    second = (
        '<script type="application/ld+json">\n'
        '{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": []}\n'
        "</script>\n"
    )
    (finding,) = lint(schema_page(DUCKS, second), "FQ009")
    assert where([finding]) == [(8, 45, 8, 54)]
    assert finding.message == (
        "This page has 2 FAQPage markups; this one repeats the one at line 3. "
        "Keep a single FAQPage with all the questions."
    )


def test_fq010_invalid_json_at_the_error():
    broken = (
        '<script type="application/ld+json">\n'
        '{"@context": "https://schema.org",\n'
        ' "@type": "Article" "headline": "Hens"}\n'
        "</script>\n"
        '<script type="application/ld+json"></script>\n'
    )
    (finding,) = lint(schema_page(DUCKS, broken), "FQ010")
    assert (finding.line, finding.column) == (9, 21)
    assert finding.message == (
        "This structured data (JSON-LD) is not valid JSON (a comma is missing), so search "
        "engines ignore all of it. Fix the JSON here; a JSON-LD validator shows the details."
    )


# --- FQ011 to FQ014: coverage -----------------------------------------------------------


def test_fq011_required_topics_by_meaning_html_and_text():
    required = {"topics": ["salary", "Is a rooster needed?", "What food do hens need?"]}
    findings = lint(HTML, "FQ011", required)
    assert where(findings) == [(6, 5, 6, 8), (6, 5, 6, 8)]  # at the FAQ heading
    assert findings[0].message == (
        "The FAQ does not cover the required topic “salary”. Add a question and answer about it."
    )
    assert "“What food do hens need?”" in findings[1].message
    required = {"topics": ["Is a rooster necessary to get eggs?", "How many square metres?"]}
    findings = lint(TEXT, "FQ011", required)
    assert [(f.line, f.column, f.excerpt) for f in findings] == [(5, 1, "FAQ")]
    assert "“How many square metres?”" in findings[0].message
    no_faq = "<h1>Hens</h1><p>Hens lay eggs most days of the year.</p>"
    (finding,) = lint(no_faq, "FQ011", {"topics": ["salary"]})
    assert finding.message.startswith("This article has no FAQ, so it does not cover")
    assert (finding.line, finding.column) == (1, 5)
    assert lint(HTML, "FQ011") == []  # nothing required by default


@pytest.mark.parametrize("table", ["FQ011", "faq.required-missing"])
def test_fq011_old_param_name_required_still_works_in_config(tmp_path, table):
    """FQ011's ``required`` param is now ``topics`` (shared with FQ012): a config that
    sets ``[params.FQ011] required`` still changes what is reported."""
    config = tmp_path / ".contentlint.toml"
    config.write_text(f'[params."{table}"]\nrequired = ["salary"]\n', encoding="utf-8")
    rules = apply_overrides([RULES["FQ011"]], load_config_file(config))
    assert rules[0].params["topics"] == ["salary"]
    findings = Engine(rules).check(doc_of(HTML)).findings
    assert [f.code for f in findings] == ["FQ011"]
    assert "“salary”" in findings[0].message


def test_fq012_old_param_name_questions_still_works_in_config(tmp_path):
    config = tmp_path / ".contentlint.toml"
    config.write_text('[params.FQ012]\nquestions = ["How do I stop hens fighting?"]\n')
    rules = apply_overrides([RULES["FQ012"]], load_config_file(config))
    findings = Engine(rules).check(doc_of(HTML)).findings
    assert [f.code for f in findings] == ["FQ012"]
    assert "“How do I stop hens fighting?”" in findings[0].message


def test_fq011_reads_the_faq_required_setting(tmp_path):
    config = tmp_path / ".contentlint.toml"
    config.write_text('[faq]\nrequired = ["salary"]\n', encoding="utf-8")
    rules = apply_overrides([RULES["FQ011"]], load_config_file(config))
    findings = Engine(rules).check(doc_of(HTML)).findings
    assert [f.code for f in findings] == ["FQ011"]


def test_fq012_questions_file(tmp_path, cli):
    questions = tmp_path / "paa.txt"
    questions.write_text("Can hens lay eggs without a rooster?\nHow do I stop hens fighting?\n")
    page = tmp_path / "hens.html"
    page.write_text(HTML, encoding="utf-8")
    result = cli("check", str(page), "--select", "FQ012", "--questions", str(questions), "-q")
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].endswith(
        "6:5: FQ012 [info] The FAQ does not answer “How do I stop hens fighting?” from your "
        "questions list. Consider adding it."
    )


def test_fq013_question_headings_the_faq_does_not_cover():
    (finding,) = lint(HTML, "FQ013")
    assert where([finding]) == [(4, 5, 4, 41)]
    assert finding.message == (
        "The heading “How Many Hens Should You Start With?” asks a question the FAQ does not"
        " answer. Consider adding it to the FAQ with a short answer."
    )
    text = TEXT.replace("Three hens fit", "Why Keep Hens at All?\n\nFresh eggs, and three hens fit")
    (finding,) = lint(text, "FQ013")
    assert (finding.line, finding.column, finding.excerpt) == (3, 1, "Why Keep Hens at All?")
    assert lint(HTML, "FQ013", {"min_level": 3}) == []


def test_fq014_missing_section_only_when_required():
    no_faq = "Keeping Hens\n\nHens lay eggs most days of the year in a warm coop.\n"
    assert lint(no_faq, "FQ014") == []
    (finding,) = lint(no_faq, "FQ014", {"require_section": True})
    assert where([finding]) == [(1, 1, 1, 13)]
    assert finding.message.startswith("This article has no FAQ section, and your settings")
    assert lint(HTML, "FQ014", {"require_section": True}) == []


# --- seeds and samples ------------------------------------------------------------------


def seed(name: str) -> Path:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"{path} is not available here")
    return path


def faq_findings(path: Path, required: list[str] | None = None):
    rules = [r for r in load_rules() if r.category == "faq"]
    if required:
        rules = [
            r.with_overrides(None, {"topics": required}) if r.code == "FQ011" else r for r in rules
        ]
    return Engine(rules).check(read_path(str(path))).findings


REQUIRED = ["salary", "What education is required?"]


def test_seed_000_faq_has_six_answered_questions():
    path = seed("000_4c0a71c1109e41f2.txt")
    entries = faq_entries(read_path(str(path)))
    assert len(entries) == 6
    assert all(e.answers for e in entries)
    findings = faq_findings(path, REQUIRED)
    assert not [f for f in findings if f.code in ("FQ001", "FQ002", "FQ003", "FQ004")]
    # "Which Path Fits Different Student Goals?" is covered by the entry on career paths
    # (paths, different; students in its answer) since coverage matches by meaning.
    assert [f.excerpt for f in findings if f.code == "FQ013"] == [
        "What to Look For in a Program if You Are Comparing These Paths",
    ]
    assert sorted(f.message.split("“")[1].split("”")[0] for f in findings if f.code == "FQ011") == [
        "What education is required?",
        "salary",
    ]


def test_seed_001_faq_has_five_numbered_answered_questions():
    path = seed("001_790130a797e033fc.txt")
    entries = faq_entries(read_path(str(path)))
    assert [e.number for e in entries] == [1, 2, 3, 4, 5]
    assert all(e.answers for e in entries)
    assert len(entries[2].answers) == 3  # the bullet list and the closing line
    findings = faq_findings(path, REQUIRED)
    assert [f.code for f in findings] == []  # salary and education are both covered


def test_clean_sample_has_no_faq_problem():
    doc = read_path(str(SAMPLES / "clean-article.html"))
    assert len(faq_entries(doc)) == 2 and len(faq_schema(doc)) == 2
    assert faq_findings(SAMPLES / "clean-article.html") == []


def test_broken_sample_has_each_planted_problem():
    findings = faq_findings(SAMPLES / "broken-faq.html")
    got = sorted((f.code, f.line) for f in findings)
    assert got == [
        ("FQ001", 63),
        ("FQ002", 62),
        ("FQ003", 66),
        ("FQ004", 63),
        ("FQ005", 32),
        ("FQ006", 63),
        ("FQ006", 64),
        ("FQ007", 27),
        ("FQ008", 22),
        ("FQ008", 41),
        ("FQ009", 41),
        ("FQ010", 44),
        ("FQ013", 52),
    ]


# --- coverage by meaning: paraphrases, other products, other aspects ---------------------

PHONE_FAQ = """<h1>Brava 2 Robot Vacuum</h1>
<h2>FAQ</h2>
<h3>How long does the Brava 2 battery last?</h3>
<p>About 120 minutes on the standard setting.</p>
<h3>What is the warranty?</h3>
<p>Two years on the robot, one year on the battery.</p>
<h3>What is the cheapest way to buy one?</h3>
<p>The refurbished model sells for $199 on our store.</p>
"""


def _not_covered(topics: list[str]) -> list[tuple[int, int, str]]:
    found = lint(PHONE_FAQ, "FQ012", {"topics": topics})
    return [(f.line, f.column, f.message.split("“")[1].split("”")[0]) for f in found]


def test_fq012_paraphrases_are_covered():
    assert (
        _not_covered(["What guarantee do I get?", "What's the runtime on a single charge?"]) == []
    )


def test_fq012_another_product_is_not_covered():
    assert _not_covered(["How long does the Brava 3 battery last?"]) == [
        (2, 5, "How long does the Brava 3 battery last?")
    ]
    (finding,) = lint(PHONE_FAQ, "FQ012", {"topics": ["Does it work with Apple HomeKit?"]})
    assert finding.message == (
        "The FAQ does not answer “Does it work with Apple HomeKit?” from your questions list."
        " Consider adding it."
    )


def test_fq012_another_aspect_is_not_covered():
    # the battery is named in the warranty answer, its price nowhere
    assert _not_covered(["How much does a replacement battery cost?"]) == [
        (2, 5, "How much does a replacement battery cost?")
    ]


def test_fq011_and_fq013_agree_on_the_same_question():
    heading = "<h2>How Long Does the Brava 3 Battery Last?</h2><p>Longer.</p>\n"
    page = PHONE_FAQ.replace("<h2>FAQ</h2>", heading + "<h2>FAQ</h2>")
    (fq013,) = lint(page, "FQ013")
    (fq011,) = lint(page, "FQ011", {"topics": ["How Long Does the Brava 3 Battery Last?"]})
    assert (fq013.line, fq011.line) == (2, 3)
    covered_heading = page.replace("Brava 3", "Brava 2")
    assert lint(covered_heading, "FQ013") == []
    assert (
        lint(covered_heading, "FQ011", {"topics": ["How Long Does the Brava 2 Battery Last?"]})
        == []
    )
