"""Applies the safe fixes of findings to files, in place or as a diff.

A fix is only applied when a wrong one cannot change what the text says: a doubled
word, blank lines, a space run, a mojibake repair, a plain-text title run into its first
sentence. Suggestions that rewrite wording (the injected-phrase rule's) are shown in the
report but never applied.

The file must come back byte for byte as it was apart from the fixed spans, so fixes are
applied to the decoded text exactly as the file holds it (line ends, lone CRs) and it is
re-encoded with the encoding and byte-order mark it was read with, then written with
``linter.output.write_safely`` (atomically, keeping the file's mode, through symlinks).
Fixes are applied from the end of the file backwards, a fix overlapping one already
taken is left for the next pass, and passes repeat until nothing safe is left, so a
second ``--fix`` run changes nothing.

Three checks keep a fix from damaging the file. A fix is applied only where the file
holds exactly the text its finding flagged (``linter.fixspan``): a span mapped wrongly or
running across markup is skipped. After the fixes the text is re-parsed and its
structure (``linter.structure``: blocks, inline markup, links, tags, code) must be as
before, else the fixes that changed it are dropped with a note. And the fixed bytes must
read back as the fixed text (the same encoding found again), else nothing is written.
"""

from __future__ import annotations

import codecs
import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from linter.engine import Engine
from linter.exclude import FileFilter
from linter.fixspan import flagged_text_at
from linter.model import Finding
from linter.output import write_safely
from linter.read import ReadError, format_for, load_bytes, parse, sniff_format
from linter.read.decode import BOMS, decode, lone_cr
from linter.runner import STDIN, FileResult, expand_paths, lint_one, result_for
from linter.structure import signature

# Rules whose fixes are safe to apply unattended, with the input formats where they are
# (None: every format). The run-in title's fix inserts a blank line: right in plain
# text, wrong in markup.
MAX_PASSES = 10

_LINES = re.compile(r"[^\n]*\n|[^\n]+")
# Formats ``--fix`` reports on and never writes: a .docx is a zip of XML whose text the
# reader flattens into one line per paragraph, so an edit there has no safe way back.
REPORT_ONLY = {"docx": "Word documents are not rewritten: apply the suggested fixes in Word"}


def is_safe(finding: Finding, fmt: str, engine: Engine) -> bool:
    """Whether ``finding`` has a fix that ``--fix`` applies in ``fmt`` input: its rule's
    YAML says ``fix: safe`` (for that format, if it names formats)."""
    if finding.fix is None:
        return False
    rule = engine.rule(finding.code)
    return rule is not None and rule.fixes_safely(fmt)


def apply_fixes(text: str, edits: Iterable[tuple[int, int, str]]) -> tuple[str, int]:
    """``text`` with ``(start, end, replacement)`` edits applied; overlapping ones skipped.

    Edits are taken from the end backwards, so earlier offsets stay valid; an edit that
    overlaps one already taken (or repeats it) is skipped and left for another pass.
    """
    applied = 0
    floor = len(text) + 1
    parts: list[str] = []
    tail = len(text)
    for start, end, replacement in sorted(set(edits), key=lambda e: (e[0], e[1]), reverse=True):
        if end > floor or (end == floor and start == end) or start < 0 or end > len(text):
            continue
        parts.append(text[end:tail])
        parts.append(replacement)
        tail = start
        floor = start
        applied += 1
    parts.append(text[:tail])
    return "".join(reversed(parts)), applied


@dataclass(frozen=True)
class Edit:
    """One fix to apply: replace ``start:end`` of the stored text, for ``finding``."""

    start: int
    end: int
    replacement: str
    finding: Finding
    restructures: bool = False  # its rule changes the structure on purpose

    @property
    def triple(self) -> tuple[int, int, str]:
        return self.start, self.end, self.replacement


