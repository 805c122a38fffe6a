"""Reading the input: one recorded answer per catalogue item, and the person's age group.

:class:`Answer` is one answer (present, absent or unknown, with an optional source, note and
``unconfirmed`` flag); :func:`parse_answers` turns what a caller sends (an Answer, a bare value
or a mapping) into answers and rejects unknown item ids, values and fields with a message that
names them; :func:`check_age_group` does the same for the age group. Pure Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from laborlens.catalogue import Catalogue
from laborlens.catalogue.loader import AGE_GROUPS

VALUES = ("present", "absent", "unknown")
SOURCES = ("observed", "statement", "document", "third_party")
ANSWER_FIELDS = frozenset({"value", "source", "note", "unconfirmed"})


@dataclass(frozen=True)
class Answer:
    """One recorded answer. ``value`` is present, absent or unknown."""

    value: str = "unknown"
    source: str | None = None
    note: str = ""
    unconfirmed: bool = False

    def __post_init__(self) -> None:
        if self.value not in VALUES:
            raise ValueError(f"answer value must be one of {', '.join(VALUES)} (got {self.value!r})")
        if self.source is not None and self.source not in SOURCES:
            raise ValueError(f"answer source must be one of {', '.join(SOURCES)} (got {self.source!r})")
        if not isinstance(self.note, str):
            raise ValueError("answer note must be text")
        if not isinstance(self.unconfirmed, bool):
            raise ValueError("answer 'unconfirmed' must be true or false")

    @property
    def present(self) -> bool:
        return self.value == "present"

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "source": self.source, "note": self.note, "unconfirmed": self.unconfirmed}


AnswerInput = Answer | str | Mapping[str, Any]


def parse_answer(item_id: str, raw: AnswerInput) -> Answer:
    """An :class:`Answer` from an Answer, a bare value string or a mapping (unknown keys rejected)."""
    try:
        if isinstance(raw, Answer):
            return raw
        if isinstance(raw, str):
            return Answer(value=raw)
        if isinstance(raw, Mapping):
            extra = set(raw) - ANSWER_FIELDS
            if extra:
                raise ValueError(f"unknown field(s) {', '.join(sorted(extra))}; allowed: {', '.join(sorted(ANSWER_FIELDS))}")
            if "value" not in raw:
                raise ValueError("missing 'value'")
            return Answer(value=raw["value"], source=raw.get("source"), note=raw.get("note") or "",
                          unconfirmed=raw.get("unconfirmed", False))
        raise ValueError(f"expected a value string or an object, got {type(raw).__name__}")
    except ValueError as error:
        raise ValueError(f"answer for {item_id!r}: {error}") from None


def parse_answers(raw: Mapping[str, AnswerInput], catalogue: Catalogue) -> dict[str, Answer]:
    """Validate ids and values; an id that is not in the catalogue is a ValueError naming it."""
    if not isinstance(raw, Mapping):
        raise ValueError("answers must be a mapping of item id to answer")
    unknown = sorted(k for k in raw if k not in catalogue.items)
    if unknown:
        shown = ", ".join(repr(k) for k in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise ValueError(f"unknown indicator id(s) {shown} (not in catalogue {catalogue.version})")
    return {item_id: parse_answer(item_id, value) for item_id, value in raw.items()}


def check_age_group(age_group: str) -> str:
    if age_group not in AGE_GROUPS:
        raise ValueError(f"age_group must be one of {', '.join(AGE_GROUPS)} (got {age_group!r})")
    return age_group
