"""normalizers.numbers: the number forms news text writes, in zh-Hans, zh-Hant and German.

A table of concrete forms, a round-trip property (write a number the way each locale writes it,
parse it back) and a robustness property (any text parses or raises NumberError, quickly).
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizers.numbers import Number, NumberError, parse_de, parse_number, parse_zh

HANS, HANT, DE = "zh-Hans", "zh-Hant", "de"


@dataclass(frozen=True)
class Vague:
    """An expected range (数十亿): no point value."""

    low: float
    high: float


@dataclass(frozen=True)
class Over:
    """An expected "more than" figure (五百多万)."""

    value: float


# (text, locale, expected): a float is the value, Vague/Over the shape, None means "not a number".
CASES: list[tuple[str, str, float | Vague | Over | None]] = [
    # zh-Hans: Arabic figure with a Chinese unit, the commonest form in news.
    ("557.6万", HANS, 5_576_000),
    ("29.4万", HANS, 294_000),
    ("9.44亿", HANS, 944_000_000),
    ("3.2亿", HANS, 320_000_000),
    ("0.5亿", HANS, 50_000_000),
    ("100亿", HANS, 10_000_000_000),
    ("1.5万亿", HANS, 1.5e12),
    ("4.8万亿", HANS, 4.8e12),
    ("2兆", HANS, 2e12),
    ("1,100万", HANS, 11_000_000),
    ("3万4000", HANS, 34_000),
    ("2048", HANS, 2048),
    ("４，５６５", HANS, 4565),
    ("40k", HANS, 40_000),
    ("2.5w", HANS, 25_000),
    ("10,000.233", HANS, 10_000.233),
    # zh-Hans: Chinese numerals.
    ("五亿", HANS, 500_000_000),
    ("一万", HANS, 10_000),
    ("三千", HANS, 3000),
    ("两千五百万", HANS, 25_000_000),
    ("一万三", HANS, 13_000),
    ("两千四百五", HANS, 2450),
    ("一千零五", HANS, 1005),
    ("十五", HANS, 15),
    ("一百零一万", HANS, 1_010_000),
    ("五兆六十二亿四万五千二", HANS, 5_006_200_045_200),
    ("四万二亿", HANS, 4.2e12),
    ("四万万", HANS, 400_000_000),
    ("一万五千亿", HANS, 1.5e12),
    ("二〇二五", HANS, 2025),
    ("负三十二", HANS, -32),
    ("三点五亿", HANS, 350_000_000),
    ("十五点七", HANS, 15.7),
    ("五分之一", HANS, 0.2),
    ("百分之五十", HANS, 0.5),
    ("三又三分之一", HANS, 10 / 3),
    ("五十打", HANS, 600),
    # zh-Hans: approximate forms.
    ("五百多万", HANS, Over(5_000_000)),
    ("三十余亿", HANS, Over(3_000_000_000)),
    ("十 余 万", HANS, Over(100_000)),
    ("500余万", HANS, Over(5_000_000)),
    ("十几亿", HANS, Vague(1.1e9, 1.9e9)),
    ("二十几万", HANS, Vague(210_000, 290_000)),
    ("数十亿", HANS, Vague(1e9, 1e10)),
    ("几千万", HANS, Vague(1e7, 1e8)),
    ("数百万", HANS, Vague(1e6, 1e7)),
    # zh-Hant: Traditional characters.
    ("1.6萬", HANT, 16_000),
    ("4.8萬億", HANT, 4.8e12),
    ("8,650億", HANT, 8.65e11),
    ("2兆", HANT, 2e12),
    ("兩千五百萬", HANT, 25_000_000),
    ("七十八萬五佰零六", HANT, 780_506),
    ("三點五億", HANT, 350_000_000),
    ("負三十二", HANT, -32),
    ("五百多萬", HANT, Over(5_000_000)),
    ("三十餘億", HANT, Over(3_000_000_000)),
    ("數十億", HANT, Vague(1e9, 1e10)),
    ("十幾億", HANT, Vague(1.1e9, 1.9e9)),
    # Contracted tens (廿 20, 卅 30, 卌 40), as Hong Kong and Taiwan print write them.
    ("廿三", HANS, 23),
    ("五百卅四", HANS, 534),
    ("一萬零卌", HANT, 10_040),
    ("卅", HANT, 30),
    # A measure word after the figure, at its end or before its big unit.
    ("两个亿", HANS, 200_000_000),
    ("一个", HANS, 1),
    ("兩個億", HANT, 200_000_000),
    ("两个多亿", HANS, Over(200_000_000)),
    ("3个亿", HANS, 300_000_000),
    ("幾個億", HANT, Vague(1e8, 1e9)),
    ("一半", HANS, 0.5),
    ("半個", HANT, 0.5),
    # A big unit leading the figure, its next place in the digit after it: Hong Kong's 月薪萬五.
    ("萬五", HANT, 15_000),
    # Hong Kong print's fractions without 之: 三分一, Cantonese 二份一.
    ("三分一", HANT, 1 / 3),
    ("二份一", HANT, 0.5),
    ("一又十分一", HANS, 1.1),
    ("亿三", HANS, 130_000_000),
    # German.
    ("1,6 Milliarden", DE, 1.6e9),
    ("1,6 Mrd.", DE, 1.6e9),
    ("1.6 Milliarden", DE, 1.6e9),
    ("944 Millionen", DE, 944_000_000),
    ("6 Mio.", DE, 6_000_000),
    ("12,5 Mio.", DE, 12_500_000),
    ("100 Tsd.", DE, 100_000),
    ("250.000", DE, 250_000),
    ("50.000", DE, 50_000),
    ("2.048", DE, 2048),
    ("1.234.567", DE, 1_234_567),
    ("40 000", DE, 40_000),
    ("2.000,352", DE, 2000.352),
    ("2'380,50", DE, 2380.5),  # Swiss: apostrophe-grouped thousands
    ("2'380.50", DE, 2380.5),
    ("1’250’000", DE, 1_250_000),
    ("2 450,00", DE, 2450),
    ("eine halbe Milliarde", DE, 5e8),
    ("zwei Millionen", DE, 2_000_000),
    ("eine Milliarde", DE, 1_000_000_000),
    ("1 Billion", DE, 1e12),  # long scale: a German Billion is 10^12
    ("3,5 Bio.", DE, 3.5e12),
    ("dreihundertneunundneunzigtausend", DE, 399_000),
    ("zweieinhalb Millionen", DE, 2_500_000),
    ("anderthalb Milliarden", DE, 1.5e9),
    ("eine halbe Million", DE, 500_000),
    ("drei Viertel", DE, 0.75),
    ("ein halbes Dutzend", DE, 6),
    ("zwei Komma fünf Millionen", DE, 2_500_000),
    ("2 Billiarden", DE, 2e15),  # long scale: a Billiarde is a thousand Billionen
    ("一兆一一二三億", HANT, 1_112_300_000_000),  # digit by digit after a larger unit (Taiwan print)
    ("一兆零一一二三億", HANT, 1_112_300_000_000),
    ("三八一○億", HANT, 381_000_000_000),
    ("minus 1,2 Millionen", DE, -1_200_000),  # a stated loss, the sign as a word
    ("- 1.200.000", DE, -1_200_000),  # the sign with a space after it
    ("achtzehnhundert", DE, 1800),  # a teen counts hundreds
    ("tausendundeins", DE, 1001),  # "und" after tausend joins what follows
    ("zweihundertundzwei", DE, 202),  # and after hundert
    # Not numbers.
    ("", HANS, None),
    ("abc", HANS, None),
    ("万", HANS, None),  # a unit with no count is a word (万一, 万万不可), not 10000
    ("万万万", HANS, None),
    ("萬", HANT, None),
    ("万一", HANS, None),  # in case: a word, not 11000
    ("万两", HANS, None),  # ten thousand taels, not 12000
    ("三廿", HANS, None),  # a digit before a contracted ten
    ("个", HANS, None),
    ("十分", HANS, None),  # very: no fraction without a numerator
    ("五分", HANS, None),  # five fen is money's sub-unit, no number
    ("一百个人", HANS, None),  # the measure word only at the end or before a big unit
    ("两两", HANS, None),  # 两 counts (两千) but never stands digit by digit
    ("多", HANS, None),
    ("一千二三", HANS, None),  # a range (1200 or 1300), not a figure
    ("一兆五六億", HANT, None),  # a range after a larger unit, not 56億
    ("零万", HANS, None),
    ("十点两", HANS, None),  # 两 is no decimal digit: 两百点两 is two numbers
    ("1/0", HANS, None),
    ("1e999", HANS, None),  # beyond a float
    ("", DE, None),
    ("abc", DE, None),
    ("und", DE, None),
    ("zwei drei", DE, None),  # two numbers, not one
    ("423 0000", DE, None),
    ("Komma fünf", DE, None),
    ("minus", DE, None),
    ("minus - 5", DE, None),  # two signs
    ("tausendund", DE, None),  # "und" with nothing after it
    ("hundertund", DE, None),
]


def _parse(text: str, locale: str) -> Number:
    return parse_de(text) if locale == DE else parse_zh(text, locale)


def _id(case: tuple[str, str, object]) -> str:
    text, locale, expected = case
    return f"{locale}:{text or '<empty>'}={expected!r}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_news_number_forms(case: tuple[str, str, float | Vague | Over | None]) -> None:
    text, locale, expected = case
    if expected is None:
        with pytest.raises(NumberError):
            _parse(text, locale)
        assert parse_number(text, locale) is None
        return
    number = _parse(text, locale)
    if isinstance(expected, Vague):
        assert number.vague and number.value is None
        assert number.low == pytest.approx(expected.low) and number.high == pytest.approx(expected.high)
        assert parse_number(text, locale) is None  # a range has no point value
    elif isinstance(expected, Over):
        assert number.over and not number.vague
        assert number.value == pytest.approx(expected.value)
    else:
        assert not number.vague and not number.over
        assert number.value == pytest.approx(expected, rel=1e-12)
        assert parse_number(text, locale) == number.value


def test_enough_cases_per_locale() -> None:
    positive = [c for c in CASES if c[2] is not None]
    assert len(positive) >= 60
    assert {locale for _, locale, _ in positive} == {HANS, HANT, DE}


def test_decimal_arithmetic_gives_the_nearest_float() -> None:
    """1.1万 is 11000 exactly, not 11000.000000000002: amounts compare equal across sources."""
    assert parse_zh("1.1万").value == 11_000
    assert parse_zh("二点二亿").value == 220_000_000
    assert parse_de("2,3 Mio.").value == 2_300_000


# --------------------------------------------------------------------------------------------
# Round trip: write a number as the locale does, parse it back.

CN_DIGITS = "零一二三四五六七八九"
CN_PLACES = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))


def _cn_section(n: int, liang: bool) -> str:
    """0 < n < 10^4 in Chinese numerals: 2450 → 两千四百五十, 1005 → 一千零五."""
    out: list[str] = []
    gap = False
    for place, unit in CN_PLACES:
        d = n // place % 10
        if not d:
            gap = gap or bool(out)
            continue
        if gap:
            out.append("零")
            gap = False
        out.append(("两" if liang and d == 2 and unit in ("千", "百") else CN_DIGITS[d]) + unit)
    return "".join(out)


def render_chinese(n: int, liang: bool, short_ten: bool, zero_gaps: bool = True) -> str:
    """0 < n < 10^12 as news writes it: 25000000 → 两千五百万, 100000005 → 一亿零五.

    Without ``zero_gaps`` a gap before a section that ends in 万 goes unmarked (二亿四万, as the
    Recognizers-Text specs write 五兆六十二亿四万); before the last section 零 is always needed
    (一万零五 is 10005, 一万五 is 15000).
    """
    yi, rest = divmod(n, 10**8)
    wan, units = divmod(rest, 10**4)
    out: list[str] = []
    gap = False
    for value, suffix in ((yi, "亿"), (wan, "万"), (units, "")):
        if not value:
            gap = gap or bool(out)
            continue
        if out and (gap or value < 1000) and (zero_gaps or not suffix):
            out.append("零")
        gap = False
        section = "两" if liang and value == 2 and suffix else _cn_section(value, liang)
        out.append(section + suffix)
    text = "".join(out)
    # 十五万 rather than 一十五万 at the start.
    return text[1:] if short_ten and text.startswith("一十") else text


@st.composite
def decimal_amounts(draw: st.DrawFn, max_int: int) -> str:
    """A positive amount with up to two decimals, as a plain string: 557.6, 12, 0.05."""
    whole = draw(st.integers(0, max_int))
    places = draw(st.sampled_from([0, 1, 2]))
    frac = draw(st.integers(0, 10**places - 1)) if places else 0
    text = f"{whole}.{frac:0{places}d}".rstrip("0").rstrip(".") if places else str(whole)
    if Decimal(text) == 0:
        text = "1"
    return text


ROUND_TRIP = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(
    amount=decimal_amounts(10**6),
    unit=st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]),
    locale=st.sampled_from([HANS, HANT]),
    grouped=st.booleans(),
)
def test_round_trip_zh_unit(amount: str, unit: tuple[str, int], locale: str, grouped: bool) -> None:
    word, scale = unit
    if locale == HANT:
        word = word.replace("万", "萬").replace("亿", "億")
    whole, _, frac = amount.partition(".")
    shown = (f"{int(whole):,}" if grouped else whole) + (f".{frac}" if frac else "")
    assert parse_zh(f"{shown}{word}", locale).value == float(Decimal(amount) * scale)


@ROUND_TRIP
@given(
    n=st.one_of(st.integers(1, 10**12 - 1),
                st.builds(lambda a, b: a * 10**8 + b, st.integers(1, 9999),
                          st.integers(1, 9999).map(lambda w: w * 10**4))),
    liang=st.booleans(),
    short_ten=st.booleans(),
    zero_gaps=st.booleans(),
    locale=st.sampled_from([HANS, HANT]),
)
def test_round_trip_chinese_numerals(n: int, liang: bool, short_ten: bool, zero_gaps: bool, locale: str) -> None:
    text = render_chinese(n, liang, short_ten, zero_gaps)
    if locale == HANT:
        text = text.replace("万", "萬").replace("亿", "億").replace("两", "兩")
    assert parse_zh(text, locale).value == n, text


@ROUND_TRIP
@given(n=st.integers(0, 10**12))
def test_round_trip_de_grouped(n: int) -> None:
    assert parse_de(f"{n:,}".replace(",", ".")).value == n


@ROUND_TRIP
@given(
    amount=decimal_amounts(10**5),
    scale=st.sampled_from([("Tsd.", 10**3), ("Mio.", 10**6), ("Millionen", 10**6), ("Mrd.", 10**9),
                           ("Milliarden", 10**9), ("Billionen", 10**12)]),
)
def test_round_trip_de_scaled(amount: str, scale: tuple[str, int]) -> None:
    word, factor = scale
    whole, _, frac = amount.partition(".")
    shown = f"{int(whole):,}".replace(",", ".") + (f",{frac}" if frac else "")
    assert parse_de(f"{shown} {word}").value == float(Decimal(amount) * factor)


# --------------------------------------------------------------------------------------------
# Robustness: the extractors feed it spans of scraped pages, and a fuzzer feeds it worse.

ZH_ALPHABET = "0123456789.,-+ 零〇一二两三四五六七八九十百千万亿兆萬億兩点點分之又多余几数打负負kMe^/"
DE_ALPHABET = "0123456789.,-/ "
DE_WORDS = ["zwei", "drei", "und", "Komma", "Millionen", "Mrd.", "halbe", "Viertel", "Dutzend", "tausend", "hundert",
            "eins"]


def _parses_or_number_error(parse, text: str) -> None:  # noqa: ANN001 - parse_zh or parse_de
    try:
        number = parse(text)
    except NumberError:
        return
    for field in (number.value, number.low, number.high):
        assert field is None or math.isfinite(field)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=ZH_ALPHABET, max_size=30), locale=st.sampled_from([HANS, HANT]))
def test_zh_any_text_parses_or_raises_number_error(text: str, locale: str) -> None:
    _parses_or_number_error(lambda t: parse_zh(t, locale), text)


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.one_of(st.sampled_from(DE_WORDS), st.text(alphabet=DE_ALPHABET, max_size=8)),
                  max_size=8).map(" ".join)
)
def test_de_any_text_parses_or_raises_number_error(text: str) -> None:
    _parses_or_number_error(parse_de, text)


ADVERSARIAL = [
    "万" * 10_000,
    "1" * 10_000,
    "一" * 10_000,
    "一万" * 5_000,
    "十" * 10_000,
    "又" * 10_000,
    "分之" * 5_000,
    "一" + "分之一" * 3_000,
    "点" * 10_000,
    "1," * 5_000,
    "-" * 10_000,
    "多" * 999,
    "几" * 999,
    "9" * 400,
    "9^9999",
    "1e9999",
    "tausend" * 2_000,
    "und " * 3_000,
    "komma " * 3_000,
    "zwei " * 3_000,
    "drei" * 3_000,
    "dreiviertel" * 900,
    "1 000" * 2_000,
    "1.000" * 2_000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=[f"{t[:8]!r}x{len(t)}" for t in ADVERSARIAL])
def test_adversarial_input_is_fast_and_only_raises_number_error(text: str) -> None:
    start = time.perf_counter()
    for parse in (lambda t: parse_zh(t, HANS), lambda t: parse_zh(t, HANT), parse_de):
        _parses_or_number_error(parse, text)
    assert parse_number(text, HANS) is None or math.isfinite(parse_number(text, HANS))
    assert time.perf_counter() - start < 1.0


def test_unknown_locale_is_a_callers_mistake() -> None:
    with pytest.raises(KeyError):
        parse_zh("五", "zh-XX")
    assert parse_number("五", "zh-XX") is None
