"""Parse numbers as Chinese and German news write them: ``1,6``, ``50.000``, ``两千五百万``, ``4.8萬億``."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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


# Arabic digits in either locale's grouping; checked before Chinese numerals.
ZH_ARABIC = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")
DE_ARABIC = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:,\d+)?")
# "1.6" in German text written the English way: a dot followed by one or two digits is a decimal point.
DE_ENGLISH_DECIMAL = re.compile(r"[+-]?\d+\.\d{1,2}")
ZH_FRACTION = re.compile(r"^(?P<den>.+?)分之(?P<num>.+)$")
ZH_WHOLE_AND_FRACTION = re.compile(r"^(?P<whole>.+?)又(?P<frac>.+分之.+)$")
SLASH_FRACTION = re.compile(r"^(?:(?P<whole>\d+)\s+)?(?P<num>\d+(?:\.\d+)?)/(?P<den>\d+(?:\.\d+)?)$")
POWER = re.compile(r"^(?P<base>\d+(?:\.\d+)?)\^(?P<exp>-?\d+)$")
ZH_DECIMAL_POINT = re.compile(r"^(?P<int>[^点]+)点(?P<frac>[^点]+)$")


def _nfkc(text: str) -> str:
    """Full-width digits and signs to ASCII (２０２５ → 2025), spaces trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


@lru_cache(maxsize=None)
def _zh_tables(locale: str) -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, Any]]:
    num = load_locale(locale)["number"]
    return num["digits"], num["small_units"], num["big_units"], num


def _zh_section(text: str, digits: dict[str, int], small: dict[str, int]) -> float:
    """A number below 10^4 written with 十/百/千 (and Arabic digits): ``两千四百五`` → 2450."""
    if not text:
        return 0.0
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if all(ch in digits for ch in text):  # 二〇二五: digit by digit
        return float("".join(str(digits[ch]) for ch in text))
    total = 0.0
    current: float | None = None
    last_unit: int | None = None
    zero_after_unit = False
    pos = 0
    while pos < len(text):
        arabic = re.match(r"\d+(?:\.\d+)?", text[pos:])
        if arabic:
            current = float(arabic.group())
            pos += arabic.end()
            continue
        ch = text[pos]
        pos += 1
        if ch in ("零", "〇", "○"):
            zero_after_unit = True
            current = None
        elif ch in digits:
            current = float(digits[ch]) if current is None else current * 10 + digits[ch]
        elif ch in small:
            total += (1.0 if current is None else current) * small[ch]
            current, last_unit, zero_after_unit = None, small[ch], False
        else:
            raise NumberError(f"not a Chinese numeral character: {ch!r} in {text!r}")
    if current is not None:
        # 两千四百五 = 2450: a last bare digit counts in the unit below the previous one.
        if last_unit and not zero_after_unit and current < 10 and last_unit >= 100:
            current *= last_unit / 10
        total += current
    return total


def _zh_integer(text: str, digits: dict[str, int], small: dict[str, int], big: dict[str, int]) -> float:
    """A Chinese numeral with 万/亿/兆 sections: ``拾亿零六万零五百零六`` → 1000060506."""
    present = [(value, ch) for ch, value in big.items() if ch in text]
    if not present:
        return _zh_section(text, digits, small)
    unit_value, unit_char = max(present)
    cut = text.rfind(unit_char)
    left, right = text[:cut], text[cut + 1 :]
    head = _zh_integer(left, digits, small, big) if left else 1.0
    if head == 0 and left:
        raise NumberError(f"zero before {unit_char!r} in {text!r}")
    tail = _zh_integer(right, digits, small, big) if right else 0.0
    # 一万三 = 13000: one bare digit after a big unit counts in its next lower place.
    if right and len(right) == 1 and right in digits and right not in ("零", "〇", "○"):
        tail = digits[right] * unit_value / 10
    return head * unit_value + tail


def _strip_separators(text: str, group: str) -> str:
    return re.sub(rf"(?<=\d){re.escape(group)}(?=\d{{3}})", "", text)


def parse_zh(text: str, locale: str = "zh-Hans") -> Number:
    """Parse a Chinese (or mixed Arabic/Chinese) number; raises NumberError when it is none."""
    digits, small, big, table = _zh_tables(locale)
    raw = _nfkc(text)
    if not raw:
        raise NumberError("empty number")
    sign = -1.0 if raw[0] in "-负負" else 1.0
    body = raw[1:] if raw[0] in "-+负負正" else raw
    body = _strip_separators(body, table["group_separator"]).replace(" ", "")
    if not body:
        raise NumberError(f"no digits in {text!r}")
    for suffix, mult in table.get("suffix_multipliers", {}).items():
        if body.endswith(suffix) and re.fullmatch(r"\d+(?:\.\d+)?", body[: -len(suffix)]):
            return Number(sign * float(body[: -len(suffix)]) * mult)
    if power := POWER.match(body):
        return Number(sign * float(power["base"]) ** int(power["exp"]))
    if frac := SLASH_FRACTION.match(raw.replace("／", "/")):
        whole = float(frac["whole"] or 0)
        return Number(sign * (whole + float(frac["num"]) / float(frac["den"])))
    if mixed := ZH_WHOLE_AND_FRACTION.match(body):
        return Number(sign * (parse_zh(mixed["whole"], locale).value + parse_zh(mixed["frac"], locale).value))
    if frac := ZH_FRACTION.match(body):
        den = parse_zh(frac["den"], locale).value
        num = parse_zh(frac["num"], locale).value
        if not den:
            raise NumberError(f"zero denominator in {text!r}")
        return Number(sign * num / den)
    if point := ZH_DECIMAL_POINT.match(body):
        whole = _zh_integer(point["int"], digits, small, big)
        frac_digits = "".join(str(digits[c]) if c in digits else c for c in point["frac"])
        if not frac_digits.isdigit():
            raise NumberError(f"not a decimal fraction: {point['frac']!r}")
        return Number(sign * float(f"{int(whole)}.{frac_digits}"))
    return _zh_vague_or_exact(body, sign, digits, small, big, table)


