"""Shared check (activities, readiness, barriers): every interface string of an app has a
Spanish translation in its es.json with the same placeholders."""

from __future__ import annotations

import json
import re
from pathlib import Path


def wanted_strings(app: Path) -> set[str]:
    wanted: set[str] = set()
    for template in (app / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        wanted |= set(re.findall(r'{% translate "([^"]*)" %}', text))
        wanted |= {re.sub(r"{{ (\w+) }}", r"%(\1)s", block)
                   for block in re.findall(r"{% blocktranslate[^%]*%}(.*?){% endblocktranslate %}", text, re.S)}
    for source in app.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        wanted |= set(re.findall(r'(?<![\w])_\("([^"]+)"\)', text))
        for call in re.findall(r'(?:gettext_lazy|_)\(((?:\s*"[^"]*"\s*)+)\)', text):
            wanted.add("".join(re.findall(r'"([^"]*)"', call)))
    return wanted


def assert_translated(app: Path) -> None:
    translations = json.loads((app / "es.json").read_text(encoding="utf-8"))
    missing = sorted(wanted_strings(app) - set(translations))
    assert not missing, missing
    for english, spanish in translations.items():
        assert spanish.strip(), english
        assert sorted(re.findall(r"%\(\w+\)s", english)) == sorted(re.findall(r"%\(\w+\)s", spanish)), english
