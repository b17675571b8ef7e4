"""Build a synthetic site of N HTML pages from the benchmark corpus, for audits at scale.

    python benchmarks/synthetic_site.py OUT_DIR --pages 100000 [--seed 1]
        [--corpus ../shared/corpus/bench] [--replace]

``contentlint audit`` at 100,000 pages needs a site that looks like one to the site rules,
which the 353 corpus pages repeated would not: their copies are exact duplicates of each
other, with no shared template and no sibling FAQs. So every page here is built anew:

- one site template (header, navigation, logo without alt, footer boilerplate, newsletter
  blurb) in three variants by section, around an article of corpus paragraphs taken from
  a few source pages, shuffled, some sentences swapped, 300 to 2,500 words (median ~900);
- titles and descriptions from a topic phrase, a suffix and corpus text, so they rarely
  collide by chance;
- faults at about the rates of a real site (``RATES``): duplicate titles and descriptions,
  near-duplicate pages (a copy with a few words changed), exact copies, pages without a
  description or an H1, images without alt, and an FAQ section on ~15 % of the pages whose
  questions are shared, some missing, between sibling pages on one topic.

Pages sit in ``section/NNNN/slug-I.html``; ``OUT_DIR/pages.lst`` lists them in the order
they were made and ``OUT_DIR/site.json`` counts what was put in. Each page depends only
on the seed, its index and pages before it, so the first N pages of a larger site are the
site of N pages: ``audit_scale.py`` audits prefixes of one site. The output is never
written inside the repository (the text is the corpus publishers', not ours).
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import random
import re
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import synthetic_text as st

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bench"
MANIFEST = "pages.lst"
SUMMARY = "site.json"
# Faults a page carries; the first four are exclusive (a page copies at most one other).
RATES = {
    "exact_copy": 0.005,
    "near_duplicate": 0.02,
    "duplicate_title": 0.01,
    "duplicate_description": 0.01,
    "no_description": 0.03,
    "no_h1": 0.02,
    "faq": 0.15,
    "image": 0.35,  # a lead image with alt text
    "image_no_alt": 0.04,  # a lead image without alt
}
TOPIC_BLOCK = 20  # consecutive pages share a topic: the FAQ pages among them are siblings
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Plan:
    """What page ``index`` is: its section, topic and faults (``source``: the earlier
    page a copy, near-duplicate or duplicate title/description takes from)."""

    index: int
    section: str
    topic: str
    faq: bool
    fault: str | None
    source: int
    no_description: bool
    no_h1: bool
    image: str | None  # "alt", "no_alt" or None


@dataclass(frozen=True)
class Parts:
    section: str
    title: str
    description: str | None
    h1: str | None
    body: tuple[tuple[str, str], ...]


class Site:
    """Pages of one seed; each part of a page has its own random stream, so a page that
    copies an earlier one can rebuild it without keeping the site in memory."""

    def __init__(self, corpus: st.Corpus, seed: int) -> None:
        self.corpus = corpus
        self.seed = seed
        topics = [f"{a} {b}" for a in st.TOPIC_FIRST for b in st.TOPIC_SECOND]
        random.Random(f"{seed}:topics").shuffle(topics)
        self.topics = topics

    def rng(self, index: int, what: str) -> random.Random:
        return random.Random(f"{self.seed}:{index}:{what}")

    def plan(self, index: int) -> Plan:
        r = self.rng(index, "plan")
        fault, u = None, r.random()
        for name in ("exact_copy", "near_duplicate", "duplicate_title", "duplicate_description"):
            if index and u < RATES[name]:
                fault = name
                break
            u -= RATES[name]
        image = r.random()
        return Plan(
            index=index,
            section=r.choice(st.SECTIONS),
            topic=self.topics[(index // TOPIC_BLOCK) % len(self.topics)],
            faq=r.random() < RATES["faq"],
            fault=fault,
            source=r.randrange(index) if index else 0,
            no_description=r.random() < RATES["no_description"],
            no_h1=r.random() < RATES["no_h1"],
            image="no_alt"
            if image < RATES["image_no_alt"]
            else "alt"
            if image < RATES["image_no_alt"] + RATES["image"]
            else None,
        )

    def title(self, plan: Plan) -> str:
        """The page's own title; an FAQ page's main part has its topic phrase as its one
        key phrase (what groups siblings), other pages add a corpus heading."""
        r = self.rng(plan.index, "title")
        topic = plan.topic.title()
        suffix = r.choice(st.TITLE_SUFFIXES)
        if plan.faq:
            main = r.choice(st.FAQ_TITLES).format(T=topic, Y=r.randint(2019, 2026))
            return f"{main} – {r.choice(st.PLACES)}"
        heading = r.choice(self.corpus.headings)
        if r.random() < 0.5:
            return f"{heading} – {topic} {suffix}"
        return f"{topic} {suffix}: {heading}"

    def body(self, plan: Plan) -> list[tuple[str, str]]:
        """Corpus paragraphs from a few source pages, shuffled and varied, with
        sub-headings, maybe a lead image, and an FAQ for FAQ pages."""
        r = self.rng(plan.index, "body")
        corpus = self.corpus
        target = int(min(2500, max(300, r.lognormvariate(math.log(900), 0.5))))
        sources = corpus.sources
        pool = [p for n in r.sample(range(len(sources)), r.randint(2, 4)) for p in sources[n]]
        r.shuffle(pool)
        blocks: list[tuple[str, str]] = []
        words = since_heading = 0
        while words < target:
            if not pool:
                pool = list(sources[r.randrange(len(sources))])
                r.shuffle(pool)
            sentences = list(pool.pop())
            if len(sentences) > 1 and r.random() < 0.3:
                sentences[r.randrange(len(sentences))] = r.choice(corpus.sentences)
            if len(sentences) > 2 and r.random() < 0.2:
                a, b = r.sample(range(len(sentences)), 2)
                sentences[a], sentences[b] = sentences[b], sentences[a]
            text = " ".join(sentences)
            blocks.append(("p", text))
            words += len(text.split())
            since_heading += 1
            if since_heading >= r.randint(3, 6) and words < target:
                blocks.append(("h2", r.choice(corpus.headings)))
                since_heading = 0
        if plan.image:
            alt = f"{plan.topic} photo" if plan.image == "alt" else ""
            blocks.insert(1, ("img", f"/media/{plan.index:06d}/lead.jpg\t{alt}"))
        if plan.faq:
            blocks += self._faq(plan, r)
        return blocks

    def _faq(self, plan: Plan, r: random.Random) -> list[tuple[str, str]]:
        """4 to 6 of the topic's 7 questions (siblings share the topic's questions, each
        leaves some out), answered with corpus sentences."""
        first = st.TOPIC_FIRST.index(plan.topic.split()[0])
        questions = [st.FAQ_QUESTIONS[(first + n) % len(st.FAQ_QUESTIONS)] for n in range(7)]
        chosen = sorted(r.sample(range(7), r.randint(4, 6)))
        out = [("faq", r.choice(st.FAQ_HEADINGS))]
        for n in chosen:
            out.append(("h3", questions[n].format(t=plan.topic)))
            answer = " ".join(r.choice(self.corpus.sentences) for _ in range(r.randint(1, 3)))
            out.append(("p", answer))
        return out

    def description(self, plan: Plan, body: list[tuple[str, str]]) -> str:
        """A lead naming the topic and the article's opening sentence, cut at ~155 chars."""
        r = self.rng(plan.index, "description")
        lead = r.choice(st.DESCRIPTION_LEADS)
        lead = lead.format(t=plan.topic, T=plan.topic.capitalize())
        first = next(text for tag, text in body if tag == "p")
        text = f"{lead} {first}"
        if len(text) > 158:
            text = text[:155].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return text

    @functools.lru_cache(maxsize=512)  # noqa: B019 - one Site a run; copies reuse recent pages
    def parts(self, index: int) -> Parts:
        """Page ``index`` as written, faults included."""
        plan = self.plan(index)
        if plan.fault == "exact_copy":
            return self.parts(plan.source)
        if plan.fault == "near_duplicate":
            body = self._edited(self.parts(plan.source).body, plan)
        else:
            body = self.body(plan)
        title = self.title(plan)
        description = self.description(plan, body)
        if plan.fault == "duplicate_title":
            title = self.parts(plan.source).title.removesuffix(f" | {st.SITE_NAME}")
        elif plan.fault == "duplicate_description":
            description = self.parts(plan.source).description or description
        h1 = None if plan.no_h1 else title
        return Parts(
            section=plan.section,
            title=f"{title} | {st.SITE_NAME}",
            description=None if plan.no_description else description,
            h1=h1,
            body=tuple(body),
        )

    def _edited(self, body: tuple[tuple[str, str], ...], plan: Plan) -> list[tuple[str, str]]:
        """A near-duplicate: one word changed in a few paragraphs (about one in 250
        words), so the copy stays well above the 0.9 similarity of SITE005."""
        r = self.rng(plan.index, "edit")
        out = list(body)
        paragraphs = [n for n, (tag, _) in enumerate(out) if tag == "p"]
        words = sum(len(out[n][1].split()) for n in paragraphs)
        for n in r.sample(paragraphs, min(len(paragraphs), max(2, words // 250))):
            tokens = out[n][1].split()
            spots = [k for k, w in enumerate(tokens) if w.isalpha() and len(w) > 3]
            if spots:
                tokens[r.choice(spots)] = r.choice(st.EDIT_WORDS)
                out[n] = ("p", " ".join(tokens))
        return out

    def page(self, index: int) -> tuple[str, str, Plan]:
        """The relative path and HTML of page ``index``."""
        plan = self.plan(index)
        parts = self.parts(index)
        name = parts.h1 or parts.title.split(" | ")[0]
        slug = _SLUG.sub("-", name.lower()).strip("-")[:60].rstrip("-")
        path = f"{plan.section}/{index // 1000:04d}/{slug}-{index}.html"
        if plan.fault == "exact_copy":  # byte for byte, canonical included
            return path, self.page(plan.source)[1], plan
        return path, st.page_html(canonical="/" + path, **vars(parts)), plan


def _out_dir(text: str, replace: bool) -> Path:
    out = Path(text).resolve()
    if out == REPO or REPO in out.parents:
        raise SystemExit(f"{out}: inside the repository; write the site elsewhere")
    if out.exists() and any(out.iterdir()):
        if not (out / MANIFEST).exists():
            raise SystemExit(f"{out}: not empty and not a synthetic site; choose another folder")
        if not replace:
            raise SystemExit(f"{out}: holds a synthetic site already; --replace to rebuild it")
        for section in st.SECTIONS:
            shutil.rmtree(out / section, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    return out


def build(out: Path, site: Site, pages: int) -> dict:
    """Write the pages and the manifest; return what was put in."""
    counts: Counter[str] = Counter()
    size = 0
    folders: set[Path] = set()
    started = time.perf_counter()
    with open(out / MANIFEST, "w", encoding="utf-8") as manifest:
        for index in range(pages):
            path, text, plan = site.page(index)
            target = out / path
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            data = text.encode("utf-8")
            target.write_bytes(data)
            size += len(data)
            manifest.write(path + "\n")
            counts.update(
                k
                for k, on in [
                    (plan.fault, plan.fault),
                    ("faq", plan.faq),
                    ("no_description", plan.no_description),
                    ("no_h1", plan.no_h1),
                    (f"image_{plan.image}", plan.image),
                ]
                if on
            )
            if (index + 1) % 10_000 == 0:
                print(
                    f"  {index + 1:,} pages, {time.perf_counter() - started:.0f} s", file=sys.stderr
                )
    return {
        "bytes": size,
        "seconds": round(time.perf_counter() - started, 1),
        "faults": dict(counts),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", help="folder to write the site in (outside the repository)")
    parser.add_argument("--pages", type=int, required=True, help="number of pages")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same site (default 1)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder")
    parser.add_argument("--replace", action="store_true", help="rebuild a synthetic site there")
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("--pages must be 1 or more")
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus}: no corpus folder (see ../shared/corpus/README.md)")
    out = _out_dir(args.out_dir, args.replace)
    started = time.perf_counter()
    corpus = st.load_corpus(args.corpus)
    loaded = time.perf_counter() - started
    print(
        f"corpus: {len(corpus.sources)} pages, {sum(map(len, corpus.sources)):,} paragraphs, "
        f"{len(corpus.headings):,} headings ({loaded:.1f} s)",
        file=sys.stderr,
    )
    summary = {
        "seed": args.seed,
        "pages": args.pages,
        **build(out, Site(corpus, args.seed), args.pages),
    }
    summary["rates"] = RATES
    (out / SUMMARY).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(
        f"{args.pages:,} pages, {summary['bytes'] / 1e6:,.1f} MB "
        f"({summary['bytes'] / args.pages / 1000:.1f} KB a page) in {summary['seconds']:.0f} s "
        f"(+{loaded:.0f} s reading the corpus) -> {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
