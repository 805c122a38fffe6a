"""Every string of the threat assessment interface has a Spanish translation in es.json
(the lead merges it into the catalogue) with the same placeholders; the page renders in
Spanish with the Spanish labels of the scoring weights."""

from __future__ import annotations

import json
import re
from pathlib import Path

import laborlens.threat

APP = Path(laborlens.threat.__file__).parent


def test_every_string_has_a_spanish_translation():
    translations = json.loads((APP / "es.json").read_text(encoding="utf-8"))
    wanted = set()
    for template in (APP / "templates" / "threat").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        wanted |= set(re.findall(r'{% translate "([^"]*)" %}', text))
        wanted |= set(re.findall(r"{% translate '([^']*)' %}", text))
        wanted |= {re.sub(r"{{ (\w+) }}", r"%(\1)s", block)
                   for block in re.findall(r"{% blocktranslate[^%]*%}(.*?){% endblocktranslate %}", text, re.S)}
    for source in APP.glob("*.py"):
        wanted |= set(re.findall(r'(?<![\w])_\("([^"]+)"\)', source.read_text(encoding="utf-8")))
    missing = sorted(wanted - set(translations))
    assert not missing, missing
    for english, spanish in translations.items():
        assert spanish.strip()
        assert sorted(re.findall(r"%\(\w+\)s", english)) == sorted(re.findall(r"%\(\w+\)s", spanish)), english


def test_scoring_labels_show_in_spanish(world, login, tmp_path):
    from laborlens.threat import importers
    from laborlens.threat.models import AreaProfile

    rows = tmp_path / "h2a.csv"
    rows.write_text("CASE_NUMBER,CASE_STATUS,EMPLOYER_NAME,WORKSITE_STATE,WORKSITE_COUNTY,NBR_WORKERS_CERTIFIED,"
                    "NAICS_CODE\nH-1,Certification,Ocean Farm,RI,Newport,4,111219\n", encoding="utf-8")
    importers.import_dol(rows, programme="h2a")
    AreaProfile.objects.create(task_force=world.task_force, state="RI")
    client = login(world.analyst)
    spanish = client.get("/threat/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'lang="es"' in spanish
    assert "Trabajadores H-2A / H-2B certificados en industrias vulnerables: 4" in spanish
    english = client.get("/threat/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "H-2A / H-2B workers certified in vulnerable industries: 4" in english
