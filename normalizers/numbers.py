"""Parse numbers as Chinese and German news write them: ``1,6``, ``50.000``, ``两千五百万``, ``4.8萬億``.

Vocabulary (numeral characters, units, scale words) lives in ``normalizers/locales/*.yaml`` under
``number:``. Every parser here is a pure function of its text that runs in time linear in the text
and raises nothing but ``NumberError``: extractors hand it spans of scraped pages, and a garbage span
must cost a rejection, not a hang or a crash.
"""
from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from functools import cache, lru_cache, wraps
from typing import Any, TypeVar

from normalizers.locale import load_locale


@dataclass(frozen=True)
class Number:
    """A parsed number: a point ``value`` or, for vague forms (数十亿), a ``low``–``high`` range."""

    value: float | None
    low: float | None = None
    high: float | None = None
    over: bool = False  # "五百多万": more than the stated figure
    vague: bool = False


class NumberError(ValueError):
    """The text is not a number this locale writes."""


# No figure in news is longer; the cap keeps adversarial input (a page of 万) from costing anything.
MAX_NUMBER_CHARS = 1000
# The same figures recur across a corpus (2048, 1万, 6 Millionen) and parsing is pure: remember recent ones.
PARSE_CACHE_SIZE = 8192
# Exponents beyond this overflow a float anyway; bounding their digits keeps int() cheap.
MAX_EXPONENT_DIGITS = 4
# Arithmetic runs in Decimal so 1.1万 is 11000, not 11000.000000000002; 34 digits outlast a float's 17,
# and the default traps (overflow, division by zero) surface as ArithmeticError, hence NumberError.
DECIMAL_CONTEXT = Context(prec=34)
ZERO, ONE, HALF = Decimal(0), Decimal(1), Decimal("0.5")

# German digits: 50.000 and 40 000 are grouped thousands, the comma is the decimal point.
DE_ARABIC = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:,\d+)?")
# Swiss figures group thousands with an apostrophe: 2'380,50 or 2'380.50.
DE_SWISS = re.compile(r"[+-]?\d{1,3}(?:['’]\d{3})+(?:[.,]\d+)?")
# "1.6" in German text written the English way: a dot followed by one or two digits is a decimal point.
DE_ENGLISH_DECIMAL = re.compile(r"[+-]?\d+\.\d{1,2}")
# Only ASCII digits: NFKC has already folded full-width ones, and other scripts' digits are not ours.
PLAIN_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
SCIENTIFIC = re.compile(rf"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]{{1,{MAX_EXPONENT_DIGITS}}}")
# 2^5, 1.1^+23; Recognizers-Text also writes a doubled sign (1.1^--23), which cancels.
POWER = re.compile(rf"(?P<base>[0-9]+(?:\.[0-9]+)?)\^(?P<signs>[+-]{{0,4}})(?P<exp>[0-9]{{1,{MAX_EXPONENT_DIGITS}}})")
SLASH_FRACTION = re.compile(r"(?:(?P<whole>[0-9]+)\s+)?(?P<num>[0-9]+(?:\.[0-9]+)?)/(?P<den>[0-9]+(?:\.[0-9]+)?)")
# One token of a Chinese numeral: an Arabic figure (3万4000, 1.5亿) or one character.
ZH_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|.", re.DOTALL)
WHITESPACE = re.compile(r"\s+")
# NFKC turns ½ into 1⁄2 with a fraction slash; read it as the ASCII one.
FRACTION_SLASH = "\u2044"

_T = TypeVar("_T")


