"""Inline suppression comments: every form, in HTML and plain text, and bad ones."""

from __future__ import annotations

import pytest

from linter.engine import _MENTION, Engine, _mentions_contentlint
from linter.read import parse
from linter.rulepack import load_rules
from linter.suppress import apply_suppressions

RULES = load_rules()
BY_CODE = {r.code: r for r in RULES}


def lint(source: str, *codes: str, fmt: str = "text", warn_unused: bool = False):
    rules = [BY_CODE[c] for c in codes]
    if warn_unused:
        rules = [
            r.with_overrides(None, {"report": True}) if r.code == "HY009" else r for r in rules
        ]
    doc = parse(source, "doc.html" if fmt == "html" else "doc.txt", fmt)
    return [(f.code, f.line) for f in Engine(rules).check(doc).findings]


DOUBLES = "A Note\n\n{0}\nWe went to the the shop.\n{1}\nThey they left.\nIt it rained.\n"


def test_without_comments_every_double_is_reported():
    assert lint(DOUBLES.format("", ""), "HY001") == [("HY001", 4), ("HY001", 6), ("HY001", 7)]


@pytest.mark.parametrize("target", ["HY001", "hy001", "hygiene.doubled-word", "hygiene", ""])
def test_disable_enable_region_by_code_name_category_or_all(target):
    source = DOUBLES.format(f"<!-- contentlint-disable {target} -->", "<!-- contentlint-enable -->")
    assert lint(source, "HY001") == [("HY001", 6), ("HY001", 7)]


def test_disable_without_enable_runs_to_the_end_of_the_file():
    source = DOUBLES.format("", "<!-- contentlint-disable HY001,HY002 -->")
    assert lint(source, "HY001") == [("HY001", 4)]


def test_enable_one_code_of_a_disable_all():
    source = DOUBLES.format("<!-- contentlint-disable -->", "<!-- contentlint-enable HY001 -->")
    assert lint(source, "HY001") == [("HY001", 6), ("HY001", 7)]
    source = DOUBLES.format("<!-- contentlint-disable -->", "<!-- contentlint-enable HY002 -->")
    assert lint(source, "HY001") == []


def test_enable_one_rule_of_a_disabled_category():
    source = DOUBLES.format(
        "<!-- contentlint-disable hygiene -->", "<!-- contentlint-enable HY001 -->"
    )
    assert lint(source, "HY001") == [("HY001", 6), ("HY001", 7)]
    # the rest of the category stays off
    placeholder = source.replace("It it rained.", "It rained. Lorem ipsum dolor sit amet.")
    assert lint(placeholder, "HY001", "HY002") == [("HY001", 6)]


def test_enable_a_category_ends_a_disabled_rule_in_it():
    source = DOUBLES.format(
        "<!-- contentlint-disable HY001 -->", "<!-- contentlint-enable hygiene -->"
    )
    assert lint(source, "HY001", "HY010") == [("HY001", 6), ("HY001", 7)]


def test_disable_next_line_silences_only_the_next_line():
    source = DOUBLES.format("<!-- contentlint-disable-next-line HY001 -->", "")
    assert lint(source, "HY001") == [("HY001", 6), ("HY001", 7)]


def test_disable_next_line_of_another_rule_does_not_silence():
    source = DOUBLES.format("<!-- contentlint-disable-next-line HY002 -->", "")
    assert lint(source, "HY001") == [("HY001", 4), ("HY001", 6), ("HY001", 7)]


def test_disable_file_anywhere_in_the_file():
    source = DOUBLES.format("", "") + "<!-- contentlint-disable-file hygiene.doubled-word -->\n"
    assert lint(source, "HY001") == []


def test_html_comments_between_elements():
    source = (
        "<html><body>\n<p>We went to the the shop.</p>\n"
        "<!-- contentlint-disable-next-line HY001 -->\n<p>They they left.</p>\n"
        "<p>It it rained.</p>\n</body></html>\n"
    )
    assert lint(source, "HY001", fmt="html") == [("HY001", 2), ("HY001", 5)]


