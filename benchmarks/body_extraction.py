"""Article-body extraction measured against hand-marked bodies of real pages.

contentlint's article body is what its prose rules read: the main region's blocks, less
the title, the meta description and the parts that are not running text (headline,
byline, captions, "Read more" lines). This script writes that body for each of the 138
``aeb_`` pages of ``../shared/corpus/bench`` and scores it with the corpus's own scorer
(``score_body.py``: word 4-gram shingles, precision and recall averaged per page).

    python benchmarks/body_extraction.py [--corpus ../shared/corpus] [--split all|tuned|held-out]

``held-out`` is the 46 pages the reader's rules were not tuned on (chosen at random before
tuning began); ``tuned`` the other 92.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from linter.model import MAIN, META, TITLE
from linter.read import read_path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
HELD_OUT = frozenset(
    {
        "aeb_9to5mac.com_cc4aa22b82.html",
        "aeb_aljazeera.com_7916ecca96.html",
        "aeb_ascom.com_5ae11e580a.html",
        "aeb_cbssports.com_9a440270bf.html",
        "aeb_cnbc.com_374ac9a59a.html",
        "aeb_cnn.com_ef4e67b66d.html",
        "aeb_ctpost.com_05844573ca.html",
        "aeb_ctpost.com_a6968f427c.html",
        "aeb_detroitnews.com_7de5241947.html",
        "aeb_express.co.uk_624fcd903d.html",
        "aeb_givewell.org_ad9e9e596f.html",
        "aeb_hawaiinewsnow.com_f344ca5fb3.html",
        "aeb_healthline.com_e593d7fe88.html",
        "aeb_indiewire.com_3d8f3404cf.html",
        "aeb_inexhibit.com_33fe2471fd.html",
        "aeb_moneycontrol.com_65408257db.html",
        "aeb_mysanantonio.com_ef2b3f268a.html",
        "aeb_nationalreview.com_f5c90a6d52.html",
        "aeb_newsnation.in_076f4f33bf.html",
        "aeb_panarmenian.net_d90bda7ed1.html",
        "aeb_polygraph.info_1ee91d1fce.html",
        "aeb_practicalhorsemanmag.com_e1cd54e557.html",
        "aeb_pv-magazine.com_b0cf2bbf01.html",
        "aeb_quantamagazine.org_bdb56ac835.html",
        "aeb_reuters.com_57d46c9d75.html",
        "aeb_rt.com_4a44ab3e4c.html",
        "aeb_sciencealert.com_14cc2a0ca5.html",
        "aeb_sciencealert.com_359fee2285.html",
        "aeb_slashgear.com_3cb22bfabe.html",
        "aeb_smithsonianmag.com_ea25dd7edf.html",
        "aeb_space.com_686bb170ef.html",
        "aeb_spokesman.com_c13b9c0e04.html",
        "aeb_techcrunch.com_1ace8c85aa.html",
        "aeb_theguardian.com_5fa3154ec0.html",
        "aeb_theparadigmng.com_e7301133ba.html",
        "aeb_therealdeal.com_bc13ff87b2.html",
        "aeb_thesun.co.uk_8b19453030.html",
        "aeb_theverge.com_785affa2c3.html",
        "aeb_twincities.com_264dc3ae31.html",
        "aeb_usatoday.com_776a1c0467.html",
        "aeb_vg247.com_63db31a161.html",
        "aeb_vortexcannon.org_95301fb788.html",
        "aeb_vox.com_16c30add7e.html",
        "aeb_washingtonexaminer.com_87bf60570e.html",
        "aeb_wsj.com_7ab16ade32.html",
        "aeb_zdnet.com_5fbc7ccb50.html",
    }
)


def body_text(path: Path) -> str:
    """The article body contentlint lints, one block a line."""
    doc = read_path(str(path))
    return "\n".join(
        b.text
        for b in doc.blocks
        if b.region == MAIN and b.kind not in (TITLE, META) and b.part is None
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", choices=("all", "tuned", "held-out"), default="all")
    args = parser.parse_args()
    truth_path = args.corpus / "bench-truth.json"
    if not truth_path.is_file():
        sys.exit(f"{truth_path}: not found (the corpus is in ../shared beside the repository)")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    keep = {
        "all": lambda name: True,
        "tuned": lambda name: name not in HELD_OUT,
        "held-out": lambda name: name in HELD_OUT,
    }[args.split]
    chosen = {name: text for name, text in truth.items() if keep(name)}
    predicted = {name: body_text(args.corpus / "bench" / name) for name in chosen}
    with tempfile.TemporaryDirectory() as folder:
        truth_file, predicted_file = Path(folder) / "truth.json", Path(folder) / "pred.json"
        truth_file.write_text(json.dumps(chosen), encoding="utf-8")
        predicted_file.write_text(json.dumps(predicted), encoding="utf-8")
        scorer = args.corpus / "score_body.py"
        subprocess.run(
            [sys.executable, str(scorer), str(truth_file), str(predicted_file)], check=True
        )


if __name__ == "__main__":
    main()
