"""Shrinks a saved repro while it still shows the same bug, so a fixer reads ten lines
instead of a 100 KB page: ``python -m tests.fuzz.run --replay DIR --minimize``.

Greedy delta debugging: drop chunks of lines (halving the chunk size down to one
line; LF, CRLF and CR end a line), then chunks of bytes, keeping every removal after which the failure with the
same (invariant, kind, location) is still reported. Runs in this process, so it is not
for time failures; it stops after ``budget`` seconds with the smallest input so far.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from tests.fuzz.case import Case, Failure

_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")  # a line with its end: LF, CRLF or CR


def _pieces(data: bytes, lines: bool) -> list[bytes]:
    if not lines:
        return [data[i : i + 1] for i in range(len(data))]
    return [m.group(0) for m in _LINE.finditer(data)]


def _shrink(data: bytes, keeps: Callable[[bytes], bool], lines: bool, deadline: float) -> bytes:
    pieces = _pieces(data, lines)
    size = max(1, len(pieces) // 2)
    while size >= 1 and time.monotonic() < deadline:
        start = 0
        while start < len(pieces) and time.monotonic() < deadline:
            trial = pieces[:start] + pieces[start + size :]
            if trial and keeps(b"".join(trial)):
                pieces = trial
            else:
                start += size
        if size == 1:
            break
        size //= 2
    return b"".join(pieces)


def minimize(
    case: Case, key: tuple[str, str, str], check: Callable[[Case], list[Failure]], budget: float
) -> Case:
    """The smallest variant of ``case`` found within ``budget`` seconds whose ``check``
    still reports a failure with ``key`` (each file shrunk in turn)."""
    deadline = time.monotonic() + budget
    files = dict(case.files)
    for name in list(files):

        def keeps(data: bytes, name: str = name) -> bool:
            trial = Case(case.generator, case.index, case.kind, {**files, name: data})
            try:
                return any(f.key == key for f in check(trial))
            except Exception:
                return False

        for lines in (True, False):
            files[name] = _shrink(files[name], keeps, lines, deadline)
    return Case(case.generator, case.index, case.kind, files)
