"""Claim context (subject, topic, attribution) on the seeds, scored against tests/gold/seeds_context.jsonl.

The gold is a copy of tests/gold/seeds.jsonl whose money items carry a hand-set ``subject`` and ``topic`` (what
the article says, not what the code outputs; ``note`` explains the judgment calls). A gold item is matched to
the first claim of its document with the same currency and value/low/high, preferring the same qualifier.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.context import TOPICS, annotate, attribution_of, subject_of, topic_of

GOLD_CONTEXT = Path(__file__).with_name("gold") / "seeds_context.jsonl"
SUBJECT_FLOOR = 0.80
TOPIC_FLOOR = 0.80


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def match(claims: list[dict], doc: str, item: dict) -> dict | None:
    """The claim a gold money item stands for: same doc, currency and amount; same qualifier first."""
    found = [c for c in claims if c["kind"] == "money" and c["doc_id"] == doc and c["currency"] == item["currency"]
             and all(_same(c[k], item.get(k)) for k in ("value", "low", "high"))]
    same_q = [c for c in found if c["qualifier"] == item.get("qualifier")]
    return (same_q or found or [None])[0]


def score_context(claims: list[dict]) -> dict:
    rows = []
    for line in GOLD_CONTEXT.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        for item in gold["money"]:
            claim = match(claims, gold["doc"], item)
            rows.append({"doc": gold["doc"], "gold": item, "subject": claim and claim["subject"],
                         "topic": claim and claim["topic"], "found": claim is not None})
    n = len(rows)
    return {"n": n, "rows": rows,
            "subject_acc": sum(r["found"] and r["subject"] == r["gold"]["subject"] for r in rows) / n,
            "topic_acc": sum(r["found"] and r["topic"] == r["gold"]["topic"] for r in rows) / n}


@pytest.fixture(scope="module")
def scored(seed_results):
    return score_context([c for r in seed_results.values() for c in r.claims])


def _misses(scored, field):
    return json.dumps([{"doc": r["doc"][:3], "gold": r["gold"], field: r[field]} for r in scored["rows"]
                       if r[field] != r["gold"][field]], ensure_ascii=False)


def test_gold_covers_every_money_item(scored):
    assert scored["n"] == 34
    assert all(r["found"] for r in scored["rows"])
    assert all(r["gold"]["topic"] in TOPICS for r in scored["rows"])


def test_subject_accuracy_on_the_seeds(scored):
    assert scored["subject_acc"] >= SUBJECT_FLOOR, _misses(scored, "subject")


def test_topic_accuracy_on_the_seeds(scored):
    assert scored["topic_acc"] >= TOPIC_FLOOR, _misses(scored, "topic")


def test_every_claim_has_a_valid_topic_or_none(seed_results):
    for r in seed_results.values():
        for c in r.claims:
            assert (c["topic"] in TOPICS) if c["kind"] == "money" else c["topic"] is None


def _at(sentence: str, amount: str) -> tuple[str, int, int]:
    i = sentence.index(amount)
    return sentence, i, i + len(amount)


SUBJECTS = [  # (id, locale, sentence, amount, subject)
    ("zh-nearest-in-clause", "zh-Hans", "但为此它需要筹集资金，DeepSeek-V3的训练成本仅557万美元", "557万美元", "DeepSeek-V3"),
    # a comparandum (媲美 / im Vergleich zu) is not the subject
    ("zh-comparandum-skipped", "zh-Hans", "DeepSeek用不到600万美元就研发出媲美OpenAI的AI工具", "600万美元", "DeepSeek"),
    # a model beats its company; the vendor in "NVIDIA Hopper-GPUs" is not the subject
    ("de-model-beats-company", "de", "das R1 -Modell von Deepseek kostete 5 Millionen US -Dollar", "5 Millionen US -Dollar",
     "DeepSeek-R1"),
    ("de-vendor-of-chip", "de", "ca. 50.000 NVIDIA Hopper -GPUs im Wert von rund 1,6 Milliarden US -Dollar",
     "1,6 Milliarden US -Dollar", None),
    ("zh-nothing-named", "zh-Hans", "假设让AI学习278.8万小时，每小时费用为2美元", "2美元", None),
    ("zh-hant-name-in-simplified-form", "zh-Hant", "辉达和博通当日市值蒸发约8000亿美元", "8000亿美元", "Nvidia + Broadcom"),
]


@pytest.mark.parametrize("locale,sentence,amount,subject", [c[1:] for c in SUBJECTS], ids=[c[0] for c in SUBJECTS])
def test_subject(locale, sentence, amount, subject):
    assert subject_of(*_at(sentence, amount), locale) == subject


TOPIC_CASES = [  # (id, locale, sentence, amount, topic)
    ("zh-market-value", "zh-Hans", "芯片制造商英伟达和博通当日市值蒸发约8000亿美元", "8000亿美元", "market_value"),
    ("de-operating-cost", "de", "wobei die Betriebskosten 944 Millionen US -Dollar erreichten", "944 Millionen US -Dollar",
     "operating_cost"),
    ("de-salary", "de", "ein Team, das jährlich über 1,3 Millionen US -Dollar verdient", "1,3 Millionen US -Dollar", "salary"),
    ("zh-no-cue", "zh-Hans", "他们说了1亿美元", "1亿美元", "other"),
    ("zh-hant-uses-zh-hans-cues", "zh-Hant", "其训练成本只有557.6万美元", "557.6万美元", "training_cost"),
]


@pytest.mark.parametrize("locale,sentence,amount,topic", [c[1:] for c in TOPIC_CASES], ids=[c[0] for c in TOPIC_CASES])
def test_topic(locale, sentence, amount, topic):
    assert topic_of(*_at(sentence, amount), locale) == topic


ATTRIBUTIONS = [  # (id, locale, sentence, amount, attribution)
    ("zh-source-with-speech-cue", "zh-Hans", "半导体研究和咨询公司SemiAnalysis在报告中说，服务器总资本支出约为16亿美元", "16亿美元",
     "SemiAnalysis"),
    ("zh-company-explains", "zh-Hans", "DeepSeek解释称，V3的开发费用为557.6万美元", "557.6万美元", "DeepSeek"),
    ("zh-no-source", "zh-Hans", "芯片制造商英伟达当日市值蒸发约8000亿美元", "8000亿美元", None),
    ("de-source-with-speech-cue", "de", "Laut dem SemiAnalysis-Bericht gab DeepSeek 1,6 Milliarden Dollar aus",
     "1,6 Milliarden Dollar", "SemiAnalysis"),
]


@pytest.mark.parametrize("locale,sentence,amount,source", [c[1:] for c in ATTRIBUTIONS], ids=[c[0] for c in ATTRIBUTIONS])
def test_attribution(locale, sentence, amount, source):
    assert attribution_of(*_at(sentence, amount), locale) == source


def test_annotate_matches_hant_in_simplified_form_and_keeps_other_fields():
    body = "前文。其總訓練成本只有557.6萬美元,而GPT-4o的約為1億美元。"
    claim = {"kind": "money", "text": "1億美元", "start": body.index("1億"), "end": body.index("1億") + 4,
             "sentence": body[3:], "language": "zh", "script": "Hant", "other": 1}
    out = annotate(claim, body)
    assert out["subject"] == "GPT-4o" and out["topic"] == "training_cost" and out["other"] == 1
    assert claim.get("subject") is None  # pure: the input is not changed
