"""The tips data file agrees with the catalogue, every string has a Spanish translation,
and the demo has tips in both languages with a cluster of three about one business."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from laborlens.catalogue import load_catalogue
from laborlens.tips import rules, services
from laborlens.tips.models import Tip

TIPS_DIR = Path(services.__file__).resolve().parent


def test_observations_and_rules_point_to_catalogue_ids():
    catalogue = load_catalogue()
    red_flags = {i for i, item in catalogue.items.items() if item.kind == "red_flag"}
    indicators = {i for i, item in catalogue.items.items() if item.kind == "indicator"}
    assert rules.validate(red_flags, indicators) == []
    assert all(o.es and o.en for o in rules.observations())


def test_every_template_string_has_a_spanish_translation():
    spanish = json.loads((TIPS_DIR / "es.json").read_text(encoding="utf-8"))
    missing = []
    for template in (TIPS_DIR / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        msgids = re.findall(r'{% translate "(.*?)" %}', text)
        msgids += [re.sub(r"{{ (\w+) }}", r"%(\1)s", m)
                   for m in re.findall(r"{% blocktranslate[^%]*%}(.*?){% endblocktranslate %}", text, re.S)]
        missing += [m for m in msgids if m not in spanish]
    assert missing == []


def test_passphrases_and_codes_are_canonical():
    passphrase = services.new_passphrase()
    assert re.fullmatch(r"[2-9a-z]{4}(-[2-9a-z]{4}){3}", passphrase)
    assert services.canonical_passphrase(passphrase.upper().replace("-", " ")) == passphrase
    assert services.canonical_code("abcde fghjk") == "ABCDE-FGHJK"
    assert services.canonical_code("short") == ""


@pytest.mark.django_db
def test_demo_tips_in_both_languages_with_a_cluster():
    from laborlens.demo import load_demo

    users = load_demo()
    tips = list(Tip.objects.filter(agency=users["investigator"].agency))
    assert {t.language for t in tips} == {"en", "es"}
    sizes = services.cluster_sizes(tips, users["investigator"])
    assert max(sizes.values()) >= 3  # three public tips and a partner observation about Sunrise Cleaning
    recruiter = next(t for t in tips if "0143" in t.narrative)
    assert services.matches(recruiter, users["investigator"]).cases  # meets the demo RPD farm case
    load_demo()  # idempotent
    assert Tip.objects.filter(agency=users["investigator"].agency).count() == len(tips)
