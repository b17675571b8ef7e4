"""Check kinds, grouped by rule family: ``linter/checks/<family>/<kind>.py``.

A rule's YAML names its check kind; the module name is the kind, and kind names are
unique across families. A kind module exports ``PARAMS`` (names and types) and
``check``; modules whose names start with ``_`` hold a family's shared model and are no
kinds. Adding a kind means adding one module to its family's package and nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType


def _public(name: str) -> bool:
    return not name.startswith("_") and name != "base"


@cache
def kind_modules() -> dict[str, str]:
    """``{kind: module name}`` of every check kind, in this package and its families."""
    found: dict[str, str] = {}
    for info in pkgutil.iter_modules(__path__):
        if not _public(info.name):
            continue
        if info.ispkg:
            family = importlib.import_module(f"{__name__}.{info.name}")
            for inner in pkgutil.iter_modules(family.__path__):
                if _public(inner.name) and not inner.ispkg:
                    found[inner.name] = f"{family.__name__}.{inner.name}"
        else:
            found[info.name] = f"{__name__}.{info.name}"
    return found


def available_kinds() -> frozenset[str]:
    """Names of every check kind."""
    return frozenset(kind_modules())


def load_kind(kind: str) -> ModuleType:
    """Import the module that implements check ``kind``."""
    return importlib.import_module(kind_modules()[kind])