def _only_number_errors(func: Callable[..., _T]) -> Callable[..., _T]:
    """Run in the Decimal context and turn any arithmetic or lookup failure into NumberError."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> _T:
        try:
            with localcontext(DECIMAL_CONTEXT):
                return func(*args, **kwargs)
        except NumberError:
            raise
        except (ArithmeticError, ValueError, LookupError, RecursionError, TypeError) as exc:
            raise NumberError(f"not a number: {exc}") from exc

    return wrapper


def _nfkc(text: str) -> str:
    """Full-width digits and signs to ASCII (２０２５ → 2025), spaces trimmed."""
    return unicodedata.normalize("NFKC", text).strip().replace(FRACTION_SLASH, "/")


def _checked(text: str) -> str:
    raw = _nfkc(text)
    if not raw:
        raise NumberError("empty number")
    if len(raw) > MAX_NUMBER_CHARS:
        raise NumberError(f"too long for a number: {len(raw)} characters")
    return raw


def _float(value: Decimal, text: str) -> float:
    """The nearest float, or NumberError when it does not fit in one."""
    out = float(value)
    if not math.isfinite(out):
        raise NumberError(f"out of range: {text[:40]!r}")
    return out


def _power(match: re.Match[str]) -> Decimal:
    exponent = int(match["exp"]) * (-1 if match["signs"].count("-") % 2 else 1)
    return Decimal(match["base"]) ** exponent


def _slash_fraction(match: re.Match[str]) -> Decimal:
    den = Decimal(match["den"])
    if not den:
        raise NumberError("zero denominator")
    return Decimal(match["whole"] or 0) + Decimal(match["num"]) / den


# --------------------------------------------------------------------------------------------
# Chinese


@dataclass(frozen=True)
class ZhVocab:
    """The ``number:`` section of a Chinese locale, in the shapes the parser looks things up in."""

    digits: Mapping[str, int]
    zeros: frozenset[str]
    counting_only: frozenset[str]
    small: Mapping[str, int]
    big: Mapping[str, int]
    contracted_tens: Mapping[str, int]
    measure_words: tuple[str, ...]
    vague_prefixes: frozenset[str]
    vague_digits: tuple[str, ...]
    over: tuple[str, ...]
    suffix_multipliers: Mapping[str, Decimal]
    multiplier_words: Mapping[str, Decimal]
    words: Mapping[str, Decimal]
    negative: frozenset[str]
    positive: frozenset[str]
    points: tuple[str, ...]
    fraction: str
    short_fractions: tuple[str, ...]
    mixed: str
    # 1,100.9亿: the group separator only between a digit and three more (1, 234 is two numbers).
    group_separator: re.Pattern[str]


@cache
def _zh_vocab(locale: str) -> ZhVocab:
    num = load_locale(locale)["number"]
    return ZhVocab(
        digits=dict(num["digits"]),
        zeros=frozenset(num.get("zeros", ["零", "〇", "○"])),
        counting_only=frozenset(num.get("counting_only_digits", [])),
        small=dict(num["small_units"]),
        big=dict(num["big_units"]),
        contracted_tens=dict(num.get("contracted_tens", {})),
        measure_words=tuple(num.get("measure_words", [])),
        vague_prefixes=frozenset(num.get("vague_prefixes", [])),
        vague_digits=tuple(num.get("vague_digits", [])),
        over=tuple(num.get("over_suffixes", [])),
        suffix_multipliers={k: Decimal(str(v)) for k, v in num.get("suffix_multipliers", {}).items()},
        multiplier_words={k: Decimal(str(v)) for k, v in num.get("multiplier_words", {}).items()},
        words={k: Decimal(str(v)) for k, v in num.get("words", {}).items()},
        negative=frozenset(num.get("negative_signs", ["-", "负", "負"])),
        positive=frozenset(num.get("positive_signs", ["+", "正"])),
        points=tuple(num.get("decimal_points", ["点"])),
        fraction=num.get("fraction_marker", "分之"),
        short_fractions=tuple(num.get("short_fraction_markers", [])),
        mixed=num.get("mixed_fraction_marker", "又"),
        # Built from the locale data, so compiled once here (cached) rather than at import.
        group_separator=re.compile(rf"(?<=[0-9]){re.escape(num.get('group_separator', ','))}(?=[0-9]{{3}})"),
    )


def _zh_sign(text: str, v: ZhVocab) -> tuple[int, str]:
    if text and text[0] in v.negative:
        return -1, text[1:].lstrip()
    if text and text[0] in v.positive:
        return 1, text[1:].lstrip()
    return 1, text


def _zh_integer(text: str, v: ZhVocab) -> Decimal:
    """A whole Chinese numeral, Arabic figures allowed: ``拾亿零六万零五百零六`` → 1000060506, ``3万4000``.

    One pass over the characters: 十/百/千 build a section below 10^4, and a big unit (万/亿/兆)
    multiplies the section and every finished part below it, so stacked units work (一万五千亿,
    四万万) without recursion.
    """
    if not text:
        raise NumberError("empty numeral")
    if PLAIN_DECIMAL.fullmatch(text):
        return Decimal(text)
    if text in v.words:
        return v.words[text]
    if len(text) == 2 and text[0] in v.big and v.digits.get(text[1], 0) > 1 and text[1] not in v.counting_only:
        # 萬五 (15000), 亿三: a big unit standing for one of it, its next place in the digit after it, as 千一 and
        # 百二 (read below) do with the small units. Not 万一 (in case) or 万两 (ten thousand taels): words.
        text = "一" + text
    if all(ch in v.digits for ch in text):
        # 二〇二五: a figure read digit by digit, where a counting word like 两 never stands.
        if len(text) > 1 and any(ch in v.counting_only for ch in text):
            raise NumberError(f"counting digit in a digit-by-digit figure: {text!r}")
        return Decimal("".join(str(v.digits[ch]) for ch in text))
    if (positional := _zh_digits_then_units(text, v)) is not None:
        return positional
    parts: list[tuple[Decimal, Decimal]] = []  # (amount, unit) per big unit, units strictly decreasing
    section = ZERO
    pending: Decimal | None = None  # a digit or Arabic figure still waiting for its unit
    pending_is_cn_digit = False
    last_small = 0
    last_big = 0
    after_zero = False
    seen = False

    def close_section(next_unit: int | None) -> Decimal:
        # A bare last digit counts in the place below the unit before it: 两千四百五 = 2450,
        # 三千四亿 = 3400亿. After a big unit only a Chinese digit does (一万三 = 13000, 3万4 = 30004),
        # and only at the end or before a unit as large (四万二亿 = 4.2万亿, but 二亿四万 = 200040000).
        nonlocal pending
        if pending is None or after_zero or pending >= 10 or pending != pending.to_integral_value():
            return section + (pending or ZERO)
        if last_small >= 100:
            pending *= last_small // 10
        elif (
            pending_is_cn_digit
            and not last_small
            and last_big
            and not section
            and (next_unit is None or next_unit >= last_big)
        ):
            pending *= Decimal(last_big) / 10
        return section + pending

    for token in ZH_TOKEN.findall(text):
        if token[0] in "0123456789":
            if pending is not None:
                raise NumberError(f"two figures without a unit in {text!r}")
            pending, pending_is_cn_digit, seen = Decimal(token), False, True
        elif token in v.zeros:
            if pending is not None:
                raise NumberError(f"zero after a bare digit in {text!r}")
            after_zero, seen = True, True
        elif token in v.digits:
            # 一千二三 is a range (1200 or 1300), not a figure.
            if pending is not None:
                raise NumberError(f"two digits without a unit in {text!r}")
            pending, pending_is_cn_digit, seen = Decimal(v.digits[token]), True, True
        elif token in v.contracted_tens:
            # 廿三, 五百卅四: a digit and its 十 in one character.
            if pending is not None:
                raise NumberError(f"a digit before {token!r} in {text!r}")
            section += v.contracted_tens[token]
            last_small, after_zero, seen = 10, False, True
        elif token in v.small:
            small_unit = v.small[token]
            section += (ONE if pending is None else pending) * small_unit
            pending, last_small, after_zero, seen = None, small_unit, False, True
        elif token in v.big:
            unit = Decimal(v.big[token])
            if not seen:
                raise NumberError(f"{token!r} with no number before it in {text!r}")
            amount = close_section(v.big[token])
            scale = ONE
            while parts and parts[-1][1] <= unit:  # amortised: each part is absorbed once
                absorbed, absorbed_unit = parts.pop()
                amount += absorbed
                scale = max(scale, absorbed_unit)
            if not amount:
                raise NumberError(f"no amount before {token!r} in {text!r}")
            parts.append((amount * unit, scale * unit))
            section, pending, last_small, last_big, after_zero = ZERO, None, 0, v.big[token], False
        else:
            raise NumberError(f"not a Chinese numeral character: {token!r} in {text!r}")
    return close_section(None) + sum((amount for amount, _ in parts), ZERO)


def _zh_digits_then_units(text: str, v: ZhVocab) -> Decimal | None:
    """五二〇億, 三四五亿, 一兆一一二三億: Taiwan print writes the figure before a big unit digit by digit, as Arabic
    figures are, in each of the amount's parts (one digit before a larger unit: 一兆).

    Only where it cannot be a range or a numeral with places: a zero among the digits, or three digits and more
    (五六亿 is 5-6亿, read by the caller as neighbouring digits)."""
    parts: list[tuple[str, Decimal]] = []  # (digits, unit) in order
    digits, unit = "", ONE
    for ch in text:
        if ch in v.big:
            if not digits:
                return None
            unit *= v.big[ch]
        elif ch in v.digits and ch not in v.counting_only:
            if unit != ONE:
                parts.append((digits, unit))
                digits, unit = "", ONE
            digits += ch
        else:
            return None
    if not digits or unit == ONE:
        return None
    parts.append((digits, unit))
    if any(later >= earlier for (_, earlier), (_, later) in itertools.pairwise(parts)):
        return None

    def digit_by_digit(digits: str) -> bool:  # 一一二三, 五二〇: not 五六 (a range: 5-6)
        return len(digits) >= 3 or len(digits) == 2 and any(ch in v.zeros for ch in digits)

    if not any(digit_by_digit(d) for d, _ in parts) or any(len(d) == 2 and not digit_by_digit(d) for d, _ in parts):
        return None  # no digit-by-digit part, or 五六亿: a range, read by the caller
    return sum((Decimal("".join(str(v.digits[ch]) for ch in d)) * u for d, u in parts), ZERO)


def _zh_positional(text: str, v: ZhVocab) -> str:
    """The digits after a decimal point, as ASCII: ``零五零`` → ``050``."""
    out = []
    for ch in text:
        if ch in "0123456789":
            out.append(ch)
        elif ch in v.digits and ch not in v.counting_only:
            out.append(str(v.digits[ch]))
        else:
            raise NumberError(f"not a decimal digit: {ch!r}")
    return "".join(out)


ASCII_DIGIT = re.compile(r"[0-9]")


def _zh_decimal(body: str, v: ZhVocab) -> Decimal | None:
    """``十五点七``, ``两千万点五五四四``, ``三点五亿`` (a big unit after the decimals); None if no 点."""
    point = next((p for p in v.points if p in body), None)
    if point is None:
        return None
    whole_text, _, frac_text = body.partition(point)
    if point == "." and (ASCII_DIGIT.search(whole_text) or ASCII_DIGIT.search(frac_text)):
        return None  # 10000.1万: an Arabic decimal, read with its unit by _zh_integer
    # Big units after the decimals scale the whole figure: 三点五亿 = 3.5 × 10^8.
    scale = ONE
    end = len(frac_text)
    while end and frac_text[end - 1] in v.big:
        end -= 1
        scale *= v.big[frac_text[end]]
    frac_digits = _zh_positional(frac_text[:end], v)
    if not whole_text or not frac_digits:
        raise NumberError(f"a decimal point needs digits on both sides: {body!r}")
    whole = _zh_integer(whole_text, v)
    if whole != whole.to_integral_value() or (scale > 1 and whole >= 10_000):
        raise NumberError(f"not a decimal number: {body!r}")
    return (whole + Decimal(f"0.{frac_digits}")) * scale


def _zh_value(text: str, v: ZhVocab) -> Decimal:
    """A signed number without fractions or vagueness: ``负一百五十七``, ``五十五点五七九``, ``3``."""
    sign, body = _zh_sign(text, v)
    decimal = _zh_decimal(body, v)
    return sign * (decimal if decimal is not None else _zh_integer(body, v))


def _zh_fraction(body: str, v: ZhVocab) -> Decimal | None:
    """``五分之一`` (denominator first), ``三又三分之一``, ``3分之负157``, Hong Kong's ``三分一``; None if no 分之."""
    marker = next((m for m in (v.fraction, *v.short_fractions) if m in body), None)
    if marker is None:
        return None
    whole = ZERO
    if v.mixed in body:
        whole_text, _, body = body.partition(v.mixed)
        whole = _zh_value(whole_text, v)
    den_text, _, num_text = body.partition(marker)
    den = _zh_value(den_text, v)
    if not den:
        raise NumberError("zero denominator")
    frac = _zh_value(num_text, v) / den
    # 负一又二分之一 = -1.5: the fraction takes the whole number's sign.
    return whole - frac if whole < 0 else whole + frac


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def parse_zh(text: str, locale: str = "zh-Hans") -> Number:
    """Parse a Chinese (or mixed Arabic/Chinese) number; raises NumberError when it is none.

    An unknown ``locale`` is a caller's mistake and raises KeyError, not NumberError.
    """
    return _parse_zh(text, _zh_vocab(locale))


