"""Regenerate the README's example output from real runs, so it cannot drift from the tool.

An example block in README.md names its command in a marker; everything up to the end
marker is generated:

    <!-- example: check samples/broken-template.txt --select BP002 --no-color -->
    ...the command as a reader types it, then its output in a fenced block...
    <!-- example:end -->

``python tools/readme_examples.py`` runs every marked command with this tree's
``python -m linter`` from the repository root and rewrites the blocks in place;
``--check`` only says which blocks differ (exit 1), which is what
``tests/test_readme_examples.py`` asserts. Only what changes between runs of the same
tree is normalised: the version string (see ``normalise``).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(
    r"(<!-- example: (?P<command>[^\n]*?) -->\n)(?P<body>.*?)(<!-- example:end -->)", re.S
)
# The tool's version moves with every release; the example shows what the output looks like.
_VERSION = re.compile(r'("version": )"[^"]*"')


@dataclass
class Example:
    """One marked block: its command and the text the README holds now."""

    command: str
    body: str


def examples(text: str) -> list[Example]:
    """The marked example blocks of ``text``, in order."""
    return [Example(m.group("command"), m.group("body")) for m in BLOCK.finditer(text)]


@cache
def run(command: str) -> str:
    """What ``contentlint COMMAND`` prints on stdout, run from the repository root.

    Colour is off whatever the caller's environment says, so the block is plain text.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-m", "linter", *shlex.split(command)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if done.returncode not in (0, 1):
        raise RuntimeError(f"contentlint {command} exited {done.returncode}: {done.stderr}")
    return done.stdout


def render(command: str, output: str) -> str:
    """The generated body of a block: the command, then what it printed."""
    language = "json" if "--format json" in command else "text"
    return (
        f"```sh\ncontentlint {command}\n```\n\nprints:\n\n```{language}\n{output.rstrip()}\n```\n"
    )


def normalise(body: str) -> str:
    """``body`` without what differs between runs of the same tree (the version)."""
    return _VERSION.sub(r'\1"…"', body)


def regenerate(text: str) -> str:
    """``text`` with every example block generated again from a real run."""
    return BLOCK.sub(
        lambda m: m.group(1) + render(m.group("command"), run(m.group("command"))) + m.group(4),
        text,
    )


def stale(text: str) -> list[str]:
    """The commands whose block no longer shows what the tool prints."""
    return [
        e.command
        for e in examples(text)
        if normalise(e.body) != normalise(render(e.command, run(e.command)))
    ]


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    if "--check" in argv:
        found = stale(text)
        for command in found:
            print(f"README example out of date: contentlint {command}")
        return 1 if found else 0
    README.write_text(regenerate(text), encoding="utf-8")
    print(json.dumps({"examples": len(examples(text))}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
