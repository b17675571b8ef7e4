"""The lexicon is the one home of word patterns, stop words and word-list helpers.

An AST scan of ``linter/``: a module other than ``linter/lexicon.py`` that binds a
module-level ``WORD``/``_WORD`` to ``re.compile(...)``, binds a name containing ``STOP``
to a set of words, or defines its own ``wordset`` helper is keeping lexical knowledge of
its own, which drifts from the rest (issue 12 found nine ``_WORD`` patterns and four
stop-word lists). Take or add the pattern or list in ``linter.lexicon`` instead, named by
what it is for.
"""

from __future__ import annotations

import ast
from pathlib import Path

import linter

ROOT = Path(linter.__file__).parent
LEXICON = ROOT / "lexicon.py"
_SET_MAKERS = {"frozenset", "set", "wordset", "word_set"}


def _call_name(node: ast.expr) -> str:
    """``re.compile`` / ``frozenset`` ... for a call node, "" otherwise."""
    if not isinstance(node, ast.Call):
        return ""
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return f"{func.value.id}.{func.attr}"
    return func.id if isinstance(func, ast.Name) else ""


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in ("wordset", "word_set"):
            found.append(f"def {node.name}")
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        for target in targets:
            name = target.id if isinstance(target, ast.Name) else ""
            if name.lstrip("_") == "WORD" and _call_name(value) == "re.compile":
                found.append(f"{name} = re.compile(...)")
            makes_set = _call_name(value) in _SET_MAKERS or isinstance(value, ast.Set)
            if "STOP" in name.upper() and makes_set:
                found.append(f"{name} = a word set")
    return found


def test_word_patterns_and_stop_words_live_in_the_lexicon() -> None:
    offences = {
        str(path.relative_to(ROOT.parent)): found
        for path in sorted(ROOT.rglob("*.py"))
        if path != LEXICON and (found := _offences(path))
    }
    assert offences == {}, "define these in linter/lexicon.py instead"


def test_the_scan_sees_what_it_looks_for(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        "import re\n"
        "_WORD = re.compile(r'\\w+')\n"
        "_STOP = frozenset({'a', 'the'})\n"
        "MY_STOP_WORDS: frozenset[str] = wordset('a the')\n"
        "def wordset(words): return frozenset(words.split())\n"
        "_LONG_WORD = re.compile(r'\\w{1000,}')\n"  # not a word pattern: allowed
        "_STOPS = '.!?'\n",  # sentence stops, not words: allowed
        encoding="utf-8",
    )
    assert _offences(module) == [
        "_WORD = re.compile(...)",
        "_STOP = a word set",
        "MY_STOP_WORDS = a word set",
        "def wordset",
    ]


def test_the_lexicon_imports_nothing_from_linter() -> None:
    tree = ast.parse(LEXICON.read_text(encoding="utf-8"))
    imported = [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert not [name for name in imported if name.split(".")[0] == "linter"]