@_only_number_errors
def _parse_zh(text: str, v: ZhVocab) -> Number:
    sign, spaced = _zh_sign(_checked(text), v)
    body = _without_measure_word(WHITESPACE.sub("", v.group_separator.sub("", spaced)), v)
    if not body:
        raise NumberError(f"no digits in {text!r}")
    value = _zh_point_value(body, spaced, v)
    if value is not None:
        return Number(_float(sign * value, body))
    return _zh_vague_or_exact(body, sign, v)


def _without_measure_word(body: str, v: ZhVocab) -> str:
    """``一个`` → ``一``, ``两个亿`` → ``两亿``, ``两个多亿`` → ``两多亿``: a measure word after the figure, at its
    end or before its big units (and the 多 of those)."""
    for word in v.measure_words:
        at = body.find(word)
        rest = body[at + len(word):]
        units = rest[1:] if rest and any(rest.startswith(m) for m in v.over) and len(rest) > 1 else rest
        if at > 0 and all(ch in v.big for ch in units):
            return body[:at] + rest
    return body


def _zh_point_value(body: str, spaced: str, v: ZhVocab) -> Decimal | None:
    """The forms with one exact value but no 万/多/几 logic: 2e5, 2^5, 3/5, 40k, 五十打, 五分之一, 十五点七."""
    if SCIENTIFIC.fullmatch(body):
        return Decimal(body)
    if power := POWER.fullmatch(body):
        return _power(power)
    if frac := SLASH_FRACTION.fullmatch(spaced):
        return _slash_fraction(frac)
    for suffix, mult in v.suffix_multipliers.items():
        if body.endswith(suffix) and PLAIN_DECIMAL.fullmatch(body[: -len(suffix)]):
            return Decimal(body[: -len(suffix)]) * mult
    for word, mult in v.multiplier_words.items():
        if body.endswith(word) and len(body) > len(word):  # 五十打 = 600
            return _zh_integer(body[: -len(word)], v) * mult
    if (fraction := _zh_fraction(body, v)) is not None:
        return fraction
    return _zh_decimal(body, v)


