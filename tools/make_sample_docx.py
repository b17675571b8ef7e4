"""Write ``samples/draft.docx``, the sample Word draft, so it can be rebuilt and reviewed.

The draft is the project's own short text: a heading, paragraphs, a bulleted list, a
table, a hyperlink, an empty paragraph, and an FAQ with one question left unanswered and
one doubled word, so ``contentlint check samples/draft.docx`` has something to find at
paragraph positions an editor can count in Word. Run from the repository root:

    python tools/make_sample_docx.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "samples" / "draft.docx"

INTRO = (
    "A sourdough starter is flour and water that wild yeast and bacteria have moved "
    "into. Fed on a regular schedule it keeps for years, and a jar that smells sharp "
    "after a week in the fridge is tired, not dead."
)
ROUTINE = (
    "Most bakers feed their starter once a day when it lives on the counter and once a "
    "week when it lives in the fridge. Discard all but a spoonful, then stir in equal "
    "weights of flour and water."
)
STEPS = (
    "Weigh 20 grams of starter into a clean jar.",
    "Add 50 grams of flour and 50 grams of lukewarm water.",
    "Mark the level with a rubber band and leave it somewhere warm.",
)
TABLE = (
    ("Where it lives", "How often to feed", "Ready to bake after"),
    ("Kitchen counter", "Every day", "4 to 8 hours"),
    ("Fridge", "Once a week", "Two feeds at room temperature"),
)
LINK_TEXT = "the flour guide"
LINK_URL = "https://example.org/flour-guide"


def _link(paragraph: Any, text: str, url: str) -> None:
    """Append a hyperlink run (python-docx has no public call for one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    text_el = OxmlElement("w:t")
    text_el.text = text
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def build() -> Any:
    """The sample as a python-docx document."""
    import docx

    doc = docx.Document()
    props = doc.core_properties
    props.author = "contentlint"
    props.created = props.modified = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    doc.add_heading("Keeping a sourdough starter alive", level=1)
    doc.add_paragraph(INTRO)
    doc.add_paragraph()
    doc.add_heading("A feeding routine", level=2)
    doc.add_paragraph(ROUTINE)
    for step in STEPS:
        doc.add_paragraph(step, style="List Number")
    table = doc.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    para = doc.add_paragraph("Whole rye wakes a sleepy starter fastest; ")
    _link(para, LINK_TEXT, LINK_URL)
    para.add_run(" compares the common flours.")
    doc.add_heading("FAQ", level=2)
    doc.add_heading("Can I feed it with whole wheat flour?", level=3)
    doc.add_paragraph(
        "Yes. Whole wheat feeds the yeast well, but the starter rises faster and needs "
        "feeding a few hours sooner than one kept on white flour."
    )
    doc.add_heading("What does the grey liquid on top mean?", level=3)
    doc.add_heading("How do I know that it is ready to bake with?", level=3)
    doc.add_paragraph(
        "It has doubled in the jar since its last feed and a spoonful floats in water. "
        "Bake when it is at its peak, before it falls back back down."
    )
    return doc


def main() -> int:
    build().save(str(OUT))
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
