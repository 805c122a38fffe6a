"""Schema checking shared by every data file: field types, records, ids and errors that name the file and item."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

from laborlens.catalogue.records import LANGS, CatalogueError, Citation, Text


def fail(file: str, item: str | None, message: str) -> NoReturn:
    where = f"{file}: item {item!r}: " if item else f"{file}: "
    raise CatalogueError(where + message)


def is_text(value: object) -> bool:
    return (isinstance(value, dict) and set(value) == set(LANGS)
            and all(isinstance(value[k], str) and value[k].strip() for k in LANGS))


def _check_type(value: object, kind: object, file: str, item: str | None, key: str) -> None:
    ok: bool
    if isinstance(kind, tuple):
        ok = value in kind
        if not ok:
            fail(file, item, f"field {key!r} must be one of {', '.join(map(str, kind))} (got {value!r})")
    elif kind == "str":
        ok = isinstance(value, str) and bool(value.strip())
    elif kind == "str_or_empty":
        ok = isinstance(value, str)
    elif kind == "text":
        ok = is_text(value)
    elif kind == "bool":
        ok = isinstance(value, bool)
    elif kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "str_list":
        ok = isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    elif kind == "list":
        ok = isinstance(value, list)
    elif kind == "dict":
        ok = isinstance(value, dict)
    elif kind == "citations":
        ok = (isinstance(value, list) and bool(value) and all(
            isinstance(c, dict) and set(c) == {"source", "locator"}
            and all(isinstance(c[k], str) and c[k].strip() for k in c) for c in value))
    else:  # pragma: no cover - a schema typo in this module
        raise AssertionError(kind)
    if not ok:
        expected = {"text": "an object with non-empty 'en' and 'es' strings",
                    "citations": "a non-empty list of {source, locator}",
                    "str_list": "a list of strings"}.get(str(kind), str(kind))
        fail(file, item, f"field {key!r} must be {expected} (got {value!r:.80})")


def check_record(record: object, file: str, required: Mapping[str, object],
                  optional: Mapping[str, object] | None = None, item: str | None = None) -> dict[str, Any]:
    optional = optional or {}
    if not isinstance(record, dict):
        fail(file, item, f"expected an object, got {type(record).__name__}")
    item = item or (record.get("id") if isinstance(record.get("id"), str) else None)
    unknown = set(record) - set(required) - set(optional)
    if unknown:
        fail(file, item, f"unknown field(s): {', '.join(sorted(unknown))}")
    for key, kind in required.items():
        if key not in record:
            fail(file, item, f"missing field {key!r}")
        _check_type(record[key], kind, file, item, key)
    for key, kind in optional.items():
        if key in record:
            _check_type(record[key], kind, file, item, key)
    return record


def as_text(value: Mapping[str, str]) -> Text:
    return Text(en=value["en"], es=value["es"])


def as_citations(values: Iterable[Mapping[str, str]]) -> tuple[Citation, ...]:
    return tuple(Citation(c["source"], c["locator"]) for c in values)


def non_empty_list(doc: Mapping[str, Any], key: str, file: str) -> list[Any]:
    value = doc.get(key)
    if not isinstance(value, list) or not value:
        fail(file, None, f"{key!r} must be a non-empty list")
    return value


def check_unique(item_id: str, seen: Mapping[str, object], file: str) -> None:
    if item_id in seen:
        fail(file, item_id, "duplicate id")


def require_keys(found: Mapping[str, object], required: Iterable[str], file: str, what: str) -> None:
    missing = [k for k in required if k not in found]
    if missing:
        fail(file, None, f"missing {what}(s): {', '.join(missing)}")