@dataclass
class _Source:
    """A file's text exactly as stored, and how to store it again."""

    raw: str  # decoded text, line ends untouched (the reader's text differs only in lone CRs)
    codec: str  # codec to encode ``raw`` with (no BOM)
    bom: bytes
    newline: str  # line end written for a "\n" inside a fix


def _source(data: bytes, is_html: bool) -> tuple[str, _Source | None]:
    """The reader's text, and the stored text when the file can be written back losslessly."""
    text, encoding = decode(data, is_html=is_html)
    bom = b""
    codec = codecs.lookup(encoding).name
    for mark, _, name in BOMS:
        if data.startswith(mark):
            bom, codec = mark, name
            break
    try:
        raw = data[len(bom) :].decode(codec)
    except UnicodeDecodeError:
        return text, None  # decoded with replacement characters: writing back would lose bytes
    if len(raw) != len(text) or raw.encode(codec) != data[len(bom) :]:
        return text, None
    if "\r\n" in raw:
        newline = "\r\n"
    elif "\r" in raw and "\n" not in raw:
        newline = "\r"
    else:
        newline = "\n"
    return text, _Source(raw, codec, bom, newline)


def _encodable(replacement: str, codec: str, is_html: bool) -> str | None:
    """``replacement`` as the file's encoding can hold it (HTML gets character references)."""
    try:
        replacement.encode(codec)
    except UnicodeEncodeError:
        if not is_html:
            return None
        return replacement.encode(codec, "xmlcharrefreplace").decode(codec)
    return replacement


