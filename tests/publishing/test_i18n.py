"""Every string of the releases interface has a Spanish translation in es.json (the lead
merges it into the catalogue), with the same placeholders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import laborlens.publishing

APP = Path(laborlens.publishing.__file__).parent
POLICY_TEMPLATE = APP.parent / "templates" / "accounts" / "agency_policy.html"


def test_every_string_has_a_spanish_translation():
    translations = json.loads((APP / "es.json").read_text(encoding="utf-8"))
    wanted = set()
    for template in [*(APP / "templates" / "publishing").glob("*.html"), POLICY_TEMPLATE]:
        text = template.read_text(encoding="utf-8")
        wanted |= set(re.findall(r'{% translate "([^"]*)" %}', text))
        wanted |= {re.sub(r"{{ (\w+) }}", r"%(\1)s", block)
                   for block in re.findall(r"{% blocktranslate[^%]*%}(.*?){% endblocktranslate %}", text, re.S)}
    for source in APP.glob("*.py"):
        wanted |= set(re.findall(r'(?<![\w])_\("([^"]+)"\)', source.read_text(encoding="utf-8")))
    missing = sorted(wanted - set(translations))
    assert not missing, missing
    for english, spanish in translations.items():
        assert spanish.strip()
        assert sorted(re.findall(r"%\(\w+\)s", english)) == sorted(re.findall(r"%\(\w+\)s", spanish)), english