def _zh_vague_or_exact(body: str, sign: int, v: ZhVocab) -> Number:
    # 数十亿 / 几千万: one to ten of the unit that follows.
    if body[0] in v.vague_prefixes:
        rest = body[1:]
        if not rest or (rest[0] not in v.small and rest[0] not in v.big):
            raise NumberError(f"a vague count needs a unit after it: {body!r}")
        unit = sign * _zh_integer("一" + rest, v)
        return Number(None, low=_float(unit, body), high=_float(unit * 10, body), vague=True)
    # 十几亿 / 二十几万: the 几 is one digit in the place it stands.
    if mark := next((m for m in v.vague_digits if m in body), None):
        low = sign * _zh_integer(body.replace(mark, "一", 1), v)
        high = sign * _zh_integer(body.replace(mark, "九", 1), v)
        return Number(None, low=_float(low, body), high=_float(high, body), vague=True)
    over = False
    if mark := next((m for m in v.over if m in body), None):
        # 五百多万 / 四百多: one 多 after a figure; 多多 or a leading 多 is no number.
        stripped = body.replace(mark, "", 1)
        if body.startswith(mark) or any(m in stripped for m in v.over):
            raise NumberError(f"misplaced {mark!r} in {body!r}")
        body, over = stripped, True
    return Number(_float(sign * _zh_integer(body, v), body), over=over)


