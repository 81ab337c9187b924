"""The streamed run: spill files and the k-way merge give the bytes of an in-memory sort; input stays bounded; the
previous outputs are verified against the manifest before they are trusted, and a damaged set is repaired."""
from __future__ import annotations

import json
import os
import random
import shutil
import threading
from pathlib import Path

import pytest

from pipeline import incremental, store
from pipeline.settings import Settings
from pipeline.store import ArticleLines, article_lines
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
    merged = incremental.merge(generation, incremental.Previous(folder=old_out), {a.source_path for a in previous})
    incremental.remove_spill(generation)
    documents, claims = _in_memory(articles)
    assert (generation / store.DOCUMENTS).read_bytes() == documents
    assert (generation / store.CLAIMS).read_bytes() == claims
    assert merged.documents == len(articles) and sum(merged.claims.values()) == claims.count(b"\n")
    assert not (generation / incremental.SPILL).exists()


def test_previous_files_are_only_those_with_a_document(tmp_path):
    """A manifest of an earlier version (no digests): the documents are read, and only whole ones are trusted."""
    store.write_json(tmp_path / store.MANIFEST, {"version": "v1", "files": {
        "a.txt": {"sha256": "1", "doc_id": "a"}, "b.txt": {"sha256": "2", "doc_id": "b"}}})
    (tmp_path / store.DOCUMENTS).write_text('{"doc_id": "a", "source_path": "a.txt", "sha256": "1", "money_claims": 0, '
                                            '"hardware_claims": 0}\n', encoding="utf-8")
    found = incremental.previous_files(tmp_path, "v1", full=False)
    assert found.files == {"a.txt": {"sha256": "1", "doc_id": "a"}} and found.documents == {"a.txt"}
    assert found.lost == {"b.txt"} and "the lines of 1 article restored" in found.damage
    assert incremental.previous_files(tmp_path, "v2", full=False).files == {}
    assert incremental.previous_files(tmp_path, "v1", full=True).files == {}


def test_a_rerun_with_nothing_changed_links_the_previous_files(seed_results, tmp_path, monkeypatch):
    """Verified against the manifest's digests, the previous files are the new ones: no line is read or parsed."""
    articles = _articles(seed_results, 3)
    out = tmp_path / "out"
    _publish(out, articles)
    monkeypatch.setattr(incremental, "_parsed", lambda line: pytest.fail("a line was parsed"))
    monkeypatch.setattr(store, "iter_lines", lambda path: pytest.fail(f"{path} was read line by line"))
    previous = incremental.previous_files(out, "v1", full=False)
    assert previous.intact and previous.damage is None and set(previous.files) == {a.source_path for a in articles}
    generation = store.new_generation(out)
    merged = incremental.merge(generation, previous, set(previous.files))
    for name in (store.DOCUMENTS, store.CLAIMS):
        assert (generation / name).read_bytes() == (out / name).read_bytes()
        assert merged.digests[name] == store.file_digest(generation / name)
    claims = (out / store.CLAIMS).read_bytes()
    kinds = [json.loads(line)["kind"] for line in claims.splitlines()]
    assert merged.claims == {"money": kinds.count("money"), "hardware": kinds.count("hardware")}
    assert merged.documents == len(articles)


# --- Issue 21 (1, 7): the previous outputs are verified against the manifest before a run trusts them. ------------

def _publish(out: Path, articles: list[ArticleLines], version: str = "v1") -> None:
    """An output set as a run writes it: merged spill files, digests in the manifest, switched to current."""
    generation = store.new_generation(out)
    incremental.spill(incremental.spill_dir(generation), 0, articles)
    merged = incremental.merge(generation, incremental.Previous(), set())
    incremental.remove_spill(generation)
    store.write_manifest(generation / store.MANIFEST, version, sorted((a.source_path, a.manifest) for a in articles),
                         merged.digests, merged.counts())
    store.publish(out, generation)


def _cut(path: Path, keep: float) -> None:
    data = path.resolve().read_bytes()
    path.resolve().write_bytes(data[: int(len(data) * keep)])


