"""Find accelerator mentions (vendor, model, count) with a spaCy SpanRuler built from the catalogue."""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.patterns import NEVER, word_at_end
from extractors.sentences import pieces
from normalizers.locale import load_locale
from normalizers.numbers import Number, NumberError, parse_de, parse_zh
from normalizers.script import to_simplified

DATA = Path(__file__).with_name("data")
CATALOGUE = DATA / "hardware.yaml"
PATTERNS = DATA / "hardware_patterns.jsonl"
# Latin words with digits (H800, MI300X, 910B), numbers with separators, then one character at a time.
TOKEN = r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ]*|\d+(?:[.,]\d+)*[A-Za-z]*|\S"
CJK_RANGE = ("\u3400", "\u9fff")
LEADING_SPACE = re.compile(r"\s*")
WHITESPACE_RUN = re.compile(r"\s\s")
# A number, then 多/余 before a scale word (10余万块) so the scale stays with the number.
# A numeral run is only tried from its first character: retrying at every position of a long
# run (万万万…) would make the search quadratic.
ZH_COUNT_NUMBER = (r"(?:(?<![A-Za-z0-9.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[十百千万]*|(?<![一二两三四五六七八九十百千万])[一二两三四五六七八九十百千万]+)"
                   r"(?:[多余][万亿]+)?")
DE_COUNT_NUMBER = r"(?<![\w.,\-])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?:\s+(?:Tausend|Millionen?))?"
RANGE_SEP = r"\s*(?:～|~|〜|至|到|-|–|—|bis)\s*"
# How far after a count the counted noun may stand: Chinese modifiers can be long
# (2048块英伟达中国市场低配版H800), German counts sit next to their noun.
ZH_WINDOW = 32
DE_WINDOW = 40
CLAUSE_END = re.compile(r"[，,；;。！？!?：:]|\.(?:\s|$)")
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


def load_catalogue(path: Path = CATALOGUE) -> Catalogue:
    """The accelerator catalogue from its YAML file."""
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    models = {m["model"]: {"vendor": m.get("vendor"), "aliases": list(m.get("aliases", []))} for m in data["models"]}
    return Catalogue(models, data.get("vendors", {}), data.get("generic", {}))


def token_pattern(patterns: list[dict[str, Any]]) -> re.Pattern[str]:
    """``(token)(whitespace after it)``: TOKEN, except that a run of CJK characters no pattern uses is one token.

    Such characters can never be part of a match, so the matches are the same and the Doc a few times shorter.
    Token patterns (lists of token attributes) could match anything: with one of those, every character is
    its own token.
    """
    token = TOKEN
    if all(isinstance(p["pattern"], str) for p in patterns):
        low, high = CJK_RANGE
        used = "".join(sorted({ch for p in patterns for ch in p["pattern"] if low <= ch <= high}))
        unused = rf"[^\x00-{chr(ord(low) - 1)}{chr(ord(high) + 1)}-\U0010ffff{re.escape(used)}]+"
        token = TOKEN.replace(r"|\S", rf"|{unused}|\S")
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
        for alias in forms([model, *info["aliases"]]):
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
    pieces_of = token_pattern(patterns)
    nlp.tokenizer = lambda text: _tokenize(nlp, pieces_of, text)
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "hw", "phrase_matcher_attr": "LOWER",
                                               "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}})
    ruler.add_patterns(patterns)
    return nlp, cat


@lru_cache(maxsize=1)
def default_nlp() -> tuple[Language, Catalogue]:
    return build_nlp()


@lru_cache(maxsize=None)
def _count_pattern(locale: str) -> re.Pattern[str]:
    hw = load_locale(locale)["hardware"]
    if locale == "de":
        number = DE_COUNT_NUMBER
        return re.compile(rf"(?P<lo>{number})(?:{RANGE_SEP}(?P<hi>{number}))?(?=\s)")
    classifiers = "|".join(sorted(hw["classifiers"], key=len, reverse=True))
    vague = "".join(load_locale(locale)["number"].get("vague_prefixes", []))
    lo = rf"(?:[{vague}](?=[十百千万亿]))?{ZH_COUNT_NUMBER}" if vague else ZH_COUNT_NUMBER
    return re.compile(
        rf"(?P<lo>{lo})(?:{RANGE_SEP}(?P<hi>{ZH_COUNT_NUMBER}))?(?P<over>多|余)?(?P<atleast>\+)?(?P<cls>{classifiers})(?P<atleast2>以上|之多)?"
    )


def _count_number(text: str, locale: str) -> Number | None:
    try:
        return parse_de(text) if locale == "de" else parse_zh(text, locale)
    except (NumberError, ValueError, ZeroDivisionError):
        return None


def _count_value(text: str, locale: str) -> float | None:
    number = _count_number(text, locale)
    return number.value if number else None


def _window_end(text: str, start: int, limit: int) -> int:
    """Where the noun phrase after a count ends: a clause break outside parentheses, or ``limit`` chars."""
    chunk = text[start : start + limit]
    masked = PARENS.sub(lambda m: "_" * len(m.group()), chunk)
    brk = CLAUSE_END.search(masked)
    return start + (brk.start() if brk else len(chunk))