# --------------------------------------------------------------------------------------------
# German


@dataclass(frozen=True)
class DeVocab:
    """The German ``number:`` section, lower-cased, with the compound-word pattern built from it."""

    words: Mapping[str, Decimal]
    scales: Mapping[str, Decimal]
    fractions: Mapping[str, Decimal]
    fraction_suffixes: tuple[str, ...]  # longest first: dreizehntel must not end at "zehntel" first
    multipliers: Mapping[str, Decimal]
    half_suffixes: tuple[str, ...]
    decimal_word: str
    joiner: str
    units: Mapping[str, int]
    teens: Mapping[str, int]
    tens: Mapping[str, int]
    hundred: str
    thousand: str
    compound_joiner: str
    below_1000: re.Pattern[str]
    negative_words: frozenset[str]
    negative_signs: frozenset[str]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _lower_decimals(table: Mapping[str, Any]) -> dict[str, Decimal]:
    return {str(k).lower(): Decimal(str(v)) for k, v in table.items()}


@cache
def _de_vocab() -> DeVocab:
    num = load_locale("de")["number"]
    comp = num["compound"]
    units, teens, tens = ({str(k).lower(): int(v) for k, v in comp[key].items()} for key in ("units", "teens", "tens"))
    hundred, joiner = comp["hundred"], comp["joiner"]
    # Built from the locale data, so compiled once here (cached) rather than at import.
    # achtzehnhundert (1800): a teen counts hundreds too; hundertundzwei: "und" may join what follows a hundred.
    below_1000 = re.compile(
        rf"(?:(?P<h>{_alternation({**units, **teens})})?{hundred}(?:{joiner}(?=.))?)?"
        rf"(?:(?P<teen>{_alternation(teens)})"
        rf"|(?:(?P<u>{_alternation(units)}){joiner})?(?P<tens>{_alternation(tens)})"
        rf"|(?P<unit>{_alternation(units)}))?"
    )
    fractions = _lower_decimals(num.get("fractions", {}))
    return DeVocab(
        words=_lower_decimals(num["words"]),
        scales=_lower_decimals(num["scales"]),
        fractions=fractions,
        fraction_suffixes=tuple(sorted(fractions, key=len, reverse=True)),
        multipliers=_lower_decimals(num.get("multipliers", {})),
        half_suffixes=tuple(sorted((s.lower() for s in num.get("half_suffixes", [])), key=len, reverse=True)),
        decimal_word=str(num.get("decimal_word", "komma")).lower(),
        joiner=str(num.get("joiner", "und")).lower(),
        units=units,
        teens=teens,
        tens=tens,
        hundred=hundred,
        thousand=comp["thousand"],
        compound_joiner=joiner,
        below_1000=below_1000,
        negative_words=frozenset(str(w).lower() for w in num.get("negative_words", [])),
        negative_signs=frozenset(num.get("negative_signs", [])),
    )


