"""Check kinds: one module per kind, each exporting ``PARAMS`` and ``check``.

A rule's YAML names its check kind; the module name is the kind. Adding a kind means
adding one module here and nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType


@cache
def available_kinds() -> frozenset[str]:
    """Names of every check module in this package."""
    return frozenset(
        info.name
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_") and info.name != "base"
    )


def load_kind(kind: str) -> ModuleType:
    """Import the module that implements check ``kind``."""
    if kind not in available_kinds():
        raise KeyError(kind)
    return importlib.import_module(f"{__name__}.{kind}")
