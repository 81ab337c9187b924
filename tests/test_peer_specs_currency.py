"""Microsoft Recognizers-Text currency specs (Chinese, German) run through ``extract_money``.

The spec files are copied into ``tests/peer_specs/`` (MIT, see the LICENSE beside them) so the
test does not depend on a checkout outside the repo. A case passes when the amounts we find in
its Input are exactly the amounts the spec expects: same ISO currency (or the spec's unit name
mapped to ISO) and same value. Spec results without a value (a bare currency name) are not
amounts and are not expected from us. Cases are excluded only with a reason in ``EXCLUDED``.
"""
from __future__ import annotations

import math

import pytest

from extractors.money import extract_money
from normalizers.script import to_simplified
from tests.peer_specs import SPEC_DIR, Case, PassRate, load_cases, pass_rate, spec_number

CHINESE = "NumberWithUnit-Chinese-CurrencyModel.json"
GERMAN = "NumberWithUnit-German-CurrencyModel.json"
FILES = (CHINESE, GERMAN)
MIN_PASS_RATE = 0.90

# The German spec gives only a unit name for most results; in news text these names mean:
UNIT_ISO = {
    "Dollar": "USD",  # a bare "Dollar" in German news is the US dollar
    "United States dollar": "USD",
    "Euro": "EUR",
    "Pound": "GBP",  # a bare "Pfund" / £ in German news is sterling
    "British pound": "GBP",
    "Canadian dollar": "CAD",
    "Chinese yuan": "CNY",
    "Japanese yen": "JPY",
    "Hong Kong dollar": "HKD",
    "New Taiwan dollar": "TWD",
    "Swiss franc": "CHF",
    "Indian rupee": "INR",
    "Rupee": "INR",  # a bare "Rupien" in German news is the Indian rupee (see de.yaml)
    "Cambodian riel": "KHR",
    "Finnish markka": "FIM",
}

EXCLUDED: dict[str, str] = {
    # Chinese
    "10日元5日本銭": "obsolete yen subunit 銭 (sen); RT itself does not support it in java/javascript",
    "我有20个比特币": "Bitcoin is a crypto asset with no ISO code, counted as a quantity here, not money",
}
# Long cases are excluded by their start.
EXCLUDED_PREFIXES: dict[str, str] = {}

# Judged cases we still fail: case id -> reason (strict xfail, so a fix shows up).
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


def exclusion(case: Case) -> str | None:
    if case.input in EXCLUDED:
        return EXCLUDED[case.input]
    return next((why for prefix, why in EXCLUDED_PREFIXES.items() if case.input.startswith(prefix)), None)


def expected_amounts(case: Case) -> list[tuple[str | None, float]]:
    out = []
    for r in case.results:
        value = r.resolution.get("value")
        if value is None:
            continue  # a currency name with no amount
        iso = r.resolution.get("isoCurrency") or UNIT_ISO.get(str(r.resolution.get("unit")))
        out.append((iso, spec_number(str(value), case.language)))
    return out


def found_amounts(case: Case) -> list[tuple[str, float | None]]:
    if case.language == "Chinese":
        spans = extract_money(to_simplified(case.input), "zh-Hans")
    else:
        spans = extract_money(case.input, "de")
    return [(s.currency, s.value) for s in spans]


def check(case: Case) -> bool:
    expected, found = expected_amounts(case), found_amounts(case)
    if len(expected) != len(found):
        return False
    return all(
        ec == fc and fv is not None and math.isclose(ev, fv, rel_tol=1e-9)
        for (ec, ev), (fc, fv) in zip(sorted(expected, key=repr), sorted(found, key=repr), strict=True)
    )


def _params():
    for filename in FILES:
        for case in load_cases(filename):
            reason = exclusion(case)
            known = KNOWN_FAILURES.get((filename, case.input))
            marks = []
            if reason is not None:
                marks = [pytest.mark.skip(reason=f"excluded: {reason}")]
            elif known:
                marks = [pytest.mark.xfail(strict=True, reason=known)]
            short = "zh" if filename == CHINESE else "de"
            yield pytest.param(case, id=f"{short}-{case.id}", marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_currency_case(case: Case):
    assert check(case), (case.input, expected_amounts(case), found_amounts(case))


def _rate(filename: str) -> PassRate:
    cases = [c for c in load_cases(filename) if exclusion(c) is None]
    return pass_rate(filename, check, excluded={}, cases=cases)


@pytest.mark.parametrize("filename", FILES)
def test_currency_pass_rate(filename: str):
    rate = _rate(filename)
    excluded = [c for c in load_cases(filename) if exclusion(c) is not None]
    print(f"\n{filename}: {rate.passed}/{rate.judged} judged cases passed = {rate.rate:.1%}; "
          f"{len(excluded)} excluded ({rate.passed}/{rate.judged + len(excluded)} = "
          f"{rate.passed / (rate.judged + len(excluded)):.1%} of all cases)")
    for c in excluded:
        print(f"  excluded {c.input[:40]!r}: {exclusion(c)}")
    if rate.failed_ids:
        print("  failed: " + ", ".join(rate.failed_ids))
    assert rate.rate >= MIN_PASS_RATE, rate.failed_ids


def test_every_exclusion_names_a_real_case():
    inputs = [c.input for f in FILES for c in load_cases(f)]
    for key in EXCLUDED:
        assert key in inputs, key
    for prefix in EXCLUDED_PREFIXES:
        assert any(i.startswith(prefix) for i in inputs), prefix


def test_local_copy_has_all_cases():
    assert len(load_cases(CHINESE)) == 35
    assert len(load_cases(GERMAN)) == 39
    assert (SPEC_DIR / "LICENSE").is_file()