def _de_compound(word: str, v: DeVocab | None = None) -> Decimal:
    """A German compound integer word: ``dreihundertneunundneunzigtausend`` → 399000."""
    v = v or _de_vocab()
    word = word.lower()
    total = 0
    if v.thousand in word:
        head, _, word = word.partition(v.thousand)
        # The head holds no "tausend" (partition cut at the first), so this recurses once at most.
        total += int(_de_compound(head, v) if head else 1) * 1000
        if not word:
            return Decimal(total)
        # tausendundzwölf, tausendundeine: "und" may join what follows a thousand.
        if word.startswith(v.compound_joiner) and len(word) > len(v.compound_joiner):
            word = word[len(v.compound_joiner):]
    m = v.below_1000.fullmatch(word)
    if not m or not word:
        raise NumberError(f"not a German number word: {word[:40]!r}")
    if v.hundred in word:
        total += 100 * ((v.units.get(m["h"]) or v.teens[m["h"]]) if m["h"] else 1)
    if m["teen"]:
        total += v.teens[m["teen"]]
    if m["tens"]:
        total += v.tens[m["tens"]] + (v.units[m["u"]] if m["u"] else 0)
    if m["unit"]:
        total += v.units[m["unit"]]
    return Decimal(total)


def _de_word(low: str, v: DeVocab) -> Decimal:
    """One German number word: a listed word, a compound, or a compound with a fraction ending."""
    if low in v.words:
        return v.words[low]
    for suffix in v.half_suffixes:  # dreieinhalb = 3.5, einundhalb = 1.5
        if low.endswith(suffix) and len(low) > len(suffix):
            return _de_compound(low[: -len(suffix)], v) + HALF
    for suffix in v.fraction_suffixes:  # dreiviertel = 0.75
        if low.endswith(suffix) and len(low) > len(suffix):
            return _de_compound(low[: -len(suffix)], v) / v.fractions[suffix]
    return _de_compound(low, v)


