"""Find accelerator mentions (vendor, model, count) with a spaCy SpanRuler built from the catalogue."""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, NamedTuple

import spacy
from spacy.attrs import LOWER
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from extractors.sentences import pieces
from normalizers.locale import load_locale, vocabulary
from normalizers.numbers import Number, NumberError, parse
from normalizers.patterns import NEVER, WORD_STYLES, word_alternation, word_at_end
from normalizers.script import to_simplified

DATA = Path(__file__).with_name("data")
CATALOGUE = DATA / "hardware.yaml"
PATTERNS = DATA / "hardware_patterns.jsonl"
# Latin words with digits (H800, MI300X, 910B), numbers with separators, then one character at a time.
TOKEN = r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ]*|\d+(?:[.,]\d+)*[A-Za-z]*|\S"
CJK_RANGE = ("\u3400", "\u9fff")
LEADING_SPACE = re.compile(r"\s*")
WHITESPACE_RUN = re.compile(r"\s\s")
ZH_NUMERALS = "一二两三四五六七八九十百千万亿"
BARE_UNITS = "百千万亿"
NO_CLASSIFIER = r"(?<=[千万])(?<!千万)"  # 5千万H100 (50 million) is no fleet
# The scale word that ends a range's high end, and any scale word: 2至3万块 is 20,000-30,000, the low end borrowing
# the high end's scale (4 bis 5 Millionen GPUs: see _de_range_scale).
ZH_RANGE_SCALE = (re.compile(r"[百千万亿]+$"), re.compile(r"[十百千万亿]"))
RANGE_SEP = r"\s*(?:～|~|〜|至|到|-|–|—|bis)\s*"
DE_WORD_COUNT_CHARS = 40  # the longest German count in words: dreihundertfünfundzwanzigtausend, anderthalb Millionen
CLAUSE_END = re.compile(r"[，,；;。！？!?：:]|\.(?:\s|$)")
SENTENCE_END = re.compile(r"[。！？!?\n]")
# How far before a count that ends its clause (量产至少5万颗，) the chip it counts may be named.
BACK_WINDOW = 60
# How far before a count a rate marker (每台服务器配备8块GPU) may stand.
RATE_WINDOW = 32
PARENS = re.compile(r"[（(][^（）()]{0,40}[）)]")
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


@dataclass(frozen=True)
class Catalogue:
    models: dict[str, dict[str, Any]]  # canonical model → {vendor, aliases}
    vendors: dict[str, list[str]]
    generic: dict[str, list[str]]
    families: frozenset[str] = frozenset()  # models that name a family or architecture (Ascend, TPU, Hopper)


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
    models = {m["model"]: {"vendor": m.get("vendor"), "aliases": list(m.get("aliases", []))} for m in data["models"]}
    families = frozenset(m["model"] for m in data["models"] if m.get("family"))
    return Catalogue(models, data.get("vendors", {}), data.get("generic", {}), families)


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
    lead = LEADING_SPACE.match(text)[0]
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
    """SpanRuler phrase patterns for every model, vendor and generic noun of the catalogue."""
    patterns: list[dict[str, Any]] = []
    def forms(names: list[str]) -> list[str]:
        # Chinese text arrives in its Simplified form, and OpenCC turns some brand characters into
        # common ones (昇腾 → 升腾): match every alias also as it reads after that conversion.
        return sorted({form for name in names for form in (name, to_simplified(name))})

    for model, info in cat.models.items():
        names = [model, *info["aliases"]]
        # German and English write plurals of model names: 10.000 H100s.
        plurals = [f"{name}s" for name in names if name.isascii() and name[-1].isalnum() and name[-1] != "s"]
        for alias in forms(names + plurals):
            patterns.append({"label": "MODEL", "pattern": alias, "id": model})
    for vendor, aliases in cat.vendors.items():
        for alias in forms(aliases):
            patterns.append({"label": "VENDOR", "pattern": alias, "id": vendor})
    for kind, nouns in cat.generic.items():
        for noun in forms(nouns):
            patterns.append({"label": "GENERIC", "pattern": noun, "id": kind})
    return patterns


