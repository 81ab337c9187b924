"""The published contract: the shipped JSON Schemas, the contract document, README's example and the typed reader."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from extractors.article import CLAIM_FIELDS
from pipeline import store
from pipeline.cli import main
from pipeline.contract import SCHEMAS, load_schema, read_claims, read_documents
from tests.conftest import ROOT, schema_errors

CONTRACT_DOC = ROOT / "docs" / "claims-contract.md"


@pytest.fixture(scope="module")
def seed_out(seed_results, tmp_path_factory) -> Path:
    """The seeds' claims and documents written as the flow writes them (store.line)."""
    out = tmp_path_factory.mktemp("seed-out")
    claims = sorted((store.claim_key(c), store.line(c)) for r in seed_results.values() for c in r.claims)
    store.write_lines(out / store.CLAIMS, (line for _, line in claims))
    store.write_lines(out / store.DOCUMENTS, (store.line(r.document) for r in seed_results.values()))
    return out


@pytest.mark.parametrize("name", SCHEMAS)
def test_shipped_schema_is_valid_2020_12(name):
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert sorted(schema["required"]) == sorted(schema["properties"])  # every field on every line


def test_claims_schema_has_exactly_the_fields_the_code_emits():
    assert list(load_schema("claims")["properties"]) == list(CLAIM_FIELDS)


def test_documents_schema_has_exactly_the_fields_the_code_emits(seed_results):
    for result in seed_results.values():
        assert list(load_schema("documents")["properties"]) == list(result.document)


@pytest.mark.parametrize("name", ["claims", "documents"])
def test_every_seed_output_line_follows_the_schema(seed_out, name):
    path = seed_out / f"{name}.jsonl"
    assert path.read_text(encoding="utf-8").strip()
    assert schema_errors(path, name) == []


def test_schema_rejects_a_float_count_and_a_missing_field(seed_out):
    line = next(json.loads(x) for x in (seed_out / store.CLAIMS).read_text(encoding="utf-8").splitlines()
                if '"count": ' in x and '"count": null' not in x)
    validator = jsonschema.Draft202012Validator(load_schema("claims"))
    assert validator.is_valid(line)
    assert not validator.is_valid({**line, "count": float(line["count"]) + 0.5})
    assert not validator.is_valid({k: v for k, v in line.items() if k != "per"})
    assert not validator.is_valid({**line, "currency": "USD"})  # a hardware claim has no money fields


def test_schema_command_prints_the_schema_that_validates_every_seed_claim(seed_out, capsys):
    main(["schema", "claims"])
    printed = json.loads(capsys.readouterr().out)
    assert printed == load_schema("claims")
    validator = jsonschema.Draft202012Validator(printed)
    lines = (seed_out / store.CLAIMS).read_text(encoding="utf-8").splitlines()
    assert lines and all(validator.is_valid(json.loads(x)) for x in lines)


def test_contract_document_explains_every_field():
    text = CONTRACT_DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| ((?:`\w+`(?:, )?)+) \|", text, re.M))
    names = {n for cell in documented for n in re.findall(r"`(\w+)`", cell)}
    for schema in SCHEMAS:
        missing = set(load_schema(schema)["properties"]) - names
        assert not missing, f"{schema} fields not in {CONTRACT_DOC.name}: {sorted(missing)}"


@pytest.mark.parametrize("doc", ["README.md", "docs/claims-contract.md"])
def test_example_claim_line_is_complete_and_valid(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert "docs/claims-contract.md" in text or doc.startswith("docs/")
    example = re.search(r"```json\n(.+?)\n```", text, re.S).group(1)
    claim = json.loads(example)
    jsonschema.Draft202012Validator(load_schema("claims")).validate(claim)
    assert '"..."' not in example


def test_read_claims_keeps_integers_and_booleans(seed_out):
    pd = pytest.importorskip("pandas")
    claims = read_claims(seed_out / store.CLAIMS)
    raw = [json.loads(x) for x in (seed_out / store.CLAIMS).read_text(encoding="utf-8").splitlines()]
    assert list(claims.columns) == list(CLAIM_FIELDS) and len(claims) == len(raw)
    assert str(claims["count"].dtype) == "Int64" and str(claims["start"].dtype) == "Int64"
    assert str(claims["vague"].dtype) == "boolean"
    assert str(claims["published"].dtype).startswith("datetime64")
    assert [None if pd.isna(v) else int(v) for v in claims["count"]] == [c["count"] for c in raw]
    assert claims.loc[claims.kind == "hardware", "count"].dropna().map(type).eq(int).all()
    assert [None if pd.isna(v) else bool(v) for v in claims["vague"]] == [c["vague"] for c in raw]
    # why the reader exists: plain read_json turns the same integer column into floats
    assert str(pd.read_json(seed_out / store.CLAIMS, lines=True)["count"].dtype) == "float64"


def test_read_documents_and_an_empty_file(seed_out, tmp_path):
    pytest.importorskip("pandas")
    docs = read_documents(seed_out / store.DOCUMENTS)
    assert str(docs["chars"].dtype) == "Int64" and len(docs) == 5
    (tmp_path / "claims.jsonl").write_text("")
    empty = read_claims(tmp_path / "claims.jsonl")
    assert len(empty) == 0 and str(empty["count"].dtype) == "Int64"
