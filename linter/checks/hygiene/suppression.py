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

from linter.checks.base import FLAG, Hit, Param, choice
from linter.model import Document

SUPPRESSION = True  # the engine reports suppression comments through rules of this kind
COMMENTS = ("unused", "bad")

PARAMS: dict[str, Param] = {"comments": choice(*COMMENTS), "report": FLAG}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    return ()
