"""Bounded work on pathological input: what a user sees instead of a hang.

Each input here cost minutes before (a 40 KB punctuation run, a 200,000-character word,
a catastrophic user regex); the tests assert the findings and errors, never a duration.
The regex test cannot hang by construction: the pattern runs under a time limit.
"""

from __future__ import annotations

import json

from helpers import lint_rule, where

from linter import nlp


def test_punctuation_run_is_not_tokenised_and_sentences_around_it_keep_their_places():
    run = '$(["' * 10_000  # 40 KB without a space: spaCy's tokenizer took minutes
    source = f"<html><body>\n<p>The the cat sat. {run} Then a dog dog ran.</p>\n</body></html>\n"
    findings = lint_rule("HY001", source)
    assert [f.excerpt for f in findings] == ["The the", "dog dog"]
    assert where(findings[0]) == (2, 4, 2, 11)
    after = 4 + len("The the cat sat. ") + len(run) + len(" Then a ")
    assert where(findings[1]) == (2, after, 2, after + len("dog dog"))


def test_punctuation_run_gives_no_sentence_finding_of_its_own():
    run = "$" * 40_000
    source = f"<p>Short one here.</p>\n<p>{run}</p>\n<p>Another short sentence.</p>\n"
    # RD001 flags sentences of more than max_words words; the run is none, nor a word.
    assert lint_rule("RD001", source, max_words=3) == []
    assert [f.line for f in lint_rule("RD001", source, max_words=2)] == [1, 3]


def test_huge_word_does_not_hide_the_injected_title_phrase():
    word = "Q" * 200_000  # BP001's title-case regex was quadratic in a word's length
    source = (
        "<html><head><title>Tea vs Coffee for Students | Campus Life</title></head>\n"
        "<body><h1>Tea vs Coffee for Students</h1>\n"
        f"<p>{word}</p>\n"
        f"<p>{word} and Tea vs Coffee for Students machines.</p>\n"
        "<p>Most dorms stock Tea vs Coffee for Students machines.</p></body></html>\n"
    )
    findings = lint_rule("BP001", source)
    column = len("<p>") + len(word) + len(" and ") + 1
    assert [where(f) for f in findings] == [
        (4, column, 4, column + 26),
        (5, 21, 5, 47),
    ]
    assert findings[1].message.startswith("The title phrase “Tea vs Coffee for Students”")


def _config(tmp_path, patterns: list[str]):
    config = tmp_path / "lint.toml"
    config.write_text(f"[params.HY002]\npatterns = {json.dumps(patterns)}\n")
    return config


