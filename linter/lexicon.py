"""Words, word patterns, stop words and stemmers: the one place they are kept in step.

Every reader and check family takes what "a word" is, which words carry no content and
how words are stemmed from here, so two rules that should agree cannot drift apart and a
newcomer sees every variant side by side. Where two variants differ, they differ on
purpose: each says what it is for and why. (``tests/test_lexicon.py`` fails when a
module elsewhere under ``linter/`` defines its own ``WORD`` pattern or stop-word set.)

The lowest layer: it imports nothing from ``linter``, so any reader (and anything else)
can use it without loading another reader's dependencies (lxml, markdown-it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any


def wordset(words: str) -> frozenset[str]:
    """The white-space separated words of ``words`` as a set (how word lists are written)."""
    return frozenset(words.split())


# --- what a word is ------------------------------------------------------------------------
# Each pattern is used with ``findall``/``finditer`` (``CLAIM_WORD`` is a fragment, for
# building patterns). They differ on purpose: what each rule needs to count as one word.

# Readability counts (words per sentence, syllables): letters or digits joined by
# apostrophes, hyphens, dots or ampersands inside, and digits by thousands separators, so
# "don't", "well-known", "e.g.", "3.5", "AT&T" and "12,500" are one word each and a dash
# is none.
PROSE_WORD = re.compile(r"[^\W_]+(?:['’.\-&][^\W_]+|(?<=\d),\d{3}(?!\d))*")
# A news dateline opening a story: "SEOUL, South Korea (AP) — ", "ST. PAUL, Minn. -- ":
# the place in capitals, maybe a region, maybe the agency, and a dash.
DATELINE = re.compile(
    r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}(?:, [A-Z][\w.'’ -]{1,30}?)?"
    r"(?: \([A-Za-z .]{2,20}\))?\s*(?:—|–|--|-)\s+"
)
# Reference marks after a word or sentence ("[12]", "[a]", "[citation needed]"): read by
# nobody as words, left out of readability counts.
NOTE_MARK = re.compile(r"\[(?:\d{1,4}|[a-z]|note \d+|nb \d+|citation needed)\]", re.IGNORECASE)
# Keyphrase matching: like ``PROSE_WORD`` but split at hyphens and dots, so the keyphrase
# "rose bush" is found in "rose-bush" and a word is never glued to the next sentence.
KEYPHRASE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Repeated phrases (boilerplate): soft hyphens (typeset "cyber\xadsecurity") and
# underscores may sit inside a word, and one apostrophe ending ("it's", "author’s").
PHRASE_WORD = re.compile(r"[^\W_](?:[\w\xad]*[^\W_])?(?:[’'][^\W_]+)?")
# Title phrases (boilerplate): keeps "&", "$", ".", "%" and "-", so "AT&T", "$5",
# "vs.", "3.5%" and "How-To" stay whole when a title's words are judged for Title Case.
TITLE_WORD = re.compile(r"[\w’'&$.%-]+", re.UNICODE)
# What ``phrase_pattern`` (boilerplate) treats as word characters at a phrase's edges: a
# pasted phrase matches only between runs of other characters.
WORD_RUN = re.compile(r"[\w’'-]+")
# Site-wide fingerprints (MinHash shingles, template passage keys): case-folded runs of
# word characters, every punctuation mark ignored, so re-spacing or re-punctuating a
# copied passage does not hide it.
SHINGLE_WORD = re.compile(r"\w+")
# FAQ coverage and near-duplicate questions, on lower-cased text with curly quotes
# folded: letters and digits, "it's" whole (so it can be a stop word).
COVERAGE_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Sibling pages' title phrases (site FAQ gap), on a lower-cased title: ASCII letters and
# digits only, apostrophes split ("it's" is "it" and the stop word "s").
TITLE_KEY_WORD = re.compile(r"[a-z0-9]+")
# Whether an FAQ heading reads as a question ("How to ...", "Can You ..."): runs of
# ASCII letters and apostrophes; digits and punctuation are no words there.
QUESTION_LETTERS = re.compile(r"[A-Za-z']+")
# The plain-text reader's words: runs of non-space, punctuation attached; a word's core
# is the run stripped of ``WORD_PUNCT`` (line shapes are judged on those).
SPACED_WORD = re.compile(r"\S+")
WORD_PUNCT = "\"'“”‘’«»()[]{}:;,.!?*_"
# The contradiction pair gate's surface words, on lower-cased text: inner hyphens and
# apostrophes kept, so "gluten-free" and "there's" are one word each (their parts are
# looked up too).
SIGNATURE_WORD = re.compile(r"[a-z][a-z0-9]*(?:[-'][a-z0-9]+)*")
# A word in a claim (contradiction), as a regex fragment for building claim patterns: a
# letter, then word characters, apostrophes and hyphens ("well-paid", "employer’s").
CLAIM_WORD = r"[A-Za-z][\w'’-]*"


# --- words that carry no content -----------------------------------------------------------
# One hand-written list in layers: each rule's stop words are the common core plus the
# words that rule needs on top. (The repeated-phrase rule uses spaCy's longer list, which
# comes with spaCy: ``boilerplate/repeated_phrase.py``.)

# Words a keyphrase can lose or reorder in a title or heading ("pruning of roses"): what
# is left must be found for the keyphrase to be mentioned.
FUNCTION_WORDS = wordset(
    "a an the and or of to in on at for with by from as is are how what why your you"
)
# The stop words every content-word count below shares.
_CORE_STOP_WORDS = FUNCTION_WORDS | wordset(
    """
    but was were be been it its this that these those we our they their he she i my me
    not no do does did can will would should could may might have has had if then than so
    such there here which who whom when where all any each more most other some into
    about also just only very
    """
)
# FAQ coverage (and the site FAQ gap's title phrases): the concepts of a question are
# its other words, so contractions, "vs" and vague nouns ("thing", "way") go too.
STOP_WORDS = _CORE_STOP_WORDS | wordset(
    """
    nor onto being am doing done having shall us yours them whose whether much many every
    own yes there's it's what's i'm you're don't doesn't isn't aren't between vs versus
    get got s t one ones thing things way really
    """
)


@cache
def spacy_stop_words() -> frozenset[str]:
    """spaCy's English stop words (326, "his", "made", "now", "up" among them): the long
    list, for rules that must not key on such words (repeated phrases, the contradiction
    pair gate). Read from spaCy's file without importing spaCy (whose package import
    drags in its command line): the file is one set literal and imports nothing."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
    namespace: dict[str, Any] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return frozenset(namespace["STOP_WORDS"])


