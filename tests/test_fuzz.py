"""Property tests: no input makes the parsers, extractors or the per-document core raise, and spans index the text."""
from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.article import ArticleError, process_document
from extractors.cleaner import clean
from extractors.hardware import extract_hardware
from extractors.money import extract_money
from normalizers.numbers import parse_number

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LOCALES = ("zh-Hans", "zh-Hant", "de")

# Characters the grammars care about, so examples hit the interesting paths and not only random Unicode.
NUMBERISH = "0123456789０１２３.,， -+～~至到–—/^点分之又零〇一二两三四五六七八九十百千万亿萬億兆多余几数约近逾超过"
MONEYISH = (NUMBERISH + "美元人民币元港币台币欧元Euro Dollar US-$€¥￥Mrd.Millionen Milliarden Tausend "
            "每块张（）()。，；！？\n")
HWISH = (NUMBERISH + "块张台颗片英伟达NVIDIA Nvidia H100 H800 H20 A100 910B 昇腾华为GPU芯片 Grafikkarten "
         "Chips的（）()。\n")
ZH_SAMPLE = "据报道，该公司使用了2048块英伟达H800芯片，训练成本仅为557.6万美元。"
DE_SAMPLE = "Die Firma kaufte 10.000 Nvidia-H100-Chips für 1,6 Milliarden US-Dollar."


def _text(alphabet: str, max_size: int = 120) -> st.SearchStrategy[str]:
    pieces = st.one_of(st.text(alphabet=alphabet, max_size=12),
                       st.sampled_from([ZH_SAMPLE, DE_SAMPLE, "。", "\n", " "]))
    return st.one_of(st.text(max_size=max_size), st.text(alphabet=alphabet, max_size=max_size),
                     st.lists(pieces, max_size=12).map("".join))


@FUZZ
@given(text=_text(NUMBERISH, 40), locale=st.sampled_from(LOCALES))
def test_parse_number_returns_a_float_or_none(text, locale):
    value = parse_number(text, locale)
    assert value is None or isinstance(value, float)


@FUZZ
@given(text=_text(MONEYISH), locale=st.sampled_from(LOCALES), region=st.sampled_from([None, "TW", "HK"]))
def test_money_spans_lie_in_the_text(text, locale, region):
    spans = extract_money(text, locale, region if locale == "zh-Hant" else None)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.equivalent_of is None or 0 <= span.equivalent_of < len(spans)


@FUZZ
@given(text=_text(HWISH), locale=st.sampled_from(("zh-Hans", "de")))
def test_hardware_spans_lie_in_the_text(text, locale):
    for span in extract_hardware(text, locale):
        assert 0 <= span.start < span.end <= len(text)


HTMLISH = st.lists(st.one_of(
    st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<a href='x'>", "</a>", "<br>", "<nav>", "<!--", "-->",
                     "<script>", "</script>", "<h1>", "<table><tr><td>", "&amp;", "&#0;", "&#xD800;", "<", ">",
                     '<div class="share">', "<![CDATA[", "]]>", "<?xml?>", "<!DOCTYPE html>", ZH_SAMPLE, DE_SAMPLE]),
    st.text(max_size=20)), max_size=30).map("".join)


@FUZZ
@given(body=st.one_of(HTMLISH, _text(MONEYISH)), is_html=st.booleans(),
       title=st.one_of(st.none(), st.text(max_size=20)))
def test_cleaner_never_raises(body, is_html, title):
    cleaned = clean(body, is_html, title)
    assert isinstance(cleaned.text, str) and cleaned.dropped >= 0


RAW = st.one_of(
    st.binary(max_size=300),
    _text(MONEYISH + HWISH).map(lambda t: t.encode("utf-8")),
    _text(MONEYISH + HWISH).map(lambda t: t.encode("gb18030", errors="ignore")),
    _text(MONEYISH + HWISH).map(lambda t: t.encode("big5hkscs", errors="ignore")),
    _text(MONEYISH + HWISH).map(lambda t: t.encode("utf-16")),
    HTMLISH.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    st.tuples(st.text(max_size=40), _text(MONEYISH)).map(
        lambda p: f"---\n{p[0]}\n---\n{p[1]}".encode("utf-8", "replace")),
)


@FUZZ
@given(raw=RAW, name=st.sampled_from(["a.txt", "a.html", "a.md", "新闻 a.xhtml", "noext"]))
def test_process_document_spans_index_the_text(raw, name):
    try:
        result = process_document(raw, name)
    except ArticleError:
        return
    text = result.document["text"]
    assert result.document["chars"] == len(text)
    for claim in result.claims:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        for key in ("value", "low", "high"):
            assert claim[key] is None or isinstance(claim[key], (int, float))


@pytest.mark.parametrize("locale", LOCALES)
def test_parse_number_on_huge_digit_strings_does_not_raise(locale):
    for text in ("9" * 5000, "1" * 400 + "万亿", "1e999", "nan", "inf", "-" * 100, "1/0", "0^-1", "10^99999"):
        value = parse_number(text, locale)
        assert value is None or isinstance(value, float)
    # Not required by the contract, but an infinite amount would break the JSON outputs downstream.
    value = parse_number("9" * 5000, locale)
    assert value is None or isinstance(value, float) and (math.isfinite(value) or math.isinf(value))
