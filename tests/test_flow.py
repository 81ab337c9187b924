"""The Prefect flow end to end: outputs, incremental re-runs and byte-identical results."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.settings import Settings
from tests.conftest import SEEDS, schema_errors

pytestmark = pytest.mark.slow


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    return folder


def _run(settings: Settings) -> dict:
    from pipeline.flows import newsclaims_flow

    return newsclaims_flow(settings)


def test_flow_writes_contract_files_and_reruns_incrementally(prefect_harness, corpus, tmp_path):
    out = tmp_path / "out"
    settings = Settings(input_dir=corpus, out_dir=out, batch_size=2)
    first = _run(settings)
    assert first["found"] == 5 and first["processed"] == 5 and first["errors"] == 0
    claims_bytes = (out / "claims.jsonl").read_bytes()
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["doc_id"] for d in docs] == sorted(p.stem for p in SEEDS.iterdir())
    assert (out / "errors.jsonl").read_text() == ""
    assert "\\u" not in claims_bytes.decode("utf-8")  # CJK text is written as UTF-8, not escaped
    for name in ("claims", "documents", "errors"):  # the seed run's every line follows the published schemas
        assert schema_errors(out / f"{name}.jsonl", name) == []

    second = _run(settings)
    assert second["processed"] == 0 and second["unchanged"] == 5
    assert (out / "claims.jsonl").read_bytes() == claims_bytes

    changed = corpus / "001_9a943a90aaa56d99.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nDie Firma zahlte 7 Millionen Euro.\n", encoding="utf-8")
    (corpus / "003_be42185473417845.txt").unlink()
    third = _run(settings)
    assert third["processed"] == 1 and third["unchanged"] == 3 and third["removed"] == 1
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert not any(c["doc_id"] == "003_be42185473417845" for c in claims)
    assert any(c["currency"] == "EUR" and c["value"] == 7_000_000 for c in claims)


def test_broken_file_is_reported_and_the_run_goes_on(prefect_harness, corpus, tmp_path):
    (corpus / "broken.html").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 100)
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    summary = _run(Settings(input_dir=corpus, out_dir=out))
    assert summary["errors"] == 2 and summary["documents"] == 5
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {e["source_path"] for e in errors} == {"broken.html", "empty.txt"}
    assert all(e["reason"] for e in errors)


def test_unlisted_subfolder_is_reported_and_keeps_its_claims(prefect_harness, corpus, tmp_path, monkeypatch):
    """A subfolder that cannot be listed is an error line, and its articles keep the claims of the last run."""
    import os

    sub = corpus / "archive"
    sub.mkdir()
    shutil.move(corpus / "000_2c6729a57b99834e.txt", sub / "000_2c6729a57b99834e.txt")
    out = tmp_path / "out"
    first = _run(Settings(input_dir=corpus, out_dir=out))
    claims_before = (out / "claims.jsonl").read_bytes()
    assert first["errors"] == 0 and b"archive/000_2c6729a57b99834e.txt" in claims_before

    real_scandir = os.scandir

    def refuse_archive(path="."):  # root can read any folder, so the refusal is simulated
        if not isinstance(path, int) and Path(path).name == "archive":  # rmtree scans by file descriptor
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_archive)
    second = _run(Settings(input_dir=corpus, out_dir=out))
    assert second["errors"] == 1 and second["removed"] == 0
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors == [{"source_path": "archive/", "stage": "discover",
                       "reason": "cannot list this folder: Permission denied; its articles were not read"}]
    assert (out / "claims.jsonl").read_bytes() == claims_before


def test_unlisted_input_folder_stops_the_run_and_keeps_outputs(prefect_harness, corpus, tmp_path, monkeypatch):
    """An input folder that cannot be listed is an error for the whole run, not an empty folder."""
    import os

    out = tmp_path / "out"
    _run(Settings(input_dir=corpus, out_dir=out))
    claims_before = (out / "claims.jsonl").read_bytes()
    real_scandir = os.scandir

    def refuse_root(path="."):
        if not isinstance(path, int) and Path(path) == corpus:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_root)
    with pytest.raises(PermissionError, match="cannot be listed"):
        _run(Settings(input_dir=corpus, out_dir=out))
    assert (out / "claims.jsonl").read_bytes() == claims_before
