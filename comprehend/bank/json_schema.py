"""The bank format as a JSON Schema, generated from the definitions in schema.py (never kept by hand).

Editors with a YAML language server use it to complete and check keys while an educator types.
The loader checks more than a schema can (duplicate ids, questions naming missing facts, tabs, ...).
"""

from __future__ import annotations

import json

from comprehend.bank.schema import BANK, DATE_PATTERN, ID_PATTERN, Key, Shape

SCHEMA_FILE = "bank.schema.json"
SCHEMA_COMMENT = f"# yaml-language-server: $schema={SCHEMA_FILE}"


def _key_schema(key: Key) -> dict:
    schema: dict = {"description": key.help}
    if key.kind == "id":
        schema.update(type="string", pattern=ID_PATTERN)
    elif key.kind == "text":
        schema.update(type="string", pattern=r"\S")
    elif key.kind == "date":
        schema.update(type="string", format="date", pattern=DATE_PATTERN)
    elif key.kind == "mapping":
        assert key.item is not None
        schema.update(_shape_schema(key.item))
        schema["description"] = key.help
    elif key.kind == "bool":
        schema.update(type="boolean")
    elif key.kind in ("int", "number"):
        schema["type"] = "integer" if key.kind == "int" else "number"
        if key.minimum is not None:
            schema["exclusiveMinimum" if key.exclusive_minimum else "minimum"] = key.minimum
        if key.maximum is not None:
            schema["maximum"] = key.maximum
    elif key.kind == "list":
        schema["type"] = "array"
        if key.min_items is not None:
            schema["minItems"] = key.min_items
        if key.max_items is not None:
            schema["maxItems"] = key.max_items
        if key.item is not None:
            schema["items"] = _shape_schema(key.item)
    else:
        raise AssertionError(key.kind)
    if key.default not in (None, ""):
        schema["default"] = key.default
    return schema


def _shape_schema(shape: Shape) -> dict:
    mapping = {
        "type": "object",
        "description": f"a {shape.name}",
        "additionalProperties": False,
        "required": [key.name for key in shape.keys if key.required],
        "properties": {key.name: _key_schema(key) for key in shape.keys},
    }
    if shape.text_shorthand:
        shorthand = _key_schema(shape.key(shape.text_shorthand))  # type: ignore[arg-type]
        return {"anyOf": [shorthand, mapping], "description": f"a {shape.name}: text, or a group of keys"}
    return mapping


def bank_schema() -> dict:
    """The JSON Schema (draft 2020-12) of one bank file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FILE,
        "title": "comprehend question bank",
        **_shape_schema(BANK),
    }


def bank_schema_text() -> str:
    """The schema as the text stored in questions/bank.schema.json."""
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n"
