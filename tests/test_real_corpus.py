"""The real development corpus (bench/real): floors per group that only go up, and a recall audit with every line
explained.

The floors pin what ``python -m bench.real`` prints for all the corpus's articles (every split together), a little
below the measured figure so that a change that loses a claim on real text fails here rather than in the held-out
checks. Raise a floor when the figure rises. The audit check runs ``bench.audit``'s per-document pass over the same
run: a figure beside a currency, scale, measure word or chip name that gives no claim must be explained in
bench/audit_explained.yaml (not a claim, or a known gap kept as a strict xfail in the case tables).
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from bench import audit, real

# (money F1, hardware F1, money trap hits at most) per group, all articles; dates must all be right. Hong Kong's
# hardware floor came down from 0.95 when the fresh3 batch joined the corpus (chips named without their family,
# BR20X/BR30X and M100/M300: 0.980 -> 0.933), its money floor from 0.98 when fresh4 did (a results table whose
# unit is declared once in a header line, 港幣千元, over cells of bare figures: nine cells of hk-056; money reads
# such a table, but this one heads a text dump whose short lines before the body the cleaner drops, a known gap kept
# as a strict xfail, case text-dump-table-above-the-body-hant); every other floor held with them.
FLOORS = {
    "zh-Hans": (0.98, 0.96, 0),
    "zh-Hant-HK": (0.97, 0.92, 0),
    "zh-Hant-TW": (0.98, 0.98, 0),
    "de": (0.97, 0.98, 0),
}
DATES_FLOOR = 1.0


@pytest.fixture(scope="module")
def corpus() -> tuple[real.Run, list[dict]]:
    gold = real.load_gold(real.DEFAULT_CORPUS)
    docs = {g["doc"] for g in gold}
    paths = [p for p in sorted((real.DEFAULT_CORPUS / "articles").iterdir()) if p.stem in docs]
    return real.run_corpus(paths), gold


def test_every_gold_line_has_its_article(corpus):
    run, gold = corpus
    assert not run.errors
    assert {d["doc_id"] for d in run.documents} == {g["doc"] for g in gold}


@pytest.mark.parametrize("group", list(FLOORS))
def test_group_holds_its_floors(corpus, group):
    run, gold = corpus
    chosen = [g for g in gold if real.group_of(g) == group]
    res = real.extraction_scores(run, chosen)
    money_floor, hardware_floor, traps = FLOORS[group]
    misses = {d: v for d, v in res["docs"].items() if v["money"]["fn"] or v["money"]["fp"] or v["hardware"]["fn"]
              or v["hardware"]["fp"]}
    assert res["money"]["f1"] >= money_floor, misses
    assert res["hardware"]["f1"] >= hardware_floor, misses
    assert res["money"]["trap_hits"] <= traps
    assert (res["published_acc"] or 0) >= DATES_FLOOR


def test_the_audit_has_every_line_explained(corpus):
    run, _ = corpus
    explained = audit.load_explained(audit.DEFAULT_EXPLAINED)
    by_doc = defaultdict(list)
    for claim in run.claims:
        by_doc[claim["doc_id"]].append(claim)
    open_lines = [line for doc in run.documents for line in audit.audit_document(doc, by_doc[doc["doc_id"]])
                  if not any(rx.search(line.pattern) for rx, _ in explained)]
    assert not open_lines, [(x.pattern, x.doc, x.snippet) for x in open_lines]
