"""contentlint lints and scores offline, and writes nothing outside the paths it is given.

textstat 0.7 downloads the CMU dictionary through NLTK on first use and stores it under
the home directory; contentlint must do neither. The subprocess tests run the real CLI
with the network refused (socket calls patched to raise, and where the kernel allows it,
in a network namespace of its own with a read-only home) and HOME pointed at an empty
directory, then check that no file appeared anywhere under the test's directory.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Any attempt to reach the network raises, so a download fails loudly, not slowly.
GUARD = """
import socket
def _refuse(*args, **kwargs):
    raise OSError("network access attempted in an offline test")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.socket.sendto = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""

LINT = """
import sys
from linter.cli import main
sys.argv = ["contentlint", "check", "--format", "json", "--fail-on", "warning", "article.txt"]
main()
"""

TEXTSTAT = """
import json, sys
from linter.checks.readability._textstat import offline_textstat
textstat = offline_textstat()
text = "The cat sat on the mat today. Readability formulas estimate difficulty for readers."
print(json.dumps({
    "fre": textstat.flesch_reading_ease(text),
    "fk": textstat.flesch_kincaid_grade(text),
    "syllables": textstat.syllable_count("readability"),
    "nltk": "nltk" in sys.modules,
}))
"""

# Importing NLTK and textstat the ordinary way (as a user's own code might) must not
# write either: only calling NLTK's downloader does.
IMPORTS = "import nltk, textstat\nprint('imported')\n"

ARTICLE = (
    "Planning A Release\n\n"
    "When the committee finally met on Thursday afternoon to review the budget, which had "
    "been delayed twice because the finance team was still collecting figures from every "
    "regional office, nobody in the room expected the discussion to last until well after "
    "midnight. The report was written by the team. We like short notes.\n"
)


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.fixture
def sandbox(tmp_path: Path):
    """``(work, env)``: a working directory holding the article, and an environment with
    an empty read-only HOME, XDG folders inside the sandbox and no NLTK_DATA."""
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    (work / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (work / ".contentlint.toml").write_text("", encoding="utf-8")  # no config from above
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLTK_", "XDG_"))}
    for name in ("CACHE", "CONFIG", "DATA", "STATE"):
        folder = tmp_path / "xdg" / name.lower()
        folder.mkdir(parents=True)
        env[f"XDG_{name}_HOME"] = str(folder)
    (tmp_path / "tmp").mkdir()
    env.update(HOME=str(home), TMPDIR=str(tmp_path / "tmp"), PYTHONDONTWRITEBYTECODE="1")
    before = _files(tmp_path)
    home.chmod(0o555)
    yield work, env
    home.chmod(0o755)
    assert _files(tmp_path) == before, "files were created during an offline run"
    assert not list(home.iterdir())


def _run(command: list[str], work: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=work, env=env, capture_output=True, text=True, timeout=180, check=False
    )


def _check_lint_output(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, result.stderr  # RD001 is a warning; --fail-on warning
    assert "network access attempted" not in result.stderr
    report = json.loads(result.stdout)
    [entry] = report["files"]
    assert entry["error"] is None
    scores = entry["scores"]
    for key in ("flesch_reading_ease", "flesch_kincaid_grade", "words", "sentences"):
        assert isinstance(scores[key], int | float), key
    assert scores["sentences"] == 3
    codes = {f["code"] for f in report["findings"]}
    assert "RD001" in codes


def test_lint_and_scores_with_network_refused(sandbox):
    work, env = sandbox
    _check_lint_output(_run([sys.executable, "-c", GUARD + LINT], work, env))


def test_textstat_is_wired_to_the_packaged_dictionary(sandbox):
    work, env = sandbox
    result = _run([sys.executable, "-c", GUARD + TEXTSTAT], work, env)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["nltk"] is False  # textstat ran without importing NLTK at all
    assert values["syllables"] == 5  # the CMU count; textstat's Pyphen fallback says 4
    assert isinstance(values["fre"], float) and isinstance(values["fk"], float)


def test_importing_nltk_and_textstat_writes_nothing(sandbox):
    work, env = sandbox
    result = _run([sys.executable, "-c", GUARD + IMPORTS], work, env)
    assert result.returncode == 0, result.stderr


def _isolated() -> list[str]:
    """A command prefix for a private network namespace with HOME mounted read-only."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is not installed")
    script = 'mount --bind "$HOME" "$HOME" && mount -o remount,ro,bind "$HOME" && exec "$@"'
    prefix = [unshare, "-rnm", "sh", "-c", script, "sh"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("unshare with user, network and mount namespaces is not permitted here")
    return prefix


def test_lint_in_network_namespace_with_read_only_home(sandbox):
    work, env = sandbox
    prefix = _isolated()
    _check_lint_output(_run([*prefix, sys.executable, "-c", LINT], work, env))
    result = _run([*prefix, sys.executable, "-c", TEXTSTAT], work, env)
    assert result.returncode == 0, result.stderr


# --- textstat's internal layout ------------------------------------------------------------


def test_textstat_version_and_hooks():
    """Fails when a textstat release moves the functions contentlint replaces."""
    from linter.checks.readability._textstat import TEXTSTAT_HOOKS, cmudict_for, offline_textstat

    textstat = offline_textstat()
    assert (0, 7, 13) <= tuple(textstat.__version__) < (0, 8)
    for name in TEXTSTAT_HOOKS:
        assert sys.modules[name].get_cmudict is cmudict_for, name
    from textstat.backend.utils.constants import CACHE_SIZE

    assert isinstance(CACHE_SIZE, int) and CACHE_SIZE <= 1024  # textstat's caches stay small


def test_textstat_agrees_with_our_formulas():
    """Where textstat's sentence counter agrees with ours, both give the same scores."""
    from linter.checks.readability._stats import text_stats
    from linter.checks.readability._textstat import offline_textstat
    from linter.model import Block, Document
    from linter.nlp import segment
    from linter.textmap import TextMap

    text = (
        "The cat sat on the mat today. Readability formulas estimate difficulty for readers. "
        "We like plain words and short sentences."
    )
    doc = Document(
        "t.txt",
        "text",
        source=text,
        blocks=[Block("paragraph", text, TextMap.identity(0, len(text)))],
        segmenter=segment,
    )
    stats = text_stats(doc)
    textstat = offline_textstat()
    assert textstat.syllable_count(text) == stats.syllables
    assert textstat.flesch_reading_ease(text) == pytest.approx(stats.flesch_reading_ease())
    assert textstat.flesch_kincaid_grade(text) == pytest.approx(stats.flesch_kincaid_grade())