def test_comments_inside_script_or_style_are_code_not_directives():
    source = (
        "<html><head><script>var s = '<!-- contentlint-disable-file -->';</script>"
        "<style>/* <!-- contentlint-disabel --> */</style></head>\n"
        "<body><p>We went to the the shop.</p></body></html>\n"
    )
    assert lint(source, "HY001", "HY010", fmt="html") == [("HY001", 2)]


def test_unused_suppression_only_with_the_flag():
    source = DOUBLES.format("", "<!-- contentlint-disable-next-line HY001 -->") + "\n"
    source = source.replace("They they left.", "They left.")
    assert lint(source, "HY001", "HY009") == [("HY001", 4), ("HY001", 7)]
    assert lint(source, "HY001", "HY009", warn_unused=True) == [
        ("HY001", 4),
        ("HY009", 5),
        ("HY001", 7),
    ]


def test_a_suppression_for_a_rule_that_did_not_run_is_not_unused():
    source = DOUBLES.format("<!-- contentlint-disable-next-line HY003 -->", "")
    assert ("HY009", 3) not in lint(source, "HY001", "HY009", warn_unused=True)


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        ("<!-- contentlint-disabel HY001 -->", "did you mean contentlint-disable?"),
        ("<!-- contentlint-disable XX999 -->", "unknown rule code “XX999”"),
        ("<!-- contentlint-disable hygiene.no-such-rule -->", "unknown rule"),
        ("<!-- contentlint-disable-next-line -->", "needs the rule codes"),
        ("<!-- contentlint-enable HY001 -->", "that no comment disabled"),
    ],
)
def test_malformed_suppressions_are_always_reported(comment, problem):
    source = DOUBLES.format(comment, "")
    findings = lint(source, "HY001", "HY010")
    assert ("HY010", 3) in findings
    # a malformed comment silences nothing
    assert [f for f in findings if f[0] == "HY001"] == [("HY001", 4), ("HY001", 6), ("HY001", 7)]
    doc = parse(source, "doc.txt", "text")
    _, _, problems = apply_suppressions(doc.source, [], [BY_CODE["HY001"]], RULES)
    assert len(problems) == 1 and problem in problems[0].problem


def test_a_deselected_rule_may_be_named_without_error():
    source = DOUBLES.format("<!-- contentlint-disable-next-line SEO001 -->", "")
    assert [f for f in lint(source, "HY001", "HY010") if f[0] == "HY010"] == []


def test_cli_flag_reports_unused_and_checks_stay_exact(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "A Note\n\n<!-- contentlint-disable-next-line HY001 -->\nWe went to the shop.\n",
        encoding="utf-8",
    )
    quiet = cli("check", str(path), "--select", "HY*", "-q")
    assert quiet.output == ""
    loud = cli("check", str(path), "--select", "HY*", "-q", "--warn-unused-suppressions")
    assert loud.output.splitlines() == [
        f"{path}:3:1: HY009 [info] The suppression comment "
        "“<!-- contentlint-disable-next-line HY001 -->” silenced nothing. Delete it."
    ]


def test_markdown_uses_the_same_comments(cli, tmp_path):
    from linter.read import format_for

    if format_for("a.md") != "markdown":
        pytest.skip("no Markdown reader in this checkout")
    path = tmp_path / "a.md"
    path.write_text(
        "# A Note\n\nWe went to the the shop.\n\n"
        "<!-- contentlint-disable-next-line HY001 -->\nThey they left.\n\n"
        "<!-- contentlint-disabel -->\n",
        encoding="utf-8",
    )
    result = cli("check", str(path), "--select", "HY001,HY010", "-q")
    assert [line.split(" [")[0] for line in result.output.splitlines()] == [
        f"{path}:3:12: HY001",
        f"{path}:8:1: HY010",
    ]


@pytest.mark.parametrize(
    "source",
    [
        "x ConTentLint y",
        "CONTENTLİNT",  # dotted capital I: the case-blind pattern takes it for an i
        "contentlınt",  # dotless i, likewise
        "conten’tlint",
        "é CONTENTLINT 😀",
        "a" * ((1 << 20) - 5) + "contentlint",  # across the chunk boundary
        "no mention here",
    ],
)
def test_mention_prefilter_agrees_with_the_pattern(source: str) -> None:
    assert _mentions_contentlint(source) == bool(_MENTION.search(source))
