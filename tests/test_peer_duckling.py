"""Duckling's example corpora (facebook/duckling, BSD-3) run through ``extract_money`` and the number parser.

The examples are converted to JSON in ``tests/duckling/`` (README.md there says how Duckling's types map to ours).
Money: each input is read as a zh-Hans and as a zh-Hant article (matching runs on the Simplified conversion, as
the pipeline does) and passes when it yields exactly one amount of the expected currency and value (Duckling's
``under``/``above`` are a bound: at most/under, at least/over; ``between`` a range). Numbers: each input passes when
``parse_number`` gives the expected value, in zh-Hant when it has a Traditional-only character (as the
Recognizers-Text number specs are run). Cases are excluded only with a written reason; judged cases still failed
are strict xfails. Run with ``-s`` or see the ``[duckling]`` lines for the pass rate of each file.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extractors.money import MoneySpan, extract_money
from normalizers.numbers import parse_number
from normalizers.script import to_simplified
from tests.peer_specs import ID_UNSAFE, PassRate, pass_rate

DATA = Path(__file__).with_name("duckling")
MONEY_ZH = "AmountOfMoney-ZH.json"
NUMERAL_ZH = "Numeral-ZH.json"
NUMERAL_DE = "Numeral-DE.json"
# The floor of each file's pass rate over its judged cases: raised as forms are fixed, so a fix that breaks
# another case of the corpus shows.
MIN_PASS_RATE = {"AmountOfMoney-ZH.json": 1.0, "Numeral-ZH.json": 1.0, "Numeral-DE.json": 1.0}
REL_TOL = 1e-9
# Duckling's ``under`` and ``above`` give one bound of an interval; news qualifiers say which side.
BOUND_QUALIFIERS = {"max": frozenset({"at_most", "under"}), "min": frozenset({"at_least", "over"})}

# Inputs left out of the pass rate (every locale they are read in), each with why: where Duckling's convention
# differs from how news text is read.
SPOKEN_GE = ("Cantonese speech names the dollar 個 (五個半 = $5.50); written news uses 元 and 個 is the general "
             "measure word (一個半小時, 五個半月), so reading it as money would turn durations and counts into prices")
GIGA_ZH = "G after a figure in Chinese news is gigabytes (80G显存), not 10^9; and no figure starts with its point"
EXCLUDED: dict[str, dict[str, str]] = {
    MONEY_ZH: {
        "五個半": SPOKEN_GE,
        "個半": SPOKEN_GE,
        "一個半": SPOKEN_GE,
        "個九": SPOKEN_GE,
        "港幣三個一毫四": SPOKEN_GE,
    },
    NUMERAL_ZH: {
        "一對": "a pair (對) counts things, not a figure: news writes 2, never 一對 for it",
        "一雙": "a pair (雙) counts things, not a figure: news writes 2, never 一雙 for it",
        "五對": "pairs (對) count things, not a figure: news writes 10, never 五對 for it",
        "五雙": "pairs (雙) count things, not a figure: news writes 10, never 五雙 for it",
        ".0012G": GIGA_ZH,
        "-.0012G": GIGA_ZH,
        "一半半": "一半半 is 'half and half' (a split), not the number 0.5",
        "1半": "1半 is no written form: news writes 0.5 or 一半 for a half (and 一个半 for 1.5)",
    },
    NUMERAL_DE: {
        "keiner": "kein(er) is the determiner 'no, none' (keiner der Anbieter), not the figure 0 in news",
        "keinen": "kein(en) is the determiner 'no, none' (keinen Cent), not the figure 0 in news",
        ",77": "German news writes the leading zero (0,77); a comma before digits is a list or clause break",
        ",0012G": "German news writes the leading zero, and G(iga) is no German scale word for an amount",
        "-,0012G": "German news writes the leading zero, and G(iga) is no German scale word for an amount",
        "100K": "K for thousand is English shorthand; German news writes 100.000 or 100 Tsd.",
        "100k": "k for thousand is English shorthand; German news writes 100.000 or 100 Tsd.",
        "3000K": "K for thousand is English shorthand; German news writes 3.000.000 or 3 Mio.",
        "1200K": "K for thousand is English shorthand; German news writes 1.200.000 or 1,2 Mio.",
        "-1200K": "K for thousand is English shorthand; German news writes -1,2 Mio.",
        "3M": "M for million is English shorthand (and 3M a company); German news writes 3 Mio.",
        "1,2M": "M for million is English shorthand; German news writes 1,2 Mio.",
        "-1,2M": "M for million is English shorthand; German news writes -1,2 Mio.",
        "negativ 1200000": "negativ is an adjective (ein negatives Ergebnis); news writes minus or a sign before it",
    },
}

# Judged cases we still fail: case id -> reason (strict xfail, so a fix shows up and gets moved out of here).
KNOWN_FAILURES: dict[str, str] = {}


@dataclass(frozen=True)
class Example:
    """One Duckling input with its group's expectation, read in one locale."""

    filename: str
    group: int
    input: str
    locale: str
    expected: Mapping[str, Any]

    @property
    def currency(self) -> str | None:
        return self.expected.get("currency_of_input", {}).get(self.input, self.expected.get("currency"))

    @property
    def id(self) -> str:
        """Group, locale, input and Duckling's value: pytest escapes Han ids, so the ASCII value keeps them legible."""
        text = ID_UNSAFE.sub("_", self.input.strip()) or "empty"
        want = self.expected.get("value", f"{self.expected.get('min', '')}..{self.expected.get('max', '')}")
        return f"{self.filename.removesuffix('.json')}-{self.group:02d}-{self.locale}-{text}->{want}"


