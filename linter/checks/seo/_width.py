"""How wide a title is in a search result: Arial advance widths."""

from __future__ import annotations

# Advance widths of Arial in thousandths of an em (the metric-compatible Helvetica/Liberation
# Sans table). Google's desktop result titles are Arial at about 20 px and are cut near
# 600 px; other characters count as a digit (556), CJK and other wide scripts as 1000.
_ARIAL = {
    " ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667, "'": 191,
    "(": 333, ")": 333, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278,
    ":": 278, ";": 278, "<": 584, "=": 584, ">": 584, "?": 556, "@": 1015, "[": 278,
    "\\": 278, "]": 278, "^": 469, "_": 556, "`": 333, "{": 334, "|": 260, "}": 334,
    "~": 584, "‘": 222, "’": 222, "“": 333, "”": 333, "–": 556, "—": 1000, "…": 1000,
    "•": 350, "·": 278, "«": 556, "»": 556, "©": 737, "®": 737, "™": 1000,
    "A": 667, "B": 667, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778, "H": 722,
    "I": 278, "J": 500, "K": 667, "L": 556, "M": 833, "N": 722, "O": 778, "P": 667,
    "Q": 778, "R": 722, "S": 667, "T": 611, "U": 722, "V": 667, "W": 944, "X": 667,
    "Y": 667, "Z": 611,
    "a": 556, "b": 556, "c": 500, "d": 556, "e": 556, "f": 278, "g": 556, "h": 556,
    "i": 222, "j": 222, "k": 500, "l": 222, "m": 833, "n": 556, "o": 556, "p": 556,
    "q": 556, "r": 333, "s": 500, "t": 278, "u": 556, "v": 500, "w": 722, "x": 500,
    "y": 500, "z": 500,
}  # fmt: skip


def pixel_width(text: str, font_px: float = 20) -> float:
    """Estimated width of ``text`` in pixels of Arial at ``font_px`` (Google's SERP title)."""
    units = 0
    for char in text:
        width = _ARIAL.get(char)
        if width is None:
            width = 1000 if ord(char) >= 0x2E80 else 556
        units += width
    return units * font_px / 1000
