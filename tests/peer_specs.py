"""Load the Microsoft Recognizers-Text spec files in ``shared/peer-specs`` and score a parser on them.

The loader knows nothing about numbers or money: a test module passes a ``check(case) -> bool``
and gets a per-file pass rate back, so the currency specs can reuse it with their own check.
Cases are excluded only with a written reason (``EXCLUDED``); everything else counts.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The four spec files are vendored (MIT) in tests/recognizers_text; NEWSCLAIMS_PEER_SPECS points elsewhere.
SPEC_DIR = Path(
    os.environ.get("NEWSCLAIMS_PEER_SPECS", Path(__file__).with_name("recognizers_text"))
)

# Recognizers-Text writes resolution values in the culture's own notation ("2000,352" in German).
DECIMAL_COMMA_LANGUAGES = frozenset({"German", "French", "Spanish", "Portuguese", "Italian", "Dutch", "Swedish"})
SPEC_LANGUAGE = re.compile(r"^[A-Za-z]+-(?P<language>[A-Za-z]+)-")
ID_UNSAFE = re.compile(r"[\s\[\]]+")
ID_LENGTH = 24
ID_VALUES = 3

# Cases left out of the pass rate, by their exact ``Input``, each with the reason why: where the
# library's convention differs from how news text is read. Keys apply to every spec file, so a
# currency module can add its own with ``excluded=`` without touching this one.
EXCLUDED: dict[str, str] = {
    # 几 (幾) is an unknown digit. Recognizers-Text resolves 二十几万 to its floor (200000); news
    # figures keep it vague, so parse_zh gives the range 21万..29万 and no point value.
    "二十几万": "几 is an unknown digit: we return the range 210000..290000 (vague), RT its floor 200000",
    "一百零几万": "几 is an unknown digit: we return the range 1010000..1090000 (vague), RT its floor 1000000",
    "一千五百零几万": "几 is an unknown digit: we return the range 15010000..15090000 (vague), RT its floor 15000000",
    "一百 二 十 几亿": "几 is an unknown digit: we return the range 121亿..129亿 (vague), RT its floor 120亿",
    "二十幾萬": "幾 is an unknown digit: we return the range 210000..290000 (vague), RT its floor 200000",
    "壹百零幾萬": "幾 is an unknown digit: we return the range 1010000..1090000 (vague), RT its floor 1000000",
    "壹千五百零幾萬": "幾 is an unknown digit: we return the range 15010000..15090000 (vague), RT its floor 15000000",
    "壹百 二 十 幾億": "幾 is an unknown digit: we return the range 121億..129億 (vague), RT its floor 120億",
}


@dataclass(frozen=True)
class Expected:
    """One span the spec expects: its text, type and resolution (``End`` is inclusive)."""

    text: str
    type_name: str
    resolution: Mapping[str, Any]
    start: int
    end: int

    @property
    def value(self) -> str | None:
        value = self.resolution.get("value")
        return None if value is None else str(value)


@dataclass(frozen=True)
class Case:
    """One spec case: an input and the spans a recognizer should find in it."""

    filename: str
    index: int
    input: str
    results: tuple[Expected, ...]
    not_supported: str = ""
    comment: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def language(self) -> str:
        m = SPEC_LANGUAGE.match(self.filename)
        return m["language"] if m else ""

    @property
    def id(self) -> str:
        """A readable pytest id: position, the input truncated, and the expected values.

        pytest shows non-ASCII ids escaped (\\u4e07), so the ASCII values keep Chinese ids legible.
        """
        text = ID_UNSAFE.sub("_", self.input.strip())[:ID_LENGTH] or "empty"
        values = [e.value or "?" for e in self.results[:ID_VALUES]]
        more = "..." if len(self.results) > ID_VALUES else ""
        return f"{self.index:03d}-{text}->{','.join(values) + more if values else 'none'}"


def spec_path(filename: str) -> Path:
    return SPEC_DIR / filename


def specs_available(filename: str) -> bool:
    return spec_path(filename).is_file()


@cache
def load_cases(filename: str) -> tuple[Case, ...]:
    """Every case of one spec file, in file order (the files start with a BOM: utf-8-sig)."""
    with spec_path(filename).open(encoding="utf-8-sig") as fh:
        data = json.load(fh)
    cases = []
    for index, item in enumerate(data):
        results = tuple(
            Expected(
                text=str(r.get("Text", "")),
                type_name=str(r.get("TypeName", "")),
                resolution=r.get("Resolution") or {},
                start=int(r.get("Start", -1)),
                end=int(r.get("End", -1)),
            )
            for r in item.get("Results", [])
        )
        cases.append(
            Case(
                filename=filename,
                index=index,
                input=str(item["Input"]),
                results=results,
                not_supported=str(item.get("NotSupported", "") or item.get("NotSupportedByDesign", "")),
                comment=str(item.get("Comment", "")),
                raw=item,
            )
        )
    return tuple(cases)


def spec_number(value: str, language: str) -> float:
    """A resolution value as a float: ``2000,352`` in a decimal-comma language, ``5E-06`` anywhere."""
    text = value.strip()
    if language in DECIMAL_COMMA_LANGUAGES:
        text = text.replace(".", "").replace(",", ".")
    return float(text)


def excluded_reason(case: Case, excluded: Mapping[str, str] = EXCLUDED) -> str | None:
    """Why ``case`` is left out of the pass rate, or None when it counts."""
    return excluded.get(case.input)


@dataclass(frozen=True)
class PassRate:
    filename: str
    passed: int
    judged: int
    excluded: int
    failed_ids: tuple[str, ...]

    @property
    def rate(self) -> float:
        return self.passed / self.judged if self.judged else 0.0

    @property
    def total(self) -> int:
        return self.judged + self.excluded

    @property
    def rate_of_all(self) -> float:
        """Passed over every case, excluded ones counted as failures: the strict figure."""
        return self.passed / self.total if self.total else 0.0

    def summary(self) -> str:
        return (
            f"{self.filename}: {self.passed}/{self.judged} passed = {self.rate:.1%} "
            f"({self.excluded} excluded; {self.passed}/{self.total} = {self.rate_of_all:.1%} of all cases)"
        )


def pass_rate(
    filename: str,
    check: Callable[[Case], bool],
    excluded: Mapping[str, str] = EXCLUDED,
    cases: Iterable[Case] | None = None,
) -> PassRate:
    """Run ``check`` on every non-excluded case of ``filename``; an exception counts as a failure."""
    passed = judged = skipped = 0
    failed: list[str] = []
    for case in load_cases(filename) if cases is None else cases:
        if excluded_reason(case, excluded) is not None:
            skipped += 1
            continue
        judged += 1
        try:
            ok = check(case)
        except Exception:  # noqa: BLE001 - a crashing parser fails the case, it does not stop the tally
            ok = False
        if ok:
            passed += 1
        else:
            failed.append(case.id)
    return PassRate(filename, passed, judged, skipped, tuple(failed))