# Keyword stuffing: a repeated phrase must start and end with a content word. Checked
# against ``keyphrase_stem`` stems, so a word that stemmer shortens ("does" is "doe")
# never matches here; "his", "her", "out", "up" and "over" are stop words only here.
STUFFING_STOP_WORDS = _CORE_STOP_WORDS | wordset("his her out up over")

# Small words Title Case leaves in lower case, two lists for two uses: the plain-text
# reader's, for telling a Title Case heading line (any short preposition or conjunction:
# "Living Off the Grid"); boilerplate's, for telling a name or topic phrase, which adds
# "&" and the "de", "del", "la" of names ("Casa de la Moneda") and lacks the rest.
_TITLE_CONNECTORS_COMMON = wordset(
    "a an and at by for from in into of on or the to versus via vs vs. with"
)
TITLE_CONNECTORS = _TITLE_CONNECTORS_COMMON | wordset(
    "as but if nor off onto over per so than up v. within without yet"
)
NAME_CONNECTORS = _TITLE_CONNECTORS_COMMON | wordset("& de del la")


# --- where a page title splits ---------------------------------------------------------------
# Three rules cut "Topic: Subtitle | Site" into parts, each as strictly as it needs:
# Boilerplate's title phrases: " | ", " – ", " - ", "::" and ": " (a hyphen only with
# spaces around it, so "How-To" stays whole).
TITLE_SPLIT = re.compile(r"\s+[|–—•·»:]\s+|\s+-\s+|\s*::\s*|:\s+")
# The inferred keyphrase: also "/" and runs of separators ("Roses // Garden"), and "|",
# en and em dashes and bullets even without spaces ("Roses|Garden Co").
KEYPHRASE_TITLE_SPLIT = re.compile(r"\s+[|\-–—·•»:/]+\s+|\s*[|–—·•»]\s*|:\s+")
# The site FAQ gap's title topic: a separator with white space on both sides ("Topic |
# Site name", "Site : Topic", "Topic - Site"); the longest part is the topic.
TITLE_PART_SPLIT = re.compile(r"\s+[|–—·»:-]\s+")


# --- stemmers ----------------------------------------------------------------------------
# Two, on purpose. Keyphrase rules match what the writer typed, plural-blind only (as
# Yoast does): Snowball would make "pruning" match "prune" and "organization" match
# "organ". FAQ coverage judges meaning, where "earning" should meet "earn".


@cache
def _snowball() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def concept_stem(word: str) -> str:
    """Snowball (Porter 2) stem of a lower-case word, for FAQ coverage and the site FAQ gap."""
    return _snowball().stemWord(word)


