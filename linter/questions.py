"""Reads the question lists SEO teams export ("People also ask" and the like).

One question a line, or a CSV with a ``question`` column (any case). Blank lines and
duplicates are dropped; order is kept.
"""

from __future__ import annotations

import csv
import io

from linter.inputs import InputError, read_text

QUESTIONS_MAX_BYTES = 8 * 1024 * 1024


class QuestionsError(Exception):
    """The questions file cannot be used; the message names it."""


def load_questions(path: str) -> list[str]:
    try:
        text = read_text(path, QUESTIONS_MAX_BYTES, encoding="utf-8-sig")
    except InputError as error:
        reason = error.reason
        if reason not in ("no such file", "not UTF-8 text"):
            reason = f"cannot read: {reason}"
        raise QuestionsError(f"{path}: {reason}") from None
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise QuestionsError(f"{path}: no questions in the file")
    header = next(csv.reader([lines[0]]))
    columns = [h.strip().lower() for h in header]
    if len(columns) > 1 or columns == ["question"]:
        if "question" not in columns:
            raise QuestionsError(f"{path}: a CSV needs a 'question' column")
        index = columns.index("question")
        rows = csv.reader(io.StringIO("\n".join(lines[1:])))
        questions = [row[index].strip() for row in rows if len(row) > index]
    else:
        questions = [line.strip() for line in lines]
    return list(dict.fromkeys(q for q in questions if q))
