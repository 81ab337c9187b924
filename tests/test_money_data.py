"""Money vocabulary is data: a new currency word works from the locale file alone, and every ISO code the
locale files name either converts to US dollars or says plainly why it cannot."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

import extractors.money as money
import normalizers.locale as locale
import normalizers.numbers as numbers
from extractors.article import process_document
from normalizers.currency import FxError, usd_rate
from normalizers.script import to_simplified

CACHED = (locale._raw, locale.load_locale, locale.vocabulary, money.grammar, numbers._zh_vocab, numbers._de_vocab,
          numbers.parse_zh, numbers.parse_de)


def _clear_caches() -> None:
    for func in CACHED:
        func.cache_clear()


@pytest.fixture
def locale_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A writable copy of the locale files, in use until the test ends."""
    copy = tmp_path / "locales"
    shutil.copytree(locale.LOCALE_DIR, copy)
    monkeypatch.setattr(locale, "LOCALE_DIR", copy)
    _clear_caches()
    yield copy
    monkeypatch.undo()
    _clear_caches()


def _add(path: Path, section: str, words: dict[str, str]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["money"][section].update(words)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("tag, section, word, text", [
    ("zh-Hans", "currency_after", {"文莱元": "BND"}, "投资500万文莱元"),
    ("zh-Hans", "currency_before", {"B$": "BND"}, "售价B$300"),
    ("de", "currency_after", {"Brunei-Dollar": "BND"}, "500 Millionen Brunei-Dollar"),
])
def test_a_currency_word_is_a_data_change(locale_copy: Path, tag, section, word, text):
    assert all(s.currency != "BND" for s in money.extract_money(text, tag))
    _add(locale_copy / f"{tag}.yaml", section, word)
    _clear_caches()
    spans = money.extract_money(text, tag)
    assert [s.currency for s in spans] == ["BND"]


def test_a_traditional_currency_word_reaches_zh_hant_through_simplified_data(locale_copy: Path):
    _add(locale_copy / "zh-Hans.yaml", "currency_after", {"文莱元": "BND"})
    _clear_caches()
    assert [s.currency for s in money.extract_money(to_simplified("投資500萬文萊元"), "zh-Hant")] == ["BND"]


def _iso_codes() -> set[str]:
    codes = set()
    for tag in locale.LOCALES:
        data = locale.load_locale(tag)["money"]
        codes |= set(data["currency_after"].values()) | set(data["currency_before"].values())
    return codes


@pytest.mark.parametrize("code", sorted(_iso_codes()))
def test_every_currency_converts_or_says_why_not(code: str):
    try:
        rate = usd_rate(code, dt.date(2025, 6, 2))
    except FxError as exc:
        assert code in str(exc)
    else:
        assert rate.per_usd > 0 and rate.date <= dt.date(2025, 6, 2)


def test_a_currency_with_no_rate_gives_a_claim_without_usd():
    text = "---\ntitle: t\ndate: 2025-06-02\n---\n越南政府追加5万亿越南盾预算，另有罚款300万卢布。\n"
    claims = [c for c in process_document(text.encode(), "vnd.md").claims if c["kind"] == "money"]
    assert [(c["currency"], c["usd_value"]) for c in claims] == [("VND", None), ("RUB", None)]
    assert "VND has no ECB reference rate" in claims[0]["fx_source"]
    assert "stopped publishing RUB" in claims[1]["fx_source"]


def test_a_currency_with_a_rate_gives_usd():
    text = "---\ntitle: t\ndate: 2025-06-02\n---\n泰国投资100亿泰铢建设数据中心。\n"
    [claim] = [c for c in process_document(text.encode(), "thb.md").claims if c["kind"] == "money"]
    assert claim["currency"] == "THB" and 250_000_000 < claim["usd_value"] < 350_000_000


@pytest.mark.parametrize(("text", "values"), [
    pytest.param("真正让华为站稳脚跟的，是超节点算力集群的硬实力。华为计算产品线负责人2日表示，截至2026年初，该集群已累计"
                 "交付550套，以单套人民币1.5亿元均价计算，撬动超人民币800", [1.5e8],
                 id="zh-cut-mid-figure"),
    pytest.param("Nvidia verkaufte Chips für 4 Milliarden Dollar, der Umsatz stieg auf USD 12", [4e9],
                 id="de-cut-mid-figure"),
    pytest.param("真正让华为站稳脚跟的，是超节点算力集群的硬实力。华为计算产品线负责人2日表示，截至2026年初，该集群已累计"
                 "交付550套，以单套均价计算，撬动超人民币800亿元", [8e10],
                 id="zh-ends-on-unit"),
    pytest.param("Der Umsatz stieg auf 12 Milliarden Dollar", [12e9], id="de-ends-on-unit"),
])
def test_an_article_cut_off_mid_figure_loses_only_that_figure(text, values):
    """An excerpt or truncated dump that stops mid-figure: the cut figure is no amount; one ending on its unit is.
    (The last line is long enough to be read as text: a short line ending with no mark is furniture.)"""
    page = f"url: https://example.com/a\ntitle: t\n\n{text}\n"
    claims = process_document(page.encode(), "cut.txt").claims
    assert [c["value"] for c in claims if c["kind"] == "money"] == values
