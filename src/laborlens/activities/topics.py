"""Training topics (seed 002, Figure 24 / survey question 42), loaded from versioned JSON.

Pure Python: no Django imports, so the data can be checked and used anywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

TOPICS_FILE = Path(__file__).with_name("data") / "training_topics.json"


@dataclass(frozen=True)
class Topic:
    id: str
    item: str
    en: str
    es: str
    share_needing: int | None = None

    def label(self, lang: str) -> str:
        return self.es if lang == "es" else self.en


@cache
def load_topics() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TOPICS_FILE.read_text(encoding="utf-8"))
    if data.get("kind") != "training_topics" or not data.get("version"):
        raise ValueError(f"{TOPICS_FILE.name}: not a versioned training topics file")
    seen: set[str] = set()
    for raw in data["topics"]:
        if raw["id"] in seen:
            raise ValueError(f"{TOPICS_FILE.name}: duplicate topic {raw['id']}")
        seen.add(raw["id"])
        if not raw.get("en") or not raw.get("es"):
            raise ValueError(f"{TOPICS_FILE.name}: topic {raw['id']} needs English and Spanish")
    return data


def topics() -> list[Topic]:
    return [Topic(raw["id"], raw["item"], raw["en"], raw["es"], raw.get("share_needing"))
            for raw in load_topics()["topics"]]


def topic_choices(lang: str) -> list[tuple[str, str]]:
    return [(topic.id, topic.label(lang)) for topic in topics()]


def topic_labels(ids: list[str], lang: str) -> list[str]:
    labels = {topic.id: topic.label(lang) for topic in topics()}
    return [labels.get(topic_id, topic_id) for topic_id in ids]
