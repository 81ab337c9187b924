"""Hardware mentions (issue "Hardware mentions"): one table of positive and negative forms.

Each case: locale, text as published (zh-Hant is converted with ``to_simplified`` first, as the
pipeline does), and the expected (vendor, model, count, count_low, count_high, count_qualifier)
tuples in text order. An empty list means no claim at all.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extractors.hardware import CATALOGUE, PATTERNS, build_nlp, extract_hardware
from normalizers.script import to_simplified

NV, AMD, HW = "NVIDIA", "AMD", "Huawei"


def n(vendor, model, count=None, qualifier=None):
    return (vendor, model, count, None, None, qualifier)


def rng(vendor, model, low, high, qualifier="range"):
    return (vendor, model, None, low, high, qualifier)


def gap(locale, text, expected, reason):
    return pytest.param(locale, text, expected, marks=pytest.mark.xfail(strict=True, reason=reason))


CASES = {
    # --- catalogue models with counts and classifiers -------------------------------------------
    "zh-a100-kuai": ("zh-Hans", "该公司采购了2048块A100", [n(NV, "A100", 2048)]),
    "zh-a800-wan-chip": ("zh-Hans", "部署了1万块A800芯片", [n(NV, "A800", 10000)]),
    "zh-h100-kuai": ("zh-Hans", "训练使用了2000块H100", [n(NV, "H100", 2000)]),
    "hant-h800-kuai": ("zh-Hant", "使用了2048塊H800", [n(NV, "H800", 2048)]),
    "zh-h20-approx-wan-zhang": ("zh-Hans", "囤积了约5万张H20", [n(NV, "H20", 50000, "approx")]),
    "zh-h200-ke": ("zh-Hans", "购买了3000颗H200", [n(NV, "H200", 3000)]),
    "zh-b200-servers-named": ("zh-Hans", "订购了1000台B200服务器", [n(NV, "B200")]),
    "zh-b100-pian": ("zh-Hans", "计划采购500片B100", [n(NV, "B100", 500)]),
    "zh-gb200-kuai": ("zh-Hans", "部署了72块GB200", [n(NV, "GB200", 72)]),
    "zh-gb300-ge": ("zh-Hans", "订购了1000个GB300", [n(NV, "GB300", 1000)]),
    "zh-l40s-zhang": ("zh-Hans", "租用了800张L40S", [n(NV, "L40S", 800)]),
    "zh-v100-mei": ("zh-Hans", "拥有1万枚V100", [n(NV, "V100", 10000)]),
    "zh-rtx4090-space": ("zh-Hans", "用了8张RTX 4090", [n(NV, "RTX 4090", 8)]),
    "zh-rtx4090-nospace-card": ("zh-Hans", "使用了8张RTX4090显卡", [n(NV, "RTX 4090", 8)]),
    "hant-h100-ge": ("zh-Hant", "購入了500個H100", [n(NV, "H100", 500)]),
    "hant-h20-ke": ("zh-Hant", "出貨3000顆H20", [n(NV, "H20", 3000)]),
    "hant-a100-zhang": ("zh-Hant", "採購了800張A100", [n(NV, "A100", 800)]),
    "zh-blackwell-million": ("zh-Hans", "英伟达卖出了100万块Blackwell", [n(NV, "Blackwell", 1000000)]),
    "zh-dgx-h100-tai": ("zh-Hans", "200台DGX H100", [n(NV, "DGX H100", 200)]),
    "zh-two-counts": ("zh-Hans", "2000块H100和1000块H800", [n(NV, "H100", 2000), n(NV, "H800", 1000)]),
    "zh-comma-grouped": ("zh-Hans", "1,000块H100", [n(NV, "H100", 1000)]),
    # AMD, Huawei, Google, Intel, Cambricon
    "zh-amd-mi250x": ("zh-Hans", "使用了4000块AMD MI250X", [n(AMD, "MI250X", 4000)]),
    "zh-mi300x-wan": ("zh-Hans", "采购了2万块MI300X", [n(AMD, "MI300X", 20000)]),
    "zh-mi325x": ("zh-Hans", "部署了1000块MI325X", [n(AMD, "MI325X", 1000)]),
    "zh-chaowei-mi355x": ("zh-Hans", "部署了1000张超微MI355X", [n(AMD, "MI355X", 1000)]),
    "zh-huawei-910b": ("zh-Hans", "使用了2000块华为昇腾910B", [n(HW, "Ascend 910B", 2000)]),
    "hant-huawei-910b": ("zh-Hant", "使用了2000塊華為昇騰910B", [n(HW, "Ascend 910B", 2000)]),
    "zh-910c-ke": ("zh-Hans", "采购了1万颗910C", [n(HW, "Ascend 910C", 10000)]),
    "zh-ascend-named": ("zh-Hans", "使用了昇腾芯片", [n(HW, "Ascend")]),
    "hant-ascend-named": ("zh-Hant", "採用昇騰晶片", [n(HW, "Ascend")]),
    "zh-huawei-de-910c-named": ("zh-Hans", "华为的昇腾910C", [n(HW, "Ascend 910C")]),
    "zh-tpu-v5e": ("zh-Hans", "使用了4096块TPU v5e", [n("Google", "TPU v5e", 4096)]),
    "zh-tpu-v5p": ("zh-Hans", "使用了8960块TPU v5p", [n("Google", "TPU v5p", 8960)]),
    "zh-trillium": ("zh-Hans", "使用了1万块Trillium", [n("Google", "Trillium", 10000)]),
    "zh-gaudi2": ("zh-Hans", "使用了1000块Gaudi 2", [n("Intel", "Gaudi 2", 1000)]),
    "zh-gaudi3": ("zh-Hans", "使用了1000块Gaudi 3", [n("Intel", "Gaudi 3", 1000)]),
    "zh-cambricon-mlu370": ("zh-Hans", "采购了5000片寒武纪MLU370", [n("Cambricon", "MLU370", 5000)]),
    "zh-cambricon-mlu-named": ("zh-Hans", "寒武纪MLU芯片", [n("Cambricon", "MLU")]),
    # architectures and named models without a count
    "zh-hopper-named": ("zh-Hans", "基于Hopper架构", [n(NV, "Hopper")]),
    "zh-blackwell-named": ("zh-Hans", "Blackwell架构的芯片", [n(NV, "Blackwell")]),
    "zh-ampere-named": ("zh-Hans", "Ampere架构", [n(NV, "Ampere")]),
    "hant-huida-h100-named": ("zh-Hant", "輝達H100晶片", [n(NV, "H100")]),
    "hant-yingweida-h20-named": ("zh-Hant", "英偉達H20", [n(NV, "H20")]),
    "zh-huida-h20-named": ("zh-Hans", "辉达H20", [n(NV, "H20")]),
    "zh-two-named": ("zh-Hans", "英伟达A100和H100", [n(NV, "A100"), n(NV, "H100")]),
    "zh-price-named-model": ("zh-Hans", "英伟达H100的价格为3万美元", [n(NV, "H100")]),
    "zh-rack-named-gb200": ("zh-Hans", "GB200 NVL72机柜", [n(NV, "GB200")]),
    # Chinese numerals, scales, ranges, qualifiers
    "zh-numeral-yiwan": ("zh-Hans", "一万块H800", [n(NV, "H800", 10000)]),
    "zh-numeral-liangqian": ("zh-Hans", "两千块H100", [n(NV, "H100", 2000)]),
    "hant-1.6wan-zhang": ("zh-Hant", "1.6萬張H100", [n(NV, "H100", 16000)]),
    "zh-24wan-gpu": ("zh-Hans", "24万块GPU", [n(None, "GPU", 240000)]),
    "zh-range-tilde": ("zh-Hans", "2000～3000块H800", [rng(NV, "H800", 2000, 3000)]),
    "zh-range-zhi": ("zh-Hans", "2000至3000块GPU", [rng(None, "GPU", 2000, 3000)]),
    "zh-approx-yue": ("zh-Hans", "约2万块H100", [n(NV, "H100", 20000, "approx")]),
    "zh-over-yu": ("zh-Hans", "逾10万块GPU", [n(None, "GPU", 100000, "over")]),
    "zh-over-chaoguo": ("zh-Hans", "超过1万块H100", [n(NV, "H100", 10000, "over")]),
    "zh-yishang": ("zh-Hans", "1万块以上H100", [n(NV, "H100", 10000, "at_least")]),
    "zh-yishang-de": ("zh-Hans", "1万张以上的A100", [n(NV, "A100", 10000, "at_least")]),
    "hant-1.6wan-yishang-gpu": ("zh-Hant", "1.6萬張以上GPU", [n(None, "GPU", 16000, "at_least")]),
    "zh-duo-after-wan": ("zh-Hans", "2万多块H100", [n(NV, "H100", 20000, "over")]),
    "zh-duo-before-classifier": ("zh-Hans", "2000多张A100", [n(NV, "A100", 2000, "over")]),
    "zh-numeral-duo": ("zh-Hans", "五百多块H100", [n(NV, "H100", 500, "over")]),
    "zh-yu-before-wan": ("zh-Hans", "10余万块GPU", [n(None, "GPU", 100000, "over")]),
    "zh-plus": ("zh-Hans", "10000+块GPU", [n(None, "GPU", 10000, "at_least")]),
    "zh-vague-shuwan": ("zh-Hans", "数万块GPU", [rng(None, "GPU", 10000, 100000, "approx")]),
    "zh-vague-shuqian": ("zh-Hans", "数千张H100", [rng(NV, "H100", 1000, 10000, "approx")]),
    # words between the count and the model
    "zh-modifier-dipeiban": ("zh-Hans", "2048块英伟达中国市场低配版H800", [n(NV, "H800", 2048)]),
    "zh-parenthesised-vendors": ("zh-Hans", "一万块英伟达（Nvidia，辉达）的A100 GPU", [n(NV, "A100", 10000)]),
    "zh-vendor-model-chip": ("zh-Hans", "512块英伟达H800芯片", [n(NV, "H800", 512)]),
    "zh-model-then-gpu": ("zh-Hans", "2048块H800 GPU", [n(NV, "H800", 2048)]),
    "hant-comparison-de": ("zh-Hant", "2048塊性能遠低於H100與Blackwell的H800芯片",
                           [n(NV, "H800", 2048), n(NV, "H100"), n(NV, "Blackwell")]),
    "zh-list-first-counted": ("zh-Hans", "2万张A100、H100", [n(NV, "A100", 20000), n(NV, "H100")]),
    # generic counts
    "zh-generic-gpu-chip": ("zh-Hans", "2000个GPU芯片", [n(None, "GPU", 2000)]),
    "zh-generic-xianka": ("zh-Hans", "2048块显卡", [n(None, "GPU", 2048)]),
    "zh-generic-vendor-chip": ("zh-Hans", "5万块英伟达芯片", [n(None, "chip", 50000)]),
    "zh-generic-clause-end": ("zh-Hans", "训练用了2048块GPU，耗时两个月", [n(None, "GPU", 2048)]),
    "zh-count-after-noun": ("zh-Hans", "GPU数量达到1万块", [n(None, "GPU", 10000)]),
    # German
    "de-2048-gpus": ("de", "Das Modell wurde mit 2.048 GPUs trainiert.", [n(None, "GPU", 2048)]),
    "de-rund-nvidia-h100-chips": ("de", "Das Start-up nutzte rund 4.000 Nvidia-H100-Chips.", [n(NV, "H100", 4000, "approx")]),
    "de-mehr-als": ("de", "mehr als 10.000 GPUs", [n(None, "GPU", 10000, "over")]),
    "de-nur-2048": ("de", "DeepSeek brauchte nur 2048 GPUs.", [n(None, "GPU", 2048)]),
    "de-h100-bare": ("de", "Meta setzt 24.000 H100 ein.", [n(NV, "H100", 24000)]),
    "de-nvidia-h800": ("de", "2.048 Nvidia H800", [n(NV, "H800", 2048)]),
    "de-a100-grafikprozessoren": ("de", "10.000 A100-Grafikprozessoren", [n(NV, "A100", 10000)]),
    "de-h100-gpus": ("de", "mit 100.000 H100-GPUs", [n(NV, "H100", 100000)]),
    "de-ueber-beschleuniger": ("de", "über 20.000 Beschleuniger", [n(None, "chip", 20000, "over")]),
    "de-etwa-ki-chips": ("de", "etwa 1.000 KI-Chips", [n(None, "chip", 1000, "approx")]),
    "de-range-bis": ("de", "20.000 bis 30.000 GPUs", [rng(None, "GPU", 20000, 30000)]),
    "de-mindestens-h20": ("de", "mindestens 5000 H20-Chips", [n(NV, "H20", 5000, "at_least")]),
    "de-amd-mi300x-compound": ("de", "Mit 10.000 AMD-MI300X-Beschleunigern", [n(AMD, "MI300X", 10000)]),
    "de-millionen-h100": ("de", "10 Millionen H100", [n(NV, "H100", 10000000)]),
    "de-price-then-count": ("de", "Für 5,6 Millionen Dollar wurden 2.048 H800 genutzt.", [n(NV, "H800", 2048)]),
    "de-huawei-ascend-named": ("de", "Huawei Ascend 910C", [n(HW, "Ascend 910C")]),
    "de-google-tpu-named": ("de", "Google TPU v5p", [n("Google", "TPU v5p")]),
    "de-intel-gaudi-named": ("de", "Intel Gaudi 3", [n("Intel", "Gaudi 3")]),
    "de-nvidias-h20-chip": ("de", "Nvidias H20-Chip", [n(NV, "H20")]),
    "de-rack-named-gb200": ("de", "ein Nvidia-Rack GB200 NVL72", [n(NV, "GB200")]),
    "de-vom-typ": ("de", "rund 50.000 Nvidia-Chips vom Typ H800", [n(NV, "H800", 50000, "approx")]),
    # --- negatives: no claim at all ------------------------------------------------------------
    "neg-zh-experts": ("zh-Hans", "使用了256个专家", []),
    "neg-zh-layers": ("zh-Hans", "模型共有61层", []),
    "neg-zh-parameters": ("zh-Hans", "6710亿个参数", []),
    "neg-zh-gpu-hours": ("zh-Hans", "总训练成本为278.8万GPU小时", []),
    "neg-zh-gpu-hours-classifier": ("zh-Hans", "278.8万个GPU小时", []),
    "neg-zh-price": ("zh-Hans", "售价为3万美元", []),
    "neg-zh-per-unit-price": ("zh-Hans", "每块H100售价3万美元", []),
    "neg-zh-single-card": ("zh-Hans", "单卡H100", []),
    "neg-hant-single-zhang": ("zh-Hant", "單張H100售價", []),
    "neg-hant-per-kuai": ("zh-Hant", "每塊H100要價3萬美元", []),
    "neg-zh-one-unit-price": ("zh-Hans", "1块H20的价格", []),
    "neg-zh-rack-alone": ("zh-Hans", "NVL72", []),
    "neg-zh-generic-no-count": ("zh-Hans", "英伟达AI GPU", []),
    "neg-de-neural-nets": ("de", "256 neuronale Netze", []),
    "neg-de-neural-nets-dative": ("de", "mit 256 neuronalen Netzen", []),
    "neg-de-experts": ("de", "256 Experten", []),
    "neg-de-params-layers": ("de", "das Modell hat 671 Milliarden Parameter und 61 Schichten", []),
    "neg-de-gpu-hours": ("de", "2,788 Millionen GPU-Stunden", []),
    "neg-de-einer-h100-price": ("de", "Der Preis einer H100 liegt bei 30.000 Dollar.", []),
    "neg-de-pro-h100": ("de", "pro H100 zahlt man 25.000 Dollar", []),
    "neg-de-je-gpus-pro-server": ("de", "je 8 GPUs pro Server", []),
    "neg-de-one-gpu": ("de", "1 GPU", []),
    "neg-de-die-chips": ("de", "die Chips", []),
    "neg-de-rack-alone": ("de", "NVL72", []),
}

GAPS = {
    "gap-zh-shangwan": gap("zh-Hans", "上万块GPU", [n(None, "GPU", 10000, "at_least")],
                           "上万 is read as exactly 10000: 上 is no qualifier yet"),
    "gap-zh-ka-noun": gap("zh-Hans", "1万张卡", [n(None, "GPU", 10000)],
                          "卡 alone (card) is not a generic noun: too ambiguous (信用卡)"),
    "gap-zh-wanka-cluster": gap("zh-Hans", "万卡集群", [n(None, "GPU", 10000)],
                                "万卡集群 (10,000-card cluster) has no classifier"),
}


@pytest.mark.parametrize(("locale", "text", "expected"),
                         [pytest.param(*case, id=cid) for cid, case in CASES.items()] + [
                             pytest.param(*p.values, marks=p.marks, id=cid) for cid, p in GAPS.items()])
def test_hardware_case(locale, text, expected):
    matching = to_simplified(text) if locale.startswith("zh") else text
    got = [(h.vendor, h.model, h.count, h.count_low, h.count_high, h.count_qualifier)
           for h in extract_hardware(matching, locale)]
    assert got == expected


def test_table_is_large_enough():
    positives = [c for c in CASES.values() if c[2]]
    negatives = [c for c in CASES.values() if not c[2]]
    assert len(positives) + len(negatives) >= 80 and len(negatives) >= 20
    assert {c[0] for c in CASES.values()} == {"zh-Hans", "zh-Hant", "de"}


def test_new_catalogue_model_needs_no_code_change(tmp_path: Path):
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    data["vendors"]["Acme"] = ["Acme", "艾克米"]
    data["models"].append({"model": "X9000", "vendor": "Acme", "aliases": ["X9000", "艾克米X9000"]})
    catalogue = tmp_path / "hardware.yaml"
    catalogue.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    pipeline = build_nlp(catalogue, PATTERNS)

    got = extract_hardware("该公司采购了3000块X9000", "zh-Hans", pipeline=pipeline)
    assert [(h.vendor, h.model, h.count) for h in got] == [("Acme", "X9000", 3000)]
    got = extract_hardware("rund 500 Acme-X9000-Chips", "de", pipeline=pipeline)
    assert [(h.vendor, h.model, h.count, h.count_qualifier) for h in got] == [("Acme", "X9000", 500, "approx")]
    # the default pipeline is untouched
    assert extract_hardware("该公司采购了3000块X9000", "zh-Hans") == []


@pytest.mark.parametrize(
    "locale, text, expected",
    [("de", "Sie nutzten  2.048  H800-GPUs.", ["2.048  H800"]),
     ("zh-Hans", "\n\n  公司使用了\n\n2048块H800芯片", ["2048块H800"]),
     ("de", "H100\t\t und   A100", ["H100", "A100"])],
    ids=["double-spaces", "blank-lines", "tabs"],
)
def test_offsets_hold_across_whitespace_runs(locale, text, expected):
    """Whitespace runs become whitespace tokens, so every span's offsets still index the input text."""
    assert [text[span.start : span.end] for span in extract_hardware(text, locale)] == expected


def test_merged_cjk_runs_find_the_same_spans(tmp_path: Path):
    """Runs of CJK characters no pattern uses are one token; character-by-character tokens find the same spans."""
    patterns = tmp_path / "patterns.jsonl"
    # One token pattern (it never matches) turns the merging off.
    patterns.write_text(PATTERNS.read_text(encoding="utf-8")
                        + '{"label": "NEVER", "pattern": [{"ORTH": "\\u0000"}], "id": "never"}\n', encoding="utf-8")
    per_character, _ = build_nlp(CATALOGUE, patterns)
    merged, _ = build_nlp(CATALOGUE, PATTERNS)
    assert len(per_character("据报道该公司使用了英伟达芯片")) > len(merged("据报道该公司使用了英伟达芯片"))
    seeds = Path(__file__).parents[1] / "seeds"
    texts = [to_simplified(p.read_text(encoding="utf-8")) for p in sorted(seeds.iterdir())]
    texts += [text for locale, text, _ in CASES.values()]
    for text in texts:
        def spans(nlp):
            doc = nlp(text)
            return [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["hw"]]
        assert spans(merged) == spans(per_character)