def _de_numeral(raw: str, v: DeVocab) -> Decimal:
    if DE_ENGLISH_DECIMAL.fullmatch(raw) and raw.count(".") == 1:
        return Decimal(raw)
    if DE_ARABIC.fullmatch(raw):
        return Decimal(raw.replace(".", "").replace(" ", "").replace(",", "."))
    if DE_SWISS.fullmatch(raw):
        return Decimal(raw.replace("'", "").replace("’", "").replace(",", "."))
    if frac := SLASH_FRACTION.fullmatch(raw):
        return _slash_fraction(frac)
    return _de_word(raw.lower(), v)


@lru_cache(maxsize=PARSE_CACHE_SIZE)
@_only_number_errors
def parse_de(text: str) -> Number:
    """Parse a German number, with scale words: ``1,6 Milliarden``, ``zwei Millionen``, ``6 Mio.``.

    Also ``drei Viertel``, ``ein halbes Dutzend``, ``fünf und drei Viertel Milliarden`` and
    ``zwei Komma drei``. Two bare numbers in a row (``423 0000``) are two numbers, not one.
    """
    v = _de_vocab()
    sign, raw = _de_sign(_checked(text), v)
    return Number(_float(sign * _de_value(raw, v), raw))


def _de_sign(raw: str, v: DeVocab) -> tuple[int, str]:
    """``minus 1.200.000``, ``- 1.200.000``: a sign word, or a sign with a space after it (``-5`` is a numeral)."""
    head, _, rest = raw.partition(" ")
    if rest and (head.lower() in v.negative_words or head in v.negative_signs):
        rest = rest.lstrip()
        if rest[:1] in v.negative_signs or rest[:1] == "+":
            raise NumberError(f"two signs in {raw[:40]!r}")
        return -1, rest
    return 1, raw


