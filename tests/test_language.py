"""Language detection: scripts decide East Asian text (kana → ja), statistics the rest; unsupported → no claims."""
from __future__ import annotations

import ast
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extractors.article import process_document
from normalizers import script
from normalizers.script import detect_language

FIXTURES = Path(__file__).with_name("fixtures") / "language"
OTHER_LANGUAGES = [json.loads(line) for line in
                   (FIXTURES / "other_languages.jsonl").read_text(encoding="utf-8").splitlines()]

CASES = {
    # short German and Chinese news text, the pipeline's languages
    "de-sentence": ("Das Unternehmen hat 6 Millionen Dollar für das Training ausgegeben.", "de"),
    "de-headline": ("Wärmepumpen boomen trotz hoher Preise", "de"),
    # py3langid's two best are close (Luxembourgish, German): langdetect breaks the tie
    "de-near-tie-lb": ("Am Südufer des Walensees", "de"),
    "de-near-tie-da": ("Sieger der Tour de France", "de"),
    "de-all-capitals": ("NVIDIA KAUFT DAS START-UP FÜR 700 MILLIONEN DOLLAR", "de"),
    "zh-hans-short": ("英伟达H100售价约3万美元", "zh"),
    "zh-hant-short": ("據報導，該公司斥資新台幣50億元", "zh"),
    "zh-with-latin": ("新专辑《FunnyGirl》封面上有薛凯琪各种各样Funny的表情", "zh"),
    # Chinese that names a Japanese company in katakana is still Chinese
    "zh-quoting-katakana": ("日本索尼（ソニー）公司周二表示，将在未来三年内投资约一万亿日元，用于扩大图像传感器的产能，"
                            "并计划在熊本县新建一座工厂。", "zh"),
    # Japanese: kanji with kana, even where kanji dominate
    "ja-kanji-heavy-headline": ("東京株式市場、日経平均が大幅反落", "ja"),
    "ja-katakana-names": ("エヌビディアのH100は約550万円", "ja"),
    "ko": ("삼성전자는 반도체 부문에 50조 원을 투자한다", "ko"),
    "ko-with-hanja": ("韓國 정부는 인공지능 데이터센터에 대규모 예산을 편성했다", "ko"),
    "en": ("Nvidia said revenue from its data center business more than doubled.", "en"),
    "numbers-only": ("2024 12 31 100.000", "und"),
    "empty": ("   \n ", "und"),
    # a Chinese or Japanese article behind a long block of markup: the Latin letters are not the language
    "zh-after-markup": ("var config = {analytics: true, locale: 'zh-CN'};\n" * 120
                        + "英伟达公司周三公布的财报显示，其数据中心业务收入同比增长超过一倍。", "zh"),
    "ja-after-markup": ("var config = {analytics: true, locale: 'ja-JP'};\n" * 120
                        + "エヌビディアが発表した決算によると、データセンター事業の売上高は前年の二倍を超えた。", "ja"),
}


@pytest.mark.parametrize("text, language", CASES.values(), ids=CASES.keys())
def test_language(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("row", OTHER_LANGUAGES, ids=[f"{r['lang']}-{i}" for i, r in enumerate(OTHER_LANGUAGES)])
def test_other_languages_are_named_not_taken_for_german_or_chinese(row):
    assert detect_language(row["text"]) == row["lang"]


def test_a_japanese_article_is_ja_with_a_warning_and_no_claims():
    """Kanji with kana was read as Chinese and mined with Chinese rules (550万円 as money, H100 as hardware)."""
    result = process_document((FIXTURES / "ja_gpu_prices.md").read_bytes(), "ja_gpu_prices.md")
    assert result.document["language"] == "ja"
    assert result.document["script"] == "Jpan"
    assert result.claims == []
    assert result.document["money_claims"] == result.document["hardware_claims"] == 0
    assert "language 'ja' is not supported; no claims extracted" in result.document["warnings"]


def test_detection_is_the_same_in_threads_that_start_at_once():
    """Threads that detect at once while the models load (py3langid's, and langdetect's on a near tie) wait for one
    complete load and get the same answers as one thread."""
    texts = [CASES["de-sentence"][0], CASES["de-near-tie-lb"][0], CASES["en"][0]] * 4
    script._load_identifier.cache_clear()  # as in a fresh process
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(detect_language, texts))
    assert results == [detect_language(t) for t in texts] == ["de", "de", "en"] * 4


def test_no_private_attribute_of_a_library_is_used():
    """The detectors are used through their public API only (a private one may change in any release)."""
    tree = ast.parse(Path(script.__file__).read_text(encoding="utf-8"))
    imported = {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
    private = [f"{node.value.id}.{node.attr}" for node in ast.walk(tree)
               if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
               and node.value.id in imported and node.attr.startswith("_") and not node.attr.startswith("__")]
    private += [f"from {node.module} import {alias.name}" for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) for alias in node.names if alias.name.startswith("_")]
    assert not private
