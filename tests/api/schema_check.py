"""Validate API answers against the OpenAPI document's schemas.

A small validator for the JSON Schema subset ``feedback/api/schemas.py`` uses runs always;
``jsonschema`` (Draft 2020-12, what OpenAPI 3.1 uses) runs too when it is installed."""

from __future__ import annotations

import re
from datetime import date, datetime

TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
SUPPORTED = {
    "$ref", "type", "properties", "required", "additionalProperties", "items", "enum",
    "const", "oneOf", "minimum", "maximum", "pattern", "minLength", "maxLength", "format",
    "description", "default",
}  # fmt: skip


def _format_ok(fmt: str, value: str) -> bool:
    try:
        if fmt == "date":
            date.fromisoformat(value)
            return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
        if fmt == "date-time":
            return datetime.fromisoformat(value).tzinfo is not None
        if fmt == "uri":
            return bool(re.match(r"^https?://[^\s]+$", value))
    except ValueError:
        return False
    return True


def _resolve(document: dict, ref: str) -> dict:
    node = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def errors_of(document: dict, schema: dict, value, where: str = "$") -> list[str]:
    """Every way ``value`` breaks ``schema`` (refs resolve within ``document``)."""
    unknown = set(schema) - SUPPORTED
    assert not unknown, f"the test validator does not know {unknown}"
    if "$ref" in schema:
        return errors_of(document, _resolve(document, schema["$ref"]), value, where)
    found: list[str] = []
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[k](value) for k in kinds):
            return [f"{where}: {value!r} is not of type {kinds}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} not in {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        found.append(f"{where}: {value!r} is not {schema['const']!r}")
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not errors_of(document, s, value, where)]
        if len(matching) != 1:
            found.append(f"{where}: matches {len(matching)} of oneOf")
    if TYPES["number"](value):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            found.append(f"{where}: {value!r} is too short")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            found.append(f"{where}: {value!r} is too long")
        if "format" in schema and not _format_ok(schema["format"], value):
            found.append(f"{where}: {value!r} is not a {schema['format']}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                found.append(f"{where}: {name!r} is missing")
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if name in properties:
                found += errors_of(document, properties[name], item, f"{where}.{name}")
            elif extra is False:
                found.append(f"{where}: {name!r} is not in the schema")
            elif isinstance(extra, dict):
                found += errors_of(document, extra, item, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += errors_of(document, schema["items"], item, f"{where}[{index}]")
    return found


def assert_matches(document: dict, schema_name: str, value) -> None:
    """``value`` is valid against ``#/components/schemas/<schema_name>`` of ``document``."""
    ref = {"$ref": f"#/components/schemas/{schema_name}"}
    problems = errors_of(document, ref, value)
    assert not problems, "\n".join(problems[:20])
    try:
        import jsonschema
    except ImportError:  # the small validator above has checked it
        return
    root = {"components": document["components"], **ref}
    jsonschema.Draft202012Validator(
        root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(value)


def response_schema(document: dict, path: str, status: int) -> str:
    """The component schema name the document gives for ``GET path`` answering ``status``."""
    operation = document["paths"][path]["get"]
    content = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    return content["$ref"].rsplit("/", 1)[-1]
