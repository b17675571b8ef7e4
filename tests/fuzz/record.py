"""Repro files and the closing summary of a fuzz run.

A failure is saved once per bug, keyed by (invariant, kind, location): the first input
that shows it, replaced by a smaller one when a smaller one shows the same bug, so the
saved repro is the easiest to read. Each repro directory holds the input files, the case
(``case.json``: generator, index, kind) and ``failure.txt`` (invariant, kind, location,
the message or traceback, and how often the bug was seen).
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tests.fuzz.case import Case, Failure


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")[:60] or "x"


def save_case(case: Case, folder: Path) -> None:
    """Write ``case`` to ``folder`` (``case.json`` and ``files/``) for ``--replay``."""
    files = folder / "files"
    for name, data in case.files.items():
        (files / name).parent.mkdir(parents=True, exist_ok=True)
        (files / name).write_bytes(data)
    meta = {"generator": case.generator, "index": case.index, "kind": case.kind,
            "files": sorted(case.files)}  # fmt: skip
    (folder / "case.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def load_case(folder: Path) -> Case:
    """The case ``save_case`` wrote to ``folder``."""
    meta = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    files = {name: (folder / "files" / name).read_bytes() for name in meta["files"]}
    return Case(meta["generator"], meta["index"], meta["kind"], files)


@dataclass
class Summary:
    """Counts of a run: inputs and seconds per generator, failures per bug."""

    out: Path
    inputs: Counter[str] = field(default_factory=Counter)
    seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    failures: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    saved: dict[tuple[str, str, str], tuple[int, Path]] = field(default_factory=dict)
    elapsed: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.inputs.values())

    def add(self, case: Case, failures: list[Failure], seconds: float) -> None:
        self.inputs[case.generator] += 1
        self.seconds[case.generator] += seconds
        for failure in failures:
            self.failures[failure.key] += 1
            self._save(case, failure)

    def _save(self, case: Case, failure: Failure) -> None:
        key = failure.key
        if key in self.saved and self.saved[key][0] <= case.size:
            return
        folder = self.out / _slug("-".join(key))
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        save_case(case, folder)
        text = (
            f"invariant: {failure.invariant}\nkind: {failure.kind}\n"
            f"location: {failure.location}\ngenerator: {case.generator} #{case.index}\n"
            f"input bytes: {case.size}\n\n{failure.detail}\n"
        )
        (folder / "failure.txt").write_text(text, encoding="utf-8", errors="replace")
        self.saved[key] = (case.size, folder)

    def table(self) -> str:
        """The closing report: inputs per generator, failures per invariant, inputs/s."""
        rows = ["generator   inputs   busy s  inputs/s"]
        for name in sorted(self.inputs):
            busy = self.seconds[name]
            rate = self.inputs[name] / busy if busy else 0.0
            rows.append(f"{name:<10} {self.inputs[name]:>7} {busy:>8.1f} {rate:>9.2f}")
        rate = self.total / self.elapsed if self.elapsed else 0.0
        rows.append(f"{'all':<10} {self.total:>7} {self.elapsed:>8.1f} {rate:>9.2f}  (wall)")
        per: Counter[str] = Counter()
        bugs: Counter[str] = Counter()
        for (invariant, _, _), count in self.failures.items():
            per[invariant] += count
            bugs[invariant] += 1
        rows.append("")
        rows.append("invariant        failures  distinct")
        for invariant in ("no-crash", "positions", "fix", "time", "config", "pack", "harness"):
            rows.append(f"{invariant:<16} {per[invariant]:>8} {bugs[invariant]:>9}")
        for key, (_, folder) in sorted(self.saved.items()):
            rows.append(f"  {self.failures[key]:>6} x {' / '.join(key)}  -> {folder}")
        rows.append(f"\nrepros: {self.out}")
        return "\n".join(rows)
