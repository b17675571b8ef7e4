"""The invariants every input must keep, checked by calling the tool's own functions.

1. no crash: reading and linting raise nothing, and a ``FileResult.error`` is only the
   reader's own ``ReadError`` (one line), never "could not parse ..." or a rule failure;
2. positions: see ``tests.fuzz.positions``;
3. fix: ``fix_file`` on a copy, then again: the second applies nothing and leaves the
   bytes as they were, and the structure (``tests.fuzz.structure``) is the original's;
4. time: enforced by the worker pool (``tests.fuzz.pool``), not here;
5. config and pack: loading succeeds or raises ``ConfigError``/``RuleError`` with one
   line naming the file; what loads lints small documents keeping 1 and 2.

A rule failure is run again outside the engine to get its traceback, so a failure
names the function the bug is in.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from linter.engine import Engine
from linter.fix import fix_file
from linter.read import ReadError, format_for, read_bytes
from linter.read.decode import decode
from linter.runner import result_for
from tests.fuzz.case import CONFIG, PACK, Case, Failure, crash
from tests.fuzz.positions import check_findings, check_quoted_lines
from tests.fuzz.structure import bullets, line_shape, same_structure, signature

NO_CRASH, FIX, CONFIG_INV, PACK_INV = "no-crash", "fix", "config", "pack"
NO_WRITES = "harness"  # the tool or the harness wrote where nobody asked

SMALL_DOCS = {
    "small.html": b'<html lang="en"><head><title>Storing the the onions</title>'
    b'<meta name="description" content="How to store onions."></head><body>'
    b"<h1>Storing onions</h1><p>Keep them  dry and and cool. Click here.</p>"
    b"<h2>FAQ</h2><h3>Do onions keep?</h3><p>Yes, for months.</p></body></html>",
    "small.md": b"---\ntitle: Onions\n---\n\n# Storing onions\n\nKeep them  dry and and cool.\n"
    b"\n\n\n## FAQ\n\n### Do onions keep?\n\nYes, for months.\n",
    "small.txt": b"Storing onions\nKeep them  dry and and cool.\n\n\n\nFAQ\n\nQ: Do they keep?\n"
    b"A: Yes.\n",
}


def default_engine() -> Engine:
    """Every built-in rule, as ``contentlint check`` runs them without a config."""
    from linter.rulepack import load_rules

    rules = load_rules()
    return Engine(rules, known=rules)


def _one_line(invariant: str, message: str, names: str | None = None) -> list[Failure]:
    """A user-facing error must be one non-empty line (naming ``names`` when given)."""
    if not message.strip() or "\n" in message or "\r" in message:
        return [Failure(invariant, "not-one-line", message.split(":")[0][:60], message[:2000])]
    if names is not None and names not in message:
        return [Failure(invariant, "no-file-named", message.split(":")[0][:60], message)]
    return []


def _safe_codes(findings: list[Any], fmt: str, engine: Engine) -> list[str]:
    from linter.fix import is_safe

    return sorted({f.code for f in findings if is_safe(f, fmt, engine)})


def _rule_errors(doc: Any, engine: Engine, message: str) -> list[Failure]:
    """The rule failures behind ``FileResult.error``, each with its traceback."""
    failures: list[Failure] = []
    for rule in engine.rules:
        if rule.applies_to(doc.format) and f"rule {rule.code} " in message:
            try:
                list(rule.module.check(doc, rule.params))
            except Exception as error:
                failures.append(crash(NO_CRASH, error, f"rule {rule.code}"))
    return failures or [Failure(NO_CRASH, "error", message.split(":")[0][:60], message)]


def lint(name: str, data: bytes, engine: Engine, invariant: str = NO_CRASH) -> tuple[Any, list]:
    """Invariants 1 and 2 for one file: ``(result or None, failures)``."""
    try:
        doc = read_bytes(data, name)
    except ReadError as error:
        return None, _one_line(invariant, str(error))
    except Exception as error:
        return None, [crash(invariant, error, "read_bytes")]
    try:
        result = result_for(name, doc, engine)
    except Exception as error:
        return None, [crash(invariant, error, "result_for")]
    failures = _rule_errors(doc, engine, result.error) if result.error else []
    is_html = format_for(name) not in ("text", "markdown")
    # A Word document's source is the reader's one line per paragraph: nothing to decode.
    text = doc.source if doc.format == "docx" else decode(data, is_html=is_html)[0]
    failures += check_findings(doc.source, doc.format, result.findings, text)
    failures += check_quoted_lines(doc.source, result.lines)
    return (doc, result), failures


def _fix_twice(path: Path, engine: Engine) -> tuple[Any, bytes, Any, bytes]:
    first = fix_file(str(path), engine)
    after = path.read_bytes()
    second = fix_file(str(path), engine)
    return first, after, second, path.read_bytes()


def _structure(data: bytes, fixed: bytes, name: str, fmt: str) -> str | None:
    """Why the fixed file's structure is not the original's, or None when it is."""
    is_html = format_for(name) not in ("text", "markdown")
    old_text, new_text = decode(data, is_html=is_html)[0], decode(fixed, is_html=is_html)[0]
    before, after = signature(old_text, fmt), signature(new_text, fmt)
    added = bullets(new_text) > bullets(old_text)
    kept = line_shape(new_text) == line_shape(old_text)
    if same_structure(before, after, fmt, added, kept):
        return None
    at = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
              min(len(before), len(after)))  # fmt: skip
    return f"structure differs at item {at}: {before[at : at + 5]} became {after[at : at + 5]}"


def _culprits(name: str, data: bytes, engine: Engine, codes: list[str], broken: Any) -> str:
    """The safe-fix rules that break the invariant ``broken(path, engine)`` on their own."""
    found = []
    for code in codes:
        alone = Engine([r for r in engine.rules if r.code == code], known=engine.known)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            try:
                if broken(path, alone):
                    found.append(code)
            except Exception:
                found.append(code)
    return ",".join(found or codes)


def check_fix(name: str, data: bytes, fmt: str, result: Any, engine: Engine, folder: Path) -> list:
    """Invariant 3 for a file whose lint found safe fixes."""
    codes = _safe_codes(result.findings, fmt, engine)
    path = folder / name
    path.write_bytes(data)
    try:
        first, after, second, again = _fix_twice(path, engine)
    except Exception as error:
        return [crash(FIX, error, "fix_file")]
    failures: list[Failure] = []
    for outcome in (first, second):
        error = outcome.result.error
        if error and error != result.error:
            failures.append(Failure(FIX, "error", ",".join(codes), error))
        if outcome.note and "stopped" in outcome.note:
            failures.append(Failure(FIX, "stopped", ",".join(codes), outcome.note))
    if second.applied or again != after:

        def unstable(p: Path, e: Engine) -> bool:
            _, a, s, b = _fix_twice(p, e)
            return bool(s.applied) or a != b

        culprits = _culprits(name, data, engine, codes, unstable)
        detail = f"a second fix applied {second.applied} fix(es); bytes changed: {again != after}"
        failures.append(Failure(FIX, "not-idempotent", culprits, detail))
    if after != data:
        try:
            read_bytes(after, name)
        except ReadError as error:
            failures.append(Failure(FIX, "unreadable-after-fix", ",".join(codes), str(error)))
            return failures
        why = _structure(data, after, name, fmt)
        if why:

            def reshaped(p: Path, e: Engine) -> bool:
                fix_file(str(p), e)
                return _structure(data, p.read_bytes(), name, fmt) is not None

            culprits = _culprits(name, data, engine, codes, reshaped)
            failures.append(Failure(FIX, "structure-changed", culprits, why))
    return failures


def check_document(case: Case, engine: Engine, folder: Path) -> list[Failure]:
    """Invariants 1-3 for a document case."""
    name, data = next(iter(case.files.items()))
    linted, failures = lint(name, data, engine)
    if linted is not None:
        doc, result = linted
        if doc.format == "docx":
            return failures + _word_untouched(name, data, engine, folder)
        if _safe_codes(result.findings, doc.format, engine):
            failures += check_fix(name, data, doc.format, result, engine, folder)
    return failures


def _word_untouched(name: str, data: bytes, engine: Engine, folder: Path) -> list[Failure]:
    """Invariant 3 for a Word document: ``--fix`` reports it and never writes it."""
    path = folder / name
    path.write_bytes(data)
    try:
        outcome = fix_file(str(path), engine)
    except Exception as error:
        return [crash(FIX, error, "fix_file")]
    if outcome.applied or path.read_bytes() != data:
        return [Failure(FIX, "word-rewritten", name, f"applied {outcome.applied}")]
    return []


def _small_docs(engine: Engine, invariant: str) -> list[Failure]:
    failures: list[Failure] = []
    for name, data in SMALL_DOCS.items():
        failures += lint(name, data, engine, invariant)[1]
    return failures


def check_config(case: Case, folder: Path) -> list[Failure]:
    """Invariant 5 for a config file, loaded the way ``contentlint check`` loads one."""
    from linter.config import ConfigError, apply_overrides, load_config_file, select_rules
    from linter.rulepack import RuleError, load_rules

    name, data = next(iter(case.files.items()))
    path = folder / name
    path.write_bytes(data)
    (folder / "pack").mkdir()
    try:
        config = load_config_file(path)
        catalogue = load_rules(config.rule_packs)
        where = str(config.path) if config.path else "config"
        rules = apply_overrides(
            select_rules(catalogue, config.select, config.ignore, where), config
        )
    except (ConfigError, RuleError) as error:
        return _one_line(CONFIG_INV, str(error), str(folder))
    except Exception as error:
        return [crash(CONFIG_INV, error, "loading the config")]
    return _small_docs(Engine(rules, known=catalogue), CONFIG_INV)


def check_pack(case: Case, folder: Path) -> list[Failure]:
    """Invariant 5 for a rule pack, loaded as ``rule_packs`` loads one."""
    from linter.rulepack import RuleError, load_pack, load_rules

    pack = folder / "pack"
    for name, data in case.files.items():
        (pack / name).parent.mkdir(parents=True, exist_ok=True)
        (pack / name).write_bytes(data)
    try:
        rules = load_pack(pack)
        catalogue = load_rules([pack])
    except RuleError as error:
        return _one_line(PACK_INV, str(error), str(pack))
    except Exception as error:
        return [crash(PACK_INV, error, "loading the pack")]
    return _small_docs(Engine(rules, known=catalogue), PACK_INV)


def check_case(case: Case, engine: Engine, scratch: Path | None = None) -> list[Failure]:
    """Every invariant but time for ``case``; files go to a fresh folder under ``scratch``."""
    device = _null_device_was()  # read before the first case a worker runs
    folder = Path(tempfile.mkdtemp(prefix="case-", dir=scratch))
    try:
        if case.kind == CONFIG:
            failures = check_config(case, folder)
        elif case.kind == PACK:
            failures = check_pack(case, folder)
        else:
            failures = check_document(case, engine, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if device and not _null_device_is():
        failures.append(Failure(NO_WRITES, "device-replaced", os.devnull, "a regular file now"))
    for failure in failures:
        failure.case = case
    return failures


def _null_device_is() -> bool:
    """Whether ``/dev/null`` is still a character device (where the system has one)."""
    try:
        return stat.S_ISCHR(os.stat(os.devnull).st_mode)
    except OSError:
        return False


@cache
def _null_device_was() -> bool:
    """Whether ``/dev/null`` was a device when the worker started: a case after which it
    is not replaced it (the tool must never write outside the paths a user names)."""
    return _null_device_is()