def build_nlp(catalogue_path: Path = CATALOGUE, patterns_path: Path = PATTERNS) -> tuple[Language, Catalogue]:
    """A blank pipeline with our tokenizer and a span ruler over catalogue and JSONL patterns."""
    cat = load_catalogue(catalogue_path)
    with patterns_path.open(encoding="utf-8") as fh:
        patterns = catalogue_patterns(cat) + [json.loads(line) for line in fh if line.strip()]
    nlp = spacy.blank("xx")
    # The span ruler matches phrases on LOWER only. Every other lexical attribute (shape, prefix, suffix, like_num,
    # ...) is computed for each word the vocabulary has not seen, which real pages bring by the thousand.
    nlp.vocab.lex_attr_getters = {LOWER: nlp.vocab.lex_attr_getters[LOWER]}
    pieces_of = token_pattern(patterns)
    nlp.tokenizer = lambda text: _tokenize(nlp, pieces_of, text)
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "hw", "phrase_matcher_attr": "LOWER",
                                               "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}})
    ruler.add_patterns(patterns)
    return nlp, cat


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
    price_words: re.Pattern[str]
    type_marker: re.Pattern[str] | None
    vague_counts: dict[str, tuple[int, int]]
    everyday_names: dict[str, tuple[str, ...]]
    rate_markers: re.Pattern[str]
    card_classifiers: dict[str, str]
    card_not_before: str
    unit_qualifiers: dict[str, str]
    bare_not_before: re.Pattern[str]  # after the chip a count without a measure word names: it counts those instead
    count_scales: tuple[str, ...]  # scale words of a count in a spaced script (Millionen)
    currency: re.Pattern[str]  # the locale's currency words and signs, as whole words


@lru_cache(maxsize=None)
def load_words(locale: str) -> Words:
    """The hardware words of ``locale``: those of every locale of its language (see ``normalizers.locale.vocabulary``)."""
    raw = vocabulary(locale, "hardware")
    flags = WORD_STYLES[load_locale(locale)["matching_script"]].flags
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
        price_words=re.compile(word_alternation(raw.get("price_words", []))),
        type_marker=re.compile(rf"\s+(?:{word_alternation(markers)})\s+", flags) if markers else None,
        vague_counts={word: (low, high) for word, (low, high) in raw.get("vague_counts", {}).items()},
        everyday_names={name: tuple(ctx) for name, ctx in raw.get("everyday_names", {}).items()},
        rate_markers=re.compile(word_alternation(raw.get("rate_markers", [])), flags),
        card_classifiers=dict(raw.get("card_classifiers", {})),
        card_not_before="".join(raw.get("card_not_before", [])),
        unit_qualifiers=dict(raw.get("unit_qualifiers", {})),
        bare_not_before=re.compile(word_alternation(raw.get("bare_count_not_before", []))),
        count_scales=tuple(raw.get("count_scales", [])),
        currency=re.compile(rf"(?<!\w)(?:{word_alternation([*money['currency_after'], *money['currency_before']])})(?!\w)",
                            re.I),
    )


def _zh_count_number(vague_digits: str) -> str:
    """A Chinese count: figures with a scale, or a numeral run that may hold a vague digit (十几万).

    Then 多/余 before a scale word (10余万块) so the scale stays with the number. A numeral run is only
    tried from its first character: retrying at every position of a long run (万万万…) would make the
    search quadratic.
    """
    return (rf"(?:(?<![A-Za-z0-9.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?[十百千万亿]*"
            rf"|(?<![{ZH_NUMERALS}])[{ZH_NUMERALS}][{ZH_NUMERALS}{vague_digits}]*)(?:[多余][万亿]+)?")


