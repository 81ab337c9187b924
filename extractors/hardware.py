"""Find accelerator mentions (vendor, model, count) with a spaCy SpanRuler built from the catalogue."""
from __future__ import annotations

import bisect
import json
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import spacy
import yaml
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from extractors.sentences import pieces
from normalizers.locale import load_locale, vocabulary
from normalizers.numbers import Number, NumberError, parse
from normalizers.patterns import NEVER, WORD_STYLES, word_alternation, word_at_end
from normalizers.script import to_simplified

if TYPE_CHECKING:
    from spacy.pipeline import SpanRuler

DATA = Path(__file__).with_name("data")
CATALOGUE = DATA / "hardware.yaml"
PATTERNS = DATA / "hardware_patterns.jsonl"
# Latin words with digits (H800, MI300X, 910B), numbers with separators, then one character at a time.
TOKEN = r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ]*|\d+(?:[.,]\d+)*[A-Za-z]*|\S"
CJK_RANGE = ("\u3400", "\u9fff")
# A character that is always a token of its own, or whitespace: no token crosses it (see token_pattern).
SEPARATOR = re.compile(r"[^A-Za-z0-9À-ÖØ-öø-ÿ.,\u3400-\u9fff]")
LAST_SEPARATOR = re.compile(rf".*{SEPARATOR.pattern}", re.S)
LATIN_START = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]")
# How far before an anchor a window starts: a one-unit word before a name (pro H100, 每块H100).
WINDOW_BEFORE = 8
# Below this length a text is read whole. Since the anchor finders got cheaper, windows pay on every length
# (extract_hardware on the cleaning pages' texts, half of them shorter than 3000 characters: 0.46 -> 0.40 ms).
WINDOWS_FROM = 0
# Windows closer than this are read as one: a Doc costs more to make than a few hundred characters to tokenise.
WINDOW_JOIN = 400
LETTERS_NUMBER = re.compile(r"([A-Z]{1,3})(\d{3,4}[A-Z]?)")
# A capitalised word and a model number after one space (Ascend 910C, Gaudi 3): also written run together.
WORD_SPACE_NUMBER = re.compile(r"([A-Z][a-z]{3,}) (\d+[A-Z]?)")
LEADING_SPACE = re.compile(r"\s*")
WHITESPACE_RUN = re.compile(r"\s\s")
ZH_NUMERALS = "一二两三四五六七八九十百千万亿"
BARE_UNITS = "百千万亿"
NO_CLASSIFIER = r"(?<=[千万kK])(?<!千万)"  # 5千万H100 (50 million) is no fleet
# Or a figure of thousands in digits and a space, as before a Latin name (使用7000 Blackwell GB300 GPUs); not a year's
# figure (2025 H20出货).
NAME_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9]*[ \u00a0]$")  # a Latin word and a space: Radeon 9000 names a card
BARE_THOUSANDS = r"(?<=\d{4}[ \u00a0])(?<!(?<!\d)(?:199\d|20[0-3]\d)[ \u00a0])|(?<=\d,\d{3}[ \u00a0])"
# Pages that space Latin and digits apart from Han text (盘古之白) write 40 万块 GPU: one space may stand between
# a figure, its scale word and its measure word.
SPACE = "[ \u00a0]"
# The scale word that ends a range's high end, and any scale word: 2至3万块 is 20,000-30,000, the low end borrowing
# the high end's scale (4 bis 5 Millionen GPUs: see _de_range_scale).
ZH_RANGE_SCALE = (re.compile(r"[百千万亿]+$"), re.compile(r"[十百千万亿]"))
# A version number after the abbreviation it is the version of (CDNA 3, PCIe 5, HBM 3): two capitals or more.
VERSION_OF = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*[A-Z][A-Za-z]*\s$")
VERSION = re.compile(r"\d{1,2}")
# A figure that reads as a year of the chips' era.
YEAR = re.compile(r"(?:19[89]|20[0-4])\d")
# 100 000 GPUs: thousands grouped by a (narrow, no-break) space, as Swiss papers print them.
THIN_SPACE = "[ \u00a0\u202f]"
# 8k H100: thousands written with a k.
THOUSANDS_SUFFIX = r"[kK](?=\s|-)"
RANGE_SEP = r"\s*(?:～|~|〜|至|到|-|–|—|bis)\s*"
DE_WORD_COUNT_CHARS = 40  # the longest German count in words: dreihundertfünfundzwanzigtausend, anderthalb Millionen
CLAUSE_END = re.compile(r"[，,；;。！？!?：:]|\.(?:\s|$)")
# A sentence ends at a Han stop, ! ? or a line break, or a period before a space; SENTENCE_START finds the nearest
# end before a position in the reversed text.
SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s)")
SENTENCE_START = re.compile(r"[。！？!?\n]|\s\.")
# How far before a count that ends its clause (量产至少5万颗，) the chip it counts may be named.
BACK_WINDOW = 120
# How far around a generic count a device word of its sentence may stand (手机里的两块芯片).
DEVICE_WINDOW = 80
# How far around a family name its sentence is read for the chip the family describes.
SENTENCE_WINDOW = 300
# How far before a name a word for a person may start (der Informatik-Pionierin Grace Hopper).
PERSON_WINDOW = 60
# How far before an everyday name a word for a product's predecessor or successor may start (Vorgängergeneration).
PRODUCT_BEFORE_REACH = 24
# How far before a count with a demonstrative (16.000 dieser Spezialchips) the chip it means may be named.
DEMONSTRATIVE_WINDOW = 1200
# How far before a count a rate marker (每台服务器配备8块GPU) may stand.
RATE_WINDOW = 32
# The number of a model's name after its family's (昇腾(Ascend)910).
MODEL_NUMBER = re.compile(r"\s?(\d{2,4}[A-Za-z]{0,2})(?![A-Za-z0-9])")
# The compound after a conjunction that shares its last part with a truncated one (GPU- und 72 CPU-Knoten): an optional
# count, then hyphened parts; "last" is where its last part starts.
TRUNCATED_PARTNER = re.compile(r"(?:[\d.,'’]+\s+)?(?:[\w.]+-)+(?P<last>\w+)")
# An opening or closing quotation mark around a name (der „Hopper“-Familie).
QUOTE = "[„“”\"'»«‚‘’]"
QUOTED_JOIN = re.compile(rf"{QUOTE}?[\s-]?")
# What may end a sentence after the last word of an apposition: closing marks, then its stop.
SENTENCE_TAIL = re.compile(rf"(?:{QUOTE}|[)\s])*[.!?]?")
# A gloss in parentheses right after a name: 安培(Ampere)架构.
GLOSS = re.compile(r"^\s*[（(][^（）()]{0,20}[）)]")
PARENS = re.compile(r"[（(][^（）()]{0,40}[）)]")
# An aside in parentheses between a count and its noun.
ASIDE = re.compile(r"\s*\([^()]{0,40}\)")
# Full-width Latin letters and digits (Ｈ２０, ６０萬片９１０Ｃ), read as ASCII one character for one, so offsets hold;
# a full-width point or grouping comma only inside a full-width figure (１．５萬, ２，０００), elsewhere it is
# punctuation.
FULLWIDTH = re.compile("[０-９Ａ-Ｚａ-ｚ]")
FULLWIDTH_TO_ASCII = str.maketrans({chr(c): chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                                        *range(0xFF41, 0xFF5B))})
FULLWIDTH_FIGURE = re.compile(r"[０-９]+(?:，[０-９]{3})*(?:．[０-９]+)?")
# Under spaCy's limit of one Doc (1,000,000 characters), which a 20 MB file can exceed several times.
MAX_PIECE_CHARS = 500_000


@dataclass(frozen=True)
class HardwareSpan:
    """One hardware mention: offsets into the text and what it names."""

    start: int
    end: int
    vendor: str | None
    model: str
    count: int | None
    count_low: int | None
    count_high: int | None
    count_qualifier: str | None
    rule: str
    vague: bool = False  # an indefinite count (数万块, Tausende): count_low and count_high give its plausible span


@dataclass(frozen=True)
class Catalogue:
    models: dict[str, dict[str, Any]]  # canonical model → {vendor, aliases}
    vendors: dict[str, list[str]]
    generic: dict[str, list[str]]
    families: frozenset[str] = frozenset()  # models that name a family or architecture (Ascend, TPU, Hopper)
    companies: frozenset[str] = frozenset()  # families named like the company that makes them (昆仑芯)
    member_of: dict[str, str] = field(default_factory=dict)  # model → the family or series it belongs to (H20: Hopper)
    by_alias: dict[str, str] = field(default_factory=dict)  # every alias, lower-cased and as matched, → its model
    consumer: frozenset[str] = frozenset()  # gaming cards: no claim in a sentence about gaming
    systems: dict[str, list[str]] = field(default_factory=dict)  # servers, racks, supernodes → their aliases
    other_products: dict[str, list[str]] = field(default_factory=dict)  # CPU, phone, memory lines named by a figure
    # A family's names as a whole word, with the spaces and hyphens after it: what may stand between a vendor and the
    # model the family yields to (Nvidia Ampere A100, 7000 Blackwell GB300 GPUs), where the family is no hit of its own.
    family_names: re.Pattern[str] = re.compile(NEVER)

    def families_of(self, model: str) -> set[str]:
        """Every family ``model`` belongs to, however far up (B300: Blackwell Ultra, Blackwell)."""
        found: set[str] = set()
        while (model := self.member_of.get(model, "")) and model not in found:
            found.add(model)
        return found


class Hit(NamedTuple):
    """A span-ruler match as plain values: reading a spaCy Span's attributes costs far more."""

    start_char: int
    end_char: int
    label_: str
    id_: str


def load_catalogue(path: Path = CATALOGUE) -> Catalogue:
    """The accelerator catalogue from its YAML file."""
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    models = {m["model"]: {"vendor": m.get("vendor"), "aliases": list(m.get("aliases", [])),
                           "context_aliases": list(m.get("context_aliases", []))} for m in data["models"]}
    families = frozenset(m["model"] for m in data["models"] if m.get("family"))
    member_of = {m["model"]: m["member_of"] for m in data["models"] if m.get("member_of")}
    by_alias = {form.lower(): model for model, info in models.items()
                for name in _plain_names(model, info) for form in (name, to_simplified(name))}
    consumer = frozenset(m["model"] for m in data["models"] if m.get("consumer"))
    companies = frozenset(m["model"] for m in data["models"] if m.get("company"))
    systems = {s["system"]: list(s.get("aliases", [])) for s in data.get("systems", [])}
    family_names = sorted({form for model in families for name in (model, *models[model]["aliases"])
                           for form in (name, to_simplified(name))}, key=len, reverse=True)
    names = "|".join(map(re.escape, family_names)) or NEVER
    return Catalogue(models, data.get("vendors", {}), data.get("generic", {}), families, companies, member_of,
                     by_alias, consumer, systems, dict(data.get("other_products", {})),
                     re.compile(rf"(?<![A-Za-z0-9-])(?:{names})(?![A-Za-z0-9])[ \u00a0-]*", re.I))


def _plain_names(model: str, info: dict[str, Any]) -> list[str]:
    """The names that name ``model`` wherever they stand: its own and its aliases, but a name that is also an everyday
    word or figure (a context alias: A30, Gaudi, 4090) only where the text says it is hardware (see ``_hits``)."""
    return [name for name in (model, *info["aliases"]) if name not in info["context_aliases"]]