def _zh_vague_or_exact(
    body: str, sign: float, digits: dict[str, int], small: dict[str, int], big: dict[str, int], table: dict[str, Any]
) -> Number:
    vague_prefixes = table.get("vague_prefixes", [])
    over_marks = table.get("over_suffixes", [])
    # 数十亿 / 几千万: one to ten of the unit that follows.
    if body[0] in vague_prefixes:
        unit = _zh_integer("一" + body[1:], digits, small, big)
        return Number(None, low=sign * unit, high=sign * unit * 10, vague=True)
    # 十几亿 / 二十几万: the 几 is one digit in the tens' place below.
    if "几" in body:
        low = _zh_integer(body.replace("几", "一", 1), digits, small, big)
        high = _zh_integer(body.replace("几", "九", 1), digits, small, big)
        return Number(None, low=sign * low, high=sign * high, vague=True)
    over = False
    for mark in over_marks:
        if mark in body:
            body = body.replace(mark, "")
            over = True
    return Number(sign * _zh_integer(body, digits, small, big), over=over)


@lru_cache(maxsize=None)
def _de_tables() -> tuple[dict[str, float], dict[str, float]]:
    num = load_locale("de")["number"]
    return {k.lower(): float(v) for k, v in num["words"].items()}, {k.lower(): float(v) for k, v in num["scales"].items()}


DE_UNITS = {"ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
DE_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
            "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
DE_TENS = {"zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "fuenfzig": 50,
           "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90}
# One German number word below a thousand, written as one compound (dreihundertneunundneunzig).
DE_BELOW_1000 = re.compile(
    r"(?:(?P<h>" + "|".join(sorted(DE_UNITS, key=len, reverse=True)) + r")?hundert)?"
    r"(?:(?P<teen>" + "|".join(sorted(DE_TEENS, key=len, reverse=True)) + r")"
    r"|(?:(?P<u>" + "|".join(sorted(DE_UNITS, key=len, reverse=True)) + r")und)?(?P<tens>" + "|".join(sorted(DE_TENS, key=len, reverse=True)) + r")"
    r"|(?P<unit>" + "|".join(sorted(DE_UNITS, key=len, reverse=True)) + r"))?"
)


def _de_compound(word: str) -> float:
    """A German compound number word: ``dreihundertneunundneunzigtausend`` → 399000."""
    word = word.lower()
    total = 0.0
    if "tausend" in word:
        head, _, word = word.partition("tausend")
        total += (_de_compound(head) if head else 1.0) * 1000
        if not word:
            return total
    m = DE_BELOW_1000.fullmatch(word)
    if not m or not word:
        raise NumberError(f"not a German number word: {word!r}")
    value = 0.0
    if "hundert" in word:
        value += 100 * (DE_UNITS[m["h"]] if m["h"] else 1)
    if m["teen"]:
        value += DE_TEENS[m["teen"]]
    if m["tens"]:
        value += DE_TENS[m["tens"]] + (DE_UNITS[m["u"]] if m["u"] else 0)
    if m["unit"]:
        value += DE_UNITS[m["unit"]]
    return total + value


def parse_de_numeral(text: str) -> float:
    """A German number in digits (``1,6``, ``50.000``, ``2.000,352``) or words (``zwei``)."""
    raw = _nfkc(text)
    if DE_ENGLISH_DECIMAL.fullmatch(raw) and raw.count(".") == 1:
        return float(raw)
    if DE_ARABIC.fullmatch(raw):
        return float(raw.replace(".", "").replace(" ", "").replace(",", "."))
    words, _ = _de_tables()
    low = raw.lower()
    if low in words:
        return words[low]
    return _de_compound(low)


def parse_de(text: str) -> Number:
    """Parse a German number, with scale words: ``1,6 Milliarden``, ``zwei Millionen``, ``6 Mio.``."""
    _, scales = _de_tables()
    parts = _nfkc(text).split()
    if not parts:
        raise NumberError("empty number")
    total = 0.0
    pending: float | None = None
    for part in parts:
        scale = scales.get(part.lower())
        if scale is not None:
            total += (1.0 if pending is None else pending) * scale
            pending = None
        elif part.lower() == "und" and pending is not None:
            continue
        else:
            value = parse_de_numeral(part)
            pending = value if pending is None else pending + value
    if pending is not None:
        total += pending
    return Number(total)


def parse_number(text: str, locale: str) -> float | None:
    """The value of ``text`` in ``locale`` (``zh-Hans``, ``zh-Hant``, ``de``), or None if it is not a number."""
    try:
        number = parse_de(text) if locale == "de" else parse_zh(text, locale)
    except (NumberError, KeyError, ValueError, TypeError, ZeroDivisionError, RecursionError):
        return None
    return number.value
