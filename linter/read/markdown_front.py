"""Markdown reader, front matter: a YAML block between ``---`` lines at the very top.

It gives the title and description blocks, each mapped onto where its value is written
(see ``linter.read.markdown``); the block's lines are blanked before markdown-it reads
the rest.
"""

from __future__ import annotations

import re

from linter.model import META, TITLE, Block, Document
from linter.textmap import TextMap

_FRONT_OPEN = re.compile(r"---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_YAML_KEY = re.compile(r"[ \t]*[\w-]+[ \t]*:(?:[ \t]|\r?$)", re.M)


def front_matter(source: str, doc: Document, blocks: list[Block]) -> str:
    """Read YAML front matter; returns the source with its lines blanked for markdown-it."""
    opening = _FRONT_OPEN.match(source)
    if not opening:
        return source
    closing = _FRONT_CLOSE.search(source, opening.end())
    if not closing:
        return source
    body = source[opening.end() : closing.start()]
    end = closing.end()
    blanked = re.sub(r"[^\r\n]", "", source[:end]) + source[end:]
    import yaml

    from linter.read.yamlsafe import load

    try:
        data = load(body)
    except yaml.YAMLError:
        # Broken YAML that starts like a mapping is still front matter, not prose.
        return blanked if _YAML_KEY.match(body) else source
    if data is None:
        return blanked
    if not isinstance(data, dict):
        return source  # "---", a line of text, "---": two thematic breaks, not metadata
    for key, kind in (("title", TITLE), ("description", META)):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        text = value.strip()
        tmap = _yaml_value_map(source, opening.end(), closing.start(), key, text)
        start = tmap.runs[0][1] if tmap.runs else opening.end()
        block = Block(kind, text, tmap, index=len(blocks), front_matter=True)
        blocks.append(block)
        if kind == TITLE:
            doc.title, doc.title_offset = text, start
            doc.meta.titles.append(text)
        else:
            doc.meta.description = text
            doc.meta.descriptions.append(text)
    return blanked


def _yaml_value_map(source: str, lo: int, hi: int, key: str, text: str) -> TextMap:
    """Where the value of top-level ``key`` is written: exact when written plainly, simply
    quoted, or folded (YAML reads U+2028 and its kin as line breaks: blanks around them are
    folded or dropped), else the whole written value as one run (an entity-like run)."""
    tmap = TextMap()
    match = re.compile(rf"^{re.escape(key)}[ \t]*:[ \t]*", re.M).search(source, lo, hi)
    if not match:
        tmap.add(0, lo, len(text), 0)
        return tmap
    start = match.end()
    line_end = source.find("\n", start, hi)
    line_end = hi if line_end < 0 else line_end
    raw = source[start:line_end].rstrip("\r \t")
    found = raw.find(text)
    if found >= 0:
        tmap.add(0, start + found, len(text), len(text))
        return tmap
    folded = _folded_runs(raw, text)
    for text_start, raw_start, length, raw_length in folded or [(0, 0, len(text), len(raw))]:
        tmap.add(text_start, start + raw_start, length, raw_length)
    return tmap


_FOLDS = " \t\u2028\u2029\x85"


def _folded_runs(raw: str, text: str) -> list[tuple[int, int, int, int]] | None:
    """Runs mapping ``text`` onto ``raw`` where YAML folded blanks and line separators into
    one space or dropped the blanks after a separator; None when the value was changed
    some other way (escapes)."""
    runs: list[tuple[int, int, int, int]] = []
    i, j = 0, 1 if raw[:1] in "'\"" and text[:1] != raw[:1] else 0
    while i < len(text):
        if j < len(raw) and text[i] == raw[j]:
            runs.append((i, j, 1, 1))
            i, j = i + 1, j + 1
        elif j < len(raw) and raw[j] in _FOLDS and text[i] == " ":  # folded into one space
            k = j
            while k < len(raw) and raw[k] in _FOLDS:
                k += 1
            runs.append((i, j, 1, k - j))
            i, j = i + 1, k
        elif j < len(raw) and raw[j] in " \t":  # blanks dropped around a line separator
            k = j
            while k < len(raw) and raw[k] in " \t":
                k += 1
            if runs:  # the character before owns them
                ts, ss, ln, sl = runs[-1]
                runs[-1] = (ts, ss, ln, sl + k - j)
            j = k
        else:
            return None
    return runs