def _flip(path: Path) -> None:
    data = bytearray(path.resolve().read_bytes())
    at = data.index(b'"text": "') + 9
    data[at : at + 1] = b"X" if data[at : at + 1] != b"X" else b"Y"  # same size, still JSON: only the digest tells
    path.resolve().write_bytes(bytes(data))


def _foreign(out: Path) -> None:
    elsewhere = out.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / store.DOCUMENTS).write_text("not json\n", encoding="utf-8")
    (elsewhere / store.MANIFEST).write_text('{"version": "v1", "files": {}}', encoding="utf-8")
    (out / store.CURRENT).unlink()
    (out / store.CURRENT).symlink_to(elsewhere)


# damage -> (words of the summary's line, articles trusted: "all", "none" or "some")
DAMAGE = {
    "claims-deleted": (lambda out: (out / store.CLAIMS).resolve().unlink(), "claims.jsonl is missing", "none"),
    "claims-cut-short": (lambda out: _cut(out / store.CLAIMS, 0.5), "claims.jsonl is cut short", "some"),
    "claims-emptied": (lambda out: _cut(out / store.CLAIMS, 0), "claims.jsonl is cut short", "none"),
    "claims-changed-same-size": (lambda out: _flip(out / store.CLAIMS), "claims.jsonl differs", "none"),
    "documents-changed-same-size": (lambda out: _flip(out / store.DOCUMENTS), "documents.jsonl differs", "none"),
    "documents-deleted": (lambda out: (out / store.DOCUMENTS).resolve().unlink(), "documents.jsonl is missing", "none"),
    "documents-cut-short": (lambda out: _cut(out / store.DOCUMENTS, 0.5), "documents.jsonl is cut short", "some"),
    "manifest-unreadable": (lambda out: (out / store.MANIFEST).resolve().write_text("{", encoding="utf-8"),
                            "manifest.json is missing or unreadable", "none"),
    "current-points-elsewhere": (_foreign, "which is not one of its runs", "none"),
}


@pytest.mark.parametrize("damage, words, trusted", DAMAGE.values(), ids=DAMAGE)
def test_a_damaged_output_set_is_found_and_repaired(seed_results, tmp_path, damage, words, trusted):
    articles = _articles(seed_results, 4)
    out = tmp_path / "out"
    _publish(out, articles)
    whole = {name: (out / name).read_bytes() for name in (store.DOCUMENTS, store.CLAIMS)}
    assert incremental.previous_files(out, "v1", full=False).intact  # nothing wrong yet: no line parsed
    damage(out)

    previous = incremental.previous_files(out, "v1", full=False)
    assert not previous.intact and words in previous.damage
    kept = set(previous.files)
    every = {a.source_path for a in articles}
    assert {"all": kept == every, "none": not kept, "some": kept and kept < every}[trusted], sorted(kept)
    if previous.files:  # what is trusted is whole; what is not is processed again (the summary says how many)
        assert previous.lost == every - kept and f"{len(previous.lost):,} article" in previous.damage
    # The run: what is not trusted is processed again (spilled), the rest kept; the outputs are whole again.
    generation = store.new_generation(out)
    incremental.spill(incremental.spill_dir(generation), 0, [a for a in articles if a.source_path not in kept])
    incremental.merge(generation, previous, kept)
    assert {name: (generation / name).read_bytes() for name in whole} == whole


@pytest.mark.slow
def test_a_run_after_claims_jsonl_was_deleted_restores_it(prefect_harness, tmp_path):
    """Issue 21 (1): every later run said nothing changed and the claims stayed missing until --full."""
    from pipeline.flows import newsclaims_flow

    settings = Settings(input_dir=SEEDS, out_dir=tmp_path / "out")
    newsclaims_flow(settings)
    claims = (settings.out_dir / store.CLAIMS).read_bytes()
    (settings.out_dir / store.CLAIMS).resolve().unlink()
    summary = newsclaims_flow(settings)
    assert summary["processed"] == 5 and "claims.jsonl is missing" in summary["repaired"]
    assert (settings.out_dir / store.CLAIMS).read_bytes() == claims
    again = newsclaims_flow(settings)
    assert again["processed"] == 0 and again["repaired"] is None


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
