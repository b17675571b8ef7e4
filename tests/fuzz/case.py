"""One fuzz input and one broken invariant: the two things every module of the harness
passes around, kept free of imports so worker processes unpickle them cheaply."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

DOCUMENT = "document"  # one file to lint and fix
CONFIG = "config"  # one TOML file to load as the configuration
PACK = "pack"  # a directory of YAML rule files to load as a rule pack


@dataclass
class Case:
    """An input: ``files`` maps a relative file name to its bytes (one file for a
    document or a config, one or more for a rule pack)."""

    generator: str
    index: int
    kind: str
    files: dict[str, bytes]

    @property
    def size(self) -> int:
        return sum(len(data) for data in self.files.values())


@dataclass
class Failure:
    """An invariant an input broke. ``kind`` and ``location`` say which bug it is (an
    exception type and the innermost linter frame, or a rule code), so failures of the
    same bug are saved once."""

    invariant: str
    kind: str
    location: str
    detail: str = ""
    case: Case | None = field(default=None, repr=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.invariant, self.kind, self.location)


def frame_of(error: BaseException) -> str:
    """``linter/x.py:function`` of the innermost frame of ``error`` in the tool's code
    (the innermost frame anywhere when none is): where the bug is."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/linter/" in f.filename.replace("\\", "/")]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "?"
    path = frame.filename.replace("\\", "/")
    short = "linter/" + path.split("/linter/", 1)[1] if "/linter/" in path else path.split("/")[-1]
    return f"{short}:{frame.name}"


def crash(invariant: str, error: BaseException, context: str = "") -> Failure:
    """A failure for an exception the tool let through, with its traceback."""
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    detail = f"{context}\n{trace}" if context else trace
    return Failure(invariant, type(error).__name__, frame_of(error), detail[-20000:])