def _zh_count_pattern(locale: str) -> re.Pattern[str]:
    """Chinese counts: a figure or numeral run, then a measure word (2048块H800), or none after thousands."""
    words = load_words(locale)
    not_before = f"(?![{re.escape(words.card_not_before)}])" if words.card_not_before else ""
    entries = [(c, c) for c in words.classifiers] + [(c, c + not_before) for c in words.card_classifiers]
    classifiers = "|".join(regex for _, regex in sorted(entries, key=lambda e: len(e[0]), reverse=True))
    vague = "".join(load_locale(locale)["number"].get("vague_prefixes", []))
    number = _zh_count_number("".join(load_locale(locale)["number"].get("vague_digits", [])))
    lo = rf"(?:[{vague}](?=[十百千万亿]))?{number}" if vague else number
    # Or none after thousands (部署了10万GPU): then the chip must follow at once (see _count_claim); 亿 chips is no fleet.
    classifiers += f"|{NO_CLASSIFIER}"
    return re.compile(
        rf"(?=[\d{ZH_NUMERALS}{vague}])(?P<lo>{lo})(?:{RANGE_SEP}(?P<hi>{number}))?(?P<over>多|余)?(?P<atleast>\+)?(?P<cls>{classifiers})(?P<atleast2>以上|之多)?"
    )


def _zh_count_text(text: str) -> str:
    """万卡集群, 千卡: a unit alone is one of it."""
    return "一" + text if text[:1] in BARE_UNITS else text


def _de_scale(locale: str) -> str:
    return word_alternation(load_words(locale).count_scales)


def _de_count_pattern(locale: str) -> re.Pattern[str]:
    """German counts: a figure (50.000, 1,5 Millionen) or a word for an unknown count (Zehntausende), no measure word."""
    words = load_words(locale)
    number = rf"(?<![\w.,\-])(?:\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:,\d+)?(?:\s+(?:{_de_scale(locale)}))?"
    vague = rf"(?<![\w-])(?i:{word_alternation(words.vague_counts)})" if words.vague_counts else NEVER
    first = re.escape("".join({ch for word in words.vague_counts for ch in (word[0].lower(), word[0].upper())}))
    # The lookahead on a count's first character lets most positions fail at once (3x faster).
    return re.compile(rf"(?=[\d{first}])(?P<lo>{number}|{vague})(?:{RANGE_SEP}(?P<hi>{number}))?(?=\s)")


def _de_word_count_pattern(locale: str) -> re.Pattern[str]:
    """German counts in words, only as large as fleets are.

    With a scale (eine Million, zwei Millionen, eine halbe Million) or a compound of hundred or thousand
    (zehntausend, hunderttausend). A small number word alone is too often an article: eine H100 kostet 30.000 Dollar.
    Tried only just before a named chip (:func:`_counts`): at every word of a text it would triple the count search.
    """
    num = load_locale(locale)["number"]
    comp = num["compound"]
    big = (comp["hundred"], comp["thousand"])
    parts = word_alternation([*comp["units"], *comp["teens"], *comp["tens"], *big])
    compound = rf"(?:(?:{parts})(?:{comp['joiner']})?)*?(?:{'|'.join(big)})(?:(?:{comp['joiner']})?(?:{parts}))*"
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
    "german": CountGrammar(_de_count_pattern, _de_word_count_pattern, _de_range_scale, lambda text: text),
}


def _count_grammar(locale: str) -> CountGrammar:
    return COUNT_GRAMMARS[load_locale(locale)["number"]["grammar"]]


@lru_cache(maxsize=None)
def _count_pattern(locale: str) -> re.Pattern[str]:
    return _count_grammar(locale).pattern(locale)


@lru_cache(maxsize=None)
def _word_count_pattern(locale: str) -> re.Pattern[str] | None:
    word_counts = _count_grammar(locale).word_counts
    return word_counts(locale) if word_counts else None