@lru_cache(maxsize=None)
def _qualifiers_before(locale: str) -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Word (as written and in lower case) → qualifier, and what finds the longest word that ends a window.

    German words match in any case after a word boundary; Chinese words as written.
    """
    quals = load_locale(locale)["qualifiers"]["before"]
    words = tuple(sorted(quals, key=len, reverse=True))
    table = dict(quals)
    for word in words:
        table.setdefault(word.lower(), quals[word])
    # Every match ends at the window's end, so the leftmost one is the longest word.
    german = re.compile(rf"(?:^|\W)(?P<q>{'|'.join(map(re.escape, words)) or NEVER})\s*$", re.I)
    return table, german, word_at_end(words)


def _qualifier(text: str, start: int, end: int, locale: str, match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("atleast") or groups.get("atleast2"):
        return "at_least"
    if groups.get("over"):
        return "over"
    table, german, chinese = _qualifiers_before(locale)
    window = text[max(0, start - 12) : start].rstrip(" \"“”「」")
    if locale == "de":
        found = german.search(window)
        if found:
            return table[found["q"].lower()]
    else:
        found = chinese.search(window)
        if found:
            return table[found[0]]
    after = text[end : end + 4]
    return "at_least" if after.startswith("以上") else None


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
    doc = nlp(text)
    spans = sorted(doc.spans["hw"], key=lambda s: s.start_char)
    starts = [s.start_char for s in spans]
    hw_locale = "de" if locale == "de" else "zh-Hans"
    hw = load_locale(hw_locale)["hardware"]
    blockers = sorted(hw["not_a_count_before"], key=len, reverse=True)
    used: set[int] = set()
    found: list[HardwareSpan] = []
    counts = list(_count_pattern(hw_locale).finditer(text))
    for i, m in enumerate(counts):
        limit = ZH_WINDOW if hw_locale != "de" else DE_WINDOW
        end = _window_end(text, m.end(), limit)
        if i + 1 < len(counts):
            end = min(end, counts[i + 1].start())
        window = spans[bisect.bisect_left(starts, m.end()) : bisect.bisect_left(starts, end)]
        inside = [s for s in window if s.label_ in ("MODEL", "GENERIC", "VENDOR", "RACK")]
        if hw_locale == "de" and inside and inside[0].start_char - m.end() > 16:
            continue  # a German count stands right before its noun
        head = _head(text, m.end(), inside, hw.get("head_marker"))
        if head is None or _is_time_unit(text, head, inside, hw.get("not_a_count_after", [])):
            continue  # 278.8万GPU小时, 2,788 Millionen GPU-Stunden: compute time, not chips
        number = _count_number(m["lo"], hw_locale)
        lo = number.value if number else None
        hi = _count_value(m["hi"], hw_locale) if m["hi"] else None
        before = text[max(0, m.start() - 6) : m.start()].rstrip()
        if lo is not None and lo < 2 or any(before.lower().endswith(b.lower()) for b in blockers):
            used.add(id(head))  # 每块H100, 1块H20: a price basis, not a claim
            continue
        if number is not None and number.vague and not m["hi"]:
            # 数万块GPU: an unknown multiple of the unit, kept as the range it stands for
            used.add(id(head))
            model = head.id_ or "GPU"
            vendor = cat.models.get(model, {}).get("vendor") if head.label_ == "MODEL" else None
            found.append(HardwareSpan(m.start(), head.end_char, vendor, model, None, int(number.low), int(number.high),
                                      "approx", "count"))
            continue
        if lo is None or lo != int(lo) or (hi is not None and (hi <= lo or hi != int(hi))):
            continue
        used.add(id(head))
        model = head.id_ or "GPU"
        vendor = cat.models.get(model, {}).get("vendor") if head.label_ == "MODEL" else None
        is_range = hi is not None
        found.append(HardwareSpan(m.start(), head.end_char, vendor, model,
                                  None if is_range else int(lo), int(lo) if is_range else None,
                                  int(hi) if is_range else None,
                                  "range" if is_range else
                                  ("over" if number.over else _qualifier(text, m.start(), m.end(), hw_locale, m)),
                                  "count"))
    for s in spans:
        if s.label_ == "SINGLE":
            used.update(id(t) for t in spans if s.start_char <= t.start_char <= s.end_char + 1)
    for s in spans:
        if s.label_ == "MODEL" and id(s) not in used:
            found.append(HardwareSpan(s.start_char, s.end_char, cat.models[s.id_]["vendor"], s.id_, None, None, None,
                                      None, "named"))
    return sorted(found, key=lambda h: (h.start, h.end))


def _is_time_unit(text: str, head: Span, inside: list[Span], units: list[str]) -> bool:
    """Whether the counted noun phrase (head plus nouns joined to it) goes on with a unit of time."""
    pos = head.end_char
    for s in inside:
        if s.start_char >= pos and not text[pos:s.start_char].strip(" -") and s.label_ in ("MODEL", "GENERIC"):
            pos = s.end_char
    while pos < len(text) and text[pos] in " -":
        pos += 1
    rest = text[pos : pos + max(map(len, units), default=0)].lower()  # not the whole rest: once per count
    return any(rest.startswith(unit.lower()) for unit in units)


def _head(text: str, start: int, inside: list[Span], marker: str | None) -> Span | None:
    """The counted noun: the model after the last 的 (or the first model), else a generic noun."""
    if not marker:  # German: the first model or generic noun after the count (vendors are modifiers)
        return next((s for s in inside if s.label_ in ("MODEL", "GENERIC")), None)
    models = [s for s in inside if s.label_ == "MODEL"]
    if models:
        if marker:
            cut = text.rfind(marker, start, models[-1].start_char)
            after = [s for s in models if s.start_char > cut] if cut >= 0 else models
            return after[0] if after else models[-1]
        return models[0]
    generics = [s for s in inside if s.label_ == "GENERIC"]
    return generics[0] if generics else None
