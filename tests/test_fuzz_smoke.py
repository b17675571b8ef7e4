"""The fuzzing harness (tests/fuzz): each invariant catches a linter broken on purpose,
raises no false alarm on good input, and the real tool keeps every invariant on a
fixed-seed budget (``test_fuzz_budget_clean``, marked ``fuzz``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from linter.checks.base import Hit
from linter.engine import Engine
from linter.rulepack import load_rules
from tests.fuzz.case import CONFIG, DOCUMENT, Case, Failure
from tests.fuzz.invariants import check_case, default_engine, lint
from tests.fuzz.minimize import minimize
from tests.fuzz.pool import run_cases
from tests.fuzz.positions import check_findings
from tests.fuzz.record import Summary, load_case
from tests.fuzz.run import cases, run_fuzz

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def fake_engine(code: str, check: Callable[[Any, Any], Iterator[Hit]]) -> Engine:
    """An engine with one rule: the built-in ``code`` with its check replaced."""
    real = next(r for r in load_rules() if r.code == code)
    module = type("FakeCheck", (), {"PARAMS": {}, "check": staticmethod(check)})
    rule = dataclasses.replace(real, module=module, formats=("html", "text", "markdown"))
    return Engine([rule], known=[rule])


def document(name: str, text: str) -> Case:
    return Case("test", 0, DOCUMENT, {name: text.encode("utf-8")})


def keys(failures: list[Failure]) -> set[tuple[str, str, str]]:
    return {f.key for f in failures}


def test_a_wrong_excerpt_is_caught() -> None:
    def check(doc: Any, params: Any) -> Iterator[Hit]:
        yield Hit(3, 8, excerpt="nonsense")

    failures = check_case(document("a.html", "<p>Hello world.</p>"), fake_engine("HY001", check))
    assert keys(failures) == {("positions", "wrong-excerpt", "HY001")}
    assert "excerpt 'nonsense' but the source has 'Hello'" in failures[0].detail


def test_a_position_outside_the_file_is_caught() -> None:
    data = b"I walked to the the shop.\n"
    (_, result), failures = lint("a.txt", data, default_engine())
    assert not failures
    (doubled,) = [f for f in result.findings if f.code == "HY001"]
    assert check_findings(data.decode(), "text", [doubled]) == []
    moved = dataclasses.replace(doubled, line=9)
    (failure,) = check_findings(data.decode(), "text", [moved])
    assert failure.key == ("positions", "outside-file", "HY001")


def test_a_rule_that_raises_is_caught_with_its_traceback() -> None:
    def check(doc: Any, params: Any) -> Iterator[Hit]:
        raise ValueError("broken on purpose")

    failures = check_case(document("a.md", "# Title\n\nSome text.\n"), fake_engine("HY001", check))
    assert keys(failures) == {("no-crash", "ValueError", "test_fuzz_smoke.py:check")}
    assert "ValueError: broken on purpose" in failures[0].detail


def test_a_reader_error_is_not_a_failure() -> None:
    binary = Case("test", 0, DOCUMENT, {"a.html": b"\x00\x01\x02binary"})
    assert check_case(binary, default_engine()) == []


def test_a_fix_that_applies_again_is_caught() -> None:
    def check(doc: Any, params: Any) -> Iterator[Hit]:
        yield Hit(0, 0, excerpt="", fix="x")  # inserts an x every time

    failures = check_case(document("a.txt", "Hello world.\n"), fake_engine("HY006", check))
    assert ("fix", "not-idempotent", "HY006") in keys(failures)


def test_a_fix_that_changes_the_structure_is_caught(monkeypatch) -> None:
    def check(doc: Any, params: Any) -> Iterator[Hit]:
        at = doc.source.find("  ")
        if at >= 0:
            yield Hit(at, at + 2, excerpt="  ", fix="<hr>")

    # --fix drops such a fix itself (linter.structure); the harness must catch it without
    monkeypatch.setattr("linter.fix.signature", lambda text, fmt: [])
    html = "<html><body><p>Hello  world.</p></body></html>"
    failures = check_case(document("a.html", html), fake_engine("HY006", check))
    assert keys(failures) == {("fix", "structure-changed", "HY006")}
    assert "'hr'" in failures[0].detail


def test_samples_raise_no_false_alarm() -> None:
    """The samples hold doubled words, space runs, blank lines, a run-in title and
    FAQ markup: every invariant must hold on them, fixes included."""
    engine = default_engine()
    for path in sorted(SAMPLES.iterdir()):
        case = Case("samples", 0, DOCUMENT, {path.name: path.read_bytes()})
        assert check_case(case, engine) == [], path.name


def test_a_config_loader_that_raises_something_else_is_caught(monkeypatch) -> None:
    from linter.config import ConfigError

    case = Case("test", 0, CONFIG, {".contentlint.toml": b"select = 5\n"})
    assert check_case(case, default_engine()) == []  # the tool's own one-line error

    def raises_key_error(path: Path) -> None:
        raise KeyError("select")

    monkeypatch.setattr("linter.config.load_config_file", raises_key_error)
    assert keys(check_case(case, default_engine())) == {
        ("config", "KeyError", "test_fuzz_smoke.py:raises_key_error")
    }

    def two_lines(path: Path) -> None:
        raise ConfigError(f"{path}: first line\nsecond line")

    monkeypatch.setattr("linter.config.load_config_file", two_lines)
    (failure,) = check_case(case, default_engine())
    assert (failure.invariant, failure.kind) == ("config", "not-one-line")


def test_a_hanging_input_is_killed_and_the_run_goes_on() -> None:
    def check(doc: Any, params: Any) -> Iterator[Hit]:
        while "HANG" in doc.source:
            pass
        yield from ()

    engine = fake_engine("HY001", check)
    hang, fine = document("a.txt", "HANG\n"), document("b.txt", "Fine.\n")
    assert check_case(fine, engine) == []  # warm: forked workers start with this state
    results = list(run_cases([hang, fine], lambda c: check_case(c, engine), 1, timeout=3))
    assert [(case.files, keys(failures)) for case, failures, _ in results] == [
        (hang.files, {("time", "timeout", "test")}),
        (fine.files, set()),
    ]


def test_inputs_are_the_same_for_the_same_seed() -> None:
    def first(seed: int) -> list[dict[str, bytes]]:
        stream = cases(("html", "pack", "mutate"), seed, batch=2)
        return [next(stream).files for _ in range(6)]

    assert first(5) == first(5)
    assert first(5) != first(6)


def test_each_bug_is_saved_once_with_its_smallest_input(tmp_path: Path) -> None:
    summary = Summary(tmp_path)
    big = Case("html", 1, DOCUMENT, {"a.html": b"<p>" * 50})
    small = Case("html", 2, DOCUMENT, {"a.html": b"<p>"})
    failure = Failure("no-crash", "ValueError", "linter/x.py:f", "Traceback ...")
    summary.add(big, [failure], 0.1)
    summary.add(small, [failure], 0.1)
    summary.add(big, [], 0.1)
    (folder,) = tmp_path.iterdir()
    assert load_case(folder).files == small.files
    assert "kind: ValueError\nlocation: linter/x.py:f" in (folder / "failure.txt").read_text()
    assert summary.failures[failure.key] == 2 and summary.inputs["html"] == 3


def test_a_repro_is_minimized_to_what_shows_the_bug() -> None:
    key = ("no-crash", "ValueError", "linter/x.py:f")

    def check(case: Case) -> list[Failure]:
        data = next(iter(case.files.values()))
        return [Failure(*key)] if b"<p>BUG" in data else [Failure("fix", "other", "HY001")]

    page = b"<html>\n<body>\n" + b"<p>fine</p>\n" * 40 + b"<p>BUG</p>\n" + b"<p>x</p>\n" * 9
    small = minimize(document("a.html", page.decode()), key, check, budget=30)
    assert small.files == {"a.html": b"<p>BUG"}


@pytest.mark.fuzz
def test_fuzz_budget_clean(tmp_path: Path) -> None:
    """The real tool on a fixed-seed budget: 0 failures of any invariant (the repros
    are under tmp_path when it fails)."""
    summary = run_fuzz(inputs=150, seed=0, jobs=1, out=tmp_path, timeout=20)
    assert summary.total == 150
    assert not summary.failures, summary.table()
