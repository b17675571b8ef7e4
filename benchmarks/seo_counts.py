"""Pages per on-page SEO fault in the benchmark corpus: plain lxml beside contentlint.

The lxml column is an independent count with XPath only (no contentlint code), so a
disagreement points at a bug in one of the two. Where a rule deliberately narrows the
plain definition (tracking pixels are not images without alt, an H1 made of a logo
with alt text is an H1), a second lxml column applies the same narrowing, and the note
says why the plain count differs. Rules that depend on the reader's article-body
detection (links, content images, thin content, heading outline) have no lxml count.

    python benchmarks/seo_counts.py [--corpus ../shared/corpus/bench] [--findings DIR]

``--findings DIR`` also writes each rule's findings to ``DIR/CODE.txt`` for reading.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bench"
# Elements whose inner markup is not page content.
HIDDEN = ("script", "style", "template", "svg", "math", "noscript", "textarea", "iframe",
          "object")  # fmt: skip
NOT_HIDDEN = "[not(" + " or ".join(f"ancestor::{t}" for t in HIDDEN) + ")]"


def parse(path: Path) -> Any:
    """The lxml tree of a page (bytes in, so lxml reads the declared encoding itself)."""
    data = re.sub(rb"\A\s*<\?xml[^>]*>", b"", path.read_bytes())
    try:  # UTF-8 pages without a charset declaration would be read as Latin-1
        text: str | bytes = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data
    return etree.fromstring(text, etree.HTMLParser(remove_comments=True))


def squash(text: str | None) -> str:
    text = (text or "").replace("\xa0", " ")
    for char in "\u200b\u200c\u200d\u2060\ufeff":
        text = text.replace(char, "")
    return " ".join(text.split())


def descriptions(root: Any) -> list[str]:
    return [
        squash(m.get("content"))
        for m in root.iter("meta")
        if (m.get("name") or m.get("property") or "").strip().lower() == "description"
    ]


def titles(root: Any) -> list[str]:
    return [squash(t.xpath("string()")) for t in root.xpath("//title" + NOT_HIDDEN)]


def h1s(root: Any) -> list[Any]:
    return root.xpath("//h1" + NOT_HIDDEN)


def visible(el: Any) -> str:
    """Text of an element without SVG, script, style and template content."""
    return squash(
        "".join(
            el.xpath(
                ".//text()[not(ancestor::svg or ancestor::script"
                " or ancestor::style or ancestor::template)]"
            )
        )
    )


def heading_text(el: Any) -> str:
    """Text, else what a screen reader reads: image alt, aria-label, an SVG's <title>."""
    text = visible(el)
    labels = el.xpath(".//img/@alt | .//@aria-label | ./@aria-label | .//svg//title//text()")
    return text or squash(" ".join(labels))


def tiny(img: Any, limit: int) -> bool:
    for name in ("width", "height"):
        m = re.match(r"\s*(\d+)", img.get(name) or "")
        if m and int(m.group(1)) <= limit:
            return True
    return False


def visible_img_without_alt(img: Any) -> bool:
    """The rule's exclusions: tracking pixels, data: spacers, aria-hidden, role=presentation."""
    if img.get("alt") is not None or tiny(img, 2):
        return False
    lazy = ("data-src", "data-lazy-src", "data-original", "srcset", "data-srcset")
    if (img.get("src") or "").strip().lower().startswith("data:") and not any(
        img.get(k) for k in lazy
    ):
        return False  # a spacer
    if (img.get("aria-hidden") or "").strip().lower() == "true":
        return False
    if (img.get("role") or "").strip().lower() in ("presentation", "none"):
        return False
    style = (img.get("style") or "").replace(" ", "").lower()
    return "display:none" not in style and "visibility:hidden" not in style


def robots_noindex(root: Any) -> bool:
    for m in root.iter("meta"):
        if (m.get("name") or "").strip().lower() in ("robots", "googlebot") and re.search(
            r"(?<![\w-])(noindex|none)(?![\w-])", m.get("content") or "", re.I
        ):
            return True
    return False


def norm(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text.casefold()))


def h1_is_title(root: Any) -> bool:
    """The first H1 with text (a logo H1 before the headline is skipped) equals the title."""
    first = next((t for h in h1s(root) if (t := visible(h))), "")
    title = (titles(root) or [""])[0]
    return bool(norm(title)) and norm(first) == norm(title)


