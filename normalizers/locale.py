"""Per-locale vocabulary loaded from ``normalizers/locales/*.yaml`` (like dateparser's locale files)."""
from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from normalizers.script import to_simplified

LOCALE_DIR = Path(__file__).with_name("locales")
LOCALES = ("zh-Hans", "zh-Hant", "de")
# How text in a locale's ``matching_script`` is made from the article's text (one character for one, so offsets
# hold); a script not named here is matched as written.
TO_MATCHING_SCRIPT: dict[str, Callable[[str], str]] = {"Hans": to_simplified}


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``override`` into a copy of ``base``."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


@cache
def _raw(tag: str) -> dict[str, Any]:
    path = LOCALE_DIR / f"{tag}.yaml"
    if not path.is_file():
        raise KeyError(f"no locale data for {tag!r} (looked for {path})")
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
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


def languages() -> tuple[str, ...]:
    """The languages some locale file serves, in the order of LOCALES."""
    return tuple(dict.fromkeys(load_locale(tag)["language"] for tag in LOCALES))


def locale_tag(language: str, script: str | None) -> str:
    """The locale data tag for a detected language and script: ``language-Script`` where a file has that tag
    (``zh`` + ``Hant`` → ``zh-Hant``), else the language's own tag, else the file of the language that inherits
    from none (``zh`` + ``Hans`` → ``zh-Hans``, ``de`` + ``Latn`` → ``de``)."""
    for tag in (f"{language}-{script}", language):
        if tag in LOCALES:
            return tag
    for tag in LOCALES:
        if load_locale(tag)["language"] == language and not _raw(tag).get("inherits"):
            return tag
    raise KeyError(f"no locale data for language {language!r}")


def page_locale(lang: str, script: str) -> str:
    """The locale of a page's ``lang`` attribute (lower case) by the longest ``html_lang`` prefix of a locale file that
    it starts with (``zh-tw`` → ``zh-Hant``); for any other, the locale that inherits from none matching ``script``."""
    prefixes = [(prefix, tag) for tag in LOCALES for prefix in load_locale(tag).get("html_lang", [])
                if lang and lang.startswith(prefix)]
    if prefixes:
        return max(prefixes, key=lambda pair: len(pair[0]))[1]
    return next(tag for tag in LOCALES
                if load_locale(tag)["matching_script"] == script and not _raw(tag).get("inherits"))


def to_matching_script(text: str, tag: str) -> str:
    """``text`` as the extractors of locale ``tag`` match it (Chinese of either script in its Simplified form)."""
    convert = TO_MATCHING_SCRIPT.get(load_locale(tag)["matching_script"])
    return convert(text) if convert else text


@cache
def vocabulary(tag: str, section: str) -> dict[str, Any]:
    """The words of ``section`` (``hardware``, ``topics``, ``entities``) as matching in ``tag`` uses them.

    Matching reads every article of a language in one script (Chinese in Simplified), and the detected script
    does not tell which region's words an article uses: so the section pools the words of every locale of the
    language, in the order of LOCALES, converted to the matching script. A list of words (also in a table) adds
    the words it does not hold yet to the one before; any other value (a number, a pair) replaces it.
    """
    language = load_locale(tag)["language"]
    convert = TO_MATCHING_SCRIPT.get(load_locale(tag)["matching_script"], str)
    pooled: dict[str, Any] = {}
    for each in LOCALES:
        if load_locale(each)["language"] == language:
            pooled = _pool(pooled, _raw(each).get(section) or {}, convert)
    return pooled


def _pool(base: dict[str, Any], more: dict[str, Any], convert: Callable[[str], str]) -> dict[str, Any]:
    out = dict(base)
    for key, value in more.items():
        key = convert(key) if isinstance(key, str) else key
        if isinstance(value, list) and all(isinstance(w, str) for w in value):
            out[key] = list(dict.fromkeys([*out.get(key, []), *map(convert, value)]))
        elif isinstance(value, dict):
            out[key] = _pool(out.get(key) or {}, value, convert)
        else:
            out[key] = convert(value) if isinstance(value, str) else value
    return out