def test_catastrophic_user_regex_is_stopped_with_one_error_line(cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("A line with a a doubled word.\n\n" + "a" * 60 + "b\n")
    config = _config(tmp_path, ["(a|aa)+$"])  # about 10^12 steps on this line
    result = cli("check", str(page), "--config", str(config), "--format", "json")
    assert result.exit_code == 2
    assert result.stderr == (
        f"contentlint: {page}: rule HY002: pattern '(a|aa)+$' was stopped after 1 s on one "
        "block (it backtracks too much: simplify nested repeats such as (a+)+ or (a|aa)+)\n"
    )
    findings = json.loads(result.stdout)["findings"]
    assert ("HY001", 1, 13) in [(f["code"], f["line"], f["column"]) for f in findings]


def test_nested_repeat_the_regex_module_solves_needs_no_limit(cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Some words here.\n\n" + "a" * 40 + "\n\n" + "a" * 40 + "b\n")
    config = _config(tmp_path, ["(a+)+$"])  # the example: minutes with re
    result = cli("check", str(page), "--config", str(config), "--format", "json")
    assert result.stderr == ""
    hy002 = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "HY002"]
    assert [(f["line"], f["column"], f["end_column"]) for f in hy002] == [(3, 1, 41)]


def test_invalid_user_regex_is_a_config_error(cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Some words here.\n")
    config = _config(tmp_path, ["(a+"])
    result = cli("check", str(page), "--config", str(config))
    assert result.exit_code == 2
    assert result.stderr == (
        f"contentlint: error: {config}: params for HY002: invalid regular expression '(a+' in "
        "patterns: missing ) at position 3\n"
    )


def test_sentences_stop_at_the_document_limit(monkeypatch):
    monkeypatch.setattr(nlp, "MAX_DOCUMENT_CHARS", 60)
    source = (
        "The the first paragraph is here.\n\n"  # 32 characters
        "A second one with a a pair.\n\n"  # up to 60: cut after "a a"
        "After the limit the the pair is not seen.\n"
    )
    findings = lint_rule("HY001", source)
    assert [(f.line, f.excerpt) for f in findings] == [(1, "The the"), (3, "a a")]


def test_long_jsonld_question_is_quoted_in_80_characters():
    question = "Can ducks " + "really " * 100 + "share a coop?"
    source = (
        '<html><head><script type="application/ld+json">\n'
        '{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [\n'
        f'{{"@type": "Question", "name": "{question}", '
        '"acceptedAnswer": {"@type": "Answer", "text": "Yes."}}]}\n'
        "</script></head><body><h2>FAQ</h2><p>Nothing shown.</p></body></html>\n"
    )
    (finding,) = lint_rule("FQ005", source)
    quoted = ("Can ducks " + "really " * 10).rstrip() + "…"
    assert len(quoted) == 80
    assert f"the question “{quoted}”, but" in finding.message
    assert finding.line == 3


def test_bracket_run_is_judged_once_per_block():
    run = "(" * 30_000  # each unclosed bracket sliced and searched the rest of its block
    source = f"<p>Opened {run} and never closed.</p>\n<p>A teaser {run} that the site cut...</p>\n"
    findings = lint_rule("HY005", source)
    assert len(findings) == 30_000  # the teaser's brackets are the site's cut, not an edit
    assert [where(f) for f in (findings[0], findings[-1])] == [
        (1, 11, 1, 12),
        (1, 30_010, 1, 30_011),
    ]
    assert findings[-1].message == (
        "Unmatched “(” in this paragraph: it is never closed. Add the missing “)” or delete "
        "this one."
    )


def _faq_page(marked: str, shown: str) -> str:
    question = "How do I keep a sourdough starter alive?"
    entity = (
        '{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{"@type": '
        f'"Question", "name": "{question}", "acceptedAnswer": {{"text": "{marked}"}}}}]}}'
    )
    return (
        f'<html><head><script type="application/ld+json">\n{entity}\n</script></head>\n'
        f"<body><h2>FAQ</h2>\n<h3>{question}</h3>\n<p>{shown}</p>\n</body></html>\n"
    )


def test_huge_faq_answers_are_compared_without_stalling_the_page():
    # FQ008 compared answers character by character with difflib: quadratic, so two
    # 120,000-character answers took many minutes (8,000 characters already took 1.3 s).
    answer = "Feed it flour and water every day and keep it somewhere warm. " * 2_000
    assert lint_rule("FQ008", _faq_page(answer, answer.replace("warm", "snug", 1))) == []
    other = "Store the jar in the fridge and refresh it once a week before baking. " * 1_800
    (finding,) = lint_rule("FQ008", _faq_page(answer, other))
    assert finding.line == 2
    assert "How do I keep a sourdough starter alive?" in finding.message
    assert finding.related[0].line == 6


def test_a_long_list_of_numbers_after_a_bracket_is_judged_in_one_pass():
    # HY005's half-open-range pattern rescanned the run from every comma: 32,000
    # numbers took 54 s. The bracket is still reported, and ranges still pass.
    source = "Readings (1.1," + "2.2," * 50_000 + " and so on.\n\nRanges [0, 1) and (0, 10] pass.\n"
    (finding,) = lint_rule("HY005", source, "text")
    assert (finding.line, finding.column, finding.excerpt) == (1, 10, "(")


def test_unclosed_heading_over_broken_tags_keeps_its_image_label():
    # A heading never closed ran to the end of the page, and its label (the alt of its
    # image) was looked for with a tag pattern that rescanned the rest of it at every
    # "<": 30,000 broken tags took minutes. The label still counts: no SEO011. (The
    # broken tags are one start tag with 30,000 attributes, ended by the ">" after them;
    # without it they would run on and take in the "<h2>" of the next line.)
    broken = "<b " * 30_000
    source = (
        "<html><body>\n<h1>Field guide</h1>\n"
        f'<h2><img alt="Moth wings"> {broken}>\n'
        "<h2></h2>\n</body></html>\n"
    )
    (empty,) = lint_rule("SEO011", source, body_only=False)
    assert empty.line == 4
    # an H1 of only an image is a logo: another H1 of the template, not of the article
    (several,) = lint_rule("SEO026", source.replace("<h2>", "<h1>", 1))
    assert several.line == 3


def test_a_line_of_many_space_runs_is_read_once():
    # HY006 rescanned the whole line for each of its runs: a 1 MB file whose lines end
    # in lone CRs (one "line" to the old scan) took seconds per thousand runs.
    line = "Apples  1.20  Pears  0.90  " * 20_000
    source = "Fruit prices\n\n" + line + "\n\nWe  sat down.\n"
    (finding,) = lint_rule("HY006", source, "text")
    assert where(finding) == (5, 3, 5, 5)
