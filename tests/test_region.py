"""Which region a Traditional-script article is from (its bare 元 is TWD or HKD), when it names no currency word.

Each row: an article's text as published, and the region its marker words (``regions:`` of zh-Hant.yaml) give,
or None where they do not tell. The text is matched in its Simplified form, as the pipeline does.
"""
from __future__ import annotations

import pytest

from extractors.article import region_of
from normalizers.script import to_simplified

CASES = [
    pytest.param("台積電今日召開法說會，營收創新高，外資看好台股後市。", "TW", id="tw-institutions"),
    pytest.param("輝達執行長黃仁勳表示，資料中心營收強勁，人工智慧需求透過雲端擴大。", "TW", id="tw-vocabulary"),
    pytest.param("川普政府宣布新的晶片出口管制。", "TW", id="tw-trump-spelling"),
    pytest.param("英偉達行政總裁黃仁勳表示，數據中心收入按年增長。", "HK", id="hk-vocabulary"),
    pytest.param("港股早段高開，恒指收報25999點。", "HK", id="hk-market"),
    pytest.param("特朗普政府宣布新的晶片出口管制，集團溢利按年增長。", "HK", id="hk-trump-spelling"),
    # One outlet's spelling repeated many times is one cue: a Hong Kong channel writing 輝達 throughout.
    pytest.param("輝達輝達輝達輝達的H20晶片。特朗普政府批出許可，行政總裁親赴白宮。", "HK",
                 id="hk-distinct-markers-win"),
    pytest.param("該公司發布了新產品。", None, id="none-no-markers"),
    pytest.param("台北與香港兩地", None, id="none-tie"),
]


@pytest.mark.parametrize("text, region", CASES)
def test_region_of(text: str, region: str | None) -> None:
    assert region_of(to_simplified(text), "zh-Hant") == region
