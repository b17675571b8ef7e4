"""Question lists for --questions: plain lines or a CSV with a question column."""

from __future__ import annotations

import pytest

from linter.questions import QuestionsError, load_questions


def test_plain_lines(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("How long does it take?\n\nIs it safe?\nHow long does it take?\n")
    assert load_questions(str(path)) == ["How long does it take?", "Is it safe?"]


def test_csv_with_question_column(tmp_path):
    path = tmp_path / "paa.csv"
    path.write_text('Keyword,Question,Volume\nx,"Is it safe, really?",10\ny,Can I start late?,5\n')
    assert load_questions(str(path)) == ["Is it safe, really?", "Can I start late?"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [("Keyword,Volume\nx,1\n", "needs a 'question' column"), ("\n\n", "no questions")],
)
def test_unusable_files(tmp_path, content, expected):
    path = tmp_path / "q.csv"
    path.write_text(content)
    with pytest.raises(QuestionsError, match=expected):
        load_questions(str(path))


def test_missing_file_is_a_one_line_cli_error(cli, tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("Hello there.\n")
    result = cli("check", str(page), "--questions", str(tmp_path / "none.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"contentlint: error: {tmp_path / 'none.txt'}: no such file"
