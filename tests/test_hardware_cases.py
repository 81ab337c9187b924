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
    "zh-shangwan": ("zh-Hans", "上万块GPU", [n(None, "GPU", 10000, "at_least")]),
    "zh-ka-noun": ("zh-Hans", "1万张卡", [n(None, "chip", 10000)]),
    "zh-wanka-cluster": ("zh-Hans", "万卡集群", [n(None, "chip", 10000)]),
    "zh-model-wanka-cluster": ("zh-Hans", "百度点亮了昆仑芯三万卡集群", [n("Baidu", "Kunlunxin", 30000)]),
    "hant-chao-wanka-cluster": ("zh-Hant", "超萬卡叢集", [n(None, "chip", 10000, "over")]),
    "zh-vague-ka": ("zh-Hans", "数千卡规模", [rng(None, "chip", 1000, 10000, "approx")]),
    "neg-zh-credit-cards": ("zh-Hans", "发行了1万张信用卡", []),
    "neg-zh-postcards": ("zh-Hans", "寄出一万张卡片", []),
    "neg-zh-eight-card-server": ("zh-Hans", "500台8卡服务器", []),
    "neg-zh-per-machine-cards": ("zh-Hans", "单机8卡", []),
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
    "de-blackwell-ultra-named": ("de", "Nvidias Blackwell Ultra", [n(NV, "B300")]),
    "zh-b20-named": ("zh-Hans", "专供中国市场的B20", [n(NV, "B20")]),
    "zh-b30a-approx": ("zh-Hans", "约1万块B30A", [n(NV, "B30A", 10000, "approx")]),
    "zh-l40-named": ("zh-Hans", "L40显卡", [n(NV, "L40")]),
    "zh-l20-zhang": ("zh-Hans", "采购了5000张L20", [n(NV, "L20", 5000)]),
    "zh-l4-inference-card": ("zh-Hans", "部署了300张L4推理卡", [n(NV, "L4", 300)]),
    "zh-p100-named": ("zh-Hans", "老一代P100", [n(NV, "P100")]),
    "zh-t4-kuai": ("zh-Hans", "100块T4", [n(NV, "T4", 100)]),
    "zh-rtx6000-ada-named": ("zh-Hans", "RTX 6000 Ada工作站显卡", [n(NV, "RTX 6000 Ada")]),
    "zh-rtx3090-zhang": ("zh-Hans", "4张RTX 3090", [n(NV, "RTX 3090", 4)]),
    "zh-rtx5090-zhang": ("zh-Hans", "囤了200张RTX 5090显卡", [n(NV, "RTX 5090", 200)]),
    "hant-rtx4090d-named": ("zh-Hant", "中國特供版RTX 4090D", [n(NV, "RTX 4090")]),
    "de-volta-named": ("de", "die Volta-Architektur", [n(NV, "Volta")]),
    "zh-rubin-named": ("zh-Hans", "英伟达下一代Rubin架构", [n(NV, "Rubin")]),
    "de-vera-rubin-named": ("de", "Nvidias Vera Rubin", [n(NV, "Rubin")]),
    "zh-hopper-family-yields": ("zh-Hans", "Hopper H100", [n(NV, "H100")]),
    "de-blackwell-b200-compound": ("de", "2.000 Blackwell-B200-GPUs", [n(NV, "B200", 2000)]),
    "zh-mi250-named": ("zh-Hans", "AMD Instinct MI250", [n(AMD, "MI250")]),
    "zh-mi300-family-named": ("zh-Hans", "AMD MI300系列", [n(AMD, "MI300")]),
    "zh-mi300a-ke": ("zh-Hans", "超算使用了4万颗MI300A", [n(AMD, "MI300A", 40000)]),
    "zh-mi308x-named": ("zh-Hans", "AMD向中国出口MI308", [n(AMD, "MI308X")]),
    "hant-tw-mi308x-named": ("zh-Hant", "超微MI308晶片", [n(AMD, "MI308X")]),
    "zh-mi350x-kuai": ("zh-Hans", "甲骨文部署了13万块MI350X", [n(AMD, "MI350X", 130000)]),
    "hant-tw-chaowei-mi355x-named": ("zh-Hant", "超微MI355X", [n(AMD, "MI355X")]),
    "de-mi325x-named": ("de", "AMDs Instinct MI325X", [n(AMD, "MI325X")]),
    "zh-mi450-alias": ("zh-Hans", "OpenAI将部署AMD MI450", [n(AMD, "MI400")]),
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
    "zh-dojo-named": ("zh-Hans", "特斯拉Dojo超级计算机", [n("Tesla", "Dojo")]),
    "de-dojo-named": ("de", "Teslas Supercomputer Dojo", [n("Tesla", "Dojo")]),
    "zh-wse3-named": ("zh-Hans", "Cerebras的WSE-3晶圆级芯片", [n("Cerebras", "WSE-3")]),
    "de-wse2-named": ("de", "Cerebras WSE-2", [n("Cerebras", "WSE-2")]),
    "zh-groq-lpu-named": ("zh-Hans", "Groq的LPU芯片", [n("Groq", "LPU")]),
    "de-groq-lpus-count": ("de", "rund 19.000 LPUs von Groq", [n("Groq", "LPU", 19000, "approx")]),
    # Huawei, Cambricon, Hygon, Kunlunxin, T-Head, Biren, Moore Threads, Enflame, Iluvatar, MetaX
    "zh-ascend-910-named": ("zh-Hans", "华为昇腾910", [n(HW, "Ascend 910")]),
    "zh-ascend-920-ke": ("zh-Hans", "计划生产10万颗昇腾920", [n(HW, "Ascend 920", 100000)]),
    "hant-hk-ascend-920-named": ("zh-Hant", "華為昇騰920晶片", [n(HW, "Ascend 920")]),
    "zh-ascend-950pr-named": ("zh-Hans", "华为发布昇腾950PR", [n(HW, "Ascend 950")]),
    "hant-tw-ascend-910c-named": ("zh-Hant", "華為昇騰910C晶片", [n(HW, "Ascend 910C")]),
    "de-ascend-910b-compound": ("de", "7.000 Huawei-Ascend-910B-Chips", [n(HW, "Ascend 910B", 7000)]),
    "de-ascend-family-count": ("de", "5.000 Ascend-Chips von Huawei", [n(HW, "Ascend", 5000)]),
    "zh-cloudmatrix-named": ("zh-Hans", "华为CloudMatrix 384超节点", [n(HW, "CloudMatrix 384")]),
    "zh-ascend-vendor-context": ("zh-Hans", "华为昇腾", [n(HW, "Ascend")]),
    "zh-ascend-vendor-de-context": ("zh-Hans", "华为的昇腾", [n(HW, "Ascend")]),
    "zh-ascend-ai-context": ("zh-Hans", "昇腾AI处理器", [n(HW, "Ascend")]),
    "zh-ascend-series-context": ("zh-Hans", "昇腾系列", [n(HW, "Ascend")]),
    "zh-ascend-classifier-context": ("zh-Hans", "采购了1万块昇腾", [n(HW, "Ascend", 10000)]),
    "hant-ascend-cluster-context": ("zh-Hant", "昇騰叢集", [n(HW, "Ascend")]),
    "zh-mlu590-refers-back": ("zh-Hans", "寒武纪思元590芯片出货2万片", [n("Cambricon", "MLU590", 20000)]),
    "hant-cambricon-mlu370-named": ("zh-Hant", "寒武紀思元370", [n("Cambricon", "MLU370")]),
    "de-cambricon-mlu590-named": ("de", "Cambricon MLU590", [n("Cambricon", "MLU590")]),
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
    "zh-enflame-t20-named": ("zh-Hans", "燧原云燧T20", [n("Enflame", "CloudBlazer T20")]),
    "hant-enflame-t20-named": ("zh-Hant", "燧原雲燧T20", [n("Enflame", "CloudBlazer T20")]),
    "zh-enflame-t21-zhang": ("zh-Hans", "500张云燧T21", [n("Enflame", "CloudBlazer T21", 500)]),
    "zh-enflame-i20-named": ("zh-Hans", "燧原科技云燧i20推理卡", [n("Enflame", "CloudBlazer i20")]),
    "zh-iluvatar-tiangai-named": ("zh-Hans", "天数智芯天垓100", [n("Iluvatar CoreX", "Tiangai 100")]),
    "hant-iluvatar-zhikai-named": ("zh-Hant", "天數智芯智鎧100", [n("Iluvatar CoreX", "Zhikai 100")]),
    "zh-iluvatar-zhikai-kuai": ("zh-Hans", "2000块智铠100", [n("Iluvatar CoreX", "Zhikai 100", 2000)]),
    "zh-metax-c500-named": ("zh-Hans", "沐曦曦云C500", [n("MetaX", "Xiyun C500")]),
    "hant-metax-c500-named": ("zh-Hant", "沐曦曦雲C500", [n("MetaX", "Xiyun C500")]),
    "zh-metax-c550-zhang": ("zh-Hans", "1万张曦云C550", [n("MetaX", "Xiyun C550", 10000)]),
    "zh-metax-n100-named": ("zh-Hans", "曦思N100", [n("MetaX", "Xisi N100")]),
    # Traditional-script vendors before models (Taiwan 輝達, Hong Kong 英偉達)
    "hant-tw-huida-b200-refers-back": ("zh-Hant", "輝達B200晶片出貨20萬顆", [n(NV, "B200", 200000)]),
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
    "neg-zh-no-classifier-plain-digits": ("zh-Hans", "4090显卡", []),
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
    "hant-hk-yu-baiwan-refers-back": ("zh-Hant", "英偉達的H20晶片，內地企業已訂購逾百萬顆", [n(NV, "H20", 1000000, "over")]),
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
    "hant-refers-back-approx": ("zh-Hant", "輝達H20晶片今年出貨量約100萬顆", [n(NV, "H20", 1000000, "approx")]),
    "zh-refers-back-model-approx": ("zh-Hans", "华为昇腾910C今年产量约10万颗", [n(HW, "Ascend 910C", 100000, "approx")]),
    "zh-refers-back-range": ("zh-Hans", "昆仑芯P800出货量为2万至3万片", [rng("Baidu", "Kunlun P800", 20000, 30000)]),
    "zh-refers-back-over": ("zh-Hans", "H200芯片订单超过50万颗", [n(NV, "H200", 500000, "over")]),
    "zh-refers-back-kuai-count": ("zh-Hans", "这个模型在GPU上训练，只用了8块", [n(None, "GPU", 8)]),
    "zh-refers-back-after-count": ("zh-Hans", "公司采购了2000块H100，今年再买3000块", [n(NV, "H100", 2000), n(NV, "H100", 3000)]),
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
    "neg-zh-refers-back-one-unit": ("zh-Hans", "一张H100要3万块", []),
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
    "neg-de-price-per-chip": ("de", "30.000 Dollar pro H100", []),
    "neg-de-price-words-per-chip": ("de", "Die Firma zahlte zehntausend Dollar je H100.", []),
    "neg-de-price-before-cluster": ("de", "Die zwei Millionen Euro teuren H100-Cluster.", [n(NV, "H100")]),
    "de-und-mehrere-is-no-oder-mehr": ("de", "10.000 und mehrere H100", [n(NV, "H100", 10000)]),
    "de-eine-h100-is-no-count": ("de", "Eine H100 kostet 30.000 Dollar.", [n(NV, "H100")]),
    "neg-de-zweitausend-staff": ("de", "Die zweitausend Mitarbeiter", []),
    "neg-de-die-chips": ("de", "die Chips", []),
    "neg-de-rack-alone": ("de", "NVL72", []),
}

GAPS = {
    "gap-de-count-after-noun": gap("de", "Die Zahl der GPUs soll auf 100.000 steigen.", [n(None, "GPU", 100000)],
                                   "German counts after their noun (Zahl der GPUs … 100.000) are not linked"),
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
    texts += [text for locale, text, _ in CASES.values()]
    for text in texts:
        def spans(nlp):
            doc = nlp(text)
            return [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["hw"]]
        assert spans(merged) == spans(per_character)
