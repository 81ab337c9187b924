"""Per-locale vocabulary loaded from ``normalizers/locales/*.yaml`` (like dateparser's locale files)."""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LOCALE_DIR = Path(__file__).with_name("locales")
LOCALES = ("zh-Hans", "zh-Hant", "de")


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``override`` into a copy of ``base``."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


@lru_cache(maxsize=None)
def _raw(tag: str) -> dict[str, Any]:
    path = LOCALE_DIR / f"{tag}.yaml"
    if not path.is_file():
        raise KeyError(f"no locale data for {tag!r} (looked for {path})")
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=None)
def load_locale(tag: str, region: str | None = None) -> dict[str, Any]:
    """The merged vocabulary of ``tag`` (following ``inherits``), with a region's overrides."""
    data = _raw(tag)
    parent = data.get("inherits")
    merged = _merge(load_locale(parent), data) if parent else copy.deepcopy(data)
    if region:
        merged = _merge(merged, data.get("region_overrides", {}).get(region, {}))
    merged["locale"] = tag
    merged["region"] = region
    return merged


def locale_tag(language: str, script: str | None) -> str:
    """The locale data tag for a detected language and script (``zh`` + ``Hant`` → ``zh-Hant``)."""
    if language == "zh":
        return "zh-Hant" if script == "Hant" else "zh-Hans"
    if language in LOCALES:
        return language
    raise KeyError(f"no locale data for language {language!r}")
