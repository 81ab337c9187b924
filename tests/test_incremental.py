"""The streamed run: spill files and the k-way merge give the bytes of an in-memory sort; input stays bounded."""
from __future__ import annotations

import json
import os
import random
import shutil
import threading

import pytest

from pipeline import incremental, store
from pipeline.store import ArticleLines, article_lines
from pipeline.settings import Settings
from tests.conftest import SEEDS


def _articles(seed_results, copies: int) -> list[ArticleLines]:
    """Seed articles under many names, so documents and claims interleave across batches."""
    out = []
    for i in range(copies):
        for result in seed_results.values():
            doc = {**result.document, "doc_id": f"{i:03d}_{result.document['doc_id']}",
                   "source_path": f"c{i:03d}/{result.document['source_path']}"}
            claims = [{**c, "doc_id": doc["doc_id"], "source_path": doc["source_path"]} for c in result.claims]
            out.append(article_lines(doc, claims))
    return out


def _in_memory(articles: list[ArticleLines]) -> tuple[bytes, bytes]:
    documents = b"".join(line + b"\n" for _, line in sorted(a.document for a in articles))
    claims = b"".join(line + b"\n" for _, line in sorted(row for a in articles for row in a.claims))
    return documents, claims


def test_streamed_merge_equals_an_in_memory_sort(seed_results, tmp_path):
    articles = _articles(seed_results, 12)
    random.Random(7).shuffle(articles)
    previous, new = articles[:20], articles[20:]
    old_out = tmp_path / "old"
    old_out.mkdir()
    prev_docs, prev_claims = _in_memory(previous + new[:5])  # the previous run also had articles changed since
    (old_out / store.DOCUMENTS).write_bytes(prev_docs)
    (old_out / store.CLAIMS).write_bytes(prev_claims)
    generation = tmp_path / "gen"
    generation.mkdir()
    spill = incremental.spill_dir(generation)
    for index, start in enumerate(range(0, len(new), 7)):  # batches finish in any order
        incremental.spill(spill, index, new[start : start + 7])
    merged = incremental.merge(generation, old_out, {a.source_path for a in previous})
    incremental.remove_spill(generation)
    documents, claims = _in_memory(articles)
    assert (generation / store.DOCUMENTS).read_bytes() == documents
    assert (generation / store.CLAIMS).read_bytes() == claims
    assert merged.documents == len(articles) and sum(merged.claims.values()) == claims.count(b"\n")
    assert not (generation / incremental.SPILL).exists()


def test_previous_files_are_only_those_with_a_document(tmp_path):
    store.write_json(tmp_path / store.MANIFEST, {"version": "v1", "files": {"a.txt": {"sha256": "1", "doc_id": "a"},
                                                                               "b.txt": {"sha256": "2", "doc_id": "b"}}})
    (tmp_path / store.DOCUMENTS).write_text('{"doc_id": "a", "source_path": "a.txt"}\n', encoding="utf-8")
    found = incremental.previous_files(tmp_path, "v1", full=False)
    assert found.files == {"a.txt": {"sha256": "1", "doc_id": "a"}} and found.documents == {"a.txt"}
    assert incremental.previous_files(tmp_path, "v2", full=False).files == {}
    assert incremental.previous_files(tmp_path, "v1", full=True).files == {}


def test_a_rerun_with_nothing_changed_copies_the_previous_lines(seed_results, tmp_path):
    articles = _articles(seed_results, 3)
    old_out, generation = tmp_path / "old", tmp_path / "gen"
    old_out.mkdir()
    generation.mkdir()
    documents, claims = _in_memory(articles)
    (old_out / store.DOCUMENTS).write_bytes(documents)
    (old_out / store.CLAIMS).write_bytes(claims)
    paths = {a.source_path for a in articles}
    merged = incremental.merge(generation, old_out, set(paths), frozenset(paths))
    assert (generation / store.DOCUMENTS).read_bytes() == documents
    assert (generation / store.CLAIMS).read_bytes() == claims
    kinds = [json.loads(line)["kind"] for line in claims.splitlines()]
    assert merged.claims == {"money": kinds.count("money"), "hardware": kinds.count("hardware")}


@pytest.mark.slow
def test_the_parent_reads_a_bounded_number_of_batches_ahead(prefect_harness, tmp_path, monkeypatch):
    from pipeline import flows

    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(8):
        for seed in SEEDS.iterdir():
            shutil.copy(seed, corpus / f"{i}_{seed.name}")
    read, spilled, most = [0], [0], [0]
    lock = threading.Lock()
    real_read, real_spill = flows.read_files.fn, incremental.spill

    def counting_read(rel_paths, settings):
        with lock:
            read[0] += 1
            most[0] = max(most[0], read[0] - spilled[0])
        return real_read(rel_paths, settings)

    def counting_spill(folder, index, articles):
        real_spill(folder, index, articles)
        with lock:
            spilled[0] += 1

    monkeypatch.setattr(flows, "read_files", counting_read)
    monkeypatch.setattr(incremental, "spill", counting_spill)
    summary = flows.newsclaims_flow(Settings(input_dir=corpus, out_dir=tmp_path / "out", batch_size=2))
    assert summary["processed"] == 40 and read[0] == 20
    assert most[0] <= (os.cpu_count() or 1) + 1, most[0]  # batches read and not yet written to spill files
    assert not list((tmp_path / "out").glob(f"{store.GENERATIONS}/*/{incremental.SPILL}"))
