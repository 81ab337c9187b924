"""normalizers.numbers against the Recognizers-Text number specs (Chinese and German).

A case passes when every expected span's text parses to the expected value. A case with no
expected span is text that holds no number (万, 一切, 四川): it passes when its input does not
parse. Run with ``-s`` to see the per-file figures printed by ``test_pass_rate``.
"""
from __future__ import annotations

import math

import pytest

from normalizers.numbers import parse_number
from normalizers.script import to_simplified
from tests.peer_specs import EXCLUDED, Case, excluded_reason, load_cases, pass_rate, spec_number, specs_available

ZH_FILE = "Number-Chinese-NumberModel.json"
DE_FILE = "Number-German-NumberModel.json"
FILES = (ZH_FILE, DE_FILE)
MIN_PASS_RATE = 0.90
REL_TOL = 1e-6

# Cases that count (not excluded) and that the parser still gets wrong, with why: strict xfails,
# so a fix shows up as an XPASS failure and gets moved out of here.
KNOWN_FAILURES: dict[str, str] = {}


def number_locale(case: Case) -> str:
    """``de`` for German specs; for Chinese ``zh-Hant`` when the input has a Traditional-only character."""
    if case.language == "German":
        return "de"
    return "zh-Hant" if to_simplified(case.input) != case.input else "zh-Hans"


def check_number_case(case: Case) -> bool:
    locale = number_locale(case)
    if not case.results:
        return parse_number(case.input, locale) is None
    for expected in case.results:
        if expected.type_name != "number" or expected.value is None:
            return False
        want = spec_number(expected.value, case.language)
        got = parse_number(expected.text, locale)
        if got is None or not math.isclose(got, want, rel_tol=REL_TOL, abs_tol=1e-12):
            return False
    return True


def _describe(case: Case) -> str:
    locale = number_locale(case)
    if not case.results:
        return f"{case.input!r} [{locale}] should not parse, got {parse_number(case.input, locale)!r}"
    return "; ".join(
        f"{e.text!r} [{locale}] want {e.value} got {parse_number(e.text, locale)!r}" for e in case.results
    )


def _params(filename: str) -> list:
    if not specs_available(filename):
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{filename} not found"), id=f"{filename}-missing")]
    params = []
    for case in load_cases(filename):
        marks = []
        if (reason := excluded_reason(case)) is not None:
            marks.append(pytest.mark.skip(reason=f"excluded: {reason}"))
        elif case.input in KNOWN_FAILURES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[case.input]))
        params.append(pytest.param(case, marks=marks, id=case.id))
    return params


@pytest.mark.parametrize("case", _params(ZH_FILE))
def test_chinese_case(case: Case) -> None:
    assert check_number_case(case), _describe(case)


@pytest.mark.parametrize("case", _params(DE_FILE))
def test_german_case(case: Case) -> None:
    assert check_number_case(case), _describe(case)


@pytest.mark.parametrize("filename", FILES)
def test_pass_rate(filename: str, capsys: pytest.CaptureFixture[str]) -> None:
    if not specs_available(filename):
        pytest.skip(f"{filename} not found")
    rate = pass_rate(filename, check_number_case, EXCLUDED)
    # Printed outside pytest's capture so the figures show without -s.
    with capsys.disabled():
        print(f"\n[peer-specs] {rate.summary()}")
        if rate.failed_ids:
            print(f"[peer-specs]   failing: {', '.join(rate.failed_ids)}")
    assert rate.rate >= MIN_PASS_RATE, rate.summary()


def test_known_failures_and_exclusions_are_real_inputs() -> None:
    """A stale key (typo, renamed case) would silently exclude nothing."""
    inputs = {case.input for filename in FILES if specs_available(filename) for case in load_cases(filename)}
    if not inputs:
        pytest.skip("no spec files")
    assert not (set(EXCLUDED) - inputs) and not (set(KNOWN_FAILURES) - inputs)
    assert not set(EXCLUDED) & set(KNOWN_FAILURES)
