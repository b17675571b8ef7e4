"""``contentlint init``: a commented starter config that loads, never clobbered silently."""

from __future__ import annotations

from pathlib import Path

from linter.config import load_config_file


def test_init_writes_a_config_that_loads(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init")
    assert result.exit_code == 0
    written = tmp_path / ".contentlint.toml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# contentlint configuration")
    config = load_config_file(written)
    assert config.select == [] and config.ignore == []
    assert str(config.fail_on) == "error"


def test_init_refuses_to_overwrite_without_force(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path(".contentlint.toml").write_text("select = []\n", encoding="utf-8")
    result = cli("init")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "contentlint: error: .contentlint.toml already exists (use --force to overwrite it)"
    )
    assert Path(".contentlint.toml").read_text(encoding="utf-8") == "select = []\n"
    assert cli("init", "--force").exit_code == 0
    assert "# contentlint configuration" in Path(".contentlint.toml").read_text(encoding="utf-8")


def test_check_uses_the_written_config(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("init")
    Path("note.txt").write_text("A Short Note\n\nThe plan was simple.\n", encoding="utf-8")
    assert cli("check", "note.txt", "--select", "hygiene").exit_code == 0


def test_pre_commit_hook_definition():
    import yaml

    hooks = yaml.safe_load(
        (Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text()
    )
    hook = next(h for h in hooks if h["id"] == "contentlint")
    assert hook["entry"] == "contentlint check --force-exclude"
    assert hook["language"] == "python"
    import re

    pattern = re.compile(hook["files"])
    for name in ("a.html", "a.htm", "a.xhtml", "docs/a.md", "a.markdown", "a.txt", "a.text"):
        assert pattern.search(name), name
    for name in ("a.py", "a.yaml", "a.mdx", "a.txt.bak"):
        assert not pattern.search(name), name
