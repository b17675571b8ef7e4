"""Defects the fuzzing harness (tests/fuzz) found, each pinned by a small input.

Every test asserts what a user sees: the finding's code, line, column and excerpt, the
exit code, or the file's bytes after ``--fix``.
"""

from __future__ import annotations

import dataclasses

from helpers import lint_rule, where

from tests.fuzz.positions import check_findings

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
