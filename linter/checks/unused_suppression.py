"""Marker for suppression comments that silenced nothing (rule HY009).

The check itself finds nothing: only the engine sees which findings a comment dropped,
so ``linter/suppress.py`` decides and the engine reports through this rule. Off unless
``report`` is true (``--warn-unused-suppressions``), because a comment kept for a rule
that is temporarily quiet is not wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {"report": False}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    return ()
