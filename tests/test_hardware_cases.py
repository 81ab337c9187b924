"""Hardware mentions (issue "Hardware mentions"): one table of positive and negative forms.

Each case: locale, text as published (zh-Hant is converted with ``to_simplified`` first, as the
pipeline does), and the expected (vendor, model, count, count_low, count_high, count_qualifier)
tuples in text order. An empty list means no claim at all.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import extractors.hardware as hardware
from extractors.hardware import CATALOGUE, PATTERNS, build_nlp, default_nlp, extract_hardware
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
    # one count before two models counts both together (ANNOTATION: each distinct (model, count)): a generic count,
    # each model named
    "zh-one-count-two-models": ("zh-Hans", "2万张A100、H100", [n(None, "chip", 20000), n(NV, "A100"), n(NV, "H100")]),
    "hant-one-count-two-models-noun": ("zh-Hant", "採購了5萬顆H100和H200晶片",
                                       [n(None, "chip", 50000), n(NV, "H100"), n(NV, "H200")]),
    # generic counts
    "zh-generic-gpu-chip": ("zh-Hans", "2000个GPU芯片", [n(None, "GPU", 2000)]),
    "zh-generic-xianka": ("zh-Hans", "2048块显卡", [n(None, "GPU", 2048)]),
    "zh-generic-vendor-chip": ("zh-Hans", "5万块英伟达芯片", [n(None, "chip", 50000)]),
    "zh-generic-clause-end": ("zh-Hans", "训练用了2048块GPU，耗时两个月", [n(None, "GPU", 2048)]),
    "zh-count-after-noun": ("zh-Hans", "GPU数量达到1万块", [n(None, "GPU", 10000)]),
    "zh-shangwan": ("zh-Hans", "上万块GPU", [n(None, "GPU", 10000, "at_least")]),
    "zh-ka-noun": ("zh-Hans", "1万张卡", [n(None, "chip", 10000)]),
    "zh-wanka-cluster": ("zh-Hans", "万卡集群", [n(None, "chip", 10000)]),
    "zh-qianka-level-cluster": ("zh-Hans", "已建成千卡级集群", [rng(None, "chip", 1000, 10000, "approx")]),
    "hant-wanka-level-cluster": ("zh-Hant", "建設萬卡級算力叢集", [rng(None, "chip", 10000, 100000, "approx")]),
    "zh-model-wanka-cluster": ("zh-Hans", "百度点亮了昆仑芯三万卡集群", [n("Baidu", "Kunlunxin", 30000)]),
    "hant-chao-wanka-cluster": ("zh-Hant", "超萬卡叢集", [n(None, "chip", 10000, "over")]),
    "zh-vague-ka": ("zh-Hans", "数千卡规模", [rng(None, "chip", 1000, 10000, "approx")]),
    "neg-zh-credit-cards": ("zh-Hans", "发行了1万张信用卡", []),
    "neg-zh-postcards": ("zh-Hans", "寄出一万张卡片", []),
    "neg-zh-eight-card-server": ("zh-Hans", "500台8卡服务器", []),
    "neg-zh-per-machine-cards": ("zh-Hans", "单机8卡", []),
    # German
    "de-2048-gpus": ("de", "Das Modell wurde mit 2.048 GPUs trainiert.", [n(None, "GPU", 2048)]),
    "de-rund-nvidia-h100-chips": ("de", "Das Start-up nutzte rund 4.000 Nvidia-H100-Chips.",
                                  [n(NV, "H100", 4000, "approx")]),
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
    # --- issue 12: catalogue breadth, one or more forms per model, in every script it occurs in ---
    "zh-v100-tesla-alias": ("zh-Hans", "用了1024块Tesla V100", [n(NV, "V100", 1024)]),
    "zh-a10-kuai": ("zh-Hans", "采购了500块A10", [n(NV, "A10", 500)]),
    "zh-a40-named": ("zh-Hans", "英伟达A40", [n(NV, "A40")]),
    "zh-a6000-zhang": ("zh-Hans", "8张RTX A6000", [n(NV, "A6000", 8)]),
    "zh-h100-nvl-named": ("zh-Hans", "H100 NVL", [n(NV, "H100 NVL")]),
    "zh-h20-hgx-alias": ("zh-Hans", "英伟达HGX H20", [n(NV, "H20")]),
    "zh-gh200-superchip-named": ("zh-Hans", "英伟达GH200超级芯片", [n(NV, "GH200")]),
    "de-grace-hopper-count": ("de", "mit 24.000 Grace Hopper", [n(NV, "GH200", 24000)]),
    "zh-b300-ke": ("zh-Hans", "明年出货10万颗B300", [n(NV, "B300", 100000)]),
    "de-blackwell-ultra-named": ("de", "Nvidias Blackwell Ultra", [n(NV, "Blackwell Ultra")]),
    "zh-hgx-b300-named": ("zh-Hans", "英伟达HGX B300系统", [n(NV, "B300")]),
    "zh-b20-named": ("zh-Hans", "专供中国市场的B20", [n(NV, "B20")]),
    "zh-b30a-approx": ("zh-Hans", "约1万块B30A", [n(NV, "B30A", 10000, "approx")]),
    "zh-l40-named": ("zh-Hans", "L40显卡", [n(NV, "L40")]),
    "zh-l20-zhang": ("zh-Hans", "采购了5000张L20", [n(NV, "L20", 5000)]),
    "zh-l4-inference-card": ("zh-Hans", "部署了300张L4推理卡", [n(NV, "L4", 300)]),
    "zh-p100-named": ("zh-Hans", "老一代P100", [n(NV, "P100")]),
    "zh-t4-kuai": ("zh-Hans", "100块T4", [n(NV, "T4", 100)]),
    "zh-rtx6000-ada-named": ("zh-Hans", "RTX 6000 Ada工作站显卡", [n(NV, "RTX 6000 Ada")]),
    "zh-rtx3090-zhang": ("zh-Hans", "4张RTX 3090", [n(NV, "RTX 3090", 4)]),
    "de-rtx-pro-6000-named": ("de", "Nvidias RTX Pro 6000 Blackwell", [n(NV, "RTX Pro 6000")]),
    "zh-rtx-pro-6000d-named": ("zh-Hans", "英伟达为中国市场推出RTX Pro 6000D", [n(NV, "RTX Pro 6000D")]),
    "zh-rtx5090-zhang": ("zh-Hans", "囤了200张RTX 5090显卡", [n(NV, "RTX 5090", 200)]),
    "hant-rtx4090d-named": ("zh-Hant", "中國特供版RTX 4090D", [n(NV, "RTX 4090D")]),
    "de-volta-named": ("de", "die Volta-Architektur", [n(NV, "Volta")]),
    "zh-rubin-named": ("zh-Hans", "英伟达下一代Rubin架构", [n(NV, "Rubin")]),
    "de-vera-rubin-named": ("de", "Nvidias Vera Rubin", [n(NV, "Vera Rubin")]),
    "zh-rubin-ultra-named": ("zh-Hans", "2027年推出Rubin Ultra", [n(NV, "Rubin Ultra")]),
    "hant-rubin-cpx-named": ("zh-Hant", "輝達發表Rubin CPX", [n(NV, "Rubin CPX")]),
    "zh-hopper-family-yields": ("zh-Hans", "Hopper H100", [n(NV, "H100")]),
    "de-blackwell-b200-compound": ("de", "2.000 Blackwell-B200-GPUs", [n(NV, "B200", 2000)]),
    "zh-mi250-named": ("zh-Hans", "AMD Instinct MI250", [n(AMD, "MI250")]),
    "zh-mi300-family-named": ("zh-Hans", "AMD MI300系列", [n(AMD, "MI300")]),
    "zh-mi300a-ke": ("zh-Hans", "超算使用了4万颗MI300A", [n(AMD, "MI300A", 40000)]),
    "zh-mi308-named": ("zh-Hans", "AMD向中国出口MI308", [n(AMD, "MI308")]),
    "hant-tw-mi308-named": ("zh-Hant", "超微MI308晶片", [n(AMD, "MI308")]),
    "de-mi308x-alias": ("de", "AMDs MI308X", [n(AMD, "MI308")]),
    "hant-hk-mi325-series-named": ("zh-Hant", "AMD MI325晶片也計入限額", [n(AMD, "MI325")]),
    "zh-mi350-series-named": ("zh-Hans", "Instinct MI350 系列 GPU 销量大幅提升", [n(AMD, "MI350")]),
    "de-mi400-series-named": ("de", "die Instinct-MI400-Serie", [n(AMD, "MI400")]),
    "zh-mi350x-kuai": ("zh-Hans", "甲骨文部署了13万块MI350X", [n(AMD, "MI350X", 130000)]),
    "hant-tw-chaowei-mi355x-named": ("zh-Hant", "超微MI355X", [n(AMD, "MI355X")]),
    "de-mi325x-named": ("de", "AMDs Instinct MI325X", [n(AMD, "MI325X")]),
    "zh-mi450-named": ("zh-Hans", "OpenAI将部署AMD MI450", [n(AMD, "MI450")]),
    "zh-mi450-vague-ge": ("zh-Hans", "2026 年起部署数万个MI450 GPU", [rng(AMD, "MI450", 10000, 100000, "approx")]),
    "hant-hk-gaudi3-accelerator": ("zh-Hant", "英特爾Gaudi 3加速器", [n("Intel", "Gaudi 3")]),
    "de-gaudi2-count": ("de", "1.000 Gaudi2-Beschleuniger", [n("Intel", "Gaudi 2", 1000)]),
    "zh-tpu-v4-kuai": ("zh-Hans", "使用了6144块TPU v4", [n("Google", "TPU v4", 6144)]),
    "zh-ironwood-ke": ("zh-Hans", "谷歌部署9216颗Ironwood芯片", [n("Google", "Ironwood", 9216)]),
    "hant-ironwood-tpu-one-name": ("zh-Hant", "谷歌Ironwood TPU", [n("Google", "Ironwood")]),
    "de-ironwood-tpu-hyphen": ("de", "Googles Ironwood-TPU", [n("Google", "Ironwood")]),
    "de-tpu-v7-alias": ("de", "die TPU v7", [n("Google", "Ironwood")]),
    "zh-trillium-v6e-alias": ("zh-Hans", "TPU v6e", [n("Google", "Trillium")]),
    "zh-tpu-family-named": ("zh-Hans", "谷歌TPU芯片", [n("Google", "TPU")]),
    "de-tpus-count": ("de", "mit 50.000 TPUs", [n("Google", "TPU", 50000)]),
    "zh-trainium-named": ("zh-Hans", "亚马逊自研Trainium芯片", [n("Amazon", "Trainium")]),
    "zh-trainium2-kuai": ("zh-Hans", "亚马逊为Anthropic部署了40万块Trainium2芯片", [n("Amazon", "Trainium2", 400000)]),
    "hant-trainium2-named": ("zh-Hant", "亞馬遜Trainium2晶片", [n("Amazon", "Trainium2")]),
    "de-trainium2-count": ("de", "Amazon setzt 400.000 Trainium2-Chips ein", [n("Amazon", "Trainium2", 400000)]),
    "zh-trainium3-named": ("zh-Hans", "AWS发布Trainium3", [n("Amazon", "Trainium3")]),
    "zh-inferentia2-named": ("zh-Hans", "AWS Inferentia2推理芯片", [n("Amazon", "Inferentia2")]),
    "de-inferentia-named": ("de", "Amazons Inferentia", [n("Amazon", "Inferentia")]),
    "zh-maia100-named": ("zh-Hans", "微软自研的Maia 100芯片", [n("Microsoft", "Maia 100")]),
    "hant-maia100-named": ("zh-Hant", "微軟Maia 100", [n("Microsoft", "Maia 100")]),
    "zh-mtia-named": ("zh-Hans", "Meta的MTIA芯片", [n("Meta", "MTIA")]),
    "de-mtia-chips": ("de", "Metas MTIA-Chips", [n("Meta", "MTIA")]),
    "neg-zh-dojo-system": ("zh-Hans", "特斯拉Dojo超级计算机", []),
    "neg-de-dojo-system": ("de", "Tesla müsse viel mehr Aufwand in Dojo stecken", []),
    "zh-dojo-d1-named": ("zh-Hans", "特斯拉Dojo D1芯片", [n("Tesla", "Dojo D1")]),
    "de-d1-chips-count": ("de", "3.000 D1-Chips von Tesla", [n("Tesla", "Dojo D1", 3000)]),
    "neg-zh-d1-country-group": ("zh-Hans", "向国家组D1、D4和D5的出口", []),
    "zh-wse3-named": ("zh-Hans", "Cerebras的WSE-3晶圆级芯片", [n("Cerebras", "WSE-3")]),
    "de-wse2-named": ("de", "Cerebras WSE-2", [n("Cerebras", "WSE-2")]),
    "zh-groq-lpu-named": ("zh-Hans", "Groq的LPU芯片", [n("Groq", "LPU")]),
    "de-groq-lpus-count": ("de", "rund 19.000 LPUs von Groq", [n("Groq", "LPU", 19000, "approx")]),
    # Huawei, Cambricon, Hygon, Kunlunxin, T-Head, Biren, Moore Threads, Enflame, Iluvatar, MetaX
    "zh-ascend-910-named": ("zh-Hans", "华为昇腾910", [n(HW, "Ascend 910")]),
    "zh-ascend-310-named": ("zh-Hans", "华为还发布了华为昇腾310处理器", [n(HW, "Ascend 310")]),
    "zh-ascend-320-latin": ("zh-Hans", "计划2021年将推出Ascend 320", [n(HW, "Ascend 320")]),
    "de-ascend-910d-named": ("de", "Huaweis neuer Chip Ascend 910D", [n(HW, "Ascend 910D")]),
    "hant-ascend-960-named": ("zh-Hant", "華為2027年推出昇騰960", [n(HW, "Ascend 960")]),
    "zh-ascend-970-named": ("zh-Hans", "昇腾970将于2028年推出", [n(HW, "Ascend 970")]),
    "zh-ascend-920-ke": ("zh-Hans", "计划生产10万颗昇腾920", [n(HW, "Ascend 920", 100000)]),
    "hant-hk-ascend-920-named": ("zh-Hant", "華為昇騰920晶片", [n(HW, "Ascend 920")]),
    "zh-ascend-950pr-named": ("zh-Hans", "华为发布昇腾950PR", [n(HW, "Ascend 950")]),
    "hant-tw-ascend-910c-named": ("zh-Hant", "華為昇騰910C晶片", [n(HW, "Ascend 910C")]),
    "de-ascend-910b-compound": ("de", "7.000 Huawei-Ascend-910B-Chips", [n(HW, "Ascend 910B", 7000)]),
    "de-ascend-family-count": ("de", "5.000 Ascend-Chips von Huawei", [n(HW, "Ascend", 5000)]),
    "zh-ascend-vendor-context": ("zh-Hans", "华为昇腾", [n(HW, "Ascend")]),
    "zh-ascend-vendor-de-context": ("zh-Hans", "华为的昇腾", [n(HW, "Ascend")]),
    "zh-ascend-ai-context": ("zh-Hans", "昇腾AI处理器", [n(HW, "Ascend")]),
    "zh-ascend-series-context": ("zh-Hans", "昇腾系列", [n(HW, "Ascend")]),
    "zh-ascend-classifier-context": ("zh-Hans", "采购了1万块昇腾", [n(HW, "Ascend", 10000)]),
    "hant-ascend-cluster-context": ("zh-Hant", "昇騰叢集", [n(HW, "Ascend")]),
    "zh-mlu590-refers-back": ("zh-Hans", "寒武纪思元590芯片出货2万片", [n("Cambricon", "MLU590", 20000)]),
    "hant-cambricon-mlu370-named": ("zh-Hant", "寒武紀思元370", [n("Cambricon", "MLU370")]),
    "de-cambricon-mlu590-named": ("de", "Cambricon MLU590", [n("Cambricon", "MLU590")]),
    "zh-mlu370-x8-variant": ("zh-Hans", "采购了2000张寒武纪MLU370-X8", [n("Cambricon", "MLU370-X8", 2000)]),
    "hant-mlu370-x4-variant": ("zh-Hant", "寒武紀思元370-X4加速卡", [n("Cambricon", "MLU370-X4")]),
    "zh-mlu370-s4-variant": ("zh-Hans", "MLU370-S4推理卡", [n("Cambricon", "MLU370-S4")]),
    "zh-hygon-dcu-kuai": ("zh-Hans", "采购了3000块海光DCU", [n("Hygon", "DCU", 3000)]),
    "zh-shensuan-1-named": ("zh-Hans", "深算一号", [n("Hygon", "Shensuan-1")]),
    "zh-shensuan-2-named": ("zh-Hans", "海光深算二号", [n("Hygon", "Shensuan-2")]),
    "hant-shensuan-3-named": ("zh-Hant", "海光深算三號", [n("Hygon", "Shensuan-3")]),
    "zh-kunlun-p800-wan": ("zh-Hans", "部署了3万块昆仑芯P800", [n("Baidu", "Kunlun P800", 30000)]),
    "hant-kunlun-p800-named": ("zh-Hant", "百度崑崙芯P800", [n("Baidu", "Kunlun P800")]),
    "de-kunlun-p800-compound": ("de", "30.000 Kunlun-P800-Chips", [n("Baidu", "Kunlun P800", 30000)]),
    "zh-kunlun-family-count": ("zh-Hans", "使用了1万片昆仑芯", [n("Baidu", "Kunlunxin", 10000)]),
    "hant-kunlun-family-named": ("zh-Hant", "崑崙芯晶片", [n("Baidu", "Kunlunxin")]),
    "zh-kunlun-r200-named": ("zh-Hans", "昆仑芯2代", [n("Baidu", "Kunlun R200")]),
    "zh-hanguang800-named": ("zh-Hans", "阿里平头哥含光800", [n("Alibaba", "Hanguang 800")]),
    "hant-hanguang800-named": ("zh-Hant", "平頭哥含光800", [n("Alibaba", "Hanguang 800")]),
    "zh-zhenwu-named": ("zh-Hans", "平头哥真武810E", [n("Alibaba", "Zhenwu 810E")]),
    "zh-biren-br100-named": ("zh-Hans", "壁仞科技BR100", [n("Biren", "BR100")]),
    "hant-biren-bili100-named": ("zh-Hant", "壁仞壁礪100", [n("Biren", "BR100")]),
    "zh-br104-pian": ("zh-Hans", "1000片壁仞BR104", [n("Biren", "BR104", 1000)]),
    "zh-mtt-s4000-zhang": ("zh-Hans", "部署了1000张摩尔线程MTT S4000", [n("Moore Threads", "MTT S4000", 1000)]),
    "hant-mtt-s4000-named": ("zh-Hant", "摩爾線程MTT S4000", [n("Moore Threads", "MTT S4000")]),
    "zh-mtt-s3000-named": ("zh-Hans", "摩尔线程MTT S3000显卡", [n("Moore Threads", "MTT S3000")]),
    "hant-mtt-s5000-named": ("zh-Hant", "摩爾線程MTT S5000訓練卡", [n("Moore Threads", "MTT S5000")]),
    "zh-enflame-t20-named": ("zh-Hans", "燧原云燧T20", [n("Enflame", "CloudBlazer T20")]),
    "hant-enflame-t20-named": ("zh-Hant", "燧原雲燧T20", [n("Enflame", "CloudBlazer T20")]),
    "zh-enflame-t21-zhang": ("zh-Hans", "500张云燧T21", [n("Enflame", "CloudBlazer T21", 500)]),
    "zh-enflame-i20-named": ("zh-Hans", "燧原科技云燧i20推理卡", [n("Enflame", "CloudBlazer i20")]),
    "zh-iluvatar-tiangai-named": ("zh-Hans", "天数智芯天垓100", [n("Iluvatar CoreX", "Tiangai 100")]),
    "hant-iluvatar-zhikai-named": ("zh-Hant", "天數智芯智鎧100", [n("Iluvatar CoreX", "Zhikai 100")]),
    "zh-iluvatar-zhikai-kuai": ("zh-Hans", "2000块智铠100", [n("Iluvatar CoreX", "Zhikai 100", 2000)]),
    "zh-metax-c500-named": ("zh-Hans", "沐曦曦云C500", [n("MetaX", "C500")]),
    "hant-metax-c500-named": ("zh-Hant", "沐曦曦雲C500", [n("MetaX", "C500")]),
    "zh-metax-c550-zhang": ("zh-Hans", "1万张曦云C550", [n("MetaX", "C550", 10000)]),
    "zh-metax-c600-c700-bare": ("zh-Hans", "沐曦拟投资新型高性能通用GPU研发项目(C600与C700)",
                                [n("MetaX", "C600"), n("MetaX", "C700")]),
    "zh-metax-n100-named": ("zh-Hans", "曦思N100", [n("MetaX", "Xisi N100")]),
    # Traditional-script vendors before models (Taiwan 輝達, Hong Kong 英偉達)
    "hant-tw-huida-b200-refers-back": ("zh-Hant", "輝達B200晶片出貨20萬顆", [n(NV, "B200", 200000)]),
    # an aside in brackets after such a count ends its clause too
    "hant-tw-refers-back-before-an-aside": ("zh-Hant",
                                            "聯發科TPU出貨量有望提升至200萬顆（先前預估為100萬顆），等同帶來營收",
                                            [n("Google", "TPU", 2000000), n("Google", "TPU", 1000000)]),
    "zh-refers-back-before-an-aside": ("zh-Hans", "辉达B200芯片出货20万颗（去年为5万颗）", [n(NV, "B200", 200000),
                                                                              n(NV, "B200", 50000)]),
    "neg-zh-refers-back-aside-no-chip": ("zh-Hans", "晶圆切出60颗（良率90%）", []),
    "hant-hk-yingweida-h20-named": ("zh-Hant", "英偉達H20晶片", [n(NV, "H20")]),
    "hant-tw-gb300-servers-named": ("zh-Hant", "鴻海出貨1000台GB300伺服器", [n(NV, "GB300")]),
    # --- generic accelerator nouns with classifiers ---
    "hant-8wan-ge-gpu-units": ("zh-Hant", "部署8萬個圖形處理單元", [n(None, "GPU", 80000)]),
    "zh-tuxing-chuli-danyuan": ("zh-Hans", "部署了8万个图形处理单元", [n(None, "GPU", 80000)]),
    "hant-hk-tuxing-chuliqi": ("zh-Hant", "購入1萬張圖形處理器", [n(None, "GPU", 10000)]),
    "zh-tuxing-chuliqi-kuai": ("zh-Hans", "5000块图形处理器", [n(None, "GPU", 5000)]),
    "hant-tw-huitu-chuliqi": ("zh-Hant", "5000個繪圖處理器", [n(None, "GPU", 5000)]),
    "hant-tw-huitu-jingpian": ("zh-Hant", "2萬顆繪圖晶片", [n(None, "GPU", 20000)]),
    "hant-tw-xianshika": ("zh-Hant", "8張顯示卡", [n(None, "GPU", 8)]),
    "zh-gpu-ka": ("zh-Hans", "500张GPU卡", [n(None, "GPU", 500)]),
    "zh-jiasuka-chip": ("zh-Hans", "1万块加速卡", [n(None, "chip", 10000)]),
    "hant-jiasuka-chip": ("zh-Hant", "1萬塊AI加速卡", [n(None, "chip", 10000)]),
    "zh-suanlika": ("zh-Hans", "3000块算力卡", [n(None, "chip", 3000)]),
    "zh-jisuanka": ("zh-Hans", "200张计算卡", [n(None, "chip", 200)]),
    "hant-jisuanka": ("zh-Hant", "200張計算卡", [n(None, "chip", 200)]),
    "zh-xinpian-ke": ("zh-Hans", "生产了50万颗芯片", [n(None, "chip", 500000)]),
    "zh-xinpian-pian": ("zh-Hans", "1000片芯片", [n(None, "chip", 1000)]),
    "zh-xinpian-mei": ("zh-Hans", "2000枚AI芯片", [n(None, "chip", 2000)]),
    "hant-tw-jingpian-ke": ("zh-Hant", "5000顆晶片", [n(None, "chip", 5000)]),
    "hant-tw-ai-jingpian-kuai": ("zh-Hant", "3萬塊人工智慧晶片", [n(None, "chip", 30000)]),
    "hant-hk-xinpian-zhang": ("zh-Hant", "1萬張芯片", [n(None, "chip", 10000)]),
    "zh-npu-kuai": ("zh-Hans", "4096块NPU", [n(None, "chip", 4096)]),
    "de-ki-beschleuniger": ("de", "10.000 KI-Beschleuniger", [n(None, "chip", 10000)]),
    "de-ki-beschleunigern-dative": ("de", "mit 16.000 KI-Beschleunigern", [n(None, "chip", 16000)]),
    "de-grafikprozessoren": ("de", "mit 5.000 Grafikprozessoren", [n(None, "GPU", 5000)]),
    "de-grafikkarten": ("de", "1.000 Grafikkarten", [n(None, "GPU", 1000)]),
    "de-rechenchips": ("de", "3.000 Rechenchips", [n(None, "chip", 3000)]),
    "de-ki-rechenchips": ("de", "rund 20.000 KI-Rechenchips", [n(None, "chip", 20000, "approx")]),
    "de-hochleistungschips": ("de", "25.000 Hochleistungschips", [n(None, "chip", 25000)]),
    "de-nvidia-chips-vendor-modifier": ("de", "50.000 Nvidia-Chips", [n(None, "chip", 50000)]),
    "de-tausende-gpus": ("de", "Tausende GPUs", [rng(None, "GPU", 1000, 10000, "approx")]),
    "zh-count-after-verb-far-zuoyou": ("zh-Hans", "H20芯片的出货量，据估计今年将达到100万颗左右",
                                       [n(NV, "H20", 1000000, "approx")]),
    "zh-zuoyou-before-de": ("zh-Hans", "今年将采购10万块左右的H100", [n(NV, "H100", 100000, "approx")]),
    "hant-shangxia": ("zh-Hant", "採購了10萬張上下的H100", [n(NV, "H100", 100000, "approx")]),
    "de-oder-mehr-after-count": ("de", "10.000 oder mehr GPUs", [n(None, "GPU", 10000, "at_least")]),
    "zh-no-classifier-thousands": ("zh-Hans", "部署了10万GPU", [n(None, "GPU", 100000)]),
    "zh-no-classifier-model-space": ("zh-Hans", "使用1.5万 H800训练", [n(NV, "H800", 15000)]),
    "zh-no-classifier-vague": ("zh-Hans", "数万GPU", [rng(None, "GPU", 10000, 100000, "approx")]),
    "hant-no-classifier-thousands": ("zh-Hant", "訓練用了2萬H100", [n(NV, "H100", 20000)]),
    "zh-no-classifier-vendor-first": ("zh-Hans", "部署了10万英伟达H100", [n(NV, "H100", 100000)]),
    "neg-zh-no-classifier-other-noun-first": ("zh-Hans", "3万英伟达员工使用H100", [n(NV, "H100")]),
    "neg-zh-no-classifier-yuan": ("zh-Hans", "他花了3万元买了H800", [n(NV, "H800")]),
    "neg-zh-no-classifier-plain-digits": ("zh-Hans", "4090显卡", [n(NV, "RTX 4090")]),
    "neg-zh-no-classifier-not-touching": ("zh-Hans", "10万用户使用H100", [n(NV, "H100")]),
    "neg-zh-no-classifier-price": ("zh-Hans", "售价3万H100", [n(NV, "H100")]),
    "neg-zh-no-classifier-gpu-hours": ("zh-Hans", "278.8万GPU小时", []),
    "neg-zh-no-classifier-yi": ("zh-Hans", "100亿GPU市场", []),
    "neg-zh-no-classifier-developers": ("zh-Hans", "AMD拥有10万GPU开发者。", []),
    "neg-zh-no-classifier-users": ("zh-Hans", "该平台为2万GPU用户提供服务。", []),
    "neg-zh-no-classifier-qianwan": ("zh-Hans", "投入5千万H100算力券。", [n(NV, "H100")]),
    "neg-zh-no-classifier-monthly-rent": ("zh-Hans", "月租2万H100。", [n(NV, "H100")]),
    "zh-shangxia-is-no-qualifier-in-shangxiayou": ("zh-Hans", "10万块上下游的H100", [n(NV, "H100", 100000)]),
    "de-mehrere-tausend": ("de", "mehrere Tausend GPUs", [rng(None, "GPU", 1000, 10000, "approx")]),
    "de-einige-hundert": ("de", "einige hundert H100", [rng(NV, "H100", 100, 1000, "approx")]),
    "de-tausend-word": ("de", "tausend GPUs", [n(None, "GPU", 1000)]),
    "de-million-word": ("de", "eine Million Grafikprozessoren", [n(None, "GPU", 1000000)]),
    "de-mehr-als-million-word": ("de", "mehr als eine Million GPUs", [n(None, "GPU", 1000000, "over")]),
    "de-halbe-million-word": ("de", "eine halbe Million H100", [n(NV, "H100", 500000)]),
    "de-zehntausend-word": ("de", "rund zehntausend Nvidia-GPUs", [n(None, "GPU", 10000, "approx")]),
    "de-hunderttausend-word": ("de", "Hunderttausend H100-Chips", [n(NV, "H100", 100000)]),
    "de-zehntausende-chips": ("de", "Zehntausende Nvidia-Chips", [rng(None, "chip", 10000, 100000, "approx")]),
    "de-hunderttausende-h20": ("de", "hunderttausende H20-Chips", [rng(NV, "H20", 100000, 1000000, "approx")]),
    "de-des-typs": ("de", "10.000 Beschleuniger des Typs MI300X", [n(AMD, "MI300X", 10000)]),
    "zh-range-low-borrows-scale": ("zh-Hans", "2至3万块GPU", [rng(None, "GPU", 20000, 30000)]),
    "zh-range-numerals-borrow-scale": ("zh-Hans", "二至三万块H100", [rng(NV, "H100", 20000, 30000)]),
    "zh-range-tens-keep-own": ("zh-Hans", "二十至三十块GPU", [rng(None, "GPU", 20, 30)]),
    "hant-range-low-borrows-scale": ("zh-Hant", "20至30萬張A100", [rng(NV, "A100", 200000, 300000)]),
    "de-range-low-borrows-scale": ("de", "4 bis 5 Millionen GPUs", [rng(None, "GPU", 4000000, 5000000)]),
    "de-one-million": ("de", "mehr als 1 Million H20", [n(NV, "H20", 1000000, "over")]),
    "de-bis-zu": ("de", "bis zu 100.000 Nvidia-Blackwell-Chips", [n(NV, "Blackwell", 100000, "at_most")]),
    "zh-card-count-before-model": ("zh-Hans", "百度点亮了3万卡昆仑芯集群", [n("Baidu", "Kunlunxin", 30000)]),
    "neg-de-jeder-dieser-server": ("de", "Jeder dieser Server enthält 8 H100-GPUs", [n(NV, "H100")]),
    "neg-de-jeweils": ("de", "zwei Racks mit jeweils 72 GPUs", []),
    "neg-hant-tw-racks-gui": ("zh-Hant", "AI伺服器出貨將逾3000櫃", []),
    "neg-hant-tw-wafer-rate": ("zh-Hant", "每片晶圓可切割約60顆H100裸晶", [n(NV, "H100")]),
    "zh-yi-chips-refer-back": ("zh-Hans", "全年出口芯片2650亿块，金额1.1万亿元", [n(None, "chip", 265000000000)]),
    "zh-yi-chips": ("zh-Hans", "每年生产1亿颗芯片", [n(None, "chip", 100000000)]),
    "zh-numeral-yi-chips": ("zh-Hans", "两亿颗芯片", [n(None, "chip", 200000000)]),
    "hant-yi-chips": ("zh-Hant", "全年出口晶片2650億顆", [n(None, "chip", 265000000000)]),
    "zh-vague-digit-inside": ("zh-Hans", "该公司拥有十几万块GPU", [rng(None, "GPU", 110000, 190000, "approx")]),
    "hant-vague-digit-inside": ("zh-Hant", "二十幾萬張H100", [rng(NV, "H100", 210000, 290000, "approx")]),
    "zh-jin-wan": ("zh-Hans", "近万块GPU已经到位", [n(None, "GPU", 10000, "under")]),
    "zh-shangqian-model": ("zh-Hans", "上千张H100被运往新加坡", [n(NV, "H100", 1000, "at_least")]),
    "hant-hk-yu-baiwan-refers-back": ("zh-Hant", "英偉達的H20晶片，內地企業已訂購逾百萬顆",
                                      [n(NV, "H20", 1000000, "over")]),
    "hant-tw-model-space-count": ("zh-Hant", "輝達H100 GPU 1萬顆，已全數交貨", [n(NV, "H100", 10000)]),
    "de-des-typs-generic-first": ("de", "über 300.000 Chips des Typs H20", [n(NV, "H20", 300000, "over")]),
    "de-millionen-decimal": ("de", "Nvidia verkaufte 2024 rund 1,5 Millionen H20.", [n(NV, "H20", 1500000, "approx")]),
    "de-plural-s": ("de", "Meta besitzt rund 350.000 H100s", [n(NV, "H100", 350000, "approx")]),
    "de-plural-s-named": ("de", "die begehrten A100s und H100s", [n(NV, "A100"), n(NV, "H100")]),
    "de-kunlunxin-chips": ("de", "Baidu setzt 30.000 Kunlunxin-Chips ein", [n("Baidu", "Kunlunxin", 30000)]),
    "neg-de-kunlun-tech": ("de", "Kunlun Tech aus Peking", []),
    # --- counts a clause away from their noun ---
    "zh-refers-back-two-counts": ("zh-Hans", "这款芯片由台积电代工，计划明年量产至少5万颗，年底提升至20万颗",
                                  [n(None, "chip", 50000, "at_least"), n(None, "chip", 200000)]),
    # a count that refers back to two joined models counts them together
    "zh-refers-back-two-models": ("zh-Hans", "公司已收到A100和H800加速卡共计10万块。",
                                  [n(NV, "A100"), n(NV, "H800"), n(None, "chip", 100000)]),
    "hant-refers-back-two-models": ("zh-Hant", "該公司採購H100與H200晶片，合計約5萬顆。",
                                    [n(NV, "H100"), n(NV, "H200"), n(None, "chip", 50000, "approx")]),
    "zh-refers-back-one-of-listed-models": ("zh-Hans", "公司有A100，另外H800芯片共计2万颗。",
                                            [n(NV, "A100"), n(NV, "H800", 20000)]),
    "hant-refers-back-approx": ("zh-Hant", "輝達H20晶片今年出貨量約100萬顆", [n(NV, "H20", 1000000, "approx")]),
    "zh-refers-back-model-approx": ("zh-Hans", "华为昇腾910C今年产量约10万颗",
                                    [n(HW, "Ascend 910C", 100000, "approx")]),
    "zh-refers-back-range": ("zh-Hans", "昆仑芯P800出货量为2万至3万片", [rng("Baidu", "Kunlun P800", 20000, 30000)]),
    "zh-refers-back-over": ("zh-Hans", "H200芯片订单超过50万颗", [n(NV, "H200", 500000, "over")]),
    "zh-refers-back-kuai-count": ("zh-Hans", "这个模型在GPU上训练，只用了8块", [n(None, "GPU", 8)]),
    "zh-refers-back-after-count": ("zh-Hans", "公司采购了2000块H100，今年再买3000块",
                                   [n(NV, "H100", 2000), n(NV, "H100", 3000)]),
    "hant-refers-back-yishang": ("zh-Hant", "GPU數量達到1萬塊以上", [n(None, "GPU", 10000, "at_least")]),
    "zh-refers-back-vague": ("zh-Hans", "该公司的GPU有数万块", [rng(None, "GPU", 10000, 100000, "approx")]),
    # --- negatives: no chip count (parameters, experts, layers, racks, servers, nodes, hours, prices) ---
    "neg-zh-shengteng-everyday": ("zh-Hans", "股价一路升腾", []),
    "neg-zh-shengteng-smoke": ("zh-Hans", "烟雾升腾的工厂", []),
    "neg-hant-shengteng-everyday": ("zh-Hant", "股價升騰", []),
    "neg-zh-laomou-shensuan": ("zh-Hans", "此人老谋深算", []),
    "neg-zh-servers": ("zh-Hans", "1000台服务器", []),
    "neg-zh-servers-with-model": ("zh-Hans", "部署了1000台搭载H100的服务器", [n(NV, "H100")]),
    "neg-zh-servers-before-model": ("zh-Hans", "1000台服务器搭载H100", [n(NV, "H100")]),
    "hant-t-head-ppu-named-with-its-maker": ("zh-Hant", "節目指平頭哥PPU配備HBM2e記憶體，規格超過A800",
                                             [n("Alibaba", "PPU"), n(NV, "A800")]),
    "neg-zh-ppu-alone": ("zh-Hans", "物理处理器PPU的性能", []),
    "neg-hant-supercomputers-with-model": ("zh-Hant", "採購了10台搭載輝達H100 GPU的惠普超級電腦", [n(NV, "H100")]),
    "zh-chips-in-a-supercomputer": ("zh-Hans", "该中心建成搭载1万块H100的超算", [n(NV, "H100", 10000)]),
    # modifiers may stand before the machines' noun; a chip count that makes up a machine stays a count
    "neg-zh-servers-modified": ("zh-Hans", "签订330台英伟达H800 GPU系列算力服务器采购合同", [n(NV, "H800")]),
    "neg-zh-servers-after-de-modified": ("zh-Hans", "采购128台内嵌英伟达GPU芯片的高性能运算服务器", []),
    "zh-chips-make-up-server": ("zh-Hans", "一台由8张A800组成的服务器", [n(NV, "A800", 8)]),
    "neg-hant-servers-modified": ("zh-Hant", "出貨500台輝達GB200系列AI伺服器", [n(NV, "GB200")]),
    "neg-hant-tw-servers": ("zh-Hant", "出貨500台AI伺服器", []),
    "neg-zh-racks": ("zh-Hans", "500个NVL72机柜", []),
    "neg-zh-rack-count-gb200": ("zh-Hans", "出货1000套GB200 NVL72机柜", [n(NV, "GB200")]),
    "neg-hant-racks": ("zh-Hant", "出貨1000個GB200機櫃", [n(NV, "GB200")]),
    "neg-zh-nodes": ("zh-Hans", "拥有64个GPU节点", []),
    "neg-hant-nodes": ("zh-Hant", "64個GPU節點", []),
    "zh-parameters-uncounted-chips-counted": ("zh-Hans", "1750亿参数的模型在1万块V100上训练", [n(NV, "V100", 10000)]),
    "neg-hant-parameters": ("zh-Hant", "6710億個參數", []),
    "zh-experts-uncounted-chips-counted": ("zh-Hans", "256个专家分布在2048块H800上", [n(NV, "H800", 2048)]),
    "neg-hant-experts": ("zh-Hant", "256個專家", []),
    "zh-layers-uncounted-chips-counted": ("zh-Hans", "模型有96层，用了1024块A100", [n(NV, "A100", 1024)]),
    "neg-zh-model-gpu-hours": ("zh-Hans", "278.8万H800 GPU小时", [n(NV, "H800")]),
    "neg-hant-gpu-hours": ("zh-Hant", "278.8萬GPU小時", []),
    "neg-zh-per-server-rate": ("zh-Hans", "每台服务器配备8块H100", [n(NV, "H100")]),
    "neg-hant-per-server-rate": ("zh-Hant", "每台伺服器配備8顆GPU", []),
    "neg-zh-wafer-rate": ("zh-Hans", "每片晶圆可切出60颗芯片", []),
    "neg-zh-refers-back-price": ("zh-Hans", "H100售价3万块", [n(NV, "H100")]),
    "neg-zh-refers-back-one-unit": ("zh-Hans", "一张H100要3万块", [n(NV, "H100")]),
    "neg-zh-refers-back-profit": ("zh-Hans", "采购H100后，利润增加了5万块", [n(NV, "H100")]),
    "neg-zh-refers-back-speculation": ("zh-Hans", "H100在国内被炒到了25万块", [n(NV, "H100")]),
    "neg-hant-hk-refers-back-price-rise": ("zh-Hant", "H20晶片在黑市漲到十萬蚊一塊", [n(NV, "H20")]),
    "neg-zh-calories": ("zh-Hans", "芯片工程师每天消耗2000卡路里", []),
    "neg-zh-refers-back-ge": ("zh-Hans", "英伟达GPU厂商超过10个", []),
    "neg-zh-refers-back-other-sentence": ("zh-Hans", "公司采购了H100。今年计划再买5万块", [n(NV, "H100")]),
    "neg-zh-refers-back-noun-follows": ("zh-Hans", "这款芯片卖出了5万颗星星", []),
    "neg-zh-count-of-other-things": ("zh-Hans", "H100芯片有800亿个晶体管", [n(NV, "H100")]),
    "neg-zh-generic-units-no-count": ("zh-Hans", "图形处理单元的需求", []),
    "neg-hant-generic-no-count": ("zh-Hant", "算力卡與加速卡短缺", []),
    "neg-hant-tw-jingpian-no-count": ("zh-Hant", "晶片法案", []),
    "neg-de-server": ("de", "1.000 Server mit je acht H100", [n(NV, "H100")]),
    "neg-de-h100-server": ("de", "10.000 H100-Server", [n(NV, "H100")]),
    "neg-de-racks": ("de", "500 GB200-NVL72-Racks", [n(NV, "GB200")]),
    "neg-de-knoten": ("de", "256 Knoten mit H100-GPUs", [n(NV, "H100")]),
    "neg-de-pro-server-rate": ("de", "acht H100 pro Server, 8 GPUs pro Server", [n(NV, "H100")]),
    "de-parameter-uncounted-chips-counted": ("de", "405 Milliarden Parameter auf 16.000 H100", [n(NV, "H100", 16000)]),
    "neg-de-experten": ("de", "64 Experten", []),
    "neg-de-schichten": ("de", "126 Schichten", []),
    "neg-de-gpu-stunden-model": ("de", "30,8 Millionen H100-GPU-Stunden", [n(NV, "H100")]),
    "neg-de-ki-chips-no-count": ("de", "die KI-Chips von Nvidia", []),
    "neg-de-beschleuniger-no-count": ("de", "KI-Beschleuniger sind knapp", []),
    "neg-de-grafikprozessoren-no-count": ("de", "Grafikprozessoren von Nvidia", []),
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
    "neg-zh-one-unit-price": ("zh-Hans", "1块H20的价格", [n(NV, "H20")]),
    "neg-zh-rack-alone": ("zh-Hans", "NVL72", []),
    "neg-zh-generic-no-count": ("zh-Hans", "英伟达AI GPU", []),
    "neg-de-neural-nets": ("de", "256 neuronale Netze", []),
    "neg-de-neural-nets-dative": ("de", "mit 256 neuronalen Netzen", []),
    "neg-de-experts": ("de", "256 Experten", []),
    "neg-de-params-layers": ("de", "das Modell hat 671 Milliarden Parameter und 61 Schichten", []),
    "neg-de-gpu-hours": ("de", "2,788 Millionen GPU-Stunden", []),
    "neg-de-einer-h100-price": ("de", "Der Preis einer H100 liegt bei 30.000 Dollar.", [n(NV, "H100")]),
    "neg-de-pro-h100": ("de", "pro H100 zahlt man 25.000 Dollar", []),
    "neg-de-je-gpus-pro-server": ("de", "je 8 GPUs pro Server", []),
    "neg-de-one-gpu": ("de", "1 GPU", []),
    "neg-de-price-per-chip": ("de", "30.000 Dollar pro H100", []),
    "neg-de-price-words-per-chip": ("de", "Die Firma zahlte zehntausend Dollar je H100.", []),
    "neg-de-price-before-cluster": ("de", "Die zwei Millionen Euro teuren H100-Cluster.", [n(NV, "H100")]),
    "neg-de-und-mehrere-is-no-und-mehr": ("de", "10.000 und mehrere H100", [n(NV, "H100")]),
    "de-eine-h100-is-no-count": ("de", "Eine H100 kostet 30.000 Dollar.", [n(NV, "H100")]),
    "neg-de-zweitausend-staff": ("de", "Die zweitausend Mitarbeiter", []),
    "neg-de-die-chips": ("de", "die Chips", []),
    "neg-de-rack-alone": ("de", "NVL72", []),
    # --- issue 19: forms of real articles (bench/real) ---
    # figures spaced apart from Han text (盘古之白), full-width figures and letters, Swiss grouping, thousands in k
    "zh-spaced-figure-scale-classifier": ("zh-Hans", "该设施将容纳超过 40 万块 GPU", [n(None, "GPU", 400000, "over")]),
    "zh-spaced-range": ("zh-Hans", "大概相当于 400-500 万块 GPU。", [rng(None, "GPU", 4000000, 5000000)]),
    "zh-spaced-grouped-ge": ("zh-Hans", "相当于近 600,000 个 H100。", [n(NV, "H100", 600000, "under")]),
    "hant-tw-spaced-pian": ("zh-Hant", "中國企業已下單超過 200 萬片 H200 晶片", [n(NV, "H200", 2000000, "over")]),
    "hant-tw-spaced-ke-gpu": ("zh-Hant", "搭載 48 顆 GPU 與 2 顆 CPU", [n(None, "GPU", 48)]),
    "neg-zh-spaced-year": ("zh-Hans", "2024 年 H100 出货", [n(NV, "H100")]),
    "neg-hant-spaced-year": ("zh-Hant", "2025 年 H200 晶片出口", [n(NV, "H200")]),
    "hant-hk-fullwidth": ("zh-Hant", "華為計劃明年生產約６０萬片９１０Ｃ昇騰芯片（Ａｓｃｅｎｄ），大約是今年的兩倍",
                          [n(HW, "Ascend 910C", 600000, "approx")]),
    "neg-hant-tw-fullwidth-named": ("zh-Hant", "北京的行動也影響ＡＩ晶片Ｈ20的採購", [n(NV, "H20")]),
    "de-ch-apostrophe-grouping": ("de", "Etwa 600'000 Grafikprozessoren", [n(None, "GPU", 600000, "approx")]),
    "neg-de-ch-apostrophe-not-chips": ("de", "Bestellungen mit einem Volumen unter 26'900'000 TTP", []),
    "de-count-after-number-of": ("de", "Die Zahl der GPUs soll auf 100.000 steigen.", [n(None, "GPU", 100000)]),
    "de-count-after-number-of-model": ("de", "Die Anzahl der Nvidia-H100-Chips im Rechenzentrum liegt bei 24.000.",
                                       [n(NV, "H100", 24000)]),
    "neg-de-number-of-price": ("de", "Die Zahl der GPUs kostet 100.000 Euro.", []),
    "neg-de-number-of-staff": ("de", "Die Zahl der Mitarbeiter stieg auf 10.000.", []),
    "neg-de-number-of-other-sentence": ("de", "Die Zahl der GPUs stieg. Der Umsatz lag bei 100.000.", []),
    "de-count-before-comma": ("de", "Meta hat 24.000 H100, Google weniger.", [n(NV, "H100", 24000)]),
    "neg-de-english-decimal": ("de", "Er kaufte 3.5 GPUs", []),
    "de-mio-scale": ("de", "Nvidia lieferte 1,5 Mio. H20-Chips aus", [n(NV, "H20", 1500000)]),
    "de-mill-scale": ("de", "Nvidia lieferte 1,5 Mill. H20-Chips aus", [n(NV, "H20", 1500000)]),
    "de-tsd-scale": ("de", "rund 10 Tsd. GPUs", [n(None, "GPU", 10000, "approx")]),
    "de-ch-space-grouping": ("de", "Der Rechner hat 100 000 Grafikprozessoren", [n(None, "GPU", 100000)]),
    "neg-de-ch-space-grouping-servers": ("de", "Der Anbieter betreibt 100 000 Server", []),
    "de-hunderte-vague": ("de", "Hunderte H100", [rng(NV, "H100", 100, 1000, "approx")]),
    "de-dutzende-vague": ("de", "Dutzende Nvidia-GPUs", [rng(None, "GPU", 10, 100, "approx")]),
    "de-k-thousands": ("de", "bis Ende des Jahres etwa \"8k H100-Äquivalente\"", [n(NV, "H100", 8000, "approx")]),
    "zh-k-thousands-bare": ("zh-Hans", "Meta 推出 2 个 24K GPU 集群", [n(None, "GPU", 24000)]),
    "neg-zh-4k-display": ("zh-Hans", "支持4K显示的显卡", []),
    # German: what may stand between a count and its noun; a year before a chip
    "de-adjective-between": ("de", "über 100.000 spezialisierte AI-Prozessoren (GPUs)",
                             [n(None, "chip", 100000, "over")]),
    "de-compound-prefix-between": ("de", "das 2000 Blackwell-GPUs", [n(NV, "Blackwell", 2000)]),
    "neg-de-year-verb-between": ("de", "Im Jahr 2025 wird auf Blackwell bereits Blackwell Ultra folgen",
                                 [n(NV, "Blackwell"), n(NV, "Blackwell Ultra")]),
    "neg-de-year-preposition-between": ("de", "Roadmap bis 2027 mit Blackwell (Ultra)", [n(NV, "Blackwell")]),
    "neg-de-year-ende": ("de", "Ende 2023 mit H200", [n(NV, "H200")]),
    "neg-de-year-cue-adjacent": ("de", "Meta kaufte im Jahr 2024 H100-Chips", [n(NV, "H100")]),
    "de-count-in-words-small": ("de", "ein Server mit acht H100-Beschleunigern", [n(NV, "H100", 8)]),
    "neg-de-ein-in-words": ("de", "Ein Nvidia H100 kostet viel.", [n(NV, "H100")]),
    "de-unit-noun-then-chip": ("de", "Nvidia verkaufte 500'000 Einheiten des KI-Prozessors H100",
                               [n(NV, "H100", 500000)]),
    "de-unit-noun-refers-back-range": ("de",
                                       "Die Stückzahl des H20 soll 2025 zwischen 1,5 und 2 Millionen Einheiten liegen.",
                                       [rng(NV, "H20", 1500000, 2000000)]),
    "de-unit-noun-refers-back-verb": ("de",
                                      "Meta hat 224.000 KI-GPUs erworben, während Amazon auf 196.000 Einheiten kommt.",
                                      [n(None, "GPU", 224000), n(None, "GPU", 196000)]),
    "neg-de-unit-noun-index-points": ("de", "Der Index schloss bei 3.527,16 Einheiten.", []),
    # a family named like its maker, in an article that speaks of it as a company: the company, not a chip
    "neg-zh-family-as-company": ("zh-Hans", "昆仑芯冲刺IPO。昆仑芯的主要产品并不属于通用GPU。", []),
    "neg-hant-family-as-company": ("zh-Hant", "百度將崑崙芯分拆上市。崑崙芯的資料", []),
    "zh-family-as-company-keeps-models": ("zh-Hans", "昆仑芯完成股改。昆仑芯P800集群上线。",
                                          [n("Baidu", "Kunlun P800")]),
    "zh-family-as-chip": ("zh-Hans", "百度的昆仑芯已用于大模型训练。", [n("Baidu", "Kunlunxin")]),
    "hant-family-number-run-together": ("zh-Hant", "字節跳動訂購華為晶片Ascend910C。", [n(HW, "Ascend 910C")]),
    "de-family-number-run-together": ("de", "Intel liefert Gaudi3-Beschleuniger aus.", [n("Intel", "Gaudi 3")]),
    "de-hyphenated-model": ("de", "etwa 1700 H-100-Chips von Nvidia", [n(NV, "H100", 1700, "approx")]),
    "de-demonstrative-refers-to-named": ("de", "der neue B200-Grafikprozessor. Ein Modul kombiniert zwei dieser GPUs.",
                                         [n(NV, "B200"), n(NV, "B200", 2)]),
    "de-demonstrative-without-model": ("de", "16.000 dieser Spezialchips", [n(None, "chip", 16000)]),
    "de-demonstrative-far": ("de", "Eine einzige H100-Recheneinheit kostet gut 40.000 Euro. Sie rechnet schnell. "
                             "16.000 dieser Spezialchips will Facebook kaufen.", [n(NV, "H100"), n(NV, "H100", 16000)]),
    "de-demonstrative-only-model-near": ("de", "Huawei gewinnt durch die Einführung des 910C Marktanteile. Experten "
                                         "schätzen, dass Huawei 1,3 Millionen dieser Chips produziert.",
                                         [n(HW, "Ascend 910C"), n(HW, "Ascend 910C", 1300000)]),
    "de-demonstrative-two-models-near": ("de", "Der B200 ist schneller als der H100. Microsoft kauft 10.000 "
                                         "dieser Chips.", [n(NV, "B200"), n(NV, "H100"), n(None, "chip", 10000)]),
    "de-recheneinheiten": ("de", "hat gerade einmal 512 Recheneinheiten", [n(None, "chip", 512)]),
    "neg-de-petaflops-pro-chip": ("de", "20 Petaflops pro Chip", []),
    # two counts of one noun, joined
    "zh-joined-counts-share-noun": ("zh-Hans", "两家分别购买了19.6万枚和16.9万枚Hopper",
                                    [n(NV, "Hopper", 196000), n(NV, "Hopper", 169000)]),
    "hant-joined-counts-share-noun": ("zh-Hant", "兩家分別購買了19.6萬枚與16.9萬枚Hopper晶片",
                                      [n(NV, "Hopper", 196000), n(NV, "Hopper", 169000)]),
    "de-von-auf-share-noun": ("de",
                              "Der Rechner soll von aktuell 100.000 auf mehr als eine Million Nvidia-Grafikprozessoren "
                              "(GPUs) aufgestockt werden", [n(None, "GPU", 100000), n(None, "GPU", 1000000, "over")]),
    "de-von-auf-noun-between-not-shared": ("de", "von 100 Servern auf 1.000 GPUs", [n(None, "GPU", 1000)]),
    "zh-joined-second-qualified": ("zh-Hans", "两家分别购买了19.6万枚和约16.9万枚Hopper",
                                   [n(NV, "Hopper", 196000), n(NV, "Hopper", 169000, "approx")]),
    "de-same-model-named-twice": ("de", "mit rund 24.000 Nvidia GH200 Grace Hopper Superchips ausgestattet",
                                  [n(NV, "GH200", 24000, "approx")]),
    "zh-same-model-named-twice": ("zh-Hans", "英伟达GH200 Grace Hopper超级芯片", [n(NV, "GH200")]),
    "zh-joined-counts-other-noun-not-shared": ("zh-Hans", "3万名员工和2万块GPU", [n(None, "GPU", 20000)]),
    "hant-joined-counts-other-classifier-not-shared": ("zh-Hant", "3萬名員工與2萬塊GPU", [n(None, "GPU", 20000)]),
    # a family name as a kind of chip, a descriptor of another chip, a gloss
    "hant-hk-examples-in-parentheses": ("zh-Hant",
                                        "萬卡集群是指由一萬張及以上的加速卡(如GPU、TPU或其他專用AI加速晶元)組成",
                                        [n(None, "chip", 10000), n(None, "chip", 10000)]),
    "zh-model-example-in-parentheses": ("zh-Hans", "1万张加速卡(如H100)", [n(None, "chip", 10000), n(NV, "H100")]),
    "neg-zh-family-listed-with-generic": ("zh-Hans", "GPU和TPU之争", []),
    "neg-de-family-listed-with-generic": ("de", "der Wettstreit zwischen GPUs und TPUs", []),
    "zh-family-describes-member": ("zh-Hans", "其基于Blackwell架构的新品GB200备受期待", [n(NV, "GB200")]),
    "hant-tw-family-describes-member": ("zh-Hant", "輝達正在準備基於Blackwell架構的特供版GPU，型號似乎為B30A",
                                        [n(NV, "B30A")]),
    "hant-tw-family-generic-describes-member": ("zh-Hant",
                                                "其中約 10 萬片為結合 Grace CPU 與 Hopper GPU 架構的 GH200 超級晶片",
                                                [n(NV, "GH200", 100000, "approx")]),
    "de-family-series-describes-member": ("de",
                                          "Exemplare von B200. Der Prozessor gehört zu der Blackwell-Serie von Nvidia.",
                                          [n(NV, "B200")]),
    "hant-tw-family-series-product": ("zh-Hant", "輝達最新一代Grace Blackwell系列需求持續爆發", [n(NV, "Blackwell")]),
    "zh-gloss-then-number": ("zh-Hans", "华为AI芯片——昇腾(Ascend)910正式商用", [n(HW, "Ascend 910")]),
    "hant-gloss-then-number": ("zh-Hant", "寒武紀思元（MLU）370晶片", [n("Cambricon", "MLU370")]),
    "neg-zh-gloss-of-person": ("zh-Hans", "A来自电磁学科学家安培(Ampere),而V100来自电池的发明者伏特(Volta)",
                               [n(NV, "V100")]),
    "zh-ampere-gloss-architecture": ("zh-Hans", "英伟达安培(Ampere)架构", [n(NV, "Ampere")]),
    "neg-zh-ampere-unit": ("zh-Hans", "电流为2安培", []),
    "hant-ascend-product-line-refers-back": ("zh-Hant", "華為將在2026年將其昇騰產品線的產量提高至160萬片",
                                             [n(HW, "Ascend", 1600000)]),
    # counts of machines, multiples, far antecedents, chips of phones
    "neg-zh-series-servers": ("zh-Hans", "签订330台GPU系列服务器采购合同", []),
    "neg-hant-series-servers": ("zh-Hant", "已交付12台GPU系列伺服器", []),
    "zh-times-sign-per-machine": ("zh-Hans", "还得搭配2台8×H100的DGX工作站", [n(NV, "H100", 8)]),
    "neg-zh-times-sign-fraction": ("zh-Hans", "性能提升2.5×H100", [n(NV, "H100")]),
    "hant-tw-refers-back-far": ("zh-Hant",
                                "字節跳動一次性追加 3.2 萬顆 H200 訂單並預付 30% 定金，隨後阿里巴巴、騰訊、百度集體將"
                                "採購計劃提前至 1 月，合計新增需求超過 7 萬顆。",
                                [n(NV, "H200", 32000), n(NV, "H200", 70000, "over")]),
    "neg-zh-phone-chips": ("zh-Hans", "手机里的两块芯片", []),
    "neg-hant-phone-chips": ("zh-Hant", "這款手機搭載兩顆晶片", []),
    "neg-de-phone-chips": ("de", "Das iPhone hat zwei Chips von Qualcomm", []),
    "de-chips-without-device": ("de", "Microsoft kaufte 10.000 Chips für seine Rechenzentren",
                                [n(None, "chip", 10000)]),
    "zh-supercomputer-is-no-device": ("zh-Hans", "超级电脑搭载1万块GPU", [n(None, "GPU", 10000)]),
    # the scientists chips are named after
    "neg-de-person-after-person-noun": ("de", "Die Rubin-Architektur trägt den Namen der Astronomin Vera Rubin.",
                                        [n(NV, "Rubin")]),
    "neg-de-person-first-name-between": ("de", "Sie ist nach dem Mathematiker David Blackwell benannt.", []),
    "neg-de-person-naming-clause": ("de", "Bei der Namensgebung bezieht sich Nvidia auf Grace Hopper. Die "
                                    "Informatik-Pionierin schuf den ersten Compiler.", []),
    "de-product-name-in-naming-clause-compound": ("de",
                                                  "Die nach einer Astronomin benannte Vera-Rubin-Plattform kommt.",
                                                  [n(NV, "Vera Rubin")]),
    "de-product-name-without-person-noun": ("de", "Nvidia stellt die Plattform Vera Rubin vor.", [n(NV, "Vera Rubin")]),
    "neg-zh-person-after-scientist": ("zh-Hans", "该架构以美国天文学家Vera Rubin命名", []),
    "neg-hant-person-after-scientist": ("zh-Hant", "該架構以美國天文學家Vera Rubin命名", []),
    "zh-product-name-without-person-noun": ("zh-Hans", "英伟达发布Vera Rubin平台", [n(NV, "Vera Rubin")]),
    "neg-de-named-after-person-observatory": ("de", "Das Vera-Rubin-Observatorium in Chile nimmt Bilder auf.", []),
    "neg-zh-named-after-person-observatory": ("zh-Hans", "薇拉·鲁宾天文台(Vera Rubin天文台)发布首批图像", []),
    "neg-hant-named-after-person-observatory": ("zh-Hant", "薇拉·魯賓天文臺(Vera Rubin天文臺)發布首批影像", []),
    # Ampere and Volta are also everyday words: the architecture only beside its vendor, a model or a chip word
    "neg-de-ampere-unit": ("de", "Der Anschluss liefert 16 Ampere.", []),
    "neg-de-ampere-company": ("de", "Softbank übernimmt den Chipentwickler Ampere für 6,5 Milliarden Dollar.", []),
    "de-ampere-architecture": ("de", "Nvidias Ampere-Architektur ist älter.", [n(NV, "Ampere")]),
    "de-ampere-generation-volta": ("de", "Die Ampere-Generation folgt auf die Volta-GPUs.",
                                   [n(NV, "Ampere"), n(NV, "Volta")]),
    "de-family-basiert-describes-member": ("de", "Die Blackwell-basierte B200 ist schnell.", [n(NV, "B200")]),
    "de-family-reihe-without-member": ("de", "Die Blackwell-Reihe ist schnell.", [n(NV, "Blackwell")]),
    # parts of chips and other kinds of chips
    "neg-de-gpu-dies": ("de", "Die GPU wird mit 144 einzelnen GPU-Dies ausgestattet.", []),
    "de-lowercase-article-after-noun": ("de", "Meta betreibt 24.000 GPUs die rund um die Uhr laufen.",
                                        [n(None, "GPU", 24000)]),
    "neg-zh-gpu-dies": ("zh-Hans", "由144个GPU裸片组成", []),
    "neg-hant-gpu-dies": ("zh-Hant", "由144個GPU晶粒組成", []),
    "zh-gpu-count-with-ge": ("zh-Hans", "部署了144个GPU", [n(None, "GPU", 144)]),
    "neg-de-memory-chips": ("de", "Die Darstellungen zeigten acht HBM-Chips und zwei Compute-Tiles.", []),
    "de-ai-chips-in-words": ("de", "Die Darstellungen zeigten acht KI-Chips.", [n(None, "chip", 8)]),
    "de-cpus-listed-after-gpus-not-counted": ("de",
                                              "Ein GB300-System besteht aus 72 Blackwell-GPUs und 36 Arm-basierten "
                                      "Prozessoren.", [n(NV, "GB300"), n(NV, "Blackwell", 72)]),
    "neg-zh-memory-chips": ("zh-Hans", "搭载了8颗HBM芯片", []),
    "neg-hant-memory-chips": ("zh-Hant", "使用了8顆記憶體晶片", []),
    "zh-ai-chips-ke": ("zh-Hans", "搭载了8颗AI芯片", [n(None, "chip", 8)]),
    "neg-de-truncated-compound-nodes": ("de", "Der Standort wird über 112 GPU- und 72 CPU-Knoten verfügen.", []),
    "de-truncated-compound-chips": ("de", "Nvidia lieferte 500.000 H100- und H200-KI-Chips.",
                                    [n(None, "chip", 500000), n(NV, "H100"), n(NV, "H200")]),
    "de-one-count-two-models": ("de", "Für die erste Ausbaustufe kommen etwa 550.000 GB200- und GB300-Beschleuniger "
                                      "zum Einsatz.",
                                [n(None, "chip", 550000, "approx"), n(NV, "GB200"), n(NV, "GB300")]),
    # a year-like figure before an article is a year; a count takes a partitive genitive
    "neg-de-year-before-article": ("de", "Nach Rubin folgt 2027 der VR300.", [n(NV, "Rubin"), n(NV, "VR300")]),
    "de-count-partitive-genitive": ("de", "Meta kaufte 72 der leistungsfähigsten KI-Chips", [n(None, "chip", 72)]),
    # a count referring back whose clause goes on with a verb; a price basis referred back to from another clause
    "hant-refers-back-clause-goes-on": ("zh-Hant",
                                        "H200一顆要價2萬美元，字節跳動第一波將爆買2萬顆來試用，相當於砸4億美元",
                                        [n(NV, "H200", 20000)]),
    "hant-range-refers-back-clause-goes-on": ("zh-Hant", "將使輝達H20晶片庫存量從現有60萬至70萬顆進一步增加。",
                                              [rng(NV, "H20", 600000, 700000)]),
    "zh-refers-back-clause-goes-on": ("zh-Hans", "这款H20芯片，公司计划采购5万颗用于训练", [n(NV, "H20", 50000)]),
    "neg-zh-price-basis-same-clause": ("zh-Hans", "一张H100要3万块来买", [n(NV, "H100")]),
    "neg-hant-price-refers-back-goes-on": ("zh-Hant", "H100晶片售價3萬塊來計", [n(NV, "H100")]),
    # a figure with no measure word inside a count's noun phrase describes the noun; both count
    "zh-bare-figure-inside-noun-phrase": ("zh-Hans", "披露了两个搭载49,152颗全新24K H100 GPU的超级集群",
                                          [n(NV, "H100", 49152), n(NV, "H100", 24000)]),
    "zh-bare-count-after-conjunction": ("zh-Hans", "2000块显卡和10万H100",
                                        [n(None, "GPU", 2000), n(NV, "H100", 100000)]),
    "de-two-counts-two-models": ("de", "20.000 H100 und 10.000 H200", [n(NV, "H100", 20000), n(NV, "H200", 10000)]),
    # a generic count glossed by another, a comma, then the family with its descriptor: the family is counted
    "de-generic-gloss-comma-family": ("de", "Bis Ende 2026 sollen 100.000 Grafikprozessoren GPUs, der "
                                            "„Nvidia-Blackwell“-Generation installiert sein.",
                                      [n(NV, "Blackwell", 100000)]),
    "de-generic-comma-other-noun-family": ("de", "Meta kaufte 10.000 GPUs, der Nvidia-Chef lobte die "
                                                 "Blackwell-Generation", [n(None, "GPU", 10000), n(NV, "Blackwell")]),
    # a count takes no nominative or accusative article; a partitive genitive it does
    "neg-de-year-then-article": ("de", "Da will man 2025 die KI-Beschleuniger B100 und B200 verkaufen.",
                                 [n(NV, "B100"), n(NV, "B200")]),
    "de-partitive-genitive": ("de", "Meta wird mehr als 340.000 der begehrten H100-Chips besitzen.",
                              [n(NV, "H100", 340000, "over")]),
    # German compounds of spaced names, vendors' genitives, more nouns of chips
    "de-spaced-name-hyphened": ("de", "Intel bietet den Gaudi-2-Beschleuniger an.", [n("Intel", "Gaudi 2")]),
    "de-spaced-family-hyphened": ("de", "Das System kombiniert 72 Blackwell-Ultra-GPUs.",
                                  [n(NV, "Blackwell Ultra", 72)]),
    "de-grace-hopper-hyphened": ("de", "Jupiter nutzt rund 10.000 Grace-Hopper-Superchips.",
                                 [n(NV, "GH200", 10000, "approx")]),
    "de-tensor-processing-units": ("de", "Google liefert bis zu 1 Million seiner hauseigenen Tensor Processing Units.",
                                   [n("Google", "TPU", 1000000, "at_most")]),
    "de-vendor-genitive-between": ("de", "Anthropic erhält bis zu eine Million von Googles TPU-Chips.",
                                   [n("Google", "TPU", 1000000, "at_most")]),
    "de-superchips-of-series": ("de", "Die Anlage soll 24 000 sogenannte Superchips der Baureihe GH200 bekommen.",
                                [n(NV, "GH200", 24000)]),
    "de-high-performance-processors": ("de", "Die Cloud basiert auf mehr als 10.000 Hochleistungsprozessoren.",
                                       [n(None, "chip", 10000, "over")]),
    "neg-de-racks-then-verb-processors": ("de", "In 125 Racks warten Hochleistungsprozessoren auf Rechenaufträge.", []),
    "de-vendor-cards": ("de", "Das Unternehmen hat sich 10.000 Nvidia-Karten gesichert.", [n(None, "GPU", 10000)]),
    "neg-de-tickets": ("de", "Für das Konzert wurden 10.000 Karten verkauft.", []),
    "de-number-of-possessive-von-auf": ("de", "Tesla will die Zahl seiner H100-Chips von 35.000 auf 85.000 erhöhen.",
                                        [n(NV, "H100", 35000), n(NV, "H100", 85000)]),
    # a figure in a compound counts the chip it is joined to
    "de-each-per-company": ("de", "Beide Unternehmen dürfen jeweils 35.000 Nvidia-Chips erwerben.",
                            [n(None, "chip", 35000)]),
    "de-each-per-cluster": ("de", "Meta betreibt zwei Cluster mit jeweils 24.576 GPUs.", [n(None, "GPU", 24576)]),
    "neg-de-each-per-node": ("de", "5.938 Rechenknoten mit jeweils vier GH200-Beschleunigern", [n(NV, "GH200")]),
    "de-adjectives-joined": ("de", "Nvidia liefert 18.000 seiner neuesten und leistungsfähigsten KI-Chips an Humain.",
                             [n(None, "chip", 18000)]),
    "de-an-der-zahl-refers-back": ("de", "Das Rechenzentrum nutzt H100-Chips, rund 16.000 an der Zahl.",
                                   [n(NV, "H100", 16000, "approx")]),
    "neg-de-an-der-zahl-without-chip": ("de", "Die Firma zahlte 10.000 Euro, 16.000 an der Zahl.", []),
    "de-scale-abbreviation-without-point": ("de", "Nvidia will 1,2 Mio GPUs und 50 Tsd Chips liefern.",
                                            [n(None, "GPU", 1200000), n(None, "chip", 50000)]),
    "de-figure-compound-cluster": ("de", "xAI betreibt einen 100.000-GPU-Cluster.", [n(None, "GPU", 100000)]),
    "de-figure-k-compound-cluster": ("de", "xAI betreibt einen 100k-GPU-Cluster.", [n(None, "GPU", 100000)]),
    "de-word-count-not-across-figure": ("de", "Meta baut zwei 24.000-GPU-Cluster.", [n(None, "GPU", 24000)]),
    "neg-de-figure-compound-process": ("de", "Die Chips werden im 3-nm-Verfahren gefertigt.", []),
    "neg-de-figure-compound-server": ("de", "Das ist ein 8-GPU-Server.", []),
    "neg-de-figure-compound-money": ("de", "Ein 100-Millionen-Dollar-Deal über Nvidia-Chips.", []),
    "neg-de-figure-compound-system": ("de", "Nvidia zeigt ein 8-GPU-System und ein 2-Chip-Design.", []),
    # products of 2022-2026
    "de-falcon-shores": ("de", "eine Transformation zu Falcon Shores", [n("Intel", "Falcon Shores")]),
    "de-jaguar-shores": ("de", "Intels Jaguar Shores folgt später.", [n("Intel", "Jaguar Shores")]),
    "de-crescent-island": ("de", "Intel kündigt die Inferenz-GPU Crescent Island an.", [n("Intel", "Crescent Island")]),
    "de-feynman": ("de", "Die Architektur Feynman folgt auf Rubin.", [n(NV, "Feynman"), n(NV, "Rubin")]),
    "de-ponte-vecchio": ("de", "Aurora nutzt Intels Ponte-Vecchio-GPUs.", [n("Intel", "Ponte Vecchio")]),
    "de-qualcomm-ai200-ai250": ("de", "Qualcomm stellt die KI-Beschleuniger AI200 und AI250 vor.",
                                [n("Qualcomm", "AI200"), n("Qualcomm", "AI250")]),
    "de-qualcomm-cloud-ai-100": ("de", "Qualcomms Cloud AI 100 ist ein Inferenz-Beschleuniger.",
                                 [n("Qualcomm", "Cloud AI 100")]),
    "zh-qualcomm-ai200": ("zh-Hans", "高通发布AI200和AI250加速卡", [n("Qualcomm", "AI200"), n("Qualcomm", "AI250")]),
    "de-maia-200-hyphened": ("de", "Microsofts Maia-200-Chip rechnet schneller.", [n("Microsoft", "Maia 200")]),
    "zh-maia-200": ("zh-Hans", "微软发布Maia 200芯片", [n("Microsoft", "Maia 200")]),
    # --- German forms of the corpus's test half (issue 19, third pass) ---
    # the indefinite article before a model names it (it is no count of one, nor a price basis)
    "de-einem-chip-names-model": ("de", "im Vergleich zu einem H100-Chip von Nvidia", [n(NV, "H100")]),
    "neg-de-einer-series-after-year": ("de", "die 2026 mit einer Instinct-MI400-Serie fortgesetzt wird",
                                       [n(AMD, "MI400")]),
    # a family with a descriptor describes a chip only where its sentence names one; alone there it is the product
    "de-series-alone-in-its-sentence": ("de",
                                        "Der Instinct MI300X ist schnell. Für die Instinct-MI300-Serie tut man das.",
                                        [n(AMD, "MI300X"), n(AMD, "MI300")]),
    "zh-architecture-product-alone-in-its-sentence": ("zh-Hans", "英伟达推出了H20。Hopper架构的产品需求强劲。",
                                                      [n(NV, "H20"), n(NV, "Hopper")]),
    "hant-architecture-product-alone-in-its-sentence": ("zh-Hant", "輝達推出了H20。Hopper架構的產品需求強勁。",
                                                        [n(NV, "H20"), n(NV, "Hopper")]),
    "neg-de-series-describes-member-in-sentence": ("de", "Die H100 gehört zur Hopper-Serie.", [n(NV, "H100")]),
    "neg-zh-architecture-describes-member-in-sentence": ("zh-Hans", "H20是Hopper架构的产品。", [n(NV, "H20")]),
    # a count of units refers back to the chip before it even where a vendor is named after it in its clause
    "de-units-refer-back-vendor-after": ("de",
                                         "Meta hat 224.000 KI-GPUs erworben, während Amazon auf 196.000 Einheiten "
                                         "kommt und Google weniger.", [n(None, "GPU", 224000), n(None, "GPU", 196000)]),
    "neg-de-units-no-chip-before-vendor-after": ("de", "Die Firma verkaufte 500'000 Einheiten und Nvidia lieferte.",
                                                 []),
    # a generic noun, der / aus der, a family and its descriptor: the family's chips are counted
    "de-generic-of-family": ("de", "Microsoft kaufte fast 500.000 KI-Chips der „Hopper“-Familie von Nvidia.",
                             [n(NV, "Hopper", 500000, "under")]),
    "de-generic-from-family-generation": ("de", "Meta will 10.000 GPUs aus der Blackwell-Generation kaufen.",
                                          [n(NV, "Blackwell", 10000)]),
    "de-generic-of-family-adjective": ("de", "Meta will 10.000 Chips der neuesten Blackwell-Generation kaufen.",
                                       [n(NV, "Blackwell", 10000)]),
    "de-apposition-family-adjective": ("de", "Meta kaufte 10.000 GPUs, alle aus der aktuellen Hopper-Generation.",
                                       [n(NV, "Hopper", 10000)]),
    "de-generic-of-name-without-descriptor": ("de", "Meta kaufte 10.000 GPUs der Hopper-Konkurrenz.",
                                              [n(None, "GPU", 10000), n(NV, "Hopper")]),
    "neg-de-family-marker-without-count": ("de", "Die Chips der Hopper-Familie sind gefragt.", [n(NV, "Hopper")]),
    # an apposition ending the sentence names the family of the generic counts before it, where no model stands between
    "de-apposition-family-of-counts": ("de", "Meta hat 224.000 KI-GPUs erworben und Google 169.000 KI-Chips bestellt – "
                                       "ebenfalls aus der „Hopper“-Reihe.",
                                       [n(NV, "Hopper", 224000), n(NV, "Hopper", 169000)]),
    "de-apposition-after-comma": ("de", "Meta kaufte 10.000 GPUs, alle aus der Blackwell-Generation.",
                                  [n(NV, "Blackwell", 10000)]),
    "de-apposition-model-between": ("de", "Meta kaufte 10.000 GPUs und 500 H100 – ebenfalls aus der Hopper-Reihe.",
                                    [n(None, "GPU", 10000), n(NV, "H100", 500)]),
    "neg-de-apposition-without-counts": ("de", "Die Chips kamen – ebenfalls aus der Hopper-Reihe.", [n(NV, "Hopper")]),
    # a bare figure with another time after it counts the chip counted before it in its sentence
    "de-comparison-count-another-time": ("de", "Huawei will bis zu 1,6 Millionen KI-Chips ausliefern – ein Sprung von "
                                         "600.000 im kommenden Jahr.",
                                         [n(None, "chip", 1600000, "at_most"), n(None, "chip", 600000)]),
    "de-comparison-count-previous-year": ("de", "Nvidia lieferte 3 Millionen GPUs aus, nach 1,5 Millionen im Vorjahr.",
                                          [n(None, "GPU", 3000000), n(None, "GPU", 1500000)]),
    "neg-de-comparison-money": ("de", "Nvidia setzte 30 Milliarden Dollar um, nach 20 Milliarden im Vorjahr.", []),
    "neg-de-comparison-chip-not-counted": ("de", "Nvidia nennt H100-Chips, der Umsatz lag bei 600.000 im Vorjahr.",
                                           [n(NV, "H100")]),
    # a version after an abbreviation is no count of the compound it joins
    "neg-de-version-before-compound": ("de", "Der Chip nutzt AMDs CDNA 3-GPU-Architektur.", []),
    "de-figure-compound-after-abbreviation": ("de", "Meta baut für LLaMA 24.000-GPU-Cluster.", [n(None, "GPU", 24000)]),
    # a count opening its sentence takes an adjective in -e; a word in -en there is a verb
    "neg-de-year-opens-headline-verb": ("de", "Nvidia-Roadmap: 2026 kommen Rubin mit HBM4 und die Vera CPU",
                                        [n(NV, "Rubin")]),
    "de-count-opens-sentence-adjective": ("de", "100.000 neue GPUs kaufte Meta.", [n(None, "GPU", 100000)]),
    "de-count-in-sentence-dative-adjective": ("de", "Meta rüstet mit 2.048 neuen H100 auf.", [n(NV, "H100", 2048)]),
    # an extended attribute (a phrase ending in a participle) may stand between a count and its noun
    "de-extended-attribute": ("de", "Nvidia hat 50.000 nach China gelieferte H20-Chips zurückgerufen.",
                              [n(NV, "H20", 50000)]),
    "de-extended-attribute-noun-in-phrase": ("de", "Letztere sind zwei auf einem Package kombinierte 910B.",
                                             [n(HW, "Ascend 910B", 2)]),
    "neg-de-extended-attribute-year": ("de", "Das 2025 in Betrieb genommene H100-Cluster läuft.", [n(NV, "H100")]),
    "neg-de-preposition-without-participle": ("de", "Meta hat 1.000 mit H100 bestückte Server.", [n(NV, "H100")]),
    # an aside in parentheses may stand between a count and its noun
    "de-aside-between-count-and-noun": ("de", "Eine Gigafactory braucht mindestens 100.000 (und nicht nur 24.000) "
                                        "Prozessoren.", [n(None, "chip", 100000, "at_least")]),
    "neg-de-aside-price": ("de", "Der Preis liegt bei 30.000 (Dollar) pro H100.", []),
    # --- catalogue of 2017-2026, and names that need their context (hardware.yaml: context_aliases, consumer,
    # systems, other_products) ---
    "zh-v100s-kuai": ("zh-Hans", "实验室有64块V100S", [n(NV, "V100S", 64)]),
    "de-titan-v-named": ("de", "Forscher trainierten das Modell auf einer Nvidia Titan V.", [n(NV, "Titan V")]),
    "hant-titan-rtx-zhang": ("zh-Hant", "團隊用了4張TITAN RTX訓練模型", [n(NV, "Titan RTX", 4)]),
    "zh-gb10-named": ("zh-Hans", "DGX Spark搭载GB10超级芯片", [n(NV, "GB10")]),
    "de-rtx-a5000-named": ("de", "Die Workstation hat zwei RTX A5000.", [n(NV, "RTX A5000", 2)]),
    "zh-rtx-5000-ada-named": ("zh-Hans", "工作站配备RTX 5000 Ada显卡", [n(NV, "RTX 5000 Ada")]),
    "de-rtx-pro-5000-named": ("de", "die neue RTX Pro 5000 Blackwell", [n(NV, "RTX Pro 5000")]),
    "zh-vr200-named": ("zh-Hans", "英伟达下一代VR200超级芯片", [n(NV, "VR200")]),
    "de-vr300-named": ("de", "Nach Rubin folgt der VR300.", [n(NV, "Rubin"), n(NV, "VR300")]),
    "de-mi25-mi50-mi60-named": ("de", "AMDs Radeon Instinct MI25, MI50 und MI60",
                                [n(AMD, "MI25"), n(AMD, "MI50"), n(AMD, "MI60")]),
    "zh-mi100-mi210-kuai": ("zh-Hans", "超算中心部署了500块MI100和200块MI210",
                            [n(AMD, "MI100", 500), n(AMD, "MI210", 200)]),
    "de-mi200-series-named": ("de", "Die Instinct-MI200-Serie kam 2021.", [n(AMD, "MI200")]),
    "zh-mi430x-mi440x-mi455x-named": ("zh-Hans", "AMD发布MI430X、MI440X与MI455X",
                                      [n(AMD, "MI430X"), n(AMD, "MI440X"), n(AMD, "MI455X")]),
    "de-mi500-named": ("de", "2027 soll die MI500-Serie folgen.", [n(AMD, "MI500")]),
    "de-tpu-v2-v3-named": ("de", "Google nutzte TPU v2 und TPU v3.", [n("Google", "TPU v2"), n("Google", "TPU v3")]),
    "zh-trainium4-named": ("zh-Hans", "亚马逊正在开发Trainium4", [n("Amazon", "Trainium4")]),
    "de-wse-named": ("de", "Cerebras stellte 2019 die Wafer Scale Engine vor.", [n("Cerebras", "WSE")]),
    "de-sambanova-named": ("de", "SambaNova baut den SN40L, Nachfolger von SN30 und SN10.",
                           [n("SambaNova", "SN40L"), n("SambaNova", "SN30"), n("SambaNova", "SN10")]),
    "de-graphcore-gc200-bow-named": ("de", "Graphcore verkauft den GC200 und die Bow IPU.",
                                     [n("Graphcore", "GC200"), n("Graphcore", "Bow IPU")]),
    "zh-ascend-310p-named": ("zh-Hans", "推理卡搭载昇腾310P", [n(HW, "Ascend 310P")]),
    "zh-mlu100-270-290-named": ("zh-Hans", "寒武纪先后推出思元100、思元270和思元290",
                                [n("Cambricon", "MLU100"), n("Cambricon", "MLU270"), n("Cambricon", "MLU290")]),
    "hant-tpu-v8-named": ("zh-Hant", "市場傳出最新TPU v8的計算晶片設計可能仍待調整", [n("Google", "TPU v8")]),
    "zh-kunlun-m100-m300-named": ("zh-Hans", "百度发布昆仑芯M100和昆仑芯M300",
                                  [n("Baidu", "Kunlun M100"), n("Baidu", "Kunlun M300")]),
    "hant-kunlun-1-pian": ("zh-Hant", "百度已部署2萬片崑崙芯1代", [n("Baidu", "Kunlun 1", 20000)]),
    "zh-mtt-s2000-named": ("zh-Hans", "摩尔线程的MTT S2000", [n("Moore Threads", "MTT S2000")]),
    "zh-enflame-t10-i10-named": ("zh-Hans", "燧原推出云燧T10和云燧i10",
                                 [n("Enflame", "CloudBlazer T10"), n("Enflame", "CloudBlazer i10")]),
    # context aliases: everyday words and figures that name a chip only where the text says so
    "de-a30-gpu": ("de", "Das Rechenzentrum hat 200 A30-GPUs.", [n(NV, "A30", 200)]),
    "neg-de-a30-motorway": ("de", "Auf der A30 staut sich der Verkehr über 12 Kilometer.", []),
    "zh-a30-listed": ("zh-Hans", "包括A100、A30和H100", [n(NV, "A100"), n(NV, "A30"), n(NV, "H100")]),
    "neg-zh-l2-cache": ("zh-Hans", "3* X4大核 @3.3GHz, 1MB L2", []),
    "zh-l2-vendor": ("zh-Hans", "英伟达L2与L20均为特供版", [n(NV, "L2"), n(NV, "L20")]),
    "hant-l2-vendor": ("zh-Hant", "輝達L2顯卡", [n(NV, "L2")]),
    "neg-hant-l2-cache": ("zh-Hant", "每核配備2MB L2快取", []),
    "de-gaudi-vendor": ("de", "Intels Gaudi kam 2019 auf den Markt.", [n("Intel", "Gaudi")]),
    "de-gaudi-chips": ("de", "Amazon testet 1.000 Gaudi-Chips.", [n("Intel", "Gaudi", 1000)]),
    "neg-de-gaudi-architect": ("de", "Gaudi – ein Glücksfall für Barcelona", []),
    "zh-bare-number-after-card": ("zh-Hans", "用一张4090就能跑起来", [n(NV, "RTX 4090")]),
    "zh-bare-number-zhang-count": ("zh-Hans", "租了8张4090跑推理", [n(NV, "RTX 4090", 8)]),
    "hant-bare-number-card": ("zh-Hant", "改用8張3090顯卡", [n(NV, "RTX 3090", 8)]),
    "neg-zh-bare-number-figure": ("zh-Hans", "公司净亏损3080万元", []),
    "neg-hant-bare-number-figure": ("zh-Hant", "股價報4090點", []),
    "de-bare-number-grafikkarte": ("de", "Eine 4090-Grafikkarte reicht dafür aus.", [n(NV, "RTX 4090")]),
    "neg-de-bare-number-figure": ("de", "Die Aktie schloss bei 4090 Punkten.", []),
    "zh-b40-vendor": ("zh-Hans", "英伟达B40将取代H20", [n(NV, "RTX Pro 6000D"), n(NV, "H20")]),
    "neg-de-b40-road": ("de", "Die B40 ist zwischen Mainz und Frankfurt gesperrt.", []),
    "de-ipu-graphcore": ("de", "Die Graphcore-IPUs rechnen parallel.", [n("Graphcore", "IPU")]),
    "neg-de-ipu-abbreviation": ("de", "Die IPU der Universität tagte.", []),
    # gaming cards: no claim in a sentence about gaming, a claim where bought or rented for AI
    "neg-de-gaming-card": ("de", "Gaming-Grafikkarten wie die GeForce RTX 3080 Ti bekommen GDDR6X-Speicher.", []),
    "de-consumer-card-for-ai": ("de", "Das Start-up trainiert auf 500 RTX 3080 Ti.", [n(NV, "RTX 3080 Ti", 500)]),
    "neg-zh-gaming-card": ("zh-Hans", "RTX 4080的游戏性能提升明显", []),
    "zh-consumer-card-for-ai": ("zh-Hans", "公司用1000张RTX 4080训练模型", [n(NV, "RTX 4080", 1000)]),
    "neg-hant-gaming-card": ("zh-Hant", "RTX 5080主打電競玩家", []),
    "hant-consumer-card-for-ai": ("zh-Hant", "實驗室採購了50張RTX 5080", [n(NV, "RTX 5080", 50)]),
    "zh-5090d-compute-card": ("zh-Hans", "它由双路服务器和5090D计算卡构成", [n(NV, "RTX 5090D")]),
    "de-2080-ti-named": ("de", "Die Forscher nutzten eine RTX 2080 Ti.", [n(NV, "RTX 2080 Ti")]),
    "hant-3090-ti-named": ("zh-Hant", "兩張RTX 3090 Ti", [n(NV, "RTX 3090 Ti", 2)]),
    "zh-3080-named": ("zh-Hans", "8张RTX 3080", [n(NV, "RTX 3080", 8)]),
    # systems: their name is no chip, their figure no count; a count before one counts systems
    "neg-zh-dgx-h100-tai": ("zh-Hans", "200台DGX H100", [n(NV, "H100")]),
    "neg-zh-cloudmatrix-system": ("zh-Hans", "华为CloudMatrix 384超节点", []),
    "neg-de-cloudmatrix-figure": ("de", "Das CloudMatrix 384 System tritt gegen GB200 NVL72 an.", [n(NV, "GB200")]),
    "de-system-chips-counted": ("de", "Im DGX A100 sind acht A100-GPUs verbaut.", [n(NV, "A100"), n(NV, "A100", 8)]),
    "neg-de-count-before-system": ("de", "Die Firma kaufte 1000 DGX B200.", [n(NV, "B200")]),
    "neg-hant-atlas-system": ("zh-Hant", "華為Atlas 950超節點", []),
    "hant-system-chips-counted": ("zh-Hant", "Atlas 950超節點搭載8192顆昇騰950",
                                  [n(HW, "Ascend 950", 8192)]),
    "neg-zh-tianchi-system": ("zh-Hans", "百度发布天池256超节点", []),
    "neg-de-helios-rack": ("de", "AMD zeigt das Helios-Rack mit MI455X.", [n(AMD, "MI455X")]),
    # other products named by a figure: it is a model number, never a count of chips
    "neg-de-epyc-model-number": ("de", "Der Server nutzt zwei AMD Epyc 7742 Prozessoren.", []),
    "neg-zh-kunpeng-model-number": ("zh-Hans", "搭载鲲鹏920处理器和两颗鲲鹏920芯片", []),
    "neg-hant-xeon-model-number": ("zh-Hant", "兩顆至強8480晶片", []),
    "neg-zh-snapdragon": ("zh-Hans", "手机搭载骁龙8 Gen 3芯片", []),
    # a measure word that starts a currency word (台 of 台币) counts money
    "neg-hant-classifier-starts-currency": ("zh-Hant", "耗資約1000億人民幣（約4500億台幣）採購輝達H200晶片",
                                            [n(NV, "H200")]),
    "hant-classifier-not-currency": ("zh-Hant", "採購了4500台H200伺服器和200台H200",
                                     [n(NV, "H200"), n(NV, "H200", 200)]),
    "neg-zh-classifier-starts-currency": ("zh-Hans", "一块H100要3万块钱", [n(NV, "H100")]),
    # a family name in a list of vendors names the company (昆仑芯 is Baidu's chip line and its chip company)
    "neg-zh-family-listed-with-vendors": ("zh-Hans", "以华为海思、寒武纪、昆仑芯、平头哥等为代表的ASIC芯片设计企业",
                                          []),
    "neg-hant-family-listed-with-vendors": ("zh-Hant", "寒武紀、崑崙芯與壁仞等晶片公司", []),
    "hant-family-after-its-vendor-listed-with-vendor": ("zh-Hant", "從輝達Blackwell與超微AI平台的需求可以看出",
                                                        [n(NV, "Blackwell")]),
    "zh-family-listed-with-models": ("zh-Hans", "部署了升腾910B、昆仑芯等主流算力芯片",
                                     [n(HW, "Ascend 910B"), n("Baidu", "Kunlunxin")]),
    # a generic noun, then the vendor, the family and the model: the model is counted (the family yields to it)
    "de-generic-vendor-family-model": ("de", "dank den 3744 im Beschleunigermodul verbauten Grafikprozessoren Nvidia "
                                             "Ampere A100.", [n(NV, "A100", 3744)]),
    "de-generic-vendor-model": ("de", "3744 Grafikprozessoren Nvidia A100", [n(NV, "A100", 3744)]),
    "de-generic-count-then-verb-then-model": ("de", "100 GPUs Nvidia kündigte A100 an",
                                              [n(None, "GPU", 100), n(NV, "A100")]),
    "neg-de-generic-vendor-model-after-server": ("de", "1000 Server mit GPUs Nvidia A100", [n(NV, "A100")]),
    # a figure of thousands, a space, then the family and the model, no measure word (Chinese text quoting English)
    "hant-bare-thousands-family-model": ("zh-Hant", "其中使用7000 Blackwell GB300 GPUs，屆時",
                                         [n(NV, "GB300", 7000)]),
    "zh-bare-thousands-comma-model": ("zh-Hans", "使用12,000 H100训练", [n(NV, "H100", 12000)]),
    "neg-zh-bare-year-model": ("zh-Hans", "2025 H20出货", [n(NV, "H20")]),
    "neg-zh-bare-figure-of-a-product-line": ("zh-Hans", "游戏业务因 Radeon 9000 显卡增长", []),
    "neg-hant-bare-figure-after-a-name": ("zh-Hant", "部署了GMI 7000 H100", [n(NV, "H100")]),
    # a count, a qualifier and a partitive word before the noun; not after a year's figure
    "de-count-qualifier-partitive": ("de", "große Bestellungen von 200.000 oder mehr an KI-Computerchips",
                                     [n(None, "chip", 200000, "at_least")]),
    "de-count-partitive": ("de", "Meta will 100.000 an GPUs kaufen", [n(None, "GPU", 100000)]),
    "neg-de-year-partitive": ("de", "Nvidia lieferte 2024 an Meta H100-Chips", [n(NV, "H100")]),
    # an everyday name after a word for a predecessor or successor names the product
    "de-predecessor-everyday-name": ("de", "die Kapazität erhöht sich gegenüber dem Vorgänger Volta von 32 auf 40 GB",
                                     [n(NV, "Volta")]),
    "neg-de-everyday-name-lorry-maker": ("de", "Der Lkw-Hersteller Volta stellt einen Elektro-Lkw vor", []),
    "hant-predecessor-everyday-name": ("zh-Hant", "相比上一代安培，性能提升兩倍", [n(NV, "Ampere")]),
    "neg-hant-everyday-name-unit": ("zh-Hant", "電流為16安培", []),
    "zh-predecessor-everyday-name": ("zh-Hans", "相比前代安培，性能提升两倍", [n(NV, "Ampere")]),
    "neg-zh-everyday-name-physicist": ("zh-Hans", "法国物理学家安培发现了电流定律", []),
}

GAPS = {
    "gap-de-family-named-in-an-earlier-sentence": gap(
        "de", "Microsoft kaufte 500.000 KI-Chips der Hopper-Familie. Der Konzern hat 485.000 KI-Prozessoren bestellt.",
        [n(NV, "Hopper", 500000), n(NV, "Hopper", 485000)],
        "a generic count whose family only an earlier sentence names stays generic"),
    "gap-hant-tw-refers-back-other-paragraph": gap(
        "zh-Hant", "輝達H200晶片被允許出口中國。\n\n此消息最早由路透報導。據了解，輝達目前庫存僅有 70 萬片。",
        [n(NV, "H200"), n(None, "chip", 700000)], "a count with no chip in its sentence refers to none"),
    "gap-zh-count-of-a-noun-before-de": gap("zh-Hans", "同时满足以下两个条件的即为受管制的高性能计算芯片", [],
                                            "a count's own noun before 的 (两个条件的…芯片) is not told from a "
                                            "modifier clause "
                                            "(2048块性能远低于H100的H800芯片): the chip after 的 is counted"),
    "gap-zh-per-server-yitai": gap("zh-Hans", "一台DGX B200服务器搭载8块B200 GPU", [n(NV, "B200")],
                                   "一台 (one machine) before a per-machine count is not a rate marker"),
}


@pytest.mark.parametrize(("locale", "text", "expected"),
                         [pytest.param(*case, id=cid) for cid, case in CASES.items()] + [
                             pytest.param(*p.values, marks=p.marks, id=cid) for cid, p in GAPS.items()])
def test_hardware_case(locale, text, expected):
    matching = to_simplified(text) if locale.startswith("zh") else text
    got = [(h.vendor, h.model, h.count, h.count_low, h.count_high, h.count_qualifier)
           for h in extract_hardware(matching, locale)]
    assert got == expected


def test_vague_counts_keep_the_contract():
    """An indefinite count (数万块, Tausende) is vague: no count, its span in count_low/count_high, qualifier approx;
    every other claim is not vague (docs/claims-contract.md)."""
    for locale, text, _ in CASES.values():
        for h in extract_hardware(to_simplified(text) if locale.startswith("zh") else text, locale):
            assert h.vague == (h.count is None and h.count_low is not None and h.count_qualifier == "approx"), (text, h)
            assert not h.vague or h.count_low is not None and h.count_high is not None and h.count_low < h.count_high


def test_table_is_large_enough():
    negatives = [cid for cid in CASES if cid.startswith("neg-")]
    assert len(CASES) + len(GAPS) >= 245 and len(negatives) >= 60
    # every script has positive and negative cases; a negative has no count (a named model may remain)
    assert {(c[0], cid.startswith("neg-")) for cid, c in CASES.items()} == {
        (locale, neg) for locale in ("zh-Hans", "zh-Hant", "de") for neg in (True, False)}
    assert all(claim[2] is None and claim[3] is None for cid in negatives for claim in CASES[cid][2])


CATALOGUE_DATA = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))


def test_every_catalogue_model_has_a_positive_case():
    """A model added to the catalogue needs a case here that finds it (a data change plus a case)."""
    found = {claim[1] for _, _, expected in CASES.values() for claim in expected}
    assert [m["model"] for m in CATALOGUE_DATA["models"] if m["model"] not in found] == []


def test_every_vendor_has_a_positive_case():
    found = {claim[0] for _, _, expected in CASES.values() for claim in expected}
    assert sorted(set(CATALOGUE_DATA["vendors"]) - found) == []


def test_every_catalogue_entry_cites_its_source():
    assert [m["model"] for m in CATALOGUE_DATA["models"] if not str(m.get("source", "")).strip()] == []
    assert {m["vendor"] for m in CATALOGUE_DATA["models"]} <= set(CATALOGUE_DATA["vendors"])


def test_new_catalogue_model_needs_no_code_change(tmp_path: Path):
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    data["vendors"]["Acme"] = ["Acme", "艾克米"]
    data["models"].append({"model": "X9000", "vendor": "Acme", "aliases": ["X9000", "艾克米X9000"],
                           "source": "Acme press release (2026)"})
    catalogue = tmp_path / "hardware.yaml"
    catalogue.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    pipeline = build_nlp(catalogue, PATTERNS)

    got = extract_hardware("该公司采购了3000块X9000", "zh-Hans", pipeline=pipeline)
    assert [(h.vendor, h.model, h.count) for h in got] == [("Acme", "X9000", 3000)]
    got = extract_hardware("rund 500 Acme-X9000-Chips", "de", pipeline=pipeline)
    assert [(h.vendor, h.model, h.count, h.count_qualifier) for h in got] == [("Acme", "X9000", 500, "approx")]
    # Traditional text matches once converted, as the pipeline converts it
    got = extract_hardware(to_simplified("採購了3000顆艾克米X9000"), "zh-Hant", pipeline=pipeline)
    assert [(h.vendor, h.model, h.count) for h in got] == [("Acme", "X9000", 3000)]
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
    texts += [text for _, text, _ in CASES.values()]

    def spans(nlp, text):
        doc = nlp(text)  # a Doc's span groups need the Doc alive
        return [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["hw"]]
    for text in texts:
        assert spans(merged, text) == spans(per_character, text)


def _beside_names(hits):
    """The ruler's hits without one-unit words (pro, 单卡) that stand beside no other hit: windows do not look for
    those (they matter only beside a name)."""
    def beside(h, o):
        return o is not h and o.label_ != "SINGLE" and (h.start_char <= o.start_char <= h.end_char + 1
                                                        or o.end_char <= h.start_char <= o.end_char + 1)
    return [h for h in sorted(hits) if h.label_ != "SINGLE" or any(beside(h, o) for o in hits)]


def test_windows_find_the_spans_the_whole_text_has():
    """spaCy runs only on windows around anchors (ruler_hits): on long texts of real articles in every script, and on
    every case text, it finds what the whole text's Doc finds."""
    nlp, _ = default_nlp()
    root = Path(__file__).parents[1]
    articles = sorted((root / "bench" / "real" / "articles").glob("*.txt")) + sorted((root / "seeds").iterdir())
    def joined(prefix: str) -> str:
        return "\n\n".join(p.read_text(encoding="utf-8") for p in articles if p.name.startswith(prefix))
    texts = {prefix: to_simplified(joined(prefix)) for prefix in ("hans-", "hk-", "tw-")}
    texts["de"] = "\n\n".join(p.read_text(encoding="utf-8") for p in articles if p.name.startswith("de-"))
    texts["seeds"] = to_simplified("\n".join(p.read_text(encoding="utf-8") for p in articles
                                             if not p.name[0].isalpha()))
    texts["cases"] = "\n".join(to_simplified(text) for _, text, _ in CASES.values())
    for name, text in texts.items():
        assert len(text) >= hardware.WINDOWS_FROM, name
        doc = nlp(text)
        whole = [hardware.Hit(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["hw"]]
        assert _beside_names(hardware.ruler_hits(nlp, text)) == _beside_names(whole), name