def token_pattern(patterns: list[dict[str, Any]]) -> re.Pattern[str]:
    """``(token)(whitespace after it)``: TOKEN, except that CJK characters join where no match can start or end.

    A match needs a token boundary before each of its characters and after its last one. So a CJK
    character that no pattern uses, or that no pattern ends with, takes the unused characters after it into
    its token (人们, 数量): the matches are the same and the Doc a few times shorter. Token patterns (lists
    of token attributes) could match anything: with one of those, every character is its own token.
    """
    token = TOKEN
    if all(isinstance(p["pattern"], str) for p in patterns):
        low, high = CJK_RANGE
        def cjk_except(chars: set[str]) -> str:
            return rf"[^\x00-{chr(ord(low) - 1)}{chr(ord(high) + 1)}-\U0010ffff{re.escape(''.join(sorted(chars)))}]"
        used = {ch for p in patterns for ch in p["pattern"] if low <= ch <= high}
        ends = {p["pattern"][-1] for p in patterns if low <= p["pattern"][-1] <= high}
        ending = rf"[{re.escape(''.join(sorted(ends)))}]|" if ends else ""
        token = TOKEN.replace(r"|\S", rf"|{ending}{cjk_except(ends)}{cjk_except(used)}*|\S")
    return re.compile(rf"({token})(\s*)")


def _tokenize(nlp: Language, pieces_of: re.Pattern[str], text: str) -> Doc:
    """Tokens of ``pieces_of``; the Doc's text has the length of ``text``, so its offsets are offsets into it.

    One whitespace character after a token is its trailing space (a newline reads as a space); longer runs,
    and whitespace before the first token, become whitespace tokens as in spaCy's own tokenizer.
    """
    pieces = pieces_of.findall(text)
    leading = LEADING_SPACE.match(text)
    lead = leading[0] if leading else ""
    if not lead and not WHITESPACE_RUN.search(text):
        return Doc(nlp.vocab, words=[word for word, _ in pieces], spaces=[bool(space) for _, space in pieces])
    words, spaces = ([lead], [False]) if lead else ([], [])
    for word, space in pieces:
        words.append(word)
        spaces.append(bool(space))
        if len(space) > 1:
            words.append(space[1:])
            spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def catalogue_patterns(cat: Catalogue) -> list[dict[str, Any]]:
    """SpanRuler phrase patterns for every model, vendor, generic noun, system and other product of the catalogue.

    A model's context aliases (everyday words or figures) are labelled CONTEXT: ``_hits`` keeps them as the model
    only where the text says they are hardware."""
    patterns: list[dict[str, Any]] = []
    def forms(names: list[str]) -> list[str]:
        # Chinese text arrives in its Simplified form, and OpenCC turns some brand characters into
        # common ones (昇腾 → 升腾): match every alias also as it reads after that conversion.
        return sorted({form for name in names for form in (name, to_simplified(name))})

    for model, info in cat.models.items():
        for label, names in (("MODEL", _plain_names(model, info)), ("CONTEXT", info["context_aliases"])):
            for alias in forms(_written_forms(names)):
                patterns.append({"label": label, "pattern": alias, "id": model})
    for label, table in (("VENDOR", cat.vendors), ("GENERIC", cat.generic), ("SYSTEM", cat.systems),
                         ("OTHER", cat.other_products)):
        for name, aliases in table.items():
            for alias in forms(aliases):
                patterns.append({"label": label, "pattern": alias, "id": name})
    return patterns


def _written_forms(names: list[str]) -> list[str]:
    """Model names as the press writes them: German and English plurals (10.000 H100s), a hyphen between a model's
    letters and its number (H-100, MI-300X), and German compounds that join the words of a spaced name with hyphens
    (Gaudi-2-Beschleuniger, Blackwell-Ultra-GPUs, Vera-Rubin-Plattform), and a family word run into the number that
    follows it (Ascend910C, Gaudi3)."""
    plurals = [f"{name}s" for name in names if name.isascii() and name[-1].isalnum() and name[-1] != "s"]
    hyphened = [f"{found[1]}-{found[2]}" for name in names if (found := LETTERS_NUMBER.fullmatch(name))]
    hyphened += [name.replace(" ", "-") for name in names if " " in name and name.isascii()]
    joined = [f"{found[1]}{found[2]}" for name in names if (found := WORD_SPACE_NUMBER.fullmatch(name))]
    return names + plurals + hyphened + joined


def build_nlp(catalogue_path: Path = CATALOGUE, patterns_path: Path = PATTERNS) -> tuple[Language, Catalogue]:
    """A blank pipeline with our tokenizer and a span ruler over catalogue and JSONL patterns."""
    cat = load_catalogue(catalogue_path)
    with patterns_path.open(encoding="utf-8") as fh:
        patterns = catalogue_patterns(cat) + [json.loads(line) for line in fh if line.strip()]
    nlp = spacy.blank("xx")
    # The span ruler matches phrases on LOWER only. Every other lexical attribute (shape, prefix, suffix, like_num,
    # ...) is computed for each word the vocabulary has not seen, which real pages bring by the thousand.
    # spaCy's vocab.pyi leaves out lex_attr_getters, which Vocab has (and Language.Defaults sets) at run time.
    nlp.vocab.lex_attr_getters = {LOWER: nlp.vocab.lex_attr_getters[LOWER]}  # type: ignore[attr-defined]
    pieces_of = token_pattern(patterns)
    nlp.tokenizer = lambda text: _tokenize(nlp, pieces_of, text)
    ruler = cast("SpanRuler", nlp.add_pipe("span_ruler", config={"spans_key": "hw", "phrase_matcher_attr": "LOWER",
                                                             "spans_filter": {
                                                                 "@misc": "spacy.first_longest_spans_filter.v1"}}))
    ruler.add_patterns(patterns)
    if all(isinstance(p["pattern"], str) for p in patterns):
        ANCHORS[nlp] = anchors(nlp, patterns)
    return nlp, cat


@dataclass(frozen=True)
class Anchors:
    """Where a match of the span ruler can start, found by regexes over the lower-cased text (see ``ruler_hits``)."""

    finders: tuple[re.Pattern[str], ...]
    reach: int  # how far after its start a match can end: two characters a pattern character (single spaces between)


# The anchors of each pipeline built by build_nlp, where all its patterns are phrases.
ANCHORS: weakref.WeakKeyDictionary[Language, Anchors] = weakref.WeakKeyDictionary()


def anchors(nlp: Language, patterns: list[dict[str, Any]]) -> Anchors:
    """The first token of every pattern but the one-unit words (单卡, pro: they matter only beside a name, and a
    window around the name holds them), as whole Latin tokens, figures, or a pattern's first two Han characters
    (a single space or line break may stand between them, as between any two tokens)."""
    latin, figures, han = set(), set(), set()
    for p in patterns:
        if p["label"] == "SINGLE":
            continue
        first = nlp.make_doc(p["pattern"])[0].text.lower()
        if LATIN_START.match(first):
            latin.add(first)
        elif first[0].isdigit():
            figures.add(first)
        else:
            han.add(re.sub(r"\s", "", p["pattern"].lower())[:2])
    letters = "A-Za-z0-9À-ÖØ-öø-ÿ"
    finders = [rf"(?<![{letters}])(?:{word_alternation(latin)})(?![{letters}])" if latin else None,
               rf"(?:{word_alternation(figures)})(?![{letters}])" if figures else None,
               "|".join(re.escape(h[0]) + (rf"\s?{re.escape(h[1:])}" if len(h) > 1 else "")
                        for h in sorted(han)) or None]
    reach = 2 * max(len(p["pattern"]) for p in patterns) + 2
    return Anchors(tuple(re.compile(f) for f in finders if f), reach)


def ruler_hits(nlp: Language, text: str) -> list[Hit]:
    """The span ruler's matches in ``text``, found by running spaCy only on windows around anchors.

    A window starts and ends at a character that is always a token of its own or whitespace, so its tokens are
    those of the whole text; it reaches far enough to hold every match that starts at its anchor, and a few
    characters before it (a one-unit word: pro H100). Without anchors (a pipeline with token patterns, a text
    whose lower-cased form has another length) or in a short text the whole text is read.
    """
    found = ANCHORS.get(nlp)
    if found is None or len(text) < WINDOWS_FROM:
        return _doc_hits(nlp(text), 0)
    lowered = text.lower()
    if len(lowered) != len(text):
        return _doc_hits(nlp(text), 0)
    starts = sorted(m.start() for finder in found.finders for m in finder.finditer(lowered))
    windows: list[list[int]] = []
    for start in starts:
        if windows and start - WINDOW_BEFORE <= windows[-1][1] + WINDOW_JOIN:
            windows[-1][1] = max(windows[-1][1], _safe_end(text, start + found.reach))
        else:
            windows.append([_safe_start(text, start - WINDOW_BEFORE), _safe_end(text, start + found.reach)])
    return [hit for lo, hi in windows for hit in _doc_hits(nlp(text[lo:hi]), lo)]


def _safe_start(text: str, pos: int) -> int:
    """The position of the last separator character at or before ``pos`` (or the start of the text)."""
    step, lo = 64, pos
    while lo > 0:
        lo = max(0, lo - step)
        found = LAST_SEPARATOR.match(text, lo, pos + 1)
        if found:
            return found.end() - 1
        step *= 2
    return 0


def _safe_end(text: str, pos: int) -> int:
    """The first separator character's position at or after ``pos`` (or the end of the text)."""
    m = SEPARATOR.search(text, pos)
    return m.start() if m else len(text)


def _doc_hits(doc: Doc, offset: int) -> list[Hit]:
    return [Hit(s.start_char + offset, s.end_char + offset, s.label_, s.id_) for s in doc.spans["hw"]]


@lru_cache(maxsize=1)
def default_nlp() -> tuple[Language, Catalogue]:
    return build_nlp()