def _de_value(raw: str, v: DeVocab) -> Decimal:
    if DE_ARABIC.fullmatch(raw) or DE_SWISS.fullmatch(raw) or SLASH_FRACTION.fullmatch(raw):  # 1 234 567,89 / 1 1/2
        return _de_numeral(raw, v)
    total = ZERO
    pending: Decimal | None = None  # the amount the next scale word multiplies
    last: Decimal | None = None  # the last number word, which a fraction word divides
    may_add = False  # after "und" a number adds to the pending one
    decimals: str | None = None  # digits read after "Komma"
    last_scale: Decimal | None = None  # the scale word just read, and the group it made (pending × scale)
    last_group = ZERO
    for part in raw.split():
        low = part.lower()
        if decimals is not None and low not in v.scales:
            digit = _de_numeral(low, v)
            if digit != digit.to_integral_value() or digit < 0:
                raise NumberError(f"not a decimal digit after {v.decimal_word!r}: {part!r}")
            decimals += str(int(digit))
            continue
        if decimals is not None:
            pending, decimals = _de_add_decimals(pending, decimals, v), None
        if (scale := v.scales.get(low)) is not None:
            if pending is None and last_scale is not None and scale > last_scale:
                # "tausend Milliarden" is a thousand billions: a scale word right after a smaller one multiplies it
                total += last_group * (scale - 1)
                last_group *= scale
            else:
                last_group = (ONE if pending is None else pending) * scale
                total += last_group
            pending, last, may_add, last_scale = None, None, False, scale
            continue
        elif (mult := v.multipliers.get(low)) is not None:
            pending, last, may_add = (ONE if pending is None else pending) * mult, None, False
        elif (den := v.fractions.get(low)) is not None:
            if last is None:  # "halbe Million": a half of one
                pending = (pending or ZERO) + 1 / den
            else:  # "drei Viertel": the fraction divides the number word before it
                pending = (pending or ZERO) - last + last / den
            last, may_add = None, False
        elif low == v.joiner:
            if pending is None:
                raise NumberError(f"{part!r} with no number before it")
            may_add = True
        elif low == v.decimal_word:
            if pending is None or last is None:
                raise NumberError(f"{part!r} with no number before it")
            decimals = ""
        else:
            value = _de_numeral(part, v)
            if pending == ONE and last == ONE and not may_add and ZERO < value < ONE:
                pending = None  # "eine Dreiviertel Milliarde": the "eine" was an article
            if pending is not None and not may_add:
                raise NumberError(f"two numbers in a row: {raw[:40]!r}")
            pending = value if pending is None else pending + value
            last, may_add = value, False
        last_scale = None
    if decimals is not None:
        pending = _de_add_decimals(pending, decimals, v)
    if may_add:
        raise NumberError(f"{v.joiner!r} with no number after it")
    if pending is not None:
        total += pending
    return total


def _de_add_decimals(pending: Decimal | None, decimals: str, v: DeVocab) -> Decimal:
    if not decimals:
        raise NumberError(f"{v.decimal_word!r} with no digits after it")
    return (pending or ZERO) + Decimal(f"0.{decimals}")


# The parser of each ``number.grammar`` a locale file names.
PARSERS: dict[str, Callable[[str, str], Number]] = {"german": lambda text, _: parse_de(text), "chinese": parse_zh}


def parse(text: str, locale: str) -> Number:
    """``text`` read by the number grammar of ``locale`` (``number.grammar`` of its locale file)."""
    return PARSERS[load_locale(locale)["number"]["grammar"]](text, locale)


def parse_number(text: str, locale: str) -> float | None:
    """The value of ``text`` in ``locale`` (``zh-Hans``, ``zh-Hant``, ``de``), or None if it is not a number.

    Vague forms (数十亿) have no point value and give None too; use parse_zh for their range.
    """
    try:
        number = parse(text, locale)
    except (NumberError, KeyError):  # KeyError: no locale data for ``locale``
        return None
    return number.value