@lru_cache(maxsize=None)
def _range_scale(locale: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _count_grammar(locale).range_scale(locale)


@lru_cache(maxsize=None)
def _several_counts(locale: str) -> dict[str, tuple[int, int]]:
    """Words for an unknown count of what follows (mehrere, einige, zig), lower-cased: (low, high)."""
    return {word.lower(): (low, high) for word, (low, high) in load_locale(locale)["money"].get("vague_counts", {}).items()}


def _several_of(m: re.Match[str], locale: str) -> tuple[int, int] | None:
    """mehrere Tausend, einige hundert: an unknown multiple of the count in words after it, as (low, high)."""
    several = m.groupdict().get("several")
    unit = _count_value(m["lo"], locale) if several else None
    if not unit:
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


@lru_cache(maxsize=None)
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


@lru_cache(maxsize=None)
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
    found: list[HardwareSpan] = []
    for lo, hi in pieces(text, MAX_PIECE_CHARS):
        found += [replace(h, start=h.start + lo, end=h.end + lo) for h in _extract_piece(text[lo:hi], locale, pipeline)]
    return found


def _extract_piece(text: str, locale: str, pipeline: tuple[Language, Catalogue] | None) -> list[HardwareSpan]:
    """``extract_hardware`` on a text short enough for one spaCy Doc.

    ``pipeline`` is a prebuilt ``build_nlp(...)`` pair (another catalogue); the default is the shipped one.
    """
    nlp, cat = pipeline or default_nlp()
    words = load_words(locale)
    spans = _hits(text, nlp(text), cat, words)
    starts = [s.start_char for s in spans]
    # Spans right after 单卡/每块/pro: a price basis, never counted, nor named, nor referred back to.
    basis = {t for s in spans if s.label_ == "SINGLE"
             for t in spans if s.start_char <= t.start_char <= s.end_char + 1}
    used: set[Hit] = set()
    found: list[HardwareSpan] = []
    counts = _counts(text, locale, starts)
    for i, m in enumerate(counts):
        first = bisect.bisect_left(starts, m.end())
        if (first == len(starts) or starts[first] >= m.end() + words.window) \
                and (cls := _classifier(m)) not in words.referring_back and cls not in words.card_classifiers:
            continue  # most numbers: nothing named after them, and none that can refer back
        next_count = counts[i + 1].start() if i + 1 < len(counts) else len(text)
        claim = _count_claim(text, m, next_count, spans, starts, cat, words, locale, used, basis)
        if claim:
            found.append(claim)
    used |= basis
    for s in spans:
        if s.label_ == "MODEL" and s not in used:
            found.append(HardwareSpan(s.start_char, s.end_char, cat.models[s.id_]["vendor"], s.id_, None, None, None,
                                      None, "named"))
    return sorted(found, key=lambda h: (h.start, h.end))


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


def _count_claim(text: str, m: re.Match[str], next_count: int, spans: list[Hit], starts: list[int],
                 cat: Catalogue, words: Words, locale: str, used: set[Hit], basis: set[Hit]) -> HardwareSpan | None:
    """The claim a count makes, if it counts chips; marks the counted span used (or a price basis)."""
    end = min(_window_end(text, m.end(), words.window), next_count)
    window = spans[bisect.bisect_left(starts, m.end()) : bisect.bisect_left(starts, end)]
    inside = [s for s in window if s.label_ in ("MODEL", "GENERIC", "VENDOR", "RACK")]
    if words.noun_gap is not None and inside and inside[0].start_char - m.end() > words.noun_gap:
        return None  # a German count stands right before its noun
    cls = _classifier(m)
    card = words.card_classifiers.get(cls)
    if card is not None:  # 万卡集群, 1万张卡: the measure word is the noun; a model right before names the cards
        if words.other_nouns.match(text, m.end()):
            return None  # 8卡服务器: servers
        head = (_model_before(text, m.start(), spans, starts) or _model_at(text, m.end(), window)
                or Hit(m.start(), m.end(), "GENERIC", card))
        claim_end = max(m.end(), head.end_char)
    else:
        head = _head(text, m.end(), inside, words)
        claim_end = head.end_char if head else m.end()
    after = _qualifier_after(text, m.end(), locale)
    if head is None and cls in words.referring_back \
            and _ends_clause(text, m.end() + (len(after[1]) if after else 0)):
        head = _antecedent(text, m.start(), spans, starts, words, basis)
    if head is None or card is None and _counts_something_else(text, m.end(), head, inside, words):
        return None  # 278.8万GPU小时, 1000台B200服务器: compute time and machines, not chips
    if words.classifiers and not cls and _not_a_bare_count(text, m, head, inside, words):
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
    if lo is not None and lo < 2 or any(before.endswith(b.lower()) for b in words.blockers):
        basis.add(head)  # 每块H100, 1块H20: a price basis, not a claim
        return None
    model = head.id_ or "GPU"
    vendor = cat.models.get(model, {}).get("vendor") if head.label_ == "MODEL" else None
    if vague or number is not None and number.vague and not m["hi"]:
        # 数万块GPU, Zehntausende Chips: an unknown multiple of the unit, kept as the range it stands for
        low, high = vague or (int(number.low), int(number.high))
        used.add(head)
        return HardwareSpan(m.start(), claim_end, vendor, model, None, low, high, "approx", "count")
    if lo is None or lo != int(lo) or (hi is not None and (hi <= lo or hi != int(hi))):
        return None
    used.add(head)
    if hi is not None:
        return HardwareSpan(m.start(), claim_end, vendor, model, None, int(lo), int(hi), "range", "count")
    qualifier = "over" if number.over else _qualifier(text, m.start(), locale, m) or (after[0] if after else None)
    return HardwareSpan(m.start(), claim_end, vendor, model, int(lo), None, None, qualifier, "count")


def _not_a_bare_count(text: str, m: re.Match[str], head: Hit, inside: list[Hit], words: Words) -> bool:
    """A Chinese count without a measure word counts only the chip right after it (its vendor may stand between),
    never in a price's clause, and not what follows the chip: 3万英伟达员工使用H100 counts staff, 售价3万H100 would be
    a price, 10万GPU开发者 counts developers."""
    between = text[m.end() : head.start_char]
    for vendor in (s for s in inside if s.label_ == "VENDOR" and s.end_char <= head.start_char):
        between = between.replace(text[vendor.start_char : vendor.end_char], "", 1)
    clause = CLAUSE_END.split(text[max(0, m.start() - RATE_WINDOW) : m.start()])[-1]
    return bool(between.strip(" -") or words.price_words.search(clause) or words.bare_not_before.match(text, head.end_char))


def _hits(text: str, doc: Doc, cat: Catalogue, words: Words) -> list[Hit]:
    """The ruler's matches in text order, without the ones that do not name hardware here.

    A family name joined to a model by a space or hyphen (Ascend-910B, Ironwood-TPU) yields to the model. An
    everyday word that reads as a name only after script conversion (股价升腾) names a chip only after its
    vendor (the head marker may stand between) or a chip classifier, or before a catalogue span or one of
    its context words.
    """
    hits = sorted(Hit(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["hw"])
    kept: list[Hit] = []
    for i, h in enumerate(hits):
        if h.label_ == "MODEL":
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            prev = kept[-1] if kept else None
            if h.id_ in cat.families and (
                    nxt is not None and nxt.label_ == "MODEL" and not text[h.end_char : nxt.start_char].strip(" -")
                    or prev is not None and prev.label_ == "MODEL" and not text[prev.end_char : h.start_char].strip(" -")):
                continue
            context = words.everyday_names.get(text[h.start_char : h.end_char]) if words.everyday_names else None
            if context is not None and not _names_hardware(text, h, prev, nxt, context, words):
                continue
        kept.append(h)
    return kept


def _names_hardware(text: str, h: Hit, prev: Hit | None, nxt: Hit | None, context: tuple[str, ...],
                    words: Words) -> bool:
    """Whether an everyday word that reads as a name stands where it names a chip (see ``_hits``)."""
    if nxt is not None and nxt.label_ != "SINGLE" and not text[h.end_char : nxt.start_char].strip():
        return True
    if text[h.end_char : h.end_char + 8].lstrip().startswith(context):
        return True
    if h.start_char and text[h.start_char - 1] in words.referring_back:
        return True  # 1万块昇腾
    return prev is not None and prev.label_ == "VENDOR" \
        and text[prev.end_char : h.start_char].strip() in ("", words.head_marker)


def _after_rate_marker(text: str, start: int, words: Words) -> bool:
    """Whether a rate marker (每台, pro Server) stands in the count's clause before it."""
    window = text[max(0, start - RATE_WINDOW) : start]
    markers = list(words.rate_markers.finditer(window))
    return bool(markers) and not CLAUSE_END.search(window, markers[-1].end())


def _ends_clause(text: str, pos: int) -> bool:
    """Whether nothing but a clause break (or the end of the text) follows ``pos``."""
    rest = text[pos : pos + 2].lstrip(" ）)」”")
    return not rest or CLAUSE_END.match(rest) is not None or rest[0] in "\n…"


def _antecedent(text: str, start: int, spans: list[Hit], starts: list[int], words: Words,
                basis: set[Hit]) -> Hit | None:
    """The chip a count that ends its clause refers back to: the last one named before it in the sentence.

    None where a noun that is not a chip stands between (晶圆切出60颗), or a price word in the count's clause
    (H100售价3万块).
    """
    floor = max(0, start - BACK_WINDOW)
    brk = SENTENCE_END.search(text[floor:start][::-1])
    floor = start - brk.start() if brk else floor
    i = bisect.bisect_left(starts, start) - 1
    while i >= 0 and spans[i].start_char >= floor and spans[i].label_ in ("VENDOR", "SINGLE"):
        i -= 1
    if i < 0 or spans[i].start_char < floor or spans[i].label_ not in ("MODEL", "GENERIC"):
        return None
    ante = spans[i]
    if ante.label_ == "GENERIC" and i > 0 and spans[i - 1].label_ == "MODEL" \
            and not text[spans[i - 1].end_char : ante.start_char].strip(" -"):
        ante = spans[i - 1]  # H20晶片: the model, not the noun after it
    between = text[ante.end_char : start]
    clause = CLAUSE_END.split(between)[-1]
    if ante in basis or words.price_words.search(clause) or words.other_nouns.search(between):
        return None
    return ante


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


def _counts_something_else(text: str, count_end: int, head: Hit, inside: list[Hit], words: Words) -> bool:
    """Whether a noun that is not a chip stands between the count and its head, or ends the head's noun phrase.

    The phrase is the head plus the catalogue nouns joined to it; the head marker may stand before the noun.
    """
    if head.start_char > count_end and words.other_nouns.search(text, count_end, head.start_char):
        return True
    pos = head.end_char
    for s in inside:
        if s.start_char >= pos and not text[pos:s.start_char].strip(" -") and s.label_ in ("MODEL", "GENERIC", "RACK"):
            if s.label_ == "RACK":
                return True  # 1000套GB200 NVL72: racks
            pos = s.end_char
    while pos < len(text) and text[pos] in " -":
        pos += 1
    if words.head_marker and text.startswith(words.head_marker, pos):
        pos += len(words.head_marker)
    return words.other_nouns.match(text, pos) is not None


def _head(text: str, start: int, inside: list[Hit], words: Words) -> Hit | None:
    """The counted noun: the model after the last 的 (or the first model), else a generic noun."""
    if not words.head_marker:
        # German: the first model or generic noun after the count (vendors are modifiers), or the model
        # a type marker names after a generic noun (Chips vom Typ H800)
        head = next((s for s in inside if s.label_ in ("MODEL", "GENERIC")), None)
        if head is not None and head.label_ == "GENERIC" and words.type_marker is not None:
            named = words.type_marker.match(text, head.end_char)
            model = next((s for s in inside if s.start_char == named.end()), None) if named else None
            if model is not None and model.label_ == "MODEL":
                return model
        return head
    models = [s for s in inside if s.label_ == "MODEL"]
    if models:
        cut = text.rfind(words.head_marker, start, models[-1].start_char)
        after = [s for s in models if s.start_char > cut] if cut >= 0 else models
        return after[0] if after else models[-1]
    generics = [s for s in inside if s.label_ == "GENERIC"]
    return generics[0] if generics else None