@dataclass(frozen=True)
class Words:
    """One language's words from the ``hardware:`` sections of its locale files, with the regexes built from them."""

    window: int  # how far after a count the counted noun may stand
    noun_gap: int | None  # how far after a count the first catalogue name may start (None: anywhere in the window)
    classifiers: tuple[str, ...]  # measure words between a count and its noun (none: counts take none)
    referring_back: frozenset[str]
    blockers: tuple[str, ...]
    head_marker: str | None
    other_nouns: re.Pattern[str]
    other_noun_after: re.Pattern[str]  # ends a count's noun phrase, its modifiers first: 的高性能运算服务器
    machine_classifiers: tuple[str, ...]  # a machine's measure word (台): its count may end in machine_noun_after
    machine_noun_after: re.Pattern[str]  # as other_noun_after, with machine_nouns: 的惠普超级电脑
    price_words: re.Pattern[str]
    type_marker: re.Pattern[str] | None
    family_marker: re.Pattern[str] | None  # after a generic noun, before its family and descriptor: der Hopper-Familie
    family_apposition: re.Pattern[str] | None  # after counts, the family of them all: – ebenfalls aus der Hopper-Reihe
    comparison_times: re.Pattern[str] | None  # after a bare count, a time other than its chip's: 600.000 im Vorjahr
    not_opening_adjective: re.Pattern[str] | None  # after a count that opens its sentence, a word that is no adjective
    vague_counts: dict[str, tuple[int, int]]
    everyday_names: dict[str, tuple[str, ...]]
    rate_markers: re.Pattern[str]
    each_markers: frozenset[str]  # rate markers that say "each": one only after a machine (see _after_rate_marker)
    card_classifiers: dict[str, str]
    magnitude_after: tuple[str, ...]  # after a card count, a word making it an order of magnitude: 千卡级集群
    card_not_before: str
    unit_qualifiers: dict[str, str]
    bare_not_before: re.Pattern[str]  # after the chip a count without a measure word names: it counts those instead
    count_scales: tuple[str, ...]  # scale words of a count in a spaced script (Millionen)
    currency: re.Pattern[str]  # the locale's currency words and signs, as whole words
    currency_words: tuple[str, ...]  # the same words as written (a measure word may start one: 台 of 台币)
    spaced: bool  # words stand between spaces (German): a noun phrase ends at a lower-case word
    noun_gap_words: re.Pattern[str]  # what alone may stand between a count and its noun (fullmatch)
    extended_attribute: re.Pattern[str] | None  # or a phrase ending in a participle: zwei auf einem Package kombinierte
    year_cues: re.Pattern[str]  # a word that makes the year-like figure after it a year (Ende 2023 mit H200)
    conjunctions: re.Pattern[str]  # joins two counts of one noun (19.6万枚和16.9万枚Hopper), or list items
    phrase_joiners: re.Pattern[str]  # joins a chip's name to the noun it modifies (GPU系列服务器)
    family_descriptors: re.Pattern[str]  # after a family name, makes it describe a chip (基于Blackwell架构的GB200)
    unit_nouns: tuple[str, ...]  # nouns of units a spaced script counts chips in (500'000 Einheiten des H100)
    demonstratives: re.Pattern[str]  # between a count and a generic noun, make it mean a chip named before
    device_words: re.Pattern[str]  # devices whose chips are no accelerators (手机, Smartphone, Modem)
    company_cues: re.Pattern[str]  # what a company has and a chip has not: its listing, spin-off, shares (上市, 分拆)
    number_of: re.Pattern[str] | None  # a noun of number before a chip (die Zahl der GPUs … 100.000)
    range_between: tuple[str, str] | None  # the words of a range "zwischen A und B"
    person_before: re.Pattern[str]  # a word for a person right before a name (der Astronomin Vera Rubin), at the end
    naming_cues: re.Pattern[str]  # a clause on a name's origin (Bei der Namensgebung …, nach … benannt)
    named_after_person: re.Pattern[str]  # after a person's name, what is named after them (Vera-Rubin-Observatorium)
    part_nouns: re.Pattern[str]  # parts of a chip, after its noun: 144 GPU-Dies count dies
    other_chip_kinds: re.Pattern[str]  # before a chip noun, another kind of chip: acht HBM-Chips
    context_words: tuple[str, ...]  # after a context alias, say it names hardware: 4090显卡, A30-GPU
    gaming_words: re.Pattern[str]  # a sentence about gaming: a consumer card named in it is no accelerator claim
    partitive: re.Pattern[str] | None  # after a count (and a qualifier), before its noun: 200.000 oder mehr an Chips
    product_before: re.Pattern[str]  # right before an everyday name, makes it a product: dem Vorgänger Volta
    model_joiners: re.Pattern[str]  # between two models one count counts together: 550.000 GB200- und GB300-Chips
    clause_goes_on: re.Pattern[str]  # after a count referring back, the verb its clause goes on with: 2万颗来试用
    year_articles: re.Pattern[str]  # after a year-like figure, make it a year: folgt 2027 der VR300


@cache
def load_words(locale: str) -> Words:
    """The hardware words of ``locale``: those of every locale of its language (see
    ``normalizers.locale.vocabulary``)."""
    raw = vocabulary(locale, "hardware")
    style = WORD_STYLES[load_locale(locale)["matching_script"]]
    flags = style.flags
    markers = raw.get("type_markers", [])
    money = load_locale(locale)["money"]
    return Words(
        window=raw["window"],
        noun_gap=raw.get("noun_gap"),
        classifiers=tuple(sorted(raw["classifiers"], key=len, reverse=True)),
        referring_back=frozenset(raw.get("classifiers_referring_back", [])),
        blockers=tuple(sorted(raw["not_a_count_before"], key=len, reverse=True)),
        head_marker=raw.get("head_marker"),
        other_nouns=re.compile(word_alternation(raw.get("other_nouns", [])), flags),
        other_noun_after=_other_noun_after(raw, flags),
        machine_classifiers=tuple(raw.get("machine_classifiers", [])),
        machine_noun_after=_other_noun_after(raw, flags, "machine_nouns"),
        price_words=re.compile(word_alternation(raw.get("price_words", []))),
        type_marker=re.compile(rf"\s+(?:{word_alternation(markers)})\s+", flags) if markers else None,
        family_marker=re.compile(rf",?\s+(?:{word_alternation(raw['family_markers'])})\s+{_adjectives(raw)}{QUOTE}?",
                                 flags) if raw.get("family_markers") else None,
        family_apposition=re.compile(rf"\s*[,–—]\s*(?:(?:{word_alternation(raw.get('apposition_adverbs', []))})\s+)?"
                                     rf"(?:{word_alternation(raw['apposition_markers'])})\s+{_adjectives(raw)}{QUOTE}?",
                                     flags)
        if raw.get("apposition_markers") else None,
        not_opening_adjective=re.compile(rf"\s+[a-zäöüß][a-zäöüß\-]*(?:{word_alternation(raw['not_opening_endings'])})(?!\w)")
        if raw.get("not_opening_endings") else None,
        comparison_times=re.compile(rf"\s+(?:{word_alternation(raw['comparison_times'])})(?!\w)", flags)
        if raw.get("comparison_times") else None,
        vague_counts={word: (low, high) for word, (low, high) in raw.get("vague_counts", {}).items()},
        everyday_names={name: tuple(ctx) for name, ctx in raw.get("everyday_names", {}).items()},
        rate_markers=re.compile(word_alternation([*raw.get("rate_markers", []), *raw.get("each_markers", [])]), flags),
        each_markers=frozenset(word.lower() for word in raw.get("each_markers", [])),
        card_classifiers=dict(raw.get("card_classifiers", {})),
        magnitude_after=tuple(raw.get("magnitude_after", [])),
        card_not_before="".join(raw.get("card_not_before", [])),
        unit_qualifiers=dict(raw.get("unit_qualifiers", {})),
        bare_not_before=re.compile(word_alternation(raw.get("bare_count_not_before", []))),
        count_scales=tuple(raw.get("count_scales", [])),
        currency=re.compile(rf"(?<!\w)(?:{word_alternation([*money['currency_after'], *money['currency_before']])})"
                            r"(?!\w)",
                            re.I),
        currency_words=tuple(sorted({*money["currency_after"], *money["currency_before"]}, key=len, reverse=True)),
        spaced=style.spaced,
        noun_gap_words=_noun_gap_words(raw),
        extended_attribute=_extended_attribute(raw),
        year_cues=re.compile(rf"(?:^|\W)(?:{word_alternation(raw.get('year_cues', []))})\s*$", flags),
        conjunctions=re.compile(rf"\s*(?:{word_alternation(raw.get('conjunctions', []))})\s*", flags),
        phrase_joiners=re.compile(word_alternation(raw.get("phrase_joiners", [])), flags),
        family_descriptors=re.compile(word_alternation(raw.get("family_descriptors", [])), flags),
        unit_nouns=tuple(raw.get("unit_nouns", [])),
        device_words=re.compile(rf"{style.word_start}(?:{word_alternation(raw.get('device_words', []))})"
                                + (r"(?!\w)" if style.spaced else ""), flags),
        company_cues=re.compile(rf"{style.word_start}(?:{word_alternation(raw.get('company_cues', [])) or NEVER})"
                                + (r"(?!\w)" if style.spaced else ""), flags),
        number_of=re.compile(rf"(?<!\w)(?:{word_alternation(raw['number_of'])})(?!\w)", flags)
        if raw.get("number_of") else None,
        demonstratives=re.compile(rf"(?<!\w)(?:{word_alternation(raw.get('demonstratives', []))})(?!\w)", flags),
        range_between=tuple(raw["range_between"]) if raw.get("range_between") else None,
        person_before=re.compile(rf"(?:{word_alternation(raw.get('person_nouns', []))})"
                                 + (r"\s+(?-i:[A-ZÄÖÜ][\w.'’\-]*\s+){0,2}\Z" if style.spaced else r"\s*\Z"), flags),
        naming_cues=re.compile(rf"{style.word_start}(?:{word_alternation(raw.get('naming_cues', []))})"
                               + (r"(?!\w)" if style.spaced else ""), flags),
        named_after_person=re.compile(rf"[\s\-]*(?:{word_alternation(raw.get('named_after_person', []))})", flags),
        # Nouns are capitalised in German: "GPUs die …" is an article, "GPU-Dies" dies.
        part_nouns=re.compile(rf"(?:{word_alternation(raw.get('part_nouns', []))})"
                              + (r"(?!\w)" if style.spaced else "")),
        other_chip_kinds=re.compile(rf"{style.word_start}(?:{word_alternation(raw.get('other_chip_kinds', []))})",
                                    flags),
        context_words=tuple(raw.get("context_words", [])),
        gaming_words=re.compile(rf"{style.word_start}(?:{word_alternation(raw.get('gaming_words', []))})", flags)
        if raw.get("gaming_words") else re.compile(NEVER),
        partitive=re.compile(rf"(?:\s+(?:{word_alternation(load_locale(locale)['qualifiers']['after'])}))?"
                             rf"\s+(?:{word_alternation(raw['partitives'])})(?=\s)", flags)
        if raw.get("partitives") else None,
        product_before=re.compile(rf"{style.word_start}(?:{word_alternation(raw['products_before'])})[\s\-]*\Z", flags)
        if raw.get("products_before") else re.compile(NEVER),
        model_joiners=re.compile(rf"-?\s*(?:{word_alternation(raw['model_joiners'])})\s*", flags)
        if raw.get("model_joiners") else re.compile(NEVER),
        clause_goes_on=re.compile(rf"\s*(?:{word_alternation(raw['clause_goes_on'])})", flags)
        if raw.get("clause_goes_on") else re.compile(NEVER),
        year_articles=re.compile(rf"\s+(?:{word_alternation(raw['year_articles'])})\s", flags)
        if raw.get("year_articles") else re.compile(NEVER),
    )


def _other_noun_after(raw: dict[str, Any], flags: int, key: str = "other_nouns") -> re.Pattern[str]:
    """A noun of other things (``other_nouns``, or the list ``key``) after up to ``other_noun_modifiers`` letters of
    modifiers, none of them the head marker: in 8张A800组成的服务器 the chips make up the machine, whose noun is not
    theirs."""
    marker = raw.get("head_marker")
    letter = rf"(?!{re.escape(marker)})[^\W\d_]" if marker else r"[^\W\d_]"
    return re.compile(rf"(?:{letter}){{0,{raw.get('other_noun_modifiers', 0)}}}?"
                      rf"(?:{word_alternation(raw.get(key, [])) or NEVER})", flags)


