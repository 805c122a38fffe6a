"""Every string of the victims interface has a Spanish translation in es.json (the lead
merges it into the catalogue) with the same placeholders; the consent wording is complete
in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import laborlens.victims
from laborlens.victims.printing import consent_text

APP = Path(laborlens.victims.__file__).parent


def test_every_template_string_has_a_spanish_translation():
    translations = json.loads((APP / "es.json").read_text(encoding="utf-8"))
    wanted = set()
    for template in (APP / "templates" / "victims").glob("*.html"):
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


def test_consent_wording_is_complete_in_both_languages():
    text = consent_text()
    assert set(text["en"]) == set(text["es"])
    for lang in ("en", "es"):
        assert "{serving}" in text[lang]["intro"] and "{expires}" in text[lang]["valid"]