@cache
def load_examples(filename: str) -> tuple[Example, ...]:
    groups = json.loads((DATA / filename).read_text(encoding="utf-8"))
    out = []
    for index, group in enumerate(groups):
        for text in group["inputs"]:
            for locale in _locales(filename, text):
                out.append(Example(filename, index, text, locale, group))
    return tuple(out)


def _locales(filename: str, text: str) -> tuple[str, ...]:
    if filename == MONEY_ZH:
        return ("zh-Hans", "zh-Hant")
    if filename == NUMERAL_DE:
        return ("de",)
    return ("zh-Hant",) if to_simplified(text) != text else ("zh-Hans",)


def found_money(example: Example) -> list[MoneySpan]:
    return extract_money(to_simplified(example.input), example.locale)


def _close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def check_money(example: Example) -> bool:
    spans = found_money(example)
    if len(spans) != 1 or spans[0].currency != example.currency:
        return False
    span, want = spans[0], example.expected
    if "value" in want:
        return span.qualifier == "exact" and _close(span.value, want["value"])
    if "min" in want and "max" in want:
        return span.qualifier == "range" and _close(span.low, want["min"]) and _close(span.high, want["max"])
    side = "max" if "max" in want else "min"
    return span.qualifier in BOUND_QUALIFIERS[side] and _close(span.value, want[side])


def check_number(example: Example) -> bool:
    return _close(parse_number(example.input, example.locale), example.expected["value"])


CHECKS = {MONEY_ZH: check_money, NUMERAL_ZH: check_number, NUMERAL_DE: check_number}


def _describe(example: Example) -> str:
    if example.filename == MONEY_ZH:
        got = [(s.currency, s.value, s.low, s.high, s.qualifier) for s in found_money(example)]
        return f"{example.input!r} [{example.locale}] want {example.currency} {dict(example.expected)} got {got}"
    return f"{example.input!r} [{example.locale}] want {example.expected['value']} got " \
           f"{parse_number(example.input, example.locale)!r}"


def _params(filename: str) -> Iterator[Any]:
    for example in load_examples(filename):
        marks = []
        if (reason := EXCLUDED[filename].get(example.input)) is not None:
            marks.append(pytest.mark.skip(reason=f"excluded: {reason}"))
        elif (known := KNOWN_FAILURES.get(example.id)) is not None:
            marks.append(pytest.mark.xfail(strict=True, reason=known))
        yield pytest.param(example, marks=marks, id=example.id)


@pytest.mark.parametrize("example", list(_params(MONEY_ZH)))
def test_money_zh(example: Example) -> None:
    assert check_money(example), _describe(example)


@pytest.mark.parametrize("example", list(_params(NUMERAL_ZH)))
def test_numeral_zh(example: Example) -> None:
    assert check_number(example), _describe(example)


@pytest.mark.parametrize("example", list(_params(NUMERAL_DE)))
def test_numeral_de(example: Example) -> None:
    assert check_number(example), _describe(example)


def rate(filename: str) -> PassRate:
    return pass_rate(filename, CHECKS[filename], EXCLUDED[filename], load_examples(filename))  # type: ignore[arg-type]


@pytest.mark.parametrize("filename", list(CHECKS))
def test_pass_rate(filename: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = rate(filename)
    # Printed outside pytest's capture so the figures show without -s.
    with capsys.disabled():
        print(f"\n[duckling] {result.summary()}")
        if result.failed_ids:
            print(f"[duckling]   failing: {', '.join(result.failed_ids)}")
    assert result.rate >= MIN_PASS_RATE[filename], result.summary()


def test_exclusions_and_known_failures_name_real_cases() -> None:
    """A stale key (a typo, a renamed input) would silently exclude nothing."""
    for filename, excluded in EXCLUDED.items():
        assert set(excluded) <= {e.input for e in load_examples(filename)}, filename
    ids = {e.id for filename in CHECKS for e in load_examples(filename)}
    assert set(KNOWN_FAILURES) <= ids


def test_every_corpus_is_converted_whole() -> None:
    """The counts of Duckling's corpora at the commit README.md names: a partial conversion would pass quietly."""
    counts = {f: len({(e.group, e.input) for e in load_examples(f)}) for f in CHECKS}
    assert counts == {MONEY_ZH: 35, NUMERAL_ZH: 124, NUMERAL_DE: 77}
    assert (DATA / "LICENSE").is_file()
