"""The spaCy pipeline's shortcuts change nothing the rules see.

``linter.nlp`` imports spaCy without its command-line package and has the blank
pipeline compute only the lexical attributes contentlint reads (``LEXICAL_ATTRS``).
These tests pin both: the import falls back cleanly, the trimmed pipeline tokenises,
segments and flags exactly like a full one, and no code reads an attribute it dropped.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from linter import nlp

REPO = Path(__file__).resolve().parents[1]

TEXTS = [
    "Prices rose 3.5% in 2024, e.g. for the U.S. market (see [12]). Don't panic!",
    "Ms. Smith's well-known café — open 9–5 — sells “organic” tea... Really?",
    "Visit https://example.com or mail info@example.com. It’s 10:30 am; $20 off.",
    "  Line one\nline two\n\nLine three: ÉCOLE, naïve, Straße, 東京, ½ cup.  ",
]


def test_import_spacy_leaves_no_placeholders_behind():
    code = (
        "import sys\n"
        "from linter.nlp import import_spacy\n"
        "spacy = import_spacy()\n"
        "assert 'spacy.cli' not in sys.modules, 'placeholder left in sys.modules'\n"
        "assert 'typer' not in sys.modules and 'requests' not in sys.modules\n"
        "spacy.blank('en')\n"
        "import spacy.cli\n"  # the real package still loads when asked for
        "assert hasattr(spacy.cli, 'download')\n"
        "from spacy.cli.info import info\n"
        "assert spacy.info is not info and callable(spacy.info)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_import_spacy_falls_back_when_spacy_needs_more_of_its_cli():
    """A spaCy whose ``__init__`` imports more from ``spacy.cli`` fails against the
    placeholders; the import is then retried the normal way."""
    code = (
        "import builtins, sys\n"
        "real_import = builtins.__import__\n"
        "attempts = []\n"
        "def fake_import(name, *args, **kwargs):\n"
        "    if name == 'spacy' and not attempts:\n"
        "        attempts.append(sys.modules['spacy.cli'].__doc__)\n"
        "        raise ImportError(\"cannot import name 'app' from 'spacy.cli'\")\n"
        "    return real_import(name, *args, **kwargs)\n"
        "builtins.__import__ = fake_import\n"
        "from linter.nlp import import_spacy\n"
        "spacy = import_spacy()\n"
        "assert attempts and attempts[0].startswith('contentlint'), attempts\n"
        "assert 'typer' in sys.modules, 'the retry is the normal import, with its CLI'\n"
        "assert spacy.blank('en')('It works.')[0].text == 'It'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _tokens(language, text):
    doc = language(text)
    return [
        (
            t.text,
            t.idx,
            t.whitespace_,
            t.lower_,
            t.is_alpha,
            t.is_space,
            t.is_punct,
            t.is_sent_start,
        )
        for t in doc
    ]


def test_trimmed_pipeline_reads_like_a_full_one():
    spacy = nlp.import_spacy()
    full = spacy.blank("en")
    full.add_pipe("sentencizer")
    trimmed = nlp.pipeline()
    assert len(trimmed.vocab.lex_attr_getters) == len(nlp.LEXICAL_ATTRS)
    for text in TEXTS:
        assert _tokens(trimmed, text) == _tokens(full, text)


def _dropped_attributes() -> set[str]:
    """Token attribute names whose lexical getter the trimmed pipeline leaves out."""
    from spacy.attrs import IDS

    names = {value: name for name, value in IDS.items()}
    full = nlp.import_spacy().blank("en").vocab.lex_attr_getters
    return {names[attr].lower() for attr in full} - {a.lower() for a in nlp.LEXICAL_ATTRS}


def test_no_code_reads_a_lexical_attribute_the_pipeline_drops():
    """With the trimmed pipeline ``token.like_num`` or ``token.shape_`` is silently False
    or empty: code that needs one must add it to ``linter.nlp.LEXICAL_ATTRS``."""
    dropped = _dropped_attributes()
    flags = sorted(a for a in dropped if a.startswith(("is_", "like_")))
    strings = sorted(a for a in dropped if a not in flags)  # norm, prefix, shape...
    pattern = re.compile(
        r"\.(?:" + "|".join(flags) + r")\b|\.(?:" + "|".join(strings) + r")_(?!\w)"
    )
    offenders = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sorted((REPO / "linter").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not offenders, "lexical attributes not in nlp.LEXICAL_ATTRS:\n" + "\n".join(offenders)


def test_segment_makes_the_docs_nlp_pipe_makes():
    """The blank pipeline's components are called directly instead of through
    ``nlp.pipe``; tokens and sentence starts must be the same."""
    language = nlp.pipeline()
    assert nlp._rule_based(language)
    assert language.tokenizer.max_cache_size >= nlp._TOKENIZER_CACHE
    direct = list(nlp._docs(language, TEXTS))
    piped = list(language.pipe(TEXTS))
    for a, b in zip(direct, piped, strict=True):
        assert [(t.text, t.idx, t.whitespace_, t.is_sent_start) for t in a] == [
            (t.text, t.idx, t.whitespace_, t.is_sent_start) for t in b
        ]
        assert [s.text for s in a.sents] == [s.text for s in b.sents]


# Sentences for the tag-indexed attribute ruler: contractions, colloquial spellings the
# ruler's own patterns name, an expletive "there", auxiliaries, odd white space.
RULER_TEXTS = [
    "There's no way you'd miss it; there are two signs at the gate.",
    "Y'all ain't gonna believe how cheap the ferry was, c'mon!",
    "Let's say the kids have had their lunch and we gotta leave by noon.",
    "He did not do the dishes, but she has done hers twice.",
    "Nothin' beats a 30\u2009min nap   after lunch.\n\nRight?",
    "Those who can't wait should book whatever seat is left, doin' it early.",
    "That is the one I meant: the blue kettle that whistles.",
]


def test_the_tag_indexed_attribute_ruler_sets_what_spacys_matcher_sets():
    import pytest

    spacy = pytest.importorskip("spacy")
    pytest.importorskip(nlp.TRAINED)
    reference = spacy.load(nlp.TRAINED, exclude=["ner"])  # spaCy's own matcher
    fast = nlp.trained()
    assert fast.get_pipe("attribute_ruler").match is not None
    for ours, theirs in zip(fast.pipe(RULER_TEXTS), reference.pipe(RULER_TEXTS), strict=True):
        got = [(t.text, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours]
        want = [(t.text, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in theirs]
        assert got == want
    # the swap did happen: the ruler's match is the tag-indexed one
    from linter.nlp_attributes import TagIndexedMatch

    assert isinstance(fast.get_pipe("attribute_ruler").match, TagIndexedMatch)


# --- sentence boundaries the sentencizer gets wrong (linter.nlp_bounds, issue 14) -----------


def _sentences_of(text: str) -> list[str]:
    from linter.model import Block
    from linter.textmap import TextMap

    block = Block("paragraph", text, TextMap.identity(0, len(text)))
    return [sentence.text for sentence in nlp.segment([block])]


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Ada Byrne, R-Ky., said the vote would wait until spring.",
        "Rep. Tom Okafor (D-N.Y.) and Gov. Lena Ruiz of Calif. met on Jan. 9 in Boston, Mass.",
        "Lt. Col. Ravi Dunn and the Rt. Hon. Mary Lowe toured the base at 3 p.m. on Friday.",
        "The team finished No. 3 in the U.S. rankings, approx. 40 points behind the leader.",
        "Soft fruit, e.g. plums, bruises easily; see Fig. 2 for the crate we use vs. the old one.",
        "The plan — who would object? — was dropped, and the shed (built cheaply!) stayed.",
    ],
)
def test_no_sentence_break_inside_abbreviations_or_asides(text):
    assert _sentences_of(text) == [text]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Sales doubled in the U.S. The next quarter they fell again.",
            ["Sales doubled in the U.S.", "The next quarter they fell again."],
        ),
        (
            "The ferry leaves at 7 p.m. It returns before dawn.",
            ["The ferry leaves at 7 p.m.", "It returns before dawn."],
        ),
        (
            "The data are at https://example.org/tide-tables. Both files are updated weekly.",
            ["The data are at https://example.org/tide-tables.", "Both files are updated weekly."],
        ),
        (
            "Cite it as doi:10.5555/garden.2024.7. Readers can find it there.",
            ["Cite it as doi:10.5555/garden.2024.7.", "Readers can find it there."],
        ),
        (
            "Quotes were taken by Sen. Ada Byrne, R-Ky. The bill failed.",
            ["Quotes were taken by Sen. Ada Byrne, R-Ky.", "The bill failed."],
        ),
        (
            "Was it worth it? No. The roof leaked by March.",
            ["Was it worth it?", "No.", "The roof leaked by March."],
        ),
    ],
)
def test_sentence_break_after_an_abbreviation_or_url_that_ends_one(text, want):
    assert _sentences_of(text) == want


def test_an_ellipsis_and_a_name_after_a_question_are_left_as_they_were():
    assert _sentences_of("Well... I suppose so.") == ["Well... I suppose so."]
    assert _sentences_of("Really? iPhone sales rose.") == ["Really?", "iPhone sales rose."]


def test_a_clock_time_ends_a_sentence_unless_a_day_month_or_zone_follows():
    assert _sentences_of("The ferry left at 6:15 a.m. Passengers waited on the pier.") == [
        "The ferry left at 6:15 a.m.",
        "Passengers waited on the pier.",
    ]
    assert _sentences_of("The ferry leaves at 6 a.m. Tuesday from the pier.") == [
        "The ferry leaves at 6 a.m. Tuesday from the pier."
    ]
    assert _sentences_of("Doors open at 7 p.m. EST for members.") == [
        "Doors open at 7 p.m. EST for members."
    ]


def test_a_note_number_after_a_full_stop_ends_the_sentence():
    assert _sentences_of("Most pages load in 2 seconds.14 Slower ones lose readers.") == [
        "Most pages load in 2 seconds.14",
        "Slower ones lose readers.",
    ]
    assert _sentences_of("Version 2.23 Beta is out.") == ["Version 2.23 Beta is out."]
