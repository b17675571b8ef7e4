"""Findings about the suppression comments themselves (``contentlint-disable ...``).

The check itself finds nothing: ``linter/suppress.py`` parses the comments while applying
them, and only the engine sees which findings a comment dropped. The engine reports, for
a rule of a kind whose ``SUPPRESSION`` is true and whose ``report`` param is on, the
comments its ``comments`` param names: ``unused`` (comments that silenced nothing) or
``bad`` (comments it cannot understand).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import FLAG, TEXT, Hit, Param
from linter.model import Document

SUPPRESSION = True  # the engine reports suppression comments through rules of this kind
PARAMS: dict[str, Param] = {"comments": TEXT, "report": FLAG}
COMMENTS = ("unused", "bad")


def validate(params: Mapping[str, Any]) -> str | None:
    comments = params.get("comments")
    if comments is not None and comments not in COMMENTS:
        return f"comments must be one of {', '.join(COMMENTS)}, not {comments!r}"
    return None


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    return ()
