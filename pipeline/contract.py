"""The output contract as data: the JSON Schemas shipped with the package, and typed readers for pandas.

``read_claims("outputs/claims.jsonl")`` gives one column per schema field with the schema's type: integers as
pandas' nullable ``Int64`` (``count`` stays 512, not 512.0, beside nulls), booleans as ``boolean``, dates as
``datetime64``, text as ``string``. ``pd.read_json`` would turn a nullable integer or boolean column into floats.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd

SCHEMAS = ("claims", "documents", "errors")
# The column types of a schema's properties: pandas dtypes, and "date" (parsed into datetime64).
ColumnType = Literal["Int64", "string", "boolean", "float64", "date", "object"]


def schema_text(name: str) -> str:
    """The JSON Schema (2020-12) of one output file's lines, as shipped: ``claims``, ``documents`` or ``errors``."""
    if name not in SCHEMAS:
        raise ValueError(f"no schema {name!r}; there are {', '.join(SCHEMAS)}")
    return (resources.files("pipeline") / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The parsed schema ``name``."""
    return json.loads(schema_text(name))


def _dtype(spec: dict[str, Any], schema: dict[str, Any]) -> ColumnType:
    """The pandas dtype of one schema property."""
    if "$ref" in spec:
        spec = {**schema["$defs"][spec["$ref"].rsplit("/", 1)[1]], **spec}
    if "const" in spec:
        return "Int64" if isinstance(spec["const"], int) else "string"
    types = spec.get("type", [])
    types = {types} if isinstance(types, str) else set(types)
    types.discard("null")
    if types == {"integer"}:
        return "Int64"
    if types == {"boolean"}:
        return "boolean"
    if types == {"number"}:
        return "float64"
    if types == {"string"}:
        return "date" if spec.get("format") == "date" else "string"
    return "object"


def read_frame(path: str | Path, name: str = "claims") -> pd.DataFrame:
    """A JSONL output file as a DataFrame typed by its schema (needs pandas: ``pip install pandas``)."""
    import pandas as pd

    schema = load_schema(name)
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    columns = {}
    for field, spec in schema["properties"].items():
        values = [row.get(field) for row in rows]
        dtype = _dtype(spec, schema)
        if dtype == "date":
            columns[field] = pd.to_datetime(pd.Series(values, dtype="string"), format="%Y-%m-%d")
        elif dtype == "object":
            columns[field] = pd.Series(values, dtype="object")
        else:
            columns[field] = pd.array(values, dtype=dtype)
    return pd.DataFrame(columns)


def read_claims(path: str | Path = "outputs/claims.jsonl") -> pd.DataFrame:
    """claims.jsonl as a typed DataFrame (see the module docstring)."""
    return read_frame(path, "claims")


def read_documents(path: str | Path = "outputs/documents.jsonl") -> pd.DataFrame:
    """documents.jsonl as a typed DataFrame."""
    return read_frame(path, "documents")
