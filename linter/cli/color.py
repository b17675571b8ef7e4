"""Whether a report may colour its text: ``--no-color``, ``NO_COLOR``, ``FORCE_COLOR``, a tty.

``NO_COLOR`` (no-color.org) and ``FORCE_COLOR`` (force-color.org) count when set to any
non-empty value; ``NO_COLOR`` wins when both are set, and ``--no-color`` wins over both.
Without any of them, colour goes only to a terminal.
"""

from __future__ import annotations

import os
from typing import TextIO


def color_wanted(no_color: bool, stream: TextIO) -> bool:
    """Whether text written to ``stream`` gets ANSI colour."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
