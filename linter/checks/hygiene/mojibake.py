"""Finds mojibake: UTF-8 text that was decoded as Windows-1252 somewhere upstream.

"don’t" saved as UTF-8 and read back as Windows-1252 becomes "donâ€™t"; readers see
garbage and search engines index it. Each UTF-8 character turns into a fixed pattern of
two to four Windows-1252 characters, so a run is recognised by that byte pattern and
repaired by reversing the mistake (encode as Windows-1252, decode as UTF-8). Only full
patterns count, so real accented words ("São Paulo", "pâté") are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, TEXTS, Hit, Param, block_hit
from linter.model import FAQ_QUESTION, HEADING, MAIN, META, PROSE_KINDS, TITLE, Block, Document

PARAMS: dict[str, Param] = {"kinds": TEXTS, "limit": COUNT}

_DEFAULT_KINDS = PROSE_KINDS | {HEADING, TITLE, META, FAQ_QUESTION}


def _byte_chars() -> dict[str, int]:
    """Each character a byte 0x80-0xFF becomes when read as Windows-1252.

    The five bytes Windows-1252 leaves undefined come through as C1 control characters
    (what Latin-1 and browsers produce), so they are mapped too.
    """
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            char = chr(byte)
        table[char] = byte
    return table


_TO_BYTE = _byte_chars()


def _chars(low: int, high: int) -> str:
    return "".join(re.escape(c) for c, b in _TO_BYTE.items() if low <= b <= high)


_CONT = f"[{_chars(0x80, 0xBF)}]"
# Two-byte leads: Latin-1 and Latin Extended-A (Â Ã Ä Å) and Greek/Cyrillic (Î Ï Ð Ñ).
# Other two-byte leads (É, Ö, ß, ×...) end real words before a quote mark too often.
_LEAD2 = f"[{_chars(0xC2, 0xC5)}{_chars(0xCE, 0xD1)}]"
_LEAD3 = f"[{_chars(0xE0, 0xEF)}]"
_LEAD4 = f"[{_chars(0xF0, 0xF4)}]"
_SEQUENCE = f"(?:{_LEAD2}{_CONT}|{_LEAD3}{_CONT}{{2}}|{_LEAD4}{_CONT}{{3}})"
# Runs of sequences, allowing plain letters between them ("Ã©tÃ©" is one word, "été").
_RUN = re.compile(f"{_SEQUENCE}(?:[a-z]{{0,4}}{_SEQUENCE})*")
# "â€" whose third byte (one Windows-1252 leaves undefined) was dropped or became "�":
# certainly garbled, but the intended character cannot be known.
_TRUNCATED = re.compile(f"â€\ufffd?(?!{_CONT})")
# "Â"/"Ã" before a plain space: the NBSP of "Â\xa0" / "à" (C3 A0) became a space.
# After a capital they may be real Portuguese ("IRMÃ "), so not then.
_LOST_NBSP = re.compile(r"(?<![A-ZÀ-Þ])([ÂÃ])(?= )")
_SOURCE_NBSP = re.compile(r"\xa0|&nbsp;|&#160;|&#x[aA]0;")


def _repair(garbled: str) -> str | None:
    """The text the writer meant, or ``None`` if the run is not valid UTF-8 after all."""
    text = garbled
    for _ in range(3):  # double-encoded text needs the repair more than once
        try:
            fixed = bytes(_TO_BYTE.get(c, ord(c)) for c in text).decode("utf-8")
        except (UnicodeDecodeError, ValueError):
            break
        text = fixed
        if not _RUN.search(text):
            break
    return text if text != garbled else None


# Names for the characters mojibake hits most, since "“’”" is hard to read in a message.
_NAMES = {
    "’": "an apostrophe (’)",
    "‘": "an opening single quote (‘)",
    "“": "an opening quotation mark (“)",
    "”": "a closing quotation mark (”)",
    "–": "a dash (–)",
    "—": "a dash (—)",
    "…": "an ellipsis (…)",
    "•": "a bullet (•)",
}


def _visible(text: str) -> str:
    """Text as a message can show it: invisible characters dropped, NBSP as a space.

    Users search for the garbled text in their editor, where the C1 control characters
    that stand for undefined bytes do not show either.
    """
    return "".join(
        " " if c == "\xa0" else c for c in text if not (c < " " or "\x7f" <= c < "\xa0")
    ).strip()


def _block_hits(block: Block, source: str) -> Iterable[tuple[int, Hit]]:
    text = block.text
    if text.isascii():
        return  # each pattern starts with a non-ASCII letter (a lead byte, "â", "Â", "Ã")
    for match in _RUN.finditer(text):
        fixed = _repair(match.group())
        if fixed is None or any(0x80 <= ord(c) < 0xA0 for c in fixed):
            continue
        yield match.start(), _hit(block, match.start(), match.end(), fixed)
    for match in _TRUNCATED.finditer(text):
        yield match.start(), _hit(block, match.start(), match.end(), None)
    for match in _LOST_NBSP.finditer(text):
        if match.group(1) == "Â":
            yield match.start(), _hit(block, match.start(), match.end(), "")
            continue
        # "à" is C3 A0: if the source still has the NBSP ("Ã&nbsp;") it is part of the
        # letter, and the repair must take it too; a plain space is left alone.
        hit = _hit(block, match.start(), match.end(), "à")
        nbsp = _SOURCE_NBSP.match(source, hit.end)
        if nbsp:
            hit.end = nbsp.end()
        yield match.start(), hit


def _hit(block: Block, start: int, end: int, fixed: str | None) -> Hit:
    garbled = block.text[start:end]
    if fixed is None:
        advice = "Retype the character that was meant here (often a quotation mark or dash)."
    elif fixed.strip() == "":
        advice = "Delete the stray characters."
    elif fixed in _NAMES:
        advice = f"It should be {_NAMES[fixed]}."
    else:
        advice = f"It should read “{_visible(fixed)}”."
    return block_hit(block, start, end, fix=fixed, garbled=_visible(garbled), advice=advice)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    """One hit per garbled run, with the repaired text as the fix when it is certain."""
    kinds = frozenset(params["kinds"]) or _DEFAULT_KINDS
    limit = params["limit"]
    count = 0
    for block in doc.blocks:
        if block.kind not in kinds or block.region != MAIN:
            continue
        hits = sorted(_block_hits(block, doc.source), key=lambda pair: pair[0])
        for _, hit in hits:
            yield hit
            count += 1
            if limit and count >= limit:
                return