@lru_cache(maxsize=1 << 16)
def keyphrase_stem(word: str) -> str:
    """Lower case without a possessive or plural ending, so "barrels" matches "barrel".

    Cached: the keyphrase and stuffing checks stem every word of the body, and words
    recur.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# --- word senses (FAQ coverage) ---------------------------------------------------------
# WordNet 3.0 senses of common words (``linter/data/wordnet_senses.txt``, built by
# ``tools/build_synonyms.py``): two words mean the same when they share a sense, and a
# noun is covered by a broader one ("terrier" by "dog"). Loaded on first use only.

# A word as written, case kept, for telling names from words: "Brava", "5K", "eSIM".
CASED_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
# Units that make "12 weeks" a length of time and "$15" or "40 pounds" a price.
TIME_UNITS = wordset(
    """
    second seconds minute minutes min mins hour hours hr hrs day days week weeks fortnight
    month months year years decade decades night nights semester semesters term terms
    """
)
NUMBER_WORDS = wordset(
    "a an one two three four five six seven eight nine ten eleven twelve fifteen twenty few"
)
# Questions asking for a length of time or an amount of money.
HOW_LONG = re.compile(
    r"\bhow (?:long|soon)\b|\bhow many (?:seconds|minutes|hours|days|weeks|months|years)\b"
)
HOW_MUCH = re.compile(r"\bhow much\b|\bwhat (?:does|do|will|would) (?:it|they|\w+) cost\b")
# Words that say nothing of a question's topic: stop words and number words.
COVERAGE_STOP = (
    STOP_WORDS
    | NUMBER_WORDS
    | wordset("too also ever usually typically ok okay possible kind type sort take while")
)
# "check-in", "sign-up", "take-off": one word for coverage, not "check" and a particle.
PARTICLE_COMPOUND = re.compile(r"\b([a-z]+)-(in|out|up|off|on|over|down)\b")
# "How many weeks ..." asks how long.
HOW_MANY_UNITS = re.compile(r"\bhow many (?:seconds|minutes|hours|days|weeks|months|years)\b")
MONEY = re.compile(
    r"[$£€¥₹]\s?\d|\d\s?(?:k\b)?\s*(?:dollars?|pounds?|euros?|usd|gbp|eur|cents?|pence)\b"
    r"|\bfree\b|\bno (?:charge|cost|fee)s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Senses:
    """Senses per ``concept_stem`` stem, and the broader senses of each noun sense."""

    of_stem: dict[str, tuple[str, ...]]
    broader: dict[str, tuple[str, ...]]
    kind: dict[str, str]  # "v", "a" or "r" for stems mostly not nouns


@cache
def word_senses() -> Senses:
    """The WordNet table, read once (about 20 ms)."""
    from importlib import resources

    of_stem: dict[str, tuple[str, ...]] = {}
    broader: dict[str, tuple[str, ...]] = {}
    kind: dict[str, str] = {}
    text = (resources.files("linter") / "data" / "wordnet_senses.txt").read_text("utf-8")
    for line in text.splitlines():
        kind_, _, rest = line.partition(" ")
        if kind_ == "s":
            stem, *ids = rest.split()
            of_stem[stem] = tuple(ids)
        elif kind_ == "h":
            sense, *parents = rest.split()
            broader[sense] = tuple(parents)
        elif kind_ == "p":
            stem, _, pos = rest.partition(" ")
            kind[stem] = pos
    return Senses(of_stem, broader, kind)


# --- FAQ headings and questions --------------------------------------------------------------

# A heading that names an FAQ, found anywhere in the heading's text ("FAQ", "FAQs",
# "F.A.Q.", "Frequently Asked Questions", "Frequently-asked question", "Common
# questions", "Question & answers", "Q&A", with other words around). The HTML and
# Markdown readers, whose headings are marked up, use it with ``search``.
FAQ_HEADING = re.compile(
    r"(?<![\w.])(?:faqs?|f\.a\.q\.?s?|frequently[\s-]+asked[\s-]+questions?|common\s+questions"
    r"|questions?\s+(?:and|&)\s+answers?|q\s*&\s*a)(?!\w)",
    re.I,
)

# The plain-text reader's variant, used with ``match`` on a whole line, which has no
# markup to say it is a heading: the line must open with the FAQ name (optionally in
# brackets, "(FAQ)" after it allowed) and either end there, go on after ":", "-", "–",
# "—" or "|", or go on with "about", "on", "for", "regarding", "of", "to", "in" or
# "related to". The names themselves are stricter than ``FAQ_HEADING``'s: the plural
# only for "frequently asked questions" and "questions and answers", no hyphens in the
# former, no "&" in the latter.
FAQ_HEADING_LINE = re.compile(
    r"\(?\s*(?:faqs?|f\.a\.q\.?s?|frequently\s+asked\s+questions|common\s+questions"
    r"|questions\s+and\s+answers|q\s*&\s*a)\s*(?:\(\s*faqs?\s*\))?\s*\)?"
    r"(?:$|\s*[:\-–—|]\s*\S|\s+(?:about|on|for|regarding|of|to|in|related\s+to)\b)",
    re.IGNORECASE,
)

# A paragraph ending with "?" inside an FAQ section is a question up to this many words
# (HTML and Markdown readers; plain-text question lines have their own limit).
FAQ_QUESTION_MAX_WORDS = 25

# Closing quotes and brackets that may follow a sentence's final "?" or ".": looked
# through when reading how a line ends.
CLOSING_QUOTES = "\"'”’»)]"


# --- where a sentence does not end (sentence splitting) ----------------------------------------
# Abbreviations written with a full stop, lower-cased, the stop left off. spaCy's English
# tokenizer keeps many of them whole ("Sen.", "Calif.", "U.S."), others it splits ("Lt" +
# "."), and its sentencizer then ends a sentence there; ``linter.nlp_bounds`` joins such a
# sentence to the next when the next goes on the same sentence (see there for when).

# Titles put before a name: followed by a capitalised word they never end a sentence
# ("Sen. Mitch McConnell", "Lt. Col. Vindman", "Rt. Hon. Smith").
NAME_TITLES = wordset(
    "mr mrs ms mx dr prof sen rep gov lt col gen maj capt cpt sgt cpl pvt adm cmdr cdr "
    "lieut brig supt insp det rev fr hon rt pres atty amb sec sr jr st messrs mme mlle"
)
# US states as AP style abbreviates them ("Ky.", "Calif.", "N.Y."), the party tags of
# US politicians are written with ("R-Ky.", "D-N.Y.").
STATE_ABBREVIATIONS = wordset(
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss "
    "mo mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex vt va wash "
    "w.va wis wyo d.c"
)
# Months ("Jan. 5") and week days ("Tues.") as news style abbreviates them.
DATE_ABBREVIATIONS = wordset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri"
)
# Other abbreviations that usually go on with a number, a lower-case word or a comma
# ("No. 3", "approx. 20", "e.g. apples", "Fig. 2", "vs. Jones").
OTHER_ABBREVIATIONS = wordset(
    "no nos approx appr est e.g i.e etc vs v cf al ca c fig figs eq eqs vol vols p pp ch chap "
    "sect ed eds trans incl excl esp misc dept univ assn assoc corp inc ltd co bros "
    "mt ft sq cu oz lb lbs in hr hrs mins avg ref refs tel ext dist ave "
    "blvd rd hwy u.s u.k u.n e.u a.m p.m ph.d m.d b.a m.a u.s.a"
)
# Of those, the ones that never end a sentence, whatever follows ("vs. The Rock").
MID_SENTENCE_ABBREVIATIONS = NAME_TITLES - wordset("sr jr st") | wordset(
    "vs v e.g i.e cf approx appr incl excl esp viz fig figs eq eqs vol vols pp"
)
ABBREVIATIONS = NAME_TITLES | STATE_ABBREVIATIONS | DATE_ABBREVIATIONS | OTHER_ABBREVIATIONS
# A clock time's "a.m."/"p.m." ends a sentence before any capitalised word but these: a
# day, a month or a time zone goes on the same sentence ("at 9 a.m. Tuesday", "p.m. EST").
CLOCK_SUFFIXES = wordset("a.m p.m")
AFTER_CLOCK = wordset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec et est edt ct cst "
    "cdt mt mst mdt pt pst pdt gmt utc bst cet cest ist aest local"
)

# Capitalised words that open a sentence far more often than they name something: after an
# abbreviation that could end a sentence ("... in the U.S. The next day"), one of these
# says a new sentence starts there.
SENTENCE_OPENERS = wordset(
    "the a an it its he his she her they their them we our i my you your this that these "
    "those there here but and so yet or nor if when while after before although though "
    "because since as once now then however meanwhile still also instead what why how who "
    "where which some many most several few other others one two three no not none every "
    "each all both in on at for with by from to of into during under over about"
)

# Words that name the institutions of an author's affiliation line ("Department of
# Biology, University of Otago, Dunedin"): with few function words and several commas,
# such a line is a byline or affiliation, not prose (``checks/readability/_prose.py``).
AFFILIATION_WORDS = wordset(
    "university universidad universität université department dept institute institut "
    "faculty school college laboratory laboratories hospital academy"
)
# Words an affiliation line never has and a sentence about an institution usually does.
AFFILIATION_BREAKERS = wordset(
    "is are was were be been has have had will would can could said says it he she they we "
    "i you this that who which"
)
