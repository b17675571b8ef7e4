"""The plain-text reader: structure inferred from line shapes, offsets exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    MAIN,
    PARAGRAPH,
    TABLE_CELL,
    TITLE,
    Block,
    Document,
    TitleRunIn,
)
from linter.read import read_path
from linter.read.text import read_text

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

LONG = (
    "Teams that moved online in a hurry found that meetings, reviews and planning all"
    " needed new habits, and most of them took a full year to settle."
)


def read(text: str) -> Document:
    doc = read_text(text, "t.txt")
    assert_exact(doc)
    return doc


def assert_exact(doc: Document) -> None:
    """Every character maps onto itself; a joined line break maps onto whitespace."""
    for position, block in enumerate(doc.blocks):
        assert block.index == position
        assert block.region == MAIN
        assert block.text == block.text.strip()
        assert "\r" not in block.text and "\n" not in block.text
        for offset, char in enumerate(block.text):
            source = doc.source[block.tmap.to_source(offset)]
            blank = source.isspace() or source in "\u200b\u200c\ufeff"
            assert source == char or (char == " " and blank), (block, offset)


def where(doc: Document, block: Block, offset: int = 0) -> tuple[int, int]:
    return doc.lines.position(block.tmap.to_source(offset))


def kinds(doc: Document) -> list[str]:
    return [b.kind for b in doc.blocks]


def by_text(doc: Document, text: str) -> Block:
    return next(b for b in doc.blocks if b.text == text)


# --- title -------------------------------------------------------------------------------


def test_title_line() -> None:
    doc = read(f"\n\n  Remote Work Guide for Small Teams\n\n{LONG}\n")
    assert doc.format == "text" and doc.path == "t.txt"
    assert kinds(doc) == [TITLE, PARAGRAPH]
    assert doc.title == "Remote Work Guide for Small Teams"
    assert doc.title_offset == 4
    assert where(doc, doc.blocks[0]) == (3, 3)
    assert doc.title_run_in is None


def test_first_line_sentence_is_not_a_title() -> None:
    doc = read("Remote work is here to stay.\n\nWhy It Matters\n")
    assert doc.title is None
    assert kinds(doc) == [PARAGRAPH, HEADING]


def test_repeated_title_is_level_one_heading() -> None:
    doc = read(f"Remote Work: What Changed?\n\nRemote Work: What Changed?\n\n{LONG}\n")
    assert kinds(doc) == [TITLE, HEADING, PARAGRAPH]
    assert doc.blocks[1].level == 1
    assert where(doc, doc.blocks[1]) == (3, 1)
    assert doc.title == "Remote Work: What Changed?"


def test_run_in_title_with_sentence_opener() -> None:
    line = "The Rise of Remote Work In many offices, remote work rose quickly after the change."
    doc = read(f"{line}\n\nMost managers adapted.\n")
    assert doc.title == "The Rise of Remote Work"
    assert doc.title_offset == 0
    assert doc.title_run_in == TitleRunIn(title_end=23, sentence_start=24)
    assert kinds(doc) == [PARAGRAPH, PARAGRAPH]
    assert doc.blocks[0].text == line


def test_run_in_title_offsets_after_leading_blank_lines() -> None:
    line = "Data Science vs Data Analytics In the modern world, companies collect more data daily."
    doc = read(f"\n  {line}\n")
    assert doc.title == "Data Science vs Data Analytics"
    run_in = doc.title_run_in
    assert doc.title_offset == 3
    assert doc.source[doc.title_offset : run_in.title_end] == doc.title
    assert doc.source[run_in.sentence_start :].startswith("In the modern world")


def test_run_in_title_found_by_repetition() -> None:
    text = (
        "Solar Panels vs Wind Turbines Homeowners often ask which option pays back sooner"
        " and which one needs less care over twenty years.\n\n"
        "Picking between Solar Panels vs Wind Turbines depends on the site.\n"
    )
    doc = read(text)
    assert doc.title == "Solar Panels vs Wind Turbines"
    assert doc.title_run_in.sentence_start == text.index("Homeowners")


@pytest.mark.parametrize(
    "first",
    [
        "In many offices, remote work rose. Teams adapted slowly at first, then all at once.",
        "The United States Department of Labor reports that remote work has grown in"
        " nearly every sector since the change.",
        "Remote work rose in many offices, and teams adapted slowly at first, then at once.",
    ],
)
def test_no_false_run_in(first: str) -> None:
    doc = read(f"{first}\n\nLater, The United States saw more of it.\n")
    assert doc.title is None
    assert doc.title_run_in is None
    assert doc.blocks[0].kind == PARAGRAPH


# --- headings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Why Remote Work Matters",
        "Is Remote Work Right for You?",
        "How do teams stay in touch?",
        "Scope and Focus:",
        "Conclusion: Picking the Right Plan",
        "Key takeaways for managers",
        "(Optional) Tools and Budgets",
    ],
)
def test_heading_lines(line: str) -> None:
    doc = read(f"{LONG}\n\n{line}\n\n{LONG}\n")
    block = doc.blocks[1]
    assert (block.kind, block.level, block.text) == (HEADING, 2, line)


@pytest.mark.parametrize(
    "line",
    [
        "This is one short sentence.",
        "Teams Adapted Quickly.",
        "the tools were cheap",
        "Ready to start your trial today?",
        "Learn more: Our Pricing Plans",
        "Related: How Teams Stay Connected",
        "It can include:",
        "Costs fell, and so did turnover",
        "Why? Because it works",
    ],
)
def test_paragraph_lines(line: str) -> None:
    doc = read(f"{LONG}\n\n{line}\n\n{LONG}\n")
    assert doc.blocks[1].kind == PARAGRAPH
    assert doc.blocks[1].text == line


def test_headings_without_blank_lines() -> None:
    text = f"{LONG}\nWhat Is Remote Work?\n{LONG}\nBudget and Tools:\n{LONG}\n"
    doc = read(text)
    assert kinds(doc) == [PARAGRAPH, HEADING, PARAGRAPH, HEADING, PARAGRAPH]


def test_unmarked_list_after_lead_in_is_not_headings() -> None:
    doc = read(f"{LONG}\n\nThe kit includes:\nLaptop\nHeadset\nWebcam\n\nNext Steps\n\n{LONG}\n")
    assert [b.kind for b in doc.blocks[2:5]] == [PARAGRAPH] * 3
    assert by_text(doc, "Next Steps").kind == HEADING


# --- bullets -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marker", "column"),
    [
        ("•", 5),
        ("-", 5),
        ("*", 5),
        ("–", 5),
        ("·", 5),
        ("▪", 5),
        ("1.", 6),
        ("2)", 6),
        ("a)", 6),
    ],
)
def test_bullet_markers(marker: str, column: int) -> None:
    doc = read(f"{LONG}\n\n  {marker} shared calendars for every team\n  {marker} weekly demos\n")
    items = [b for b in doc.blocks if b.kind == LIST_ITEM]
    assert [b.text for b in items] == ["shared calendars for every team", "weekly demos"]
    assert where(doc, items[0]) == (3, column)
    assert where(doc, items[1]) == (4, column)
    assert items[0].marker == marker


def test_bullet_without_space_and_number_attr() -> None:
    doc = read("Steps\n\n•first step\n3. third step\n")
    assert [b.text for b in doc.blocks[1:]] == ["first step", "third step"]
    assert doc.blocks[2].number == 3


def test_bullet_hard_wrapped_continuation() -> None:
    doc = read("Steps\n\n• a long item that wraps\n  onto the next line\n• short\n")
    assert [b.text for b in doc.blocks[1:]] == [
        "a long item that wraps onto the next line",
        "short",
    ]


# --- tables ------------------------------------------------------------------------------

TABLE = [
    "Aspect",
    "Remote Teams",
    "Office Teams",
    "Daily Schedule",
    "Flexible hours for most staff",
    "Fixed hours on site",
    "Commute Time",
    "None at all for most",
    "Often an hour or more",
    "Main Strength",
    "Fewer interruptions overall",
    "More chance meetings",
]


def test_flattened_three_column_table() -> None:
    cells = "\n\n".join(TABLE)
    doc = read(f"{LONG}\n\n{cells}\n\nHow the Work Differs\n\n{LONG}\n")
    table = [b for b in doc.blocks if b.kind == TABLE_CELL]
    assert [b.text for b in table] == TABLE
    assert [(b.table.row, b.table.col) for b in table] == [
        (r, c) for r in range(4) for c in range(3)
    ]
    assert where(doc, table[4]) == (11, 1)
    assert by_text(doc, "How the Work Differs").kind == HEADING
    assert not any(b.kind == HEADING for b in doc.blocks[:-2])


def test_table_with_numbers_and_a_caption_line() -> None:
    cells = ["Plan Comparison", "Feature", "Starter", "Pro"]
    cells += ["Monthly Price", "$9", "$29", "Seats", "1", "10", "Storage Limit", "5 GB", "1 TB"]
    doc = read(f"{LONG}\n\n" + "\n".join(cells) + f"\n\n{LONG}\n")
    assert doc.blocks[1].kind == HEADING
    table = [b for b in doc.blocks if b.kind == TABLE_CELL]
    assert len(table) == 12
    assert table[3].text == "Monthly Price"
    assert (table[3].table.row, table[3].table.col) == (1, 0)


def test_short_lines_without_columns_are_cells_without_rows() -> None:
    words = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]
    doc = read(f"{LONG}\n\n" + "\n\n".join(words) + f"\n\n{LONG}\n")
    cells = [b for b in doc.blocks if b.kind == TABLE_CELL]
    assert [b.text for b in cells] == words
    assert all(b.table.row is None for b in cells)


def test_headings_between_paragraphs_are_not_a_table() -> None:
    parts = [LONG]
    for name in ["Planning", "Hiring", "Onboarding", "Reviews", "Tools", "Budget"]:
        parts += [f"{name} Basics", LONG]
    doc = read("\n\n".join(parts))
    assert TABLE_CELL not in kinds(doc)
    assert kinds(doc).count(HEADING) == 6


# --- FAQ ---------------------------------------------------------------------------------

FAQ_NUMBERED = """Frequently Asked Questions
1. How long does onboarding take?
Answer: About two weeks for most teams.
2. Which tools do we need?
Answer:
- A laptop with a webcam
- A stable internet connection
Most teams also use a shared calendar.
3. Can we pause a plan?
A: Yes, plans can be paused at any time.
Next Steps for Your Team
Start with a small pilot group.
"""


def test_faq_numbered_with_answer_prefixes() -> None:
    doc = read(f"{LONG}\n{FAQ_NUMBERED}")
    heading = doc.blocks[1]
    assert (heading.kind, heading.roles()) == (HEADING, {"faq_section": True})
    questions = [b for b in doc.blocks if b.kind == FAQ_QUESTION]
    assert [q.number for q in questions] == [1, 2, 3]
    assert questions[0].text == "How long does onboarding take?"
    assert where(doc, questions[0]) == (3, 4)
    answers = [b for b in doc.blocks if b.kind == FAQ_ANSWER]
    assert [a.text for a in answers] == [
        "About two weeks for most teams.",
        "A laptop with a webcam",
        "A stable internet connection",
        "Most teams also use a shared calendar.",
        "Yes, plans can be paused at any time.",
    ]
    assert where(doc, answers[0]) == (4, 9)
    assert where(doc, answers[4]) == (11, 4)
    assert [a.answers for a in answers] == [
        questions[0].index,
        questions[1].index,
        questions[1].index,
        questions[1].index,
        questions[2].index,
    ]
    assert answers[1].bullet is True and answers[2].bullet is True
    assert "bullet" not in answers[3].roles()
    assert where(doc, answers[1]) == (7, 3)


def test_faq_ends_at_non_question_heading() -> None:
    doc = read(f"{LONG}\n{FAQ_NUMBERED}")
    end = by_text(doc, "Next Steps for Your Team")
    assert (end.kind, end.level, end.roles()) == (HEADING, 2, {})
    assert doc.blocks[end.index + 1].kind == PARAGRAPH


def test_faq_unnumbered_questions() -> None:
    text = (
        f"{LONG}\n\nFAQs\n\nIs remote work cheaper?\n\nOften it is, because office costs drop."
        "\n\nDo teams lose focus?\n\nNot usually.\n\nClear goals help.\n\n\n"
    )
    doc = read(text)
    assert kinds(doc) == [
        PARAGRAPH,
        HEADING,
        FAQ_QUESTION,
        FAQ_ANSWER,
        FAQ_QUESTION,
        FAQ_ANSWER,
        FAQ_ANSWER,
    ]
    assert "number" not in doc.blocks[2].roles()
    assert doc.blocks[6].answers == 4


def test_faq_group_headings_stay_inside_the_faq() -> None:
    text = (
        f"{LONG}\n\nFAQ\n\nBilling\n\nHow do I pay?\n\nBy card.\n\nAccount Settings\n\n"
        f"How do I reset a password?\n\nUse the link.\n\nFinal Thoughts\n\n{LONG}\n"
    )
    doc = read(text)
    groups = [b for b in doc.blocks if b.faq_group]
    assert [(b.text, b.level) for b in groups] == [("Billing", 3), ("Account Settings", 3)]
    assert kinds(doc).count(FAQ_QUESTION) == 2
    assert kinds(doc).count(FAQ_ANSWER) == 2
    end = by_text(doc, "Final Thoughts")
    assert (end.kind, end.level) == (HEADING, 2)
    assert doc.blocks[-1].kind == PARAGRAPH


@pytest.mark.parametrize(
    "line",
    [
        "FAQ",
        "FAQs",
        "Frequently Asked Questions (FAQs)",
        "(FAQs) About Remote Work",
        "FAQ: Remote Work Basics",
        "Frequently asked questions about remote work",
    ],
)
def test_faq_heading_forms(line: str) -> None:
    doc = read(f"{LONG}\n\n{line}\n\nIs it hard?\n\nNot at all.\n")
    assert doc.blocks[1].roles() == {"faq_section": True}
    assert kinds(doc)[2:] == [FAQ_QUESTION, FAQ_ANSWER]


def test_question_outside_faq_is_a_heading_not_faq_question() -> None:
    doc = read(f"{LONG}\n\nWhat Is Remote Work?\n\n{LONG}\n")
    assert FAQ_QUESTION not in kinds(doc)


# --- line endings, wrapping, whitespace ---------------------------------------------------


def test_crlf_columns_exact() -> None:
    text = "Remote Work Guide\r\n\r\nWhy It Matters\r\n\r\n  • first point here\r\nDone now.\r\n"
    doc = read(text)
    assert kinds(doc) == [TITLE, HEADING, LIST_ITEM, PARAGRAPH]
    assert [where(doc, b) for b in doc.blocks] == [(1, 1), (3, 1), (5, 5), (6, 1)]
    item = doc.blocks[2]
    assert doc.source[slice(*item.source_span())] == "first point here"
    assert where(doc, item, len(item.text) - 1) == (5, 20)


def test_lone_carriage_returns_split_lines() -> None:
    doc = read("Remote Work Guide\r\rWhy It Matters\r" + LONG + "\r")
    assert kinds(doc) == [TITLE, HEADING, PARAGRAPH]


def test_hard_wrapped_paragraph_joined() -> None:
    text = (
        "Intro\n\nThis paragraph was wrapped\nby an old editor at a fixed\r\nwidth, as mail is.\n"
    )
    doc = read(text)
    para = doc.blocks[1]
    assert kinds(doc) == [TITLE, PARAGRAPH]
    assert para.text == "This paragraph was wrapped by an old editor at a fixed width, as mail is."
    space = para.text.index(" by")
    assert where(doc, para, space + 1) == (4, 1)
    assert doc.source[slice(*para.source_span(space, space + 1))] == "\n"
    start, end = para.source_span()
    assert doc.source[start:end] == text[7:-1]


def test_short_line_with_continuation_is_not_heading() -> None:
    doc = read(f"{LONG}\n\nRemote Work Tools\nare cheaper than rent.\n")
    assert doc.blocks[1].kind == PARAGRAPH
    assert doc.blocks[1].text == "Remote Work Tools are cheaper than rent."


def test_trailing_blank_lines_and_nbsp() -> None:
    text = "Remote Work Guide\n\nA line that ends with spaces.\u00a0\u00a0 \n\n \t\n\u00a0\n\n\n"
    doc = read(text)
    assert kinds(doc) == [TITLE, PARAGRAPH]
    assert doc.blocks[1].text == "A line that ends with spaces."


def test_empty_input() -> None:
    doc = read(" \n\n\t\n")
    assert doc.blocks == [] and doc.title is None


# --- seeds -------------------------------------------------------------------------------


def seed(name: str) -> Document:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip("seed articles not present")
    doc = read_path(str(path))
    assert doc.format == "text"
    assert_exact(doc)
    return doc


def answered(doc: Document, questions: list[Block]) -> bool:
    answer_of = {b.answers for b in doc.blocks if b.kind == FAQ_ANSWER}
    return all(q.index in answer_of for q in questions)


def test_seed_001_run_in_title_and_numbered_faq() -> None:
    doc = seed("001_790130a797e033fc.txt")
    assert doc.title == "Healthcare Management vs Healthcare Administration"
    assert TITLE not in kinds(doc)
    run_in = doc.title_run_in
    assert doc.title_offset == 0
    assert run_in.title_end == len(doc.title)
    assert run_in.sentence_start == len(doc.title) + 1
    assert doc.blocks[0].kind == PARAGRAPH
    assert doc.blocks[0].source_span()[0] == 0
    faq = [b for b in doc.blocks if b.faq_section]
    assert len(faq) == 1 and where(doc, faq[0])[0] == 31
    questions = [b for b in doc.blocks if b.kind == FAQ_QUESTION]
    assert [q.number for q in questions] == [1, 2, 3, 4, 5]
    assert answered(doc, questions)
    assert any(b.bullet for b in doc.blocks if b.kind == FAQ_ANSWER)
    last_faq = max(b.index for b in doc.blocks if b.kind in (FAQ_QUESTION, FAQ_ANSWER))
    assert doc.blocks[last_faq + 1].kind == HEADING
    assert all(not h.text.endswith(".") for h in doc.headings())


def test_seed_000_structure() -> None:
    doc = seed("000_4c0a71c1109e41f2.txt")
    assert doc.blocks[0].kind == TITLE and doc.title == doc.blocks[0].text
    assert doc.title_offset == 0
    h1 = doc.blocks[1]
    assert (h1.kind, h1.level, h1.text, where(doc, h1)[0]) == (HEADING, 1, doc.title, 3)
    questions = [b for b in doc.blocks if b.kind == FAQ_QUESTION]
    assert len(questions) == 6 and answered(doc, questions)
    items = [b for b in doc.blocks if b.kind == LIST_ITEM]
    assert len(items) > 40
    assert where(doc, items[0]) == (23, 5)
    assert items[0].text[0].isalpha()
    cells = [b for b in doc.blocks if b.kind == TABLE_CELL]
    assert len(cells) == 15
    assert {b.table.col for b in cells} == {0, 1, 2}
    assert max(b.table.row for b in cells) == 4
    headings = {b.text for b in doc.headings()}
    assert not headings & {b.text for b in cells}
    related = [b for b in doc.blocks if b.text.startswith("Related:")]
    assert related and all(b.kind == PARAGRAPH for b in related)
    cta = [b for b in doc.blocks if b.text.startswith("Interested in")]
    assert cta and all(b.kind == PARAGRAPH for b in cta)
    assert all(not h.text.endswith(".") for h in doc.headings())


def test_comment_lines_are_not_text():
    doc = read_text(
        "Title Line Here\n\n<!-- contentlint-disable HY001 -->\nA real paragraph here.\n", "x.txt"
    )
    assert [b.text for b in doc.blocks] == ["Title Line Here", "A real paragraph here."]
