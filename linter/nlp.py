"""One spaCy pipeline per process, loaded on first use.

The default is ``spacy.blank("en")`` with a rule-based sentencizer: it needs no model
download and tokenises fast. Each block is its own spaCy doc, so sentences never cross
block boundaries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter.model import Block, Sentence

if TYPE_CHECKING:
    from spacy.language import Language

_pipeline: Language | None = None
_model_name: str | None = None

# Blocks longer than this are cut into pieces for spaCy (its default limit is 1,000,000
# characters); a piece boundary is placed at white space.
_MAX_PIECE = 200_000


def configure(model: str | None) -> None:
    """Choose the pipeline before first use: ``None`` for the blank English one."""
    global _pipeline, _model_name
    if model != _model_name:
        _model_name = model
        _pipeline = None


def pipeline() -> Language:
    """The process-wide pipeline, created on first call."""
    global _pipeline
    if _pipeline is None:
        import spacy

        if _model_name:
            nlp = spacy.load(_model_name)
            if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
                nlp.add_pipe("sentencizer")
        else:
            nlp = spacy.blank("en")
            nlp.add_pipe("sentencizer")
        nlp.max_length = _MAX_PIECE + 1000
        _pipeline = nlp
    return _pipeline


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


def segment(blocks: list[Block]) -> list[Sentence]:
    """Sentences of ``blocks`` in document order."""
    nlp = pipeline()
    jobs = [(block, base, piece) for block in blocks for base, piece in _pieces(block.text)]
    sentences: list[Sentence] = []
    for (block, base, _), spacy_doc in zip(
        jobs, nlp.pipe(piece for _, _, piece in jobs), strict=True
    ):
        for span in spacy_doc.sents:
            text = span.text
            stripped = text.strip()
            if not stripped:
                continue
            start = base + span.start_char + (len(text) - len(text.lstrip()))
            sentences.append(Sentence(block, start, start + len(stripped), span, base))
    return sentences
