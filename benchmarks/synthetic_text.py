"""The text a synthetic site is made of: corpus paragraphs, and the site's own wording.

``synthetic_site.py`` builds pages from two sources. The article text comes from the
benchmark corpus (real prose, so the linter meets real sentences): every corpus page is
parsed once with lxml and its paragraphs, sentences and sub-headings kept by source page,
so that a synthetic page can take paragraphs from a few sources the way a writer reuses
material. Everything that a site's template and SEO layer adds (site name, navigation,
footer, newsletter blurb, topic names, FAQ questions) is written here, fresh, so none of
it is corpus text. The corpus text never enters the repository: it is read at run time.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path


def _words(text: str) -> list[str]:
    """A word list written as one string (long lists stay readable)."""
    return text.split()


SITE_NAME = "Larkfield Ledger"
# Sections of the site; the template variant of a page follows its section.
SECTIONS = ["news", "guides", "reviews", "money", "travel", "home"]
VARIANT_OF = {"news": 0, "money": 0, "guides": 1, "home": 1, "reviews": 2, "travel": 2}

# Topic phrases ("solar heating", "garden storage"...): first word x second word. Sibling
# pages on one topic share the phrase in their titles, which is how the FAQ-gap rule
# groups them.
TOPIC_FIRST = _words(
    "solar garden kitchen electric winter rental family budget city coastal vintage "
    "student pension mortgage pet bicycle wedding holiday office school rooftop river "
    "mountain camping hybrid diesel wireless smart organic indoor outdoor retirement "
    "heritage compost rainwater loft basement patio workshop village harbour railway "
    "festival tenant landlord charity community island forest desert orchard canal "
    "allotment barn cottage terrace bungalow caravan farmhouse chapel lighthouse marina "
    "meadow moorland quarry riverside seaside suburban upland valley vineyard woodland "
    "hostel"
)
TOPIC_SECOND = _words(
    "heating insurance repairs travel loans lighting storage cleaning flooring security "
    "cooling savings budgets furniture planting permits parking charging batteries fencing "
    "painting plumbing roofing windows doors tools rentals tickets passes cameras "
    "speakers routers printers kettles ovens mattresses curtains carpets tiles drainage "
    "ventilation insulation lawns hedges ponds beehives greenhouses sheds gutters "
    "chimneys boilers radiators shutters skylights staircases driveways walls ceilings "
    "showers sinks cupboards shelving wardrobes lamps heaters fountains paths decking "
    "pergolas trellises"
)
# Titles of FAQ pages: besides the topic, only stop words and a year, so that the one key
# phrase the FAQ-gap rule finds in them is the topic (no cross-topic sibling crowds).
FAQ_TITLES = [
    "All About {T} in {Y}",
    "{T}: Things You Should Do in {Y}",
    "{T} in {Y}: How to Do It",
    "{T}: What, When and How ({Y})",
    "Why {T}? All You Should Do in {Y}",
    "{T} in {Y}: All the Things to Do",
]
TITLE_SUFFIXES = [
    "Questions Answered",
    "Costs Explained",
    "Buying Guide",
    "Tips for Beginners",
    "Maintenance Checklist",
    "Mistakes to Avoid",
    "Myths and Facts",
    "Step by Step",
    "Pros and Cons",
    "What Experts Recommend",
    "Complete Overview",
    "Before You Start",
    "Planning Notes",
    "Seasonal Advice",
    "Rules and Regulations",
    "Quick Guide",
    "Hidden Costs",
    "Common Problems",
    "Best Practices",
    "Honest Review",
]
PLACES = _words(
    "Ashby Brackley Corfe Dunmore Elsworth Fairlop Glenrock Hartwell Ivybridge Jedburgh "
    "Kelmscott Langham Marwood Netherby Oakridge Penrith Quenby Rushden Saltash Thornbury "
    "Ulverston Ventnor Whitby Yarwell Ampney Bideford Calne Dorrington Eastleigh Frome"
)

FAQ_QUESTIONS = [
    "How much does {t} cost?",
    "How long does {t} usually take?",
    "Is {t} worth it for a small household?",
    "What should I check before choosing {t}?",
    "Can I handle {t} myself?",
    "When is the best time of year for {t}?",
    "What are the most common mistakes with {t}?",
    "Does {t} need regular maintenance?",
    "Where can I compare offers for {t}?",
]
FAQ_HEADINGS = ["Frequently asked questions", "FAQ", "Your questions answered"]
DESCRIPTION_LEADS = [
    "{T} explained.",
    "Our take on {t}.",
    "A closer look at {t}.",
    "What to know about {t}.",
    "{T}, in brief.",
]
# Words a near-duplicate page puts in place of one word of a sentence.
EDIT_WORDS = _words("notably recently locally broadly roughly currently typically largely")

# The template: three variants (navigation order, sidebar, newsletter blurb, footer text).
_NAV = [
    ["news", "money", "guides", "reviews", "travel", "home"],
    ["guides", "home", "news", "money", "reviews", "travel"],
    ["reviews", "travel", "guides", "news", "home", "money"],
]
_NEWSLETTER = [
    "Get the Larkfield Ledger morning briefing in your inbox every weekday: the stories "
    "that matter, the numbers behind them, and nothing you did not ask for. Sign up in "
    "under a minute and leave whenever you like.",
    "Our weekly guides letter brings one practical project, one money-saving idea and one "
    "reader question to your inbox every Saturday morning. It is free, it is short, and "
    "you can unsubscribe with a single click.",
    "Reviews land here first: subscribe to the Larkfield Ledger testing notes to hear which "
    "products held up after six months of daily use, and which ones our testers quietly "
    "sent back to the shop.",
]
_FOOTER = [
    "The Larkfield Ledger is an independent publication. We fund our reporting through "
    "subscriptions and clearly labelled advertising, and our editors decide what we cover.",
    "Prices and availability were correct at the time of writing and may have changed "
    "since. We may earn a commission when you buy through links on this page, at no extra "
    "cost to you.",
    "Corrections and complaints: if we got something wrong, write to the standards desk "
    "and we will look into it within five working days.",
]
_SIDEBAR_ICON = [
    "/static/icons/trending.svg",
    "/static/icons/toolbox.svg",
    "/static/icons/star.png",
]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])")
_BOILERPLATE = re.compile(
    r"cookie|subscribe|newsletter|sign up|all rights reserved|©|javascript|advertis|"
    r"click here|privacy policy|terms of (use|service)|follow us|thank|related|read more|"
    r"share this|comments?\b|sponsored",
    re.IGNORECASE,
)


@dataclass
class Corpus:
    """Paragraphs (each a list of sentences) by source page, sentences and headings."""

    sources: list[list[list[str]]] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(root) -> tuple[list[list[str]], list[str]]:
    """The prose paragraphs and sub-headings of one parsed corpus page."""
    for bad in root.xpath("//script|//style|//noscript|//nav|//footer|//header|//aside|//form"):
        bad.drop_tree()
    paragraphs = []
    for p in root.iter("p"):
        text = _clean(p.text_content())
        words = len(text.split())
        if 15 <= words <= 250 and text[-1:] in '.!?"”’)' and not _BOILERPLATE.search(text):
            paragraphs.append(_SENTENCE_END.split(text))
    headings = []
    for h in root.xpath("//h2|//h3"):
        text = _clean(h.text_content())
        if (
            3 <= len(text.split()) <= 10
            and text[-1:].isalnum()
            and not text.isupper()
            and not _BOILERPLATE.search(text)
        ):
            headings.append(text)
    return paragraphs, headings


def load_corpus(folder: Path) -> Corpus:
    """Every corpus page's paragraphs, each paragraph once in the whole corpus."""
    import lxml.html

    corpus = Corpus()
    seen: set[str] = set()
    headings: set[str] = set()
    for path in sorted(folder.glob("*.htm*")):
        try:
            root = lxml.html.document_fromstring(path.read_bytes())
        except (ValueError, lxml.etree.ParserError):
            continue
        paragraphs, found = _paragraphs(root)
        kept = []
        for sentences in paragraphs:
            key = " ".join(sentences)
            if key not in seen:
                seen.add(key)
                kept.append(sentences)
        if len(kept) >= 3:
            corpus.sources.append(kept)
            corpus.sentences.extend(s for p in kept for s in p if len(s.split()) >= 6)
        headings.update(found)
    corpus.headings = sorted(headings)
    if len(corpus.sources) < 10:
        raise SystemExit(f"{folder}: too few corpus pages with prose ({len(corpus.sources)})")
    return corpus


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def page_html(
    *,
    section: str,
    title: str,
    description: str | None,
    h1: str | None,
    body: list[tuple[str, str]],
    canonical: str,
) -> str:
    """One page: head, the section's template around ``body`` (``(tag, text)`` blocks,
    tag ``p``, ``h2``, ``h3``, ``img`` (text: ``src``, a tab, the alt text, empty for no
    alt attribute) or ``faq`` (text: the FAQ heading, which opens the FAQ section))."""
    variant = VARIANT_OF[section]
    nav = "".join(f'<li><a href="/{name}/">{name.title()}</a></li>' for name in _NAV[variant])
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(title)}</title>",
    ]
    if description is not None:
        head.append(f'<meta name="description" content="{html.escape(description)}">')
    head += [
        f'<link rel="canonical" href="https://www.larkfield-ledger.example{canonical}">',
        '<link rel="stylesheet" href="/static/site.css">',
        "</head>",
        f'<body class="section-{section} layout-{variant}">',
        '<header class="site-header">',
        '<a href="/" class="brand"><img src="/static/larkfield-logo.png" width="180" height="40"></a>',
        f'<nav class="primary"><ul>{nav}</ul></nav>',
        "</header>",
        '<main class="content">',
        '<article class="story">',
    ]
    if h1 is not None:
        head.append(f"<h1>{esc(h1)}</h1>")
    # The newsletter blurb closes the article, before an FAQ (after it, it would read as
    # the last answer); in variant 2 it is an aside, outside the article's text.
    newsletter = (
        f'<aside class="newsletter"><p>{esc(_NEWSLETTER[variant])}</p></aside>'
        if variant == 2
        else f"<p>{esc(_NEWSLETTER[variant])}</p>"
    )
    faq = next((n for n, (tag, _) in enumerate(body) if tag == "faq"), len(body))
    out = [*head, *_body_lines(body[:faq]), newsletter, *_body_lines(body[faq:])]
    out += [
        "</article>",
        '<aside class="sidebar">',
        f'<img src="{_SIDEBAR_ICON[variant]}" width="24" height="24">'
        if variant != 1
        else f'<img src="{_SIDEBAR_ICON[variant]}" alt="Toolbox" width="24" height="24">',
        f"<h2>Popular in {section.title()}</h2>",
        "</aside>",
        "</main>",
        '<footer class="site-footer">',
        f"<p>{esc(_FOOTER[variant])}</p>",
        f"<p>{esc(_FOOTER[(variant + 1) % 3])}</p>" if variant != 1 else "",
        f"<p>© 2026 {SITE_NAME}. Registered office: 4 Mill Lane, Larkfield.</p>",
        "</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(line for line in out if line)


def _body_lines(body: list[tuple[str, str]]):
    in_faq = False
    for tag, text in body:
        if tag == "faq":
            in_faq = True
            yield f'<section class="faq"><h2>{esc(text)}</h2>'
        elif tag == "img":
            src, _, alt = text.partition("\t")
            alt = f' alt="{html.escape(alt)}"' if alt else ""
            yield f'<figure><img src="{src}"{alt}></figure>'
        else:
            yield f"<{tag}>{esc(text)}</{tag}>"
    if in_faq:
        yield "</section>"