def _noun_gap_words(raw: dict[str, Any]) -> re.Pattern[str]:
    """Spaces, hyphens and quotes, the locale's gap words, and adjectives (a lower-case word with an adjective's
    ending): all that may stand between a count and its noun (über 100.000 spezialisierte AI-Prozessoren)."""
    endings = word_alternation(raw.get("adjective_endings", []))
    never = rf"(?!(?:{word_alternation(raw.get('noun_gap_never', []))})(?![\w-]))"
    adjective = rf"|{never}[a-zäöüß][a-zäöüß\-]*?(?:{endings})(?![\w-])" if raw.get("adjective_endings") else ""
    # and a conjunction between two of them (18.000 seiner neuesten und leistungsfähigsten KI-Chips)
    joiners = raw.get("adjective_joiners", [])
    adjective += rf"|(?<=[a-zäöüß]\s)(?:{word_alternation(joiners)})(?=\s+[a-zäöüß])" if joiners else ""
    # A word joined by a hyphen belongs to the noun's compound (2.000 Blackwell-B200-GPUs, 30.000 Kunlun-P800-Chips);
    # a figure does not (zwei 24.000-GPU-Cluster: the figure is the count of the compound's chip).
    compound = r"|[\w.]*[^\W\d][\w.]*-"
    return re.compile(rf"(?:[\s\-–„“”\"'»«]{compound}|(?i:{word_alternation(raw.get('noun_gap_words', []))})(?!\w)"
                      rf"{adjective})*")


def _adjectives(raw: dict[str, Any]) -> str:
    """At most two lower-case words with an adjective's ending, each with the space after it (der neuesten Hopper-…)."""
    endings = raw.get("adjective_endings")
    return rf"(?-i:(?:[a-zäöüß][a-zäöüß\-]*(?:{word_alternation(endings)})\s+){{0,2}})" if endings else ""


def _extended_attribute(raw: dict[str, Any]) -> re.Pattern[str] | None:
    """A preposition, at most three words, and a participle with an adjective's ending, then what may stand between a
    count and its noun (50.000 nach China gelieferte H20-Chips, zwei auf einem Package kombinierte 910B)."""
    if not raw.get("attribute_prepositions"):
        return None
    participle = rf"[a-zäöüß][a-zäöüß\-]*(?:{word_alternation(raw['participle_endings'])})(?![\w-])"
    return re.compile(rf"\s+(?:{word_alternation(raw['attribute_prepositions'])})\s+(?:[^\s,.;:!?()]+\s+){{0,3}}?"
                      rf"{participle}{_noun_gap_words(raw).pattern}")


def _zh_count_number(vague_digits: str) -> str:
    """A Chinese count: figures with a scale, or a numeral run that may hold a vague digit (十几万).

    Then 多/余 before a scale word (10余万块) so the scale stays with the number. A numeral run is only
    tried from its first character: retrying at every position of a long run (万万万…) would make the
    search quadratic.
    """
    return (rf"(?:(?<![A-Za-z0-9.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:{SPACE}?[十百千万亿]+|[kK](?![A-Za-z]))?"
            rf"|(?<![{ZH_NUMERALS}])(?<!\d{SPACE})[{ZH_NUMERALS}][{ZH_NUMERALS}{vague_digits}]*)(?:[多余][万亿]+)?")


def _zh_count_pattern(locale: str) -> re.Pattern[str]:
    """Chinese counts: a figure or numeral run, then a measure word (2048块H800), or none after thousands."""
    words = load_words(locale)
    not_before = f"(?![{re.escape(words.card_not_before)}])" if words.card_not_before else ""
    entries = [(c, c) for c in words.classifiers] + [(c, c + not_before) for c in words.card_classifiers]
    classifiers = "|".join(regex for _, regex in sorted(entries, key=lambda e: len(e[0]), reverse=True))
    vague = "".join(load_locale(locale)["number"].get("vague_prefixes", []))
    number = _zh_count_number("".join(load_locale(locale)["number"].get("vague_digits", [])))
    lo = rf"(?:[{vague}](?=[十百千万亿]))?{number}" if vague else number
    # Or none after thousands (部署了10万GPU): then the chip must follow at once (see _count_claim); 亿 chips is no
    # fleet.
    classifiers += f"|{NO_CLASSIFIER}|{BARE_THOUSANDS}"
    return re.compile(
        rf"(?=[\d{ZH_NUMERALS}{vague}])(?P<lo>{lo})(?:{RANGE_SEP}(?P<hi>{number}))?(?P<over>多|余)?(?P<atleast>\+)?{SPACE}?"
        rf"(?P<cls>{classifiers})(?P<atleast2>以上|之多)?"
    )


def _zh_count_text(text: str) -> str:
    """万卡集群, 千卡: a unit alone is one of it."""
    return "一" + text if text[:1] in BARE_UNITS else text


def _de_count_text(text: str) -> str:
    """8k: eight thousand, as the number parser reads it."""
    return f"{text[:-1]} Tausend" if text[-1:] in "kK" else text


def _de_scale(locale: str) -> str:
    return word_alternation(load_words(locale).count_scales)


def _de_count_pattern(locale: str) -> re.Pattern[str]:
    """German counts: a figure (50.000, 1,5 Millionen) or a word for an unknown count (Zehntausende), no measure word
    but a unit noun (500'000 Einheiten); a range A bis B, or zwischen A und B."""
    words = load_words(locale)
    number = (rf"(?<![\w.,'’\-])(?:\d{{1,3}}(?:\.\d{{3}})+|\d{{1,3}}(?:['’]\d{{3}})+"
              rf"|\d{{1,3}}(?:{THIN_SPACE}\d{{3}})+(?!\d)|\d+)"
              rf"(?:,\d+)?"
              rf"(?:{THOUSANDS_SUFFIX}|\s+(?:{_de_scale(locale)}))?")
    vague = rf"(?<![\w-])(?i:{word_alternation(words.vague_counts)})" if words.vague_counts else NEVER
    first = re.escape("".join(sorted({ch for word in words.vague_counts for ch in (word[0].lower(), word[0].upper())})))
    # What a count opens with, checked after the class: the class admits d, h, t and z at every word start and
    # inside words, and the pattern's groups and lookbehinds were tried there; the opening words (word_alternation's
    # branches, keyed by their first character) reject those positions for less. A necessary condition of the match.
    opening = [r"\d", vague]
    units = rf"(?:\s+(?P<cls>{word_alternation(words.unit_nouns)})(?!\w))?"
    if words.range_between:
        between, joiner = words.range_between
        # zwischen 1,5 und 2 Millionen: "und" joins a range only after "zwischen" (20.000 und 30.000 GPUs are two
        # counts).
        opened = rf"(?P<between>(?i:{re.escape(between)})\s+)?"
        sep = rf"(?:{RANGE_SEP}|(?(between)\s+{re.escape(joiner)}\s+|(?!)))"
        first += re.escape(between[0].lower() + between[0].upper())
        opening.append(rf"(?i:{re.escape(between)})\s")
    else:
        opened, sep = "", RANGE_SEP
    # The lookahead on a count's first character lets most positions fail at once (3x faster).
    # A count ends before a space, or before the punctuation that ends its clause (liegt bei 24.000.), or before a
    # hyphen that joins it to a compound (ein 100.000-GPU-Cluster: see _count_claim).
    return re.compile(rf"(?=[\d{first}])(?={'|'.join(opening)}){opened}(?P<lo>{number}|{vague})"
                      rf"(?:{sep}(?P<hi>{number}))?(?=\s|[.,;:!?)](?!\d)|-(?=\w)|$){units}")


def _de_word_count_pattern(locale: str) -> re.Pattern[str]:
    """German counts in words.

    With a scale (eine Million, zwei Millionen, eine halbe Million) or a compound (acht, vierundzwanzig, zehntausend,
    hunderttausend). One in words is an article (eine H100 kostet 30.000 Dollar), not a count.
    Tried only just before a named chip (:func:`_counts`): at every word of a text it would triple the count search.
    """
    num = load_locale(locale)["number"]
    comp = num["compound"]
    parts = word_alternation([*comp["units"], *comp["teens"], *comp["tens"], comp["hundred"], comp["thousand"]])
    ones = word_alternation(word for word, value in comp["units"].items() if value == 1)
    compound = rf"(?!(?:{ones})(?!\w))(?:(?:{parts})(?:{comp['joiner']})?)*?(?:{parts})"
    fractions = word_alternation(num["fractions"])
    scaled = rf"(?:{word_alternation(num['words'])})(?:\s+(?:{fractions}))?\s+(?:{_de_scale(locale)})"
    several = word_alternation(_several_counts(locale))  # mehrere Tausend: see _several_of
    # The groups of _count_pattern's German matches; no range in words, so "hi" never takes part.
    return re.compile(rf"(?<![\w-])(?:(?P<several>(?i:{several}))\s+)?(?P<lo>(?i:{scaled}|{compound}))(?!\w)"
                      rf"(?P<hi>(?!))?(?=\s)")