Test = Callable[[Any], bool]
# (rule code, what is counted, plain lxml test, lxml test with the rule's narrowing or None)
ROWS: list[tuple[str, str, Test | None, Test | None]] = [
    ("SEO001", "no or empty (first) <title>", lambda r: not (titles(r) or [""])[0], None),
    ("SEO002", "title over 60 chars", lambda r: len((titles(r) or [""])[0]) > 60, None),
    ("SEO003", "title under 30 chars", lambda r: 0 < len((titles(r) or [""])[0]) < 30, None),
    ("SEO004", "several <title>", lambda r: len(titles(r)) > 1, None),
    ("SEO005", "no meta description", lambda r: not any(descriptions(r)), None),
    ("SEO006", "description <70 or >160",
     lambda r: bool(next((d for d in descriptions(r) if d), None))
     and not 70 <= len(next(d for d in descriptions(r) if d)) <= 160, None),
    ("SEO007", "several meta descriptions", lambda r: len(descriptions(r)) > 1, None),
    ("SEO008", "no H1 (with text)", lambda r: not h1s(r),
     lambda r: not any(heading_text(h) for h in h1s(r))),
    ("SEO009", "several <h1>", lambda r: len(r.xpath("//h1")) > 1, lambda r: len(h1s(r)) > 1),
    ("SEO011*", "an empty heading (whole page)",
     lambda r: any(not squash(h.xpath("string()")) for h in r.xpath("//h1|//h2|//h3|//h4|//h5|//h6")),
     lambda r: any(not heading_text(h) for h in r.xpath(
         "(//h1|//h2|//h3|//h4|//h5|//h6)" + NOT_HIDDEN))),
    ("SEO011", "an empty heading in the body", None, None),
    ("SEO012", "H1 same as title", h1_is_title, None),
    ("SEO013", "an <img> without alt", lambda r: bool(r.xpath("//img[not(@alt)]")),
     lambda r: any(visible_img_without_alt(i)
                   for i in r.xpath("//img" + NOT_HIDDEN + "[not(ancestor::button)]"))),
    ("SEO014", "body image alt = file name/empty", None, None),
    ("SEO015", "empty body link", None, None),
    ("SEO016", "generic body link text", None, None),
    ("SEO017", "no links in body", None, None),
    ("SEO010", "skipped heading level (body)", None, None),
    ("SEO018", "under 300 body words", None, None),
    ("SEO022", "no rel=canonical",
     lambda r: not any(squash(link.get("href")) for link in r.xpath(
         "//link[contains(concat(' ', translate(@rel, 'CANOIL', 'canoil'), ' '), ' canonical ')]")),
     None),
    ("SEO023", "meta robots noindex", robots_noindex, None),
    ("SEO024", "no lang on <html>",
     lambda r: not squash(r.get("lang") or r.get("xml:lang")), None),
]  # fmt: skip


def lxml_counts(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    plain: Counter[str] = Counter()
    narrowed: Counter[str] = Counter()
    for path in paths:
        try:
            root = parse(path)
        except (etree.LxmlError, ValueError):
            continue
        if root is None:
            continue
        for code, _, test, same in ROWS:
            if test is not None and test(root):
                plain[code] += 1
            if (same or test) is not None and (same or test)(root):
                narrowed[code] += 1
    return plain, narrowed


def contentlint_counts(paths: list[Path], out: Path | None) -> Counter[str]:
    sys.path.insert(0, str(REPO))
    from linter.engine import Engine
    from linter.rulepack import load_rules
    from linter.runner import lint_one

    rules = [r for r in load_rules() if r.category == "seo"]
    # SEO011 reports body headings only; "SEO011*" is the same rule over the whole page,
    # which is what the lxml count measures.
    whole = next(r for r in rules if r.code == "SEO011").with_overrides(None, {"body_only": False})
    engine = Engine([*rules, replace(whole, code="SEO011*")])
    pages: Counter[str] = Counter()
    lines: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        result = lint_one(str(path), engine)
        if result.error:
            print(f"{path.name}: {result.error}", file=sys.stderr)
        for code in {f.code for f in result.findings}:
            pages[code] += 1
        for f in result.findings:
            lines[f.code].append(f"{path.name}:{f.line}:{f.column}: {f.message}\n    {f.excerpt}")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for code, found in lines.items():
            (out / f"{code}.txt").write_text("\n".join(found) + "\n", encoding="utf-8")
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--findings", type=Path, default=None)
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*.html"))
    if not paths:
        sys.exit(f"no pages in {args.corpus}")
    plain, narrowed = lxml_counts(paths)
    linted = contentlint_counts(paths, args.findings)
    print(f"{len(paths)} pages in {args.corpus}\n")
    print("| rule | pages with | lxml plain | lxml, rule's definition | contentlint |")
    print("|---|---|---:|---:|---:|")
    for code, label, test, same in ROWS:
        first = str(plain[code]) if test is not None else "-"
        second = str(narrowed[code]) if (same or test) is not None else "-"
        print(f"| {code} | {label} | {first} | {second} | {linted[code]} |")
    for code in sorted(set(linted) - {row[0] for row in ROWS}):
        print(f"| {code} | (other) | - | - | {linted[code]} |")


if __name__ == "__main__":
    main()
