"""Find monetary amounts in Chinese (Simplified matching text) and German news text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from extractors.patterns import word_alternation, word_at_end
from normalizers.locale import load_locale
from normalizers.numbers import Number, NumberError, parse_de, parse_zh

# Characters that may stand between a qualifier and its amount: quotes, 为/是/达, spaces.
QUALIFIER_FILLER = "\"'“”‘’「」『』《》 \u3000为是了在"
# How far before an amount a 每… unit-price phrase may start (same clause, parentheses removed).
PER_LOOKBACK = 40
PARENTHESES = re.compile(r"[（(][^（）()]*[）)]")
ZH_SCALE = re.compile(r"[十百千万亿兆]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
WHITESPACE = re.compile(r"\s+")
CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:]")
ZH_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
# A full-width point only inside a full-width figure: elsewhere it may be punctuation.
FULLWIDTH_NUMBER = re.compile(r"[０-９]+(?:．[０-９]+)?")
# Alternatives in the order tried: a plain \d+ first would win on "1.95 Dollar" and leave ".95".
DE_ARABIC = (r"(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]))(?:,\d+)?"
             r"|\d+\.\d{1,2}(?!\d)|\d+(?:,\d+)?")


@dataclass(frozen=True)
class MoneySpan:
    """One amount: offsets into the text, the ISO currency, a point or a range, and how it is qualified."""

    start: int
    end: int
    currency: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    per: str | None = None
    equivalent_of: int | None = None  # index in the result list of the amount this one restates
    vague: bool = False
    rule: str = ""


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Grammar:
    pattern: re.Pattern[str]
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    bare_currency: str
    qualifiers_before: dict[str, str]
    qualifier_before_rank: dict[str, int]  # position in the longest-first order
    qualifier_before_end: re.Pattern[str]  # the longest qualifier word that ends a string
    qualifier_before_de: re.Pattern[str]  # the longest qualifier word that ends the window
    qualifiers_before_lower: dict[str, str]
    qualifiers_after: tuple[tuple[str, str], ...]  # (lower-case word, qualifier), longest first
    qualifier_after_width: int
    per_prefix: str
    per_units: tuple[tuple[str, str], ...]  # longest first
    per_unit_de: re.Pattern[str]
    per_units_lower: dict[str, str]
    per_words: dict[str, str]
    per_words_de: tuple[tuple[re.Pattern[str], str], ...]
    equivalent: re.Pattern[str]
    is_de: bool


@lru_cache(maxsize=None)
def grammar(locale: str, region: str | None = None) -> _Grammar:
    """The money pattern and vocabulary of a locale, compiled once."""
    data: dict[str, Any] = load_locale(locale, region)
    money, quals, per = data["money"], data["qualifiers"], data["per"]
    is_de = locale == "de"
    before = word_alternation(money["currency_before"])
    after_words = list(money["currency_after"])
    if is_de:
        # "US -Dollar": scraped German text often has a space before the hyphen.
        after = _alternation(after_words).replace(r"US\-Dollar", r"US\s?-\s?Dollar")
        scales = word_alternation(data["number"]["scales"])
        words = word_alternation(w for w in data["number"]["words"] if w not in ("halb", "halbe"))
        # Compound number words (achtundsiebzig, siebenhundert): a run of the parts, checked by parse_de.
        comp = data["number"].get("compound", {})
        parts = word_alternation([*comp.get("units", {}), *comp.get("teens", {}), *comp.get("tens", {}),
                                  *(w for w in (comp.get("hundred"), comp.get("thousand")) if w)])
        joiner = re.escape(comp.get("joiner") or "und")
        compound = rf"(?:{parts})(?:(?:{joiner})?(?:{parts}))+" if parts else words
        number = rf"(?:{DE_ARABIC}|(?i:(?:{compound}|{words})(?!\w)))(?:\s+(?:{scales})(?![\w]))?"
        lead = r"(?<![\w.,\-])"
        sep = r"\s*(?:-|–|—|bis)\s*"
        rng = rf"(?:zwischen\s+)?{lead}(?P<lo>{number})(?:{sep}|\s+und\s+)(?P<hi>{number})"
        amount = rf"(?:{rng}|{lead}(?P<pt>{number}))"
        # Currency nouns are capitalised in German, but scraped text has "17 dollar" / "5 euro".
        cur_after = rf"(?:\s*(?P<ca>(?i:{after}))(?![\w]))"
        # A $ glued to letters (A$, S$, aud$) is another dollar: no US dollar there.
        cur_before = rf"(?:(?<![A-Za-z])(?P<cb>(?i:{before}))\s?)"
    else:
        num = data["number"]
        cn_chars = "".join(sorted({*num["digits"], *num["small_units"], *num["big_units"]}))
        vague = "".join(num["vague_prefixes"])
        over = "".join(num["over_suffixes"])
        scale = rf"(?:[十百千]?[{''.join(num['big_units'])}]+|[十百千])"
        # Not inside a model name or a longer figure (H800, GPT-4o, 3.14): ASCII neighbours only, CJK is fine.
        # $6M, US$5.576M: a Latin multiplier letter right after the figure (not the start of a word).
        suffix = "".join(sorted(num.get("suffix_multipliers", {})))
        suffix_re = rf"|[{suffix}](?![A-Za-z])" if suffix else ""
        arabic = rf"(?<![A-Za-z0-9.,]){ZH_ARABIC}(?:[{over}]?{scale}{suffix_re})?[{over}]?"
        # A Chinese numeral starts with a digit or 十 (万美元 alone is a unit, not an amount).
        leading = "".join(sorted({*num["digits"], "十", "拾"}))
        # After 数/几 any unit may follow: 数百万, 几千万, 数万亿.
        # Tried only at the start of a numeral run, so long runs stay linear.
        chinese = rf"(?<![{cn_chars}{vague}])(?:[{vague}][{cn_chars}]|[{leading}])[{cn_chars}{over}几]*"
        number = rf"(?:{arabic}|{chinese})"
        bare = "|".join(rf"{re.escape(w)}{look}" for w, look in money["bare_unit_words"].items())
        after = word_alternation(after_words)
        sep = _alternation(money["range_separators"])
        rng = rf"(?P<lo>{number})(?P<ca1>{after}|{bare})?\s*(?:{sep})\s*(?:{before})?\s*(?P<hi>{number})"
        amount = rf"(?:{rng}|(?P<pt>{number}))"
        cur_after = rf"(?:\s*(?P<ca>{after}|{bare}))"
        cur_before = rf"(?:(?<![A-Za-z])(?P<cb>{before})\s*)"
    # Every number is matched; those with no currency word on either side are dropped after.
    pattern = re.compile(rf"{cur_before}?{amount}{cur_after}?")
    # "(umgerechnet rund 3,4 Millionen Euro)": markers may stack.
    markers = _alternation(money["equivalent_markers"])
    equivalent = re.compile(rf"^\s*[（(]\s*(?:(?:{markers})\s*)*$")
    before_words = tuple(sorted(quals["before"], key=len, reverse=True))
    after_words = sorted(quals["after"], key=len, reverse=True)
    units = tuple(sorted(per["units"].items(), key=lambda kv: -len(kv[0])))
    return _Grammar(
        pattern=pattern,
        currency_before=money["currency_before"],
        currency_after={k.replace(" ", ""): v for k, v in money["currency_after"].items()},
        bare_currency=money.get("bare_unit_currency", "CNY"),
        qualifiers_before=quals["before"],
        qualifier_before_rank={w: i for i, w in enumerate(before_words)},
        qualifier_before_end=word_at_end(before_words),
        # Every match ends at the window's end, so the leftmost one is the longest word.
        qualifier_before_de=re.compile(rf"(?:^|[^\w])(?P<q>{'|'.join(re.escape(w.lower()) for w in before_words)})\s*$"),
        qualifiers_before_lower=_first_by_lower((w, quals["before"][w]) for w in before_words),
        qualifiers_after=tuple((w.lower(), quals["after"][w]) for w in after_words),
        # Long enough for the longest qualifier after its filler ("5 Millionen Euro oder mehr").
        qualifier_after_width=max(8, max((len(w) for w in after_words), default=0) + 4),
        per_prefix=per["prefix"],
        per_units=units,
        per_unit_de=re.compile(rf"\s*(?:{re.escape(per['prefix'])}|je|im|in)\s+(?P<u>{'|'.join(re.escape(u) for u, _ in units)})\b",
                               re.I),
        per_units_lower=_first_by_lower(units),
        per_words=per["words"],
        per_words_de=tuple((re.compile(rf"\b{re.escape(w)}\b", re.I), name) for w, name in per["words"].items()),
        equivalent=equivalent,
        is_de=is_de,
    )


def _first_by_lower(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Lower-case word → value, the first pair winning where two words differ only in case."""
    table: dict[str, str] = {}
    for word, value in pairs:
        table.setdefault(word.lower(), value)
    return table