@dataclass
class FixOutcome:
    """What ``--fix`` did to one input: the fixes applied, the diff, the findings left."""

    result: FileResult
    applied: int = 0
    diff: str = ""
    note: str | None = None  # why a file with safe fixes was left as it was
    fixed: bytes | None = None  # the fixed file, when a fix was applied
    output: bytes | None = None  # standard input only: what to print (fixed or as it came)


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of two texts, ``\\ No newline at end of file`` included."""
    lines: list[str] = []
    for line in difflib.unified_diff(
        _LINES.findall(old), _LINES.findall(new), fromfile=path, tofile=path
    ):
        if line.endswith("\n"):
            lines.append(line)
        else:
            lines.append(line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def fix_file(
    path: str,
    engine: Engine,
    fmt: str | None = None,
    dry_run: bool = False,
    name: str | None = None,
) -> FixOutcome:
    """Apply the safe fixes to ``path`` (unless ``dry_run``) and lint what is left.

    Standard input (``-``) is never written anywhere: its text, fixed or as it came, is
    ``FixOutcome.output`` for the caller to print (as ``ruff check --fix -`` does), and
    ``name`` (``--stdin-filename``) is the path reports show and the format comes from.
    """
    shown = name or path
    fmt = fmt or format_for(shown)
    if fmt in REPORT_ONLY:
        return FixOutcome(lint_one(path, engine, fmt, name), note=REPORT_ONLY[fmt])
    try:
        data = load_bytes(path)  # bounded: a FIFO or /dev/zero is refused, not read
    except ReadError as error:
        return FixOutcome(FileResult(shown, fmt, error=str(error)))
    outcome = _fix_data(data, shown, engine, fmt, dry_run)
    if path == STDIN:
        if not dry_run:
            outcome.output = outcome.fixed if outcome.fixed is not None else data
        return outcome
    if outcome.fixed is None or dry_run:
        return outcome
    try:
        write_safely(path, outcome.fixed)
    except OSError as error:
        outcome.result.error = f"could not write the fixes: {error.strerror or error}"
        outcome.applied = 0
    return outcome


def fix_bytes(
    data: bytes,
    shown: str,
    engine: Engine,
    fmt: str | None = None,
    choose: Callable[[FileResult], list[Finding]] | None = None,
) -> FixOutcome:
    """The safe fixes of one input's bytes, none written anywhere (the editor's app sends
    them back to the browser). ``choose`` picks which findings of the first check to fix
    (the ones an editor clicked): then only those, in one pass."""
    return _fix_data(data, shown, engine, fmt, False, choose)


def _fix_data(
    data: bytes,
    shown: str,
    engine: Engine,
    fmt: str | None,
    dry_run: bool,
    choose: Callable[[FileResult], list[Finding]] | None = None,
) -> FixOutcome:
    """The fixes of one input's bytes: ``FixOutcome.fixed`` holds the fixed bytes when
    any fix was applied (and, ``dry_run``, ``diff`` the diff); nothing is written."""
    try:
        is_html = fmt not in ("text", "markdown")
        text, stored = _source(data, is_html)
    except ReadError as error:
        return FixOutcome(FileResult(shown, fmt, error=str(error)))
    except Exception as error:  # a decoder bug must not end the run for every other file
        message = f"could not read: {type(error).__name__}: {error}"
        return FixOutcome(FileResult(shown, fmt, error=message))
    fmt = fmt or sniff_format(text)
    try:
        doc = parse(text, shown, fmt)
        result = first = result_for(shown, doc, engine)
    except Exception as error:  # a parser bug must not end the run for every other file
        message = f"could not parse: {type(error).__name__}: {error}"
        return FixOutcome(FileResult(shown, fmt, error=message))
    if stored is None:
        lossy = any(is_safe(f, fmt, engine) for f in result.findings)
        reason = "not fixed: the file's encoding cannot be written back without loss"
        return FixOutcome(result, note=reason if lossy else None)
    current = stored.raw
    applied = 0
    notes: list[str] = []
    proven: dict[str, list[Any]] = {}  # the last text whose signature is known
    for _ in range(MAX_PASSES):
        # A skipped fix comes back in every pass: keep the places of the last pass, which
        # are where the report that follows shows those findings.
        misplaced: list[str] = []
        skipped: list[str] = []
        chosen = result.findings if choose is None else choose(result)
        edits = _edits(chosen, fmt, engine, stored, current, misplaced)
        if not edits:
            break
        updated, count = _guarded(current, edits, fmt, skipped, proven)
        if updated == current:
            break
        try:
            result = result_for(shown, parse(lone_cr(updated), shown, fmt), engine)
        except Exception as error:  # keep the last text that parsed
            notes.append(f"fixes stopped: the fixed text could not be parsed: {error}")
            break
        current, applied = updated, applied + count
        if choose is not None:
            break
    if skipped:
        places = ", ".join(dict.fromkeys(skipped))
        notes.insert(0, f"fix skipped at {places}: it would change the document's structure")
    if misplaced:
        places = ", ".join(dict.fromkeys(misplaced))
        notes.insert(0, f"fix skipped at {places}: the flagged text is not at that place")
    if current != stored.raw and not _reads_back(stored, current, is_html):
        notes.append("not fixed: the fixed file would not read back as the same text")
        current, applied, result = stored.raw, 0, first
    outcome = FixOutcome(result, applied, note="; ".join(dict.fromkeys(notes)) or None)
    if current == stored.raw:
        return outcome
    if dry_run:
        outcome.diff = unified_diff(shown, stored.raw, current)
    outcome.fixed = stored.bom + current.encode(stored.codec)
    return outcome


def _edits(
    findings: list[Finding],
    fmt: str,
    engine: Engine,
    stored: _Source,
    current: str,
    misplaced: list[str],
) -> list[Edit]:
    """The safe fixes of ``findings`` whose span in ``current`` holds exactly the flagged
    text; a fix whose span holds anything else (markup, another word) is left out, and
    its place goes to ``misplaced``."""
    edits: list[Edit] = []
    for finding in findings:
        if not is_safe(finding, fmt, engine) or finding.fix is None:
            continue
        replacement = _encodable(
            finding.fix.replace("\n", stored.newline), stored.codec, fmt == "html"
        )
        if replacement is None:
            continue
        if not flagged_text_at(current, finding, fmt):
            misplaced.append(f"{finding.line}:{finding.column}")
            continue
        edits.append(
            Edit(finding.start, finding.end, replacement, finding, _restructures(finding, engine))
        )
    return edits


def _restructures(finding: Finding, engine: Engine) -> bool:
    rule = engine.rule(finding.code)
    return rule is not None and rule.fix_restructures


# Characters a pass may re-parse to find the fixes that change the structure: each try
# parses the whole document, so a large file with many fixes stays bounded (a 20 KB page
# gets 150 tries, a 1.5 MB one just the batch itself).
MAX_GUARD_CHARS = 3_000_000


def _guarded(
    current: str,
    edits: list[Edit],
    fmt: str,
    skipped: list[str],
    proven: dict[str, list[Any]] | None = None,
) -> tuple[str, int]:
    """``current`` with those ``edits`` applied that keep its structure.

    Fixes that restructure by design (a blank line after a run-in title) are applied on
    their own; every other batch must leave ``structure.signature`` unchanged, and when
    it does not, the batch is halved until the fixes that change it are found and dropped
    (their places go to ``skipped``). Past ``MAX_GUARD_CHARS`` re-parsed, the fixes not
    yet proven harmless are dropped too: a fix left out is safe, a parse per fix is not.
    ``proven`` carries the text a batch left and its signature into the next pass, which
    starts from that text, so no pass parses it twice.
    """
    text_only = [e for e in edits if not e.restructures]
    if not text_only:
        return apply_fixes(current, [e.triple for e in edits])
    proven = {} if proven is None else proven
    before = proven.get(current) or signature(lone_cr(current), fmt)
    updated, count = apply_fixes(current, [e.triple for e in text_only])
    if signature(lone_cr(updated), fmt) == before:
        proven.clear()
        proven[updated] = before
        return updated, count
    budget = [MAX_GUARD_CHARS // max(len(current), 1)]

    def keeps(group: list[Edit]) -> bool:
        budget[0] -= 1
        changed, _ = apply_fixes(current, [e.triple for e in group])
        return signature(lone_cr(changed), fmt) == before

    def harmless(group: list[Edit]) -> list[Edit]:
        if group is not text_only and budget[0] > 0 and keeps(group):
            return group
        if len(group) == 1 or budget[0] <= 0:
            skipped.extend(f"{e.finding.line}:{e.finding.column}" for e in group)
            return []
        half = len(group) // 2
        return harmless(group[:half]) + harmless(group[half:])

    kept = harmless(text_only)
    if not kept:
        return current, 0
    updated, count = apply_fixes(current, [e.triple for e in kept])
    if signature(lone_cr(updated), fmt) != before:  # harmless alone, harmful together
        skipped.extend(f"{e.finding.line}:{e.finding.column}" for e in kept)
        return current, 0
    return updated, count


def _reads_back(stored: _Source, current: str, is_html: bool) -> bool:
    """Whether the fixed file, read again, gives the fixed text: a file whose encoding was
    a guess (or whose declaration the fix would change) is left alone otherwise, so a
    second ``--fix`` never finds a different text to fix."""
    try:
        text, _ = decode(stored.bom + current.encode(stored.codec), is_html=is_html)
    except Exception:  # any failure to read back means "do not write"
        return False
    return text == lone_cr(current)


def fix_paths(
    paths: Iterable[str],
    engine: Engine,
    fmt: str | None = None,
    dry_run: bool = False,
    stdin_name: str | None = None,
    keep: FileFilter | None = None,
) -> Iterator[FixOutcome]:
    """``fix_file`` for every input under ``paths`` that ``keep`` keeps, in order
    (standard input shown as ``stdin_name`` when given)."""
    for path in expand_paths(paths, keep=keep):
        yield fix_file(path, engine, fmt, dry_run, stdin_name if path == STDIN else None)