def _de_range_scale(locale: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """4 bis 5 Millionen GPUs: 4-5 million."""
    return re.compile(rf"\s+(?:{_de_scale(locale)})$"), re.compile(_de_scale(locale))


@dataclass(frozen=True)
class CountGrammar:
    """How counts are written in a ``number.grammar`` (of a locale file)."""

    pattern: Callable[[str], re.Pattern[str]]  # locale -> the counts' pattern (groups lo, hi; cls, over, atleast)
    word_counts: Callable[[str], re.Pattern[str]] | None  # locale -> counts in words, tried only before a named chip
    range_scale: Callable[[str], tuple[re.Pattern[str], re.Pattern[str]]]  # the high end's scale word, and any
    as_number: Callable[[str], str]  # a count's text as the number parser reads it


COUNT_GRAMMARS = {
    "chinese": CountGrammar(_zh_count_pattern, None, lambda _: ZH_RANGE_SCALE, _zh_count_text),
    "german": CountGrammar(_de_count_pattern, _de_word_count_pattern, _de_range_scale, _de_count_text),
}


def _count_grammar(locale: str) -> CountGrammar:
    return COUNT_GRAMMARS[load_locale(locale)["number"]["grammar"]]


@cache
def _count_pattern(locale: str) -> re.Pattern[str]:
    return _count_grammar(locale).pattern(locale)


@cache
def _word_count_pattern(locale: str) -> re.Pattern[str] | None:
    word_counts = _count_grammar(locale).word_counts
    return word_counts(locale) if word_counts else None


@cache
def _range_scale(locale: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _count_grammar(locale).range_scale(locale)


@cache
def _several_counts(locale: str) -> dict[str, tuple[int, int]]:
    """Words for an unknown count of what follows (mehrere, einige, zig), lower-cased: (low, high)."""
    vague = load_locale(locale)["money"].get("vague_counts", {})
    return {word.lower(): (low, high) for word, (low, high) in vague.items()}


def _several_of(m: re.Match[str], locale: str) -> tuple[int, int] | None:
    """mehrere Tausend, einige hundert: an unknown multiple of the count in words after it, as (low, high)."""
    several = m.groupdict().get("several")
    unit = _count_value(m["lo"], locale) if several else None
    if not several or not unit:
        return None
    low, high = _several_counts(locale)[" ".join(several.lower().split())]
    return int(low * unit), int(high * unit)


def _classifier(m: re.Match[str]) -> str | None:
    """The measure word of a count ('' where it takes none), or None where the locale's counts have none."""
    return m["cls"] if "cls" in m.re.groupindex else None


def _count_number(text: str, locale: str) -> Number | None:
    try:
        return parse(_count_grammar(locale).as_number(text), locale)
    except (NumberError, ValueError, ZeroDivisionError):
        return None


def _count_value(text: str, locale: str) -> float | None:
    number = _count_number(text, locale)
    return number.value if number else None


def _low_with_scale(low: str, high: str | None, locale: str) -> str:
    """A range's low end with the high end's scale word where it has none of its own (2至3万 → 2万)."""
    ends_high, any_scale = _range_scale(locale)
    scale = ends_high.search(high) if high else None
    return low + scale.group() if scale and not any_scale.search(low) else low


def _window_end(text: str, start: int, limit: int) -> int:
    """Where the noun phrase after a count ends: a clause break outside parentheses, or ``limit`` chars."""
    chunk = text[start : start + limit]
    masked = PARENS.sub(lambda m: "_" * len(m.group()), chunk)
    brk = CLAUSE_END.search(masked)
    return start + (brk.start() if brk else len(chunk))


@cache
def _qualifiers_before(locale: str) -> tuple[dict[str, str], re.Pattern[str]]:
    """Word (as written and in lower case) → qualifier, and what finds the longest word that ends a window.

    Latin words match in any case after a word boundary (spaces may follow); Han words as written.
    """
    quals = load_locale(locale)["qualifiers"]["before"]
    words = tuple(sorted(quals, key=len, reverse=True))
    table = dict(quals)
    for word in words:
        table.setdefault(word.lower(), quals[word])
    if WORD_STYLES[load_locale(locale)["matching_script"]].spaced:
        # Every match ends at the window's end, so the leftmost one is the longest word.
        return table, re.compile(rf"(?:^|\W)(?P<q>{'|'.join(map(re.escape, words)) or NEVER})\s*$", re.I)
    return table, word_at_end(words)


def _qualifier(text: str, start: int, locale: str, match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("atleast") or groups.get("atleast2"):
        return "at_least"
    if groups.get("over"):
        return "over"
    unit_qualifiers = load_words(locale).unit_qualifiers
    if start and match["lo"][:1] in BARE_UNITS and text[start - 1] in unit_qualifiers:
        return unit_qualifiers[text[start - 1]]  # 上万块: ten thousand and more
    table, word_before = _qualifiers_before(locale)
    found = word_before.search(text[max(0, start - 12) : start].rstrip(" \"“”「」"))
    return table[(found.groupdict().get("q") or found[0]).lower()] if found else None


@cache
def _qualifiers_after(locale: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """What finds the locale's qualifier words after a count (10万块左右, 10.000 oder mehr), and word → qualifier."""
    after = load_locale(locale)["qualifiers"]["after"]
    # A whole word: not "und mehr" of "und mehrere", nor 上下 of 上下游 (a Han character other than the head marker
    # 的 goes on the word).
    marker = load_words(locale).head_marker
    end = r"(?!\w)" if WORD_STYLES[load_locale(locale)["matching_script"]].spaced else \
        rf"(?=(?:{re.escape(marker or '')}|[^\u3400-\u9fff]|$))"
    return (re.compile(rf"\s*(?P<q>{word_alternation(after)}){end}", re.I),
            {word.lower(): qualifier for word, qualifier in after.items()})


def _qualifier_after(text: str, end: int, locale: str) -> tuple[str, str] | None:
    """(qualifier, the text it takes) of the qualifier word right after a count, if any."""
    pattern, table = _qualifiers_after(locale)
    found = pattern.match(text, end)
    return (table[found["q"].lower()], found[0]) if found else None


def extract_hardware(text: str, locale: str,
                     pipeline: tuple[Language, Catalogue] | None = None) -> list[HardwareSpan]:
    """Every counted or named accelerator in ``text`` (Simplified for Chinese).

    A text longer than spaCy takes in one Doc is read in pieces cut at line breaks.
    """
    text = _halfwidth(text)
    found: list[HardwareSpan] = []
    for lo, hi in pieces(text, MAX_PIECE_CHARS):
        found += [replace(h, start=h.start + lo, end=h.end + lo) for h in _extract_piece(text[lo:hi], locale, pipeline)]
    cat = (pipeline or default_nlp())[1]
    return _without_company_names(text, found, cat, load_words(locale)) if cat.companies else found


def _without_company_names(text: str, found: list[HardwareSpan], cat: Catalogue, words: Words) -> list[HardwareSpan]:
    """Without the bare mentions of a family named like its maker (昆仑芯) where the article speaks of it as a
    company in one of their sentences (冲刺IPO, 分拆昆仑芯, 昆仑芯完成了股改): there every bare mention names the
    company; its models (昆仑芯P800) and counts stay."""
    bare = [h for h in found if h.model in cat.companies and h.count is None and h.count_low is None]
    named = {h.model for h in bare if _in_sentence_of(text, h.start, words.company_cues, SENTENCE_WINDOW)}
    return [h for h in found if not (h.model in named and h in bare)] if named else found


def _halfwidth(text: str) -> str:
    """``text`` with full-width letters and figures as ASCII, one character for one (see FULLWIDTH)."""
    if not FULLWIDTH.search(text):
        return text
    text = FULLWIDTH_FIGURE.sub(lambda m: m[0].replace("，", ",").replace("．", "."), text)
    return text.translate(FULLWIDTH_TO_ASCII)


def _extract_piece(text: str, locale: str, pipeline: tuple[Language, Catalogue] | None) -> list[HardwareSpan]:
    """``extract_hardware`` on a text short enough for one spaCy Doc.

    ``pipeline`` is a prebuilt ``build_nlp(...)`` pair (another catalogue); the default is the shipped one.
    """
    nlp, cat = pipeline or default_nlp()
    words = load_words(locale)
    spans = _hits(text, ruler_hits(nlp, text), cat, words)
    starts = [s.start_char for s in spans]
    # Spans right after 单卡/每块/pro: a price basis, never counted, nor named, nor referred back to. A model after a
    # count of one (一张H100要3万块, 用一张4090运行) joins the basis in _count_claim: never counted nor referred back
    # to, but named.
    single = {t for s in spans if s.label_ == "SINGLE"
              for t in spans if s.start_char <= t.start_char <= s.end_char + 1}
    basis = set(single)
    used: set[Hit] = set()
    found: list[HardwareSpan] = []
    counts = _counts(text, locale, starts)
    for i, m in enumerate(counts):
        if _names_number(text, m, spans, starts):
            continue  # CloudMatrix 384, AMD Epyc 7742 Prozessoren, 4090显卡: a name's figure, not a count
        first = bisect.bisect_left(starts, m.end())
        if (first == len(starts) or starts[first] >= m.end() + words.window) \
                and (cls := _classifier(m)) not in words.referring_back and cls not in words.card_classifiers \
                and (words.number_of is None or not words.number_of.search(text, max(0, m.start() - BACK_WINDOW),
                                                                            m.start())) \
                and (words.comparison_times is None or not words.comparison_times.match(text, m.end())):
            continue  # most numbers: nothing named after them, and none that can refer back
        claim = _count_claim(text, m, *_window_limit(text, counts, i, words, locale), spans, starts, cat, words,
                             locale, used, basis)
        if claim:
            found.append(claim)
    if words.family_apposition is not None:
        found = _apposition_families(text, found, spans, starts, cat, words, used)
    used |= single
    for s in spans:
        if s.label_ == "MODEL" and s not in used:
            found.append(HardwareSpan(s.start_char, s.end_char, cat.models[s.id_]["vendor"], s.id_, None, None, None,
                                      None, "named"))
    return sorted(found, key=lambda h: (h.start, h.end))


def _names_number(text: str, m: re.Match[str], spans: list[Hit], starts: list[int]) -> bool:
    """Whether a count's figure belongs to a name: it stands inside a model's, a system's or another product's name
    (the bare 4090 of a card, CloudMatrix 384), or right after a system or product line that names its models by a
    figure (AMD Epyc 7742, Atlas 800)."""
    pos = m.start("lo")
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return False
    name = spans[i]
    if pos < name.end_char:
        return name.label_ in ("MODEL", "SYSTEM", "OTHER")
    return name.label_ in ("SYSTEM", "OTHER") and text[name.end_char : pos] in ("", " ", "-", "\u00a0")


def _apposition_families(text: str, claims: list[HardwareSpan], spans: list[Hit], starts: list[int], cat: Catalogue,
                         words: Words, used: set[Hit]) -> list[HardwareSpan]:
    """Generic counts followed in their sentence by an apposition naming a family, with no model between, count that
    family (Meta kaufte 224.000 KI-GPUs, Google 169.000 KI-Chips – ebenfalls aus der Hopper-Reihe); the family's
    mention is theirs."""
    out = []
    for claim in claims:
        family = _apposition_family(text, claim, spans, starts, words) if claim.model in cat.generic else None
        if family is None:
            out.append(claim)
            continue
        used.add(family)
        out.append(replace(claim, vendor=cat.models[family.id_]["vendor"], model=family.id_))
    return out


def _apposition_family(text: str, claim: HardwareSpan, spans: list[Hit], starts: list[int], words: Words) -> Hit | None:
    """The family an apposition ending the claim's sentence names (– ebenfalls aus der „Hopper“-Reihe.), where no
    model stands between the claim and it."""
    if words.family_apposition is None:
        return None
    end = SENTENCE_END.search(text, claim.end, claim.end + SENTENCE_WINDOW)
    stop = end.start() if end else min(len(text), claim.end + SENTENCE_WINDOW)
    for m in words.family_apposition.finditer(text, claim.end, stop):
        found = _family_at(text, m.end(), spans, words)
        if found is None or not SENTENCE_TAIL.fullmatch(text, found[1], stop):
            continue
        between = spans[bisect.bisect_left(starts, claim.end) : bisect.bisect_left(starts, found[0].start_char)]
        return None if any(s.label_ == "MODEL" for s in between) else found[0]
    return None


def _counts(text: str, locale: str, starts: list[int]) -> list[re.Match[str]]:
    """The counts in ``text``; counts in words (German) only where a span starts right after them."""
    counts = list(_count_pattern(locale).finditer(text))
    in_words = _word_count_pattern(locale)
    if in_words is None or not starts:
        return counts
    window = load_words(locale).window
    searched = 0
    for start in starts:  # a count claims only a span named within the window after it
        counts += in_words.finditer(text, max(searched, start - window - DE_WORD_COUNT_CHARS), start)
        searched = start
    return sorted(counts, key=lambda m: m.start())


def _window_limit(text: str, counts: list[re.Match[str]], i: int, words: Words, locale: str) -> tuple[int, int]:
    """Where the noun of count ``i`` may stand: from its end (or from the end of the last count joined to it by a
    conjunction, whose noun it shares: 19.6万枚和16.9万枚Hopper, von aktuell 100.000 auf mehr als eine Million GPUs;
    in German after an aside in parentheses: mindestens 100.000 (und nicht nur 24.000) Prozessoren) to the next count
    or the end of the noun phrase."""
    m = counts[i]
    noun_from = _after_aside(text, m, words)
    end = _window_end(text, noun_from, words.window)
    while i + 1 < len(counts):
        nxt = counts[i + 1]
        if nxt.start() < noun_from:
            i += 1  # a count in the aside
            continue
        if _classifier(m) in words.referring_back and _classifier(nxt) == "" and nxt.start() < end \
                and not words.conjunctions.search(text, noun_from, nxt.start()):
            # 49,152颗全新24K H100: a figure with no measure word inside the noun phrase of a count of chips (颗, not
            # 个: 2个24K GPU集群 counts clusters) describes its noun
            i += 1
            continue
        if nxt.start() >= end or not _joined(text, noun_from, nxt.start(), words, locale) \
                or _classifier(nxt) != _classifier(m):
            return noun_from, min(end, nxt.start())
        i, m = i + 1, nxt
        noun_from = _after_aside(text, m, words)
        end = _window_end(text, noun_from, words.window)
    return noun_from, end


def _after_aside(text: str, m: re.Match[str], words: Words) -> int:
    """Where the noun of a count ``m`` may start: after an aside in parentheses right after a German count (100.000
    (und nicht nur 24.000) Prozessoren), or after a partitive word, a qualifier before it (200.000 oder mehr an
    KI-Chips; not after a year's figure: 2024 an Meta); else at the count's end."""
    aside = ASIDE.match(text, m.end()) if words.spaced else None
    pos = aside.end() if aside else m.end()
    partitive = words.partitive.match(text, pos) if words.partitive is not None and not YEAR.fullmatch(m["lo"]) \
        else None
    return partitive.end() if partitive else pos


def _joined(text: str, start: int, end: int, words: Words, locale: str) -> bool:
    """Whether only a conjunction, and a qualifier of the second count, stand between ``start`` and ``end``."""
    conjunction = words.conjunctions.match(text, start, end)
    if conjunction is None:
        return False
    rest = text[conjunction.end() : end]
    qualifier = _qualifiers_before(locale)[1].search(rest) if rest else None
    return not rest or qualifier is not None and not rest[: qualifier.start()].strip()


def _count_claim(text: str, m: re.Match[str], noun_from: int, limit: int, spans: list[Hit], starts: list[int],
                 cat: Catalogue, words: Words, locale: str, used: set[Hit], basis: set[Hit]) -> HardwareSpan | None:
    """The claim a count makes, if it counts chips; marks the counted span used (or a price basis).

    Its noun stands between ``noun_from`` and ``limit`` (see ``_window_limit``).
    """
    window = spans[bisect.bisect_left(starts, noun_from) : bisect.bisect_left(starts, limit)]
    inside = [s for s in window if s.label_ in ("MODEL", "GENERIC", "VENDOR", "RACK", "SYSTEM", "OTHER")]
    if words.spaced and text.startswith("-", m.end()) and (not (
            inside and inside[0].start_char == m.end() + 1 and inside[0].label_ in ("MODEL", "GENERIC"))
            or VERSION_OF.search(text, max(0, m.start() - 16), m.start()) and VERSION.fullmatch(m["lo"])):
        # 3-nm-Chips, 100-Millionen-Dollar-Deal: a figure in a compound counts only the chip it joins; and a version
        # after an abbreviation is none (AMDs CDNA 3-GPU-Architektur)
        return None
    if words.noun_gap is not None and inside and not _attributes_only(text, m, noun_from, inside[0].start_char, words):
        if _classifier(m) not in words.referring_back:
            return None  # a German count stands before its noun, with at most articles and adjectives between
        inside = []  # Amazon kommt auf 196.000 Einheiten und Google …: the unit noun's chip is named before it
    if _is_year(text, m, words) or YEAR.fullmatch(m["lo"]) and not m["hi"] and words.year_articles.match(text, m.end()):
        return None  # Ende 2023 mit H200, folgt 2027 der VR300
    if words.not_opening_adjective is not None and words.not_opening_adjective.match(text, m.end()) \
            and _opens_sentence(text, m.start()):
        return None  # 2026 kommen Rubin und Rubin Ultra: a verb, not an adjective, after a figure opening its sentence
    cls = _classifier(m)
    if cls and any(len(word) > len(cls) and text.startswith(word, m.start("cls")) for word in words.currency_words):
        return None  # 4500亿台币, 3万块钱: the measure word starts a currency word: money, not a count
    card = words.card_classifiers.get(cls) if cls else None
    head: Hit | None
    if card is not None:  # 万卡集群, 1万张卡: the measure word is the noun; a model right before names the cards
        if words.other_nouns.match(text, m.end()):
            return None  # 8卡服务器: servers
        head = (_model_before(text, m.start(), spans, starts) or _model_at(text, m.end(), window)
                or Hit(m.start(), m.end(), "GENERIC", card))
        claim_end = max(m.end(), head.end_char)
    else:
        head = _head(text, noun_from, inside, words, cat, spans)
        claim_end = head.end_char if head else m.end()
        if head is not None and head.label_ == "GENERIC" \
                and words.demonstratives.search(text, noun_from, head.start_char):
            # 16.000 dieser Spezialchips: the chip named before, whose own mention stays a claim of its own
            head = _named_before(text, m.start(), spans, starts) or head
            used = set()
    after = _qualifier_after(text, m.end(), locale)
    count_end = m.end() + (len(after[1]) if after else 0)
    if head is None and cls in words.referring_back \
            and (_ends_clause(text, count_end, words.spaced) or words.clause_goes_on.match(text, count_end)):
        # 这款芯片……计划量产5万颗。, 爆买2万颗来试用, 库存量从60万至70万颗进一步增加
        head = _antecedent(text, m.start(), spans, starts, words, basis)
    if head is None and words.number_of is not None and _ends_clause(text, m.end(), words.spaced):
        head = _number_of(text, m.start(), spans, starts, words)  # die Zahl der GPUs soll auf 100.000 steigen
    if head is None and words.comparison_times is not None and not YEAR.fullmatch(m["lo"]) \
            and (when := words.comparison_times.match(text, m.end())) and _ends_clause(text, when.end(), words.spaced):
        # 1,6 Millionen KI-Chips – ein Sprung von 600.000 im kommenden Jahr: the chip counted before, at another time
        head = ante if (ante := _antecedent(text, m.start(), spans, starts, words, basis)) in used else None
    if head is None or card is None and _counts_something_else(text, noun_from, head, inside, words):
        return None  # 278.8万GPU小时, 1000台B200服务器: compute time and machines, not chips
    if head.label_ == "MODEL" and (joint := _joint_count(text, head, spans, words)) is not None:
        head, claim_end = joint, max(claim_end, joint.end_char)  # one count of two models: a generic count
    if head.label_ == "GENERIC" and _in_device_sentence(text, m.start(), words):
        return None  # 手机里的两块芯片, die Chips eines Smartphones: not accelerators
    if words.classifiers and not cls and _not_a_bare_count(text, m, noun_from, head, inside, words, cat):
        return None  # where counts take a measure word, one without is held to the chip right after it
    if not cls and words.currency.search(text, m.end(), head.start_char):
        return None  # 30.000 Dollar pro H100, zwei Millionen Euro teure H100-Cluster: a price, not a count
    if _after_rate_marker(text, m.start(), words):
        return None  # 每台服务器配备8块H100: so many per machine, not a fleet
    vague = words.vague_counts.get(m["lo"].capitalize()) or _several_of(m, locale)
    number = None if vague else _count_number(_low_with_scale(m["lo"], m["hi"], locale), locale)
    lo = number.value if number else None
    hi = _count_value(m["hi"], locale) if m["hi"] else None
    before = text[max(0, m.start() - 6) : m.start()].rstrip().lower()
    if lo is not None and lo < 2:
        basis.add(head)  # 1块H20, einer H100: a price basis, not a count
        return None
    if any(before.endswith(b.lower()) for b in words.blockers):
        return None  # 每8块GPU, je acht H100: a rate, not a fleet
    model = head.id_ or "GPU"
    vendor = cat.models.get(model, {}).get("vendor") if head.label_ == "MODEL" else None
    if not vague and number is not None and number.vague and not m["hi"] \
            and number.low is not None and number.high is not None:
        vague = (int(number.low), int(number.high))
    if not vague and card is not None and lo and text.startswith(words.magnitude_after, m.end()):
        vague = (int(lo), int(lo) * 10)  # 千卡级集群: a cluster of thousands of cards, not of one thousand
    if vague:
        # 数万块GPU, Zehntausende Chips: an unknown multiple of the unit, kept as the range it stands for
        low, high = vague
        used.add(head)
        return HardwareSpan(m.start(), claim_end, vendor, model, None, low, high, "approx", "count", vague=True)
    if lo is None or lo != int(lo) or (hi is not None and (hi <= lo or hi != int(hi))):
        return None
    used.add(head)
    if hi is not None:
        return HardwareSpan(m.start(), claim_end, vendor, model, None, int(lo), int(hi), "range", "count")
    qualifier = "over" if number is not None and number.over \
        else _qualifier(text, m.start(), locale, m) or (after[0] if after else None)
    return HardwareSpan(m.start(), claim_end, vendor, model, int(lo), None, None, qualifier, "count")


def _joint_count(text: str, head: Hit, spans: list[Hit], words: Words) -> Hit | None:
    """The generic chips one count counts where the counted model is joined to another (etwa 550.000 GB200- und
    GB300-Beschleuniger, 5万颗H100和H200芯片): the noun after the second model, or chips; each model is named apart.
    None where no second model follows."""
    joiner = words.model_joiners.match(text, head.end_char)
    second = _hit_at(spans, joiner.end()) if joiner else None
    if second is None or second.label_ != "MODEL" or second.id_ == head.id_:
        return None
    pos = second.end_char + 1 if text[second.end_char : second.end_char + 1] in "- " else second.end_char
    noun = _hit_at(spans, pos)
    if noun is not None and noun.label_ == "GENERIC":
        return Hit(head.start_char, noun.end_char, "GENERIC", noun.id_)
    return Hit(head.start_char, second.end_char, "GENERIC", "chip")


def _sentence_start(text: str, pos: int, limit: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back at most ``limit`` characters."""
    floor = max(0, pos - limit)
    brk = SENTENCE_START.search(text[floor:pos][::-1])
    return pos - brk.start() if brk else floor


def _in_device_sentence(text: str, pos: int, words: Words) -> bool:
    """Whether the sentence around ``pos`` names a device whose chips are no accelerators (a phone, a modem)."""
    return _in_sentence_of(text, pos, words.device_words, DEVICE_WINDOW)


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether only quotation marks and spaces stand between ``pos`` and the start of its sentence (or a colon)."""
    floor = max(0, pos - 8)
    before = text[floor:pos].rstrip(" \t\u00a0„“\"'»«")
    return not before or before[-1] in ".!?:\n"


def _modifiers_only(text: str, start: int, end: int, words: Words) -> bool:
    """Whether only the words that may stand between a count and its noun stand between ``start`` and ``end``."""
    return end - start <= (words.noun_gap or 0) and words.noun_gap_words.fullmatch(text, start, end) is not None


def _attributes_only(text: str, m: re.Match[str], start: int, end: int, words: Words) -> bool:
    """Whether only modifiers, or an extended attribute (a phrase ending in a participle), stand between a count
    ``m`` and its noun; a year takes none (das 2025 in Betrieb genommene H100-Cluster)."""
    return _modifiers_only(text, start, end, words) or (
        words.extended_attribute is not None and end - start <= (words.noun_gap or 0)
        and not YEAR.fullmatch(m["lo"]) and words.extended_attribute.fullmatch(text, start, end) is not None)


def _is_year(text: str, m: re.Match[str], words: Words) -> bool:
    """Whether the count is a year after a word that says so (Ende 2023, im Jahr 2024)."""
    return bool(YEAR.fullmatch(m["lo"]) and not m["hi"]
                and words.year_cues.search(text, max(0, m.start() - 16), m.start()))


def _not_a_bare_count(text: str, m: re.Match[str], noun_from: int, head: Hit, inside: list[Hit], words: Words,
                      cat: Catalogue) -> bool:
    """A Chinese count without a measure word counts only the chip right after it (its vendor and its family may stand
    between: 7000 Blackwell GB300 GPUs), never in a price's clause, and not what follows the chip: 3万英伟达员工使用H100
    counts staff, 售价3万H100 would be a price, 10万GPU开发者 counts developers."""
    if NAME_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return True  # Radeon 9000 显卡: a product line's figure, not a count
    between = text[_after_names(text, noun_from, inside, cat) : head.start_char]
    clause = CLAUSE_END.split(text[max(0, m.start() - RATE_WINDOW) : m.start()])[-1]
    return bool(between.strip(" -") or words.price_words.search(clause)
                or words.bare_not_before.match(text, head.end_char))


def _hits(text: str, found: list[Hit], cat: Catalogue, words: Words) -> list[Hit]:
    """The ruler's matches in text order, without the ones that do not name hardware here.

    A family name joined to a model by a space or hyphen (Ascend-910B, Ironwood-TPU) yields to the model. An
    everyday word that reads as a name only after script conversion (股价升腾) names a chip only after its
    vendor (the head marker may stand between) or a chip classifier, or before a catalogue span or one of
    its context words.
    """
    hits = sorted(found)
    kept: list[Hit] = []
    for i, h in enumerate(hits):
        if h.label_ == "CONTEXT":
            if not _context_names_hardware(text, h, kept[-1] if kept else None,
                                           hits[i + 1] if i + 1 < len(hits) else None, words):
                continue  # L2 cache, die A30, Gaudi the architect
            h = h._replace(label_="MODEL")
        if h.label_ == "MODEL" and h.id_ in cat.consumer \
                and _in_sentence_of(text, h.start_char, words.gaming_words, SENTENCE_WINDOW):
            continue  # Gaming-Grafikkarten wie die RTX 3080 Ti: a gaming card, no accelerator
        if h.label_ == "MODEL" and h.id_ in cat.families:
            h = _glossed_model(text, h, cat)
        if h.label_ == "MODEL" and kept and kept[-1].label_ == "MODEL" and kept[-1].id_ == h.id_ \
                and not text[kept[-1].end_char : h.start_char].strip(" -"):
            kept[-1] = kept[-1]._replace(end_char=h.end_char)  # GH200 Grace Hopper: one model, named twice
            continue
        if h.label_ == "MODEL" and _names_person(text, h, words):
            continue  # der Astronomin Vera Rubin: the scientist a chip is named after
        if h.label_ == "MODEL":
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            prev = kept[-1] if kept else None
            if h.id_ in cat.families and (
                    nxt is not None and nxt.label_ == "MODEL" and not text[h.end_char : nxt.start_char].strip(" -")
                    or prev is not None and prev.label_ == "MODEL"
                    and not text[prev.end_char : h.start_char].strip(" -")
                    or _is_gloss(text, h) or _listed_with(text, h, hits[i - 1] if i else None, nxt, words)):
                continue
            context = words.everyday_names.get(text[h.start_char : h.end_char]) if words.everyday_names else None
            if context is not None and not _names_hardware(text, h, prev, nxt, context, words):
                continue
        kept.append(h)
    # A family name that describes another chip (基于Blackwell架构的GB200, der Prozessor gehört zu der Blackwell-Serie)
    # is no claim where the text names one of the family's members and its sentence names that chip (a member, or a
    # noun of chips); without a member it names the product (Blackwell架构的芯片), and so does a series its sentence
    # names alone (Für die Instinct-MI300-Serie tut man …).
    named = {family for h in kept if h.label_ == "MODEL" for family in cat.families_of(h.id_)}
    return [h for h in kept if not (h.id_ in named and _describes(text, h, kept, words)
                                    and _chip_in_sentence(text, h, kept, cat))]


def _names_person(text: str, h: Hit, words: Words) -> bool:
    """Whether a name without digits names the person a chip is named after: before what is named after a person
    (Vera-Rubin-Observatorium), or standing bare (in no compound: Vera Rubin, not Rubin-GPUs) right after a word for a
    person or in a clause on the naming (see the locale files)."""
    name = text[h.start_char : h.end_char]
    if any(ch.isdigit() for ch in name):
        return False
    if words.named_after_person.match(text, h.end_char):
        return True  # das Vera-Rubin-Observatorium
    if text[h.end_char : h.end_char + 1] == "-" or text[h.start_char - 1 : h.start_char] == "-":
        return False
    if words.person_before.search(text, max(0, h.start_char - PERSON_WINDOW), h.start_char):
        return True
    start = h.start_char - len(CLAUSE_END.split(text[max(0, h.start_char - BACK_WINDOW) : h.start_char])[-1])
    return words.naming_cues.search(text, start, _window_end(text, h.end_char, BACK_WINDOW)) is not None


def _glossed_model(text: str, h: Hit, cat: Catalogue) -> Hit:
    """昇腾(Ascend)910: a family name, its gloss in parentheses, then the number that makes it a model's name."""
    gloss = GLOSS.match(text[h.end_char : h.end_char + 32])
    number = MODEL_NUMBER.match(text, h.end_char + gloss.end()) if gloss else None
    if number is None:
        return h
    name = text[h.start_char : h.end_char]
    model = cat.by_alias.get(f"{name}{number[1]}".lower()) or cat.by_alias.get(f"{name} {number[1]}".lower())
    return Hit(h.start_char, number.end(), "MODEL", model) if model else h


def _is_gloss(text: str, h: Hit) -> bool:
    """Whether ``h`` stands alone in parentheses right after a Han word, as a gloss of it (昇腾(Ascend)910,
    科学家安培(Ampere)): that word, not the gloss, names a chip if anything does."""
    before = text[max(0, h.start_char - 3) : h.start_char].rstrip()
    return len(before) >= 2 and before[-1] in "(（" and CJK_RANGE[0] <= before[-2] <= CJK_RANGE[1] \
        and text[h.end_char : h.end_char + 2].lstrip()[:1] in (")", "）")


def _listed_with(text: str, h: Hit, prev: Hit | None, nxt: Hit | None, words: Words) -> bool:
    """Whether a family name stands in a list with a generic noun (加速卡(如GPU、TPU或其他), GPUs und TPUs): it
    names a kind of chip there, not the product; or in a list of vendors (寒武纪、昆仑芯、平头哥等芯片设计企业): it
    names the company that makes the family, unless its own vendor stands right before it
    (辉达Blackwell与超微AI平台)."""
    own_vendor = prev is not None and prev.label_ == "VENDOR" and not text[prev.end_char : h.start_char].strip(" -")
    return any(other is not None and (other.label_ == "GENERIC" or other.label_ == "VENDOR" and not own_vendor)
               and words.conjunctions.fullmatch(text, *sorted((h.end_char, other.start_char) if other is nxt
                                                              else (other.end_char, h.start_char)))
               for other in (prev, nxt))


def _describes(text: str, h: Hit, hits: list[Hit], words: Words) -> bool:
    """Whether a descriptor word follows the family name ``h`` (Blackwell架构, Blackwell-Serie, Hopper GPU 架構)."""
    pos = h.end_char
    while pos < len(text) and text[pos] in " -":
        pos += 1
    generic = next((g for g in hits if g.start_char == pos and g.label_ == "GENERIC"), None)
    if generic is not None:
        pos = generic.end_char
        while pos < len(text) and text[pos] in " -":
            pos += 1
    return words.family_descriptors.match(text, pos) is not None


def _chip_in_sentence(text: str, h: Hit, hits: list[Hit], cat: Catalogue) -> bool:
    """Whether the sentence of the family name ``h`` names a member of the family or holds a noun of chips."""
    start = _sentence_start(text, h.start_char, SENTENCE_WINDOW)
    end = SENTENCE_END.search(text, h.end_char, h.end_char + SENTENCE_WINDOW)
    end_pos = end.start() if end else h.end_char + SENTENCE_WINDOW
    return any(start <= o.start_char < end_pos and o is not h
               and (o.label_ == "GENERIC" or o.label_ == "MODEL" and h.id_ in cat.families_of(o.id_)) for o in hits)


def _context_names_hardware(text: str, h: Hit, prev: Hit | None, nxt: Hit | None, words: Words) -> bool:
    """Whether a context alias (A30, L2, Gaudi, a card's bare 4090) names its model here: after its vendor or a measure
    word (一张4090), before one of the locale's context words (A30-GPU, 4090显卡), or listed with another model (A100
    und A30)."""
    if prev is not None and prev.label_ == "VENDOR" and text[prev.end_char : h.start_char].strip(" -") in (
            "", words.head_marker):
        return True  # Nvidia A30, Intels Gaudi
    before = text[max(0, h.start_char - 4) : h.start_char].rstrip()
    if before and any(before.endswith(c) for c in words.classifiers):
        return True  # 一张4090
    after = GLOSS.sub("", text[h.end_char : h.end_char + 32], count=1).lstrip(" -")
    if words.context_words and after.startswith(words.context_words):
        return True  # 4090显卡, Gaudi-Beschleuniger
    return any(other is not None and other.label_ in ("MODEL", "CONTEXT")
               and words.conjunctions.fullmatch(text, *((h.end_char, other.start_char) if other is nxt
                                                        else (other.end_char, h.start_char)))
               for other in (prev, nxt))


def _in_sentence_of(text: str, pos: int, cue: re.Pattern[str], reach: int) -> bool:
    """Whether ``cue`` is found in the sentence around ``pos``, at most ``reach`` characters each side."""
    start = _sentence_start(text, pos, reach)
    end = SENTENCE_END.search(text, pos, pos + reach)
    return cue.search(text, start, end.start() if end else pos + reach) is not None


def _names_hardware(text: str, h: Hit, prev: Hit | None, nxt: Hit | None, context: tuple[str, ...],
                    words: Words) -> bool:
    """Whether an everyday word that reads as a name stands where it names a chip (see ``_hits``)."""
    if nxt is not None and nxt.label_ != "SINGLE" and not text[h.end_char : nxt.start_char].strip():
        return True
    if GLOSS.sub("", text[h.end_char : h.end_char + 32], count=1).lstrip(" -").startswith(context):
        return True  # 升腾芯片, Ampere-Architektur
    if h.start_char and text[h.start_char - 1] in words.referring_back:
        return True  # 1万块昇腾
    if words.product_before.search(text, max(0, h.start_char - PRODUCT_BEFORE_REACH), h.start_char):
        return True  # dem Vorgänger Volta, 上一代安培: a product's predecessor or successor
    return prev is not None and prev.label_ == "VENDOR" \
        and text[prev.end_char : h.start_char].strip() in ("", words.head_marker)


def _after_rate_marker(text: str, start: int, words: Words) -> bool:
    """Whether a rate marker (每台, pro Server) stands in the count's clause before it; a word for "each" (jeweils) is
    one only after a machine in its clause (Rechenknoten mit jeweils vier GH200, not zwei Firmen dürfen jeweils 35.000
    Chips kaufen)."""
    floor = max(0, start - RATE_WINDOW)
    window = text[floor:start]
    markers = list(words.rate_markers.finditer(window))
    if not markers or CLAUSE_END.search(window, markers[-1].end()):
        return False
    if markers[-1].group().lower() not in words.each_markers:
        return True
    marker = floor + markers[-1].start()
    clause = CLAUSE_END.split(text[max(0, marker - RATE_WINDOW * 2) : marker])[-1]
    return words.other_nouns.search(clause) is not None


def _ends_clause(text: str, pos: int, spaced: bool = False) -> bool:
    """Whether nothing but a clause break (or the end of the text) follows ``pos``, or an aside in brackets
    (200万颗（先前预估为100万颗）); in a spaced script (German) also a lower-case word, which ends the noun phrase
    (196.000 Einheiten kommt)."""
    rest = text[pos : pos + 2].lstrip(" ）)」”")
    return (not rest or CLAUSE_END.match(rest) is not None or rest[0] in "\n…（("
            or spaced and text[pos : pos + 1].isspace() and rest[0].islower())


def _antecedent(text: str, start: int, spans: list[Hit], starts: list[int], words: Words,
                basis: set[Hit]) -> Hit | None:
    """The chip a count that ends its clause refers back to: the last one named before it in the sentence.

    None where a noun that is not a chip stands between (晶圆切出60颗), or a price word in the count's clause
    (H100售价3万块).
    """
    floor = _sentence_start(text, start, BACK_WINDOW)
    i = bisect.bisect_left(starts, start) - 1
    while i >= 0 and spans[i].start_char >= floor and spans[i].label_ in ("VENDOR", "SINGLE"):
        i -= 1
    if i < 0 or spans[i].start_char < floor or spans[i].label_ not in ("MODEL", "GENERIC"):
        return None
    ante = noun = spans[i]
    if ante.label_ == "GENERIC" and i > 0 and spans[i - 1].label_ == "MODEL" \
            and not text[spans[i - 1].end_char : ante.start_char].strip(" -"):
        i -= 1
        ante = spans[i]  # H20晶片: the model, not the noun after it
    between = text[ante.end_char : start]
    clause = CLAUSE_END.split(between)[-1]
    if ante in basis and not CLAUSE_END.search(between) or words.price_words.search(clause) \
            or words.other_nouns.search(between):
        # a price basis is referred back to only from another clause (H200一颗要价2万美元，字节跳动将买2万颗)
        return None
    first = spans[i - 1] if i > 0 and ante.label_ == "MODEL" else None
    if first is not None and first.label_ == "MODEL" and first.id_ != ante.id_ \
            and (joiner := words.model_joiners.match(text, first.end_char)) and joiner.end() == ante.start_char:
        # A100和H800加速卡共计10万块: one count of two models, generic chips; each model is named apart
        return Hit(first.start_char, noun.end_char, "GENERIC", noun.id_ if noun.label_ == "GENERIC" else "chip")
    return ante


def _in_parentheses(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a parenthesis opened after ``start``."""
    between = text[start:pos]
    return between.count("(") + between.count("（") > between.count(")") + between.count("）")


def _named_before(text: str, start: int, spans: list[Hit], starts: list[int]) -> Hit | None:
    """The model a demonstrative refers to (zwei dieser GPUs): the only one named in its sentence and the one before
    (durch die Einführung des 910C … 1,3 Millionen dieser Chips), else the last one named before ``start`` as what a
    generic noun names (der neue B200-Grafikprozessor), within the paragraphs before it."""
    sentence = _sentence_start(text, start, DEMONSTRATIVE_WINDOW)
    floor = _sentence_start(text, sentence - 1, DEMONSTRATIVE_WINDOW) if sentence else 0
    near = [s for s in spans[bisect.bisect_left(starts, floor) : bisect.bisect_left(starts, start)]
            if s.label_ == "MODEL"]
    if near and len({s.id_ for s in near}) == 1:
        return near[-1]
    i = bisect.bisect_left(starts, start) - 1
    while i > 0 and spans[i].start_char >= start - DEMONSTRATIVE_WINDOW:
        model, noun = spans[i - 1], spans[i]
        if noun.label_ == "GENERIC" and model.label_ == "MODEL" \
                and not text[model.end_char : noun.start_char].strip(" -"):
            return model
        i -= 1
    return None


def _number_of(text: str, start: int, spans: list[Hit], starts: list[int], words: Words) -> Hit | None:
    """The chip a noun of number names before a count in its sentence (Die Zahl der GPUs soll auf 100.000 steigen)."""
    if words.number_of is None:
        return None
    floor = _sentence_start(text, start, BACK_WINDOW)
    nouns = list(words.number_of.finditer(text, floor, start))
    if not nouns:
        return None
    i = bisect.bisect_left(starts, nouns[-1].end())
    while i < len(spans) and spans[i].start_char < start and spans[i].label_ == "VENDOR":
        i += 1
    if i == len(spans) or spans[i].start_char >= start or spans[i].label_ not in ("MODEL", "GENERIC") \
            or not _modifiers_only(text, nouns[-1].end(), spans[i].start_char, words):
        return None
    return spans[i]


def _model_at(text: str, pos: int, window: list[Hit]) -> Hit | None:
    """The model that starts right at ``pos`` (3万卡昆仑芯集群), if one does."""
    first = window[0] if window else None
    return first if first is not None and first.label_ == "MODEL" and not text[pos : first.start_char].strip() else None


def _model_before(text: str, start: int, spans: list[Hit], starts: list[int]) -> Hit | None:
    """The model that ends right before ``start`` (昆仑芯三万卡集群), if one does."""
    i = bisect.bisect_left(starts, start) - 1
    if i >= 0 and spans[i].label_ == "MODEL" and not text[spans[i].end_char : start].strip():
        return spans[i]
    return None


# How far back from a count's end its measure word may end (a space or two may follow it).
MACHINE_CLASSIFIER_REACH = 4


def _counts_something_else(text: str, count_end: int, head: Hit, inside: list[Hit], words: Words) -> bool:
    """Whether a noun that is not a chip stands between the count and its head, or ends the head's noun phrase.

    The phrase is the head plus the catalogue nouns joined to it; the head marker may stand before the noun.
    """
    # In German the noun is the first chip name after the count; the model named after it (Grafikprozessoren Nvidia
    # A100) is its apposition.
    noun = next((s for s in inside if s.label_ in ("MODEL", "GENERIC")), head) if not words.head_marker else head
    noun_start = min(noun.start_char, head.start_char)
    if any(s.label_ in ("SYSTEM", "OTHER") and count_end <= s.start_char < noun_start for s in inside):
        return True  # 200台DGX H100, zwei Epyc-Prozessoren: systems, CPUs
    attribute = words.extended_attribute.fullmatch(text, count_end, noun_start) \
        if words.extended_attribute is not None and noun_start > count_end else None
    if noun_start > count_end and attribute is None and (
            words.other_nouns.search(text, count_end, noun_start)
            or words.other_chip_kinds.search(text, count_end, noun_start)):
        return True  # 1000 Server mit H100, acht HBM-Chips: servers, memory chips (not: zwei auf einem Package
        # kombinierte 910B, whose Package is the preposition's)
    pos = head.end_char
    for s in inside:
        if s.start_char >= pos and not text[pos:s.start_char].strip(" -") and s.label_ in ("MODEL", "GENERIC", "RACK"):
            if s.label_ == "RACK":
                return True  # 1000套GB200 NVL72: racks
            pos = s.end_char
    if words.spaced and (shared := _truncated_compound(text, pos, words)) is not None:
        pos = shared  # 112 GPU- und 72 CPU-Knoten: the noun after the conjunction ends both compounds
    while pos < len(text) and text[pos] in " -":
        pos += 1
    if words.part_nouns.match(text, pos):
        return True  # 144 GPU-Dies: parts of a chip
    if joiner := words.phrase_joiners.match(text, pos):
        pos = joiner.end()  # 330台GPU系列服务器
    if words.head_marker and text.startswith(words.head_marker, pos):
        pos += len(words.head_marker)
    if words.machine_classifiers and words.machine_noun_after.match(text, pos) and \
            text[max(0, count_end - MACHINE_CLASSIFIER_REACH) : count_end].rstrip().endswith(words.machine_classifiers):
        return True  # 10台搭载H100的惠普超级电脑: computers
    return words.other_noun_after.match(text, pos) is not None


def _truncated_compound(text: str, pos: int, words: Words) -> int | None:
    """Where the last part of the compound after a conjunction starts, when the noun phrase ends at ``pos`` with a
    hyphen and a space (GPU- und CPU-Knoten, H100- und H200-KI-Chips): that part is the noun of both compounds."""
    if not (text.startswith("-", pos) and text[pos + 1 : pos + 2].isspace()):
        return None
    conjunction = words.conjunctions.match(text, pos + 1)
    if conjunction is None or not conjunction.group().strip(" ,"):
        return None
    compound = TRUNCATED_PARTNER.match(text, conjunction.end())
    return compound.start("last") if compound else None


def _head(text: str, start: int, inside: list[Hit], words: Words, cat: Catalogue, spans: list[Hit]) -> Hit | None:
    """The counted noun: the model after the last 的 (or the first model), else a generic noun.

    Names in parentheses after the noun are examples or glosses (一万张加速卡(如H100、TPU)), not the noun.
    """
    inside = [s for s in inside if not _in_parentheses(text, start, s.start_char)] or inside
    if not words.head_marker:
        # German: the first model or generic noun after the count (vendors are modifiers), or the model
        # a type marker names after a generic noun (Chips vom Typ H800), or that stands right after it
        # (500'000 Einheiten des KI-Prozessors H100), its vendor and family between (Grafikprozessoren Nvidia Ampere
        # A100)
        head = next((s for s in inside if s.label_ in ("MODEL", "GENERIC")), None)
        if head is not None and head.label_ == "GENERIC":
            named = words.type_marker.match(text, head.end_char) if words.type_marker is not None else None
            pos = named.end() if named else head.end_char + 1 if text[head.end_char : head.end_char + 1] == " " else -1
            pos = _after_names(text, pos, spans, cat) if pos >= 0 else pos
            model = _hit_at(spans, pos)
            if model is not None and model.label_ == "MODEL":
                return model
            gloss = _hit_at(spans, head.end_char + 1)  # Grafikprozessoren GPUs: a generic noun glossed by another
            end = gloss.end_char if gloss is not None and gloss.label_ == "GENERIC" else head.end_char
            marker = words.family_marker.match(text, end) if words.family_marker is not None else None
            family = _family_at(text, _after_names(text, marker.end(), spans, cat), spans, words) if marker else None
            if family is not None:
                return family[0]  # KI-Chips der „Hopper“-Familie, GPUs, der „Nvidia-Blackwell“-Generation
        return head
    models = [s for s in inside if s.label_ == "MODEL"]
    if models:
        cut = text.rfind(words.head_marker, start, models[-1].start_char)
        after = [s for s in models if s.start_char > cut] if cut >= 0 else models
        return after[0] if after else models[-1]
    generics = [s for s in inside if s.label_ == "GENERIC"]
    return generics[0] if generics else None


def _after_names(text: str, pos: int, hits: list[Hit], cat: Catalogue) -> int:
    """Where the name after ``pos`` starts, past spaces, hyphens, vendors and the family names that yield to the model
    after them (Nvidia Ampere A100, Blackwell GB300): a model or a family named as one stops it."""
    while True:
        while pos < len(text) and text[pos] in " \u00a0-":
            pos += 1
        hit = _hit_at(hits, pos)
        if hit is not None and hit.label_ == "VENDOR":
            pos = hit.end_char
        elif hit is None and (family := cat.family_names.match(text, pos)) is not None:
            pos = family.end()
        else:
            return pos


def _hit_at(hits: list[Hit], pos: int) -> Hit | None:
    """The hit of ``hits`` (in text order) that starts at ``pos``, if one does."""
    i = bisect.bisect_left(hits, pos, key=lambda h: h.start_char)
    return hits[i] if i < len(hits) and hits[i].start_char == pos else None


def _family_at(text: str, pos: int, hits: list[Hit], words: Words) -> tuple[Hit, int] | None:
    """The model named at ``pos`` as a family, with one of the family's descriptors after it (Hopper-Familie,
    „Hopper“-Reihe, Blackwell Generation), and where that descriptor ends; None where there is none."""
    model = next((s for s in hits if s.start_char == pos and s.label_ == "MODEL"), None)
    joined = QUOTED_JOIN.match(text, model.end_char) if model is not None else None
    descriptor = words.family_descriptors.match(text, joined.end()) if joined is not None else None
    return (model, descriptor.end()) if model is not None and descriptor is not None else None