def _parse(text: str, g: _Grammar, locale: str) -> Number:
    return parse_de(text) if g.is_de else parse_zh(text, locale)


def _currency(match: re.Match[str], g: _Grammar) -> str:
    for key, table in (("cb", g.currency_before), ("ca", g.currency_after)):
        word = match.group(key)
        if word:
            word = WHITESPACE.sub("", word)
            return table.get(word) or _lookup_ci(table, word) or g.bare_currency
    word = match.groupdict().get("ca1")
    if word:
        return g.currency_after.get(word, g.bare_currency)
    return g.bare_currency


def _lookup_ci(table: dict[str, str], word: str) -> str | None:
    low = word.lower()
    return next((v for k, v in table.items() if k.lower() == low), None)


def _qualifier_before(text: str, start: int, g: _Grammar) -> str | None:
    window = text[max(0, start - 16) : start]
    if g.is_de:
        found = g.qualifier_before_de.search(window.lower())
        return g.qualifiers_before_lower[found["q"]] if found else None
    # The first word, longest first, that ends the window with or without the filler before the amount.
    found = [m[0] for m in (g.qualifier_before_end.search(window.rstrip(QUALIFIER_FILLER)),
                            g.qualifier_before_end.search(window)) if m]
    return g.qualifiers_before[min(found, key=g.qualifier_before_rank.__getitem__)] if found else None


