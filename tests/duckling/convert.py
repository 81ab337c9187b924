"""Convert Duckling's example corpora (Haskell lists of examples) into the JSON files beside this script.

    python -m tests.duckling.convert GIT_DIR [COMMIT]

``GIT_DIR`` is a clone of github.com/facebook/duckling (a bare one will do: the files are read with ``git
show``). Only the examples and their expected values are taken, never Duckling's code; README.md says how
Duckling's types map to ours. Standard library only.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPORA = {
    "AmountOfMoney-ZH.json": "Duckling/AmountOfMoney/ZH/Corpus.hs",
    "Numeral-ZH.json": "Duckling/Numeral/ZH/Corpus.hs",
    "Numeral-DE.json": "Duckling/Numeral/DE/Corpus.hs",
}
# One group: ``examples (EXPECTED) [ "input", ... ]``; the expected value holds at most one level of parentheses.
GROUP = re.compile(r"examples\s*\((?P<expected>(?:[^()]|\([^()]*\))*)\)\s*\[(?P<inputs>[^\]]*)\]", re.S)
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
NUMBER = r"\(?(-?[0-9.]+)\)?"
NUMERAL = re.compile(rf"NumeralValue\s+{NUMBER}$")
SIMPLE = re.compile(rf"simple\s+(\w+)\s+{NUMBER}$")
BOUND = re.compile(rf"(under|above)\s+(\w+)\s+{NUMBER}$")
BETWEEN = re.compile(r"between\s+(\w+)\s+\(\s*(-?[0-9.]+)\s*,\s*(-?[0-9.]+)\s*\)$")
# Duckling's ambiguous units in a Chinese corpus without a region: 元/块 (Dollar) and 分 (Cent) of the mainland.
ZH_BARE_CURRENCY = "CNY"
# ...except where the input names the unit by a Cantonese word, which only Hong Kong's dollar has: 蚊 (the dollar),
# 毫 (ten cents), 仙 (a cent). A reader of news takes 七蚊 for HK$7, not ¥7.
HK_UNIT_WORDS = re.compile("[蚊毫仙]")
HK_CURRENCY = "HKD"
CENTS_PER_UNIT = 100


def _number(text: str) -> int | float:
    value = Fraction(text)
    return int(value) if value.denominator == 1 else float(value)


def _currency(unit: str, amount: str) -> tuple[str, int | float]:
    """Duckling's unit and amount as an ISO code and an amount of that currency (5 Cent: 0.05 CNY)."""
    if unit == "Cent":
        return ZH_BARE_CURRENCY, _number(str(Fraction(amount) / CENTS_PER_UNIT))
    if unit == "Dollar":
        return ZH_BARE_CURRENCY, _number(amount)
    if re.fullmatch(r"[A-Z]{3}", unit):
        return unit, _number(amount)
    raise ValueError(f"no ISO code for Duckling's unit {unit!r}")


def expected(text: str) -> dict[str, Any]:
    """Duckling's expected value (``simple Cent 5``) as the fields of one JSON group."""
    text = " ".join(text.split())
    if m := NUMERAL.match(text):
        return {"value": _number(m[1])}
    if m := SIMPLE.match(text):
        currency, value = _currency(m[1], m[2])
        return {"currency": currency, "value": value}
    if m := BOUND.match(text):
        currency, value = _currency(m[2], m[3])
        return {"currency": currency, "max" if m[1] == "under" else "min": value}
    if m := BETWEEN.match(text):
        currency, low = _currency(m[1], m[2])
        return {"currency": currency, "min": low, "max": _currency(m[1], m[3])[1]}
    raise ValueError(f"unknown Duckling value: {text!r}")


def convert(source: str) -> list[dict[str, Any]]:
    groups = []
    for m in GROUP.finditer(source):
        duckling = " ".join(m["expected"].split())
        inputs = [json.loads(f'"{s}"') for s in STRING.findall(m["inputs"])]
        group: dict[str, Any] = {"duckling": duckling, **expected(duckling), "inputs": inputs}
        if group.get("currency") == ZH_BARE_CURRENCY and duckling.split()[1] in {"Dollar", "Cent"}:
            hk = {text: HK_CURRENCY for text in inputs if HK_UNIT_WORDS.search(text)}
            if hk:
                group["currency_of_input"] = hk
        groups.append(group)
    return groups


def main(argv: list[str]) -> int:
    git_dir, commit = argv[1], argv[2] if len(argv) > 2 else "HEAD"
    for name, path in CORPORA.items():
        source = subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
                                check=True, capture_output=True, text=True).stdout
        groups = convert(source)
        (HERE / name).write_text(json.dumps(groups, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{name}: {len(groups)} groups, {sum(len(g['inputs']) for g in groups)} inputs from {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