def _qualifier_after(text: str, end: int, g: _Grammar) -> str | None:
    window = text[end : end + g.qualifier_after_width].lstrip(" \u3000”\"").lower()
    return next((qualifier for word, qualifier in g.qualifiers_after if window.startswith(word)), None)


def _per(text: str, start: int, end: int, g: _Grammar) -> str | None:
    """The unit of a unit price, from 每…/pro … in the same clause or a salary word."""
    before = PARENTHESES.sub("", text[max(0, start - PER_LOOKBACK) : start])
    clause = CLAUSE_BREAK.split(before)[-1]
    if g.is_de:
        unit = g.per_unit_de.match(text, end, end + 24)
        if unit:
            return g.per_units_lower[unit["u"].lower()]
        return next((name for word, name in g.per_words_de if word.search(clause)), None)
    idx = clause.rfind(g.per_prefix)
    if idx >= 0:
        tail = clause[idx + len(g.per_prefix) :].replace(" ", "").lower()
        for unit, name in g.per_units:
            if tail.startswith(unit.lower()):
                return name
    for word, name in g.per_words.items():
        if word in clause:
            return name
    return None


def _span_from_match(match: re.Match[str], text: str, g: _Grammar, locale: str) -> MoneySpan | None:
    currency = _currency(match, g)
    try:
        if match.group("lo"):
            lo, hi = _parse(match["lo"], g, locale), _parse(match["hi"], g, locale)
            lo_v, hi_v = lo.value, hi.value
            if lo_v is None or hi_v is None:
                return None
            lo_v = _distribute_scale(match["lo"], lo_v, hi_v, g)
            if lo_v >= hi_v:
                return None
            return MoneySpan(match.start(), match.end(), currency, None, lo_v, hi_v, "range", rule="range")
        number = _parse(match["pt"], g, locale)
    except (NumberError, ValueError, ZeroDivisionError):
        return None
    qualifier = _qualifier_before(text, match.start(), g) or _qualifier_after(text, match.end(), g)
    if number.vague:
        return MoneySpan(match.start(), match.end(), currency, None, number.low, number.high, "approx", vague=True,
                         rule="vague")
    if number.value is None or number.value <= 0:
        return None
    if number.over and qualifier is None:
        qualifier = "over"
    return MoneySpan(match.start(), match.end(), currency, number.value, None, None, qualifier or "exact", rule="point")


def _distribute_scale(lo_text: str, lo: float, hi: float, g: _Grammar) -> float:
    """2至3亿美元: a bare low end takes the high end's scale when that keeps it below the high end."""
    has_scale = bool((LATIN_LETTER if g.is_de else ZH_SCALE).search(lo_text))
    if has_scale or lo >= hi or lo == 0:
        return lo
    # Only a whole power of the high end's unit (10^3 for German scales, 10^4 for 万/亿) is a shared scale.
    for unit in (1e12, 1e9, 1e8, 1e6, 1e4, 1e3):
        if hi % unit == 0 and hi / unit < 10000 and lo < hi / unit * 10 and lo * unit <= hi:
            return lo * unit
    return lo


def extract_money(text: str, locale: str, region: str | None = None) -> list[MoneySpan]:
    """Every amount of money in ``text`` (Simplified for Chinese), with restatements linked."""
    g = grammar(locale, region)
    # Full-width digits (１．０７５３) to ASCII, one character for one so offsets hold.
    text = FULLWIDTH_NUMBER.sub(lambda m: m[0].translate(FULLWIDTH_DIGITS), text)
    spans: list[MoneySpan] = []
    for match in g.pattern.finditer(text):
        if not (match["cb"] or match["ca"] or match.groupdict().get("ca1")):
            continue
        span = _span_from_match(match, text, g, locale)
        if span is None:
            continue
        per = _per(text, span.start, span.end, g)
        equivalent_of = None
        if spans and g.equivalent.match(text[spans[-1].end : match.start()]):
            equivalent_of = len(spans) - 1
        if per or equivalent_of is not None:
            span = MoneySpan(**{**span.__dict__, "per": per, "equivalent_of": equivalent_of})
        spans.append(span)
    return spans
