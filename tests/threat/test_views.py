"""The assessment and import pages: permissions, default area, map, tables, scoped counts."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from laborlens.threat import demo, importers
from laborlens.threat.models import AreaProfile, ImportRun
from laborlens.tips import services as tips
from tests.conftest import make_user
from tests.permissions import assert_view_permissions

URL = "/threat/"


@pytest.fixture
def area(world):
    """Georgia's real rows (the demo slice) and the task force's area: Lowndes and Berrien."""
    for path, options in ((demo.DEMO_DATA / "h2a_fy2017_GA.csv", {"programme": "h2a"}),
                          (demo.DEMO_DATA / "h2b_fy2019_GA.csv", {"programme": "h2b"})):
        importers.import_dol(path, **options)
    importers.import_debarments(demo.DEMO_DATA / "h2_debarments_2010_2014.csv")
    importers.import_ucr(demo.DEMO_DATA / "ucr_2013_2020_GA.csv")
    return AreaProfile.objects.create(task_force=world.task_force, state="GA",
                                      counties=[demo.LOWNDES, demo.BERRIEN],
                                      place_names={"Riverton": demo.BERRIEN, "Harlan County": demo.LOWNDES})


def test_permissions(world, area, login):
    assert reverse("threat:assessment") == URL
    assert_view_permissions(URL, allowed=world.analyst, no_permission=world.officer, outsider=None,
                            login=login, audit_tag="threat:assessment:view")
    assert_view_permissions(URL, allowed=world.supervisor, no_permission=world.advocate, outsider=None,
                            login=login, audit_tag="threat:assessment:view")
    assert_view_permissions(reverse("threat:imports"), allowed=world.analyst, no_permission=world.investigator,
                            outsider=None, login=login, audit_tag="threat:imports:view")
    assert login(world.outsider).get(URL).status_code == 403


def test_default_area_map_and_tables(world, area, login):
    response = login(world.analyst).get(URL)
    html = response.content.decode()
    assert response["Cache-Control"] == "no-store" or "no-store" in response.get("Cache-Control", "")
    assert 'data-testid="area-title">Georgia: Lowndes, Berrien<' in html
    svg = re.search(r'<svg[^>]*data-testid="map".*?</svg>', html, re.S).group(0)
    paths = re.findall(r'<path d="M[^"]+" class="shade-(\d)( selected)?" data-fips="(\d{5})"', svg)
    assert len(paths) == 159  # every county of Georgia
    assert {fips for _, selected, fips in paths if selected} == {demo.LOWNDES, demo.BERRIEN}
    assert any(shade != "0" for shade, _, _ in paths)
    assert "<title id=\"map-title\">Counties of Georgia shaded by score</title>" in svg
    # The accessible table behind the map, with the per-input breakdown.
    assert 'data-testid="places-table"' in html and "<caption>Counties ranked by score" in html
    assert re.search(r'<tr class="chosen" data-fips="13185"><td>\d+</td><th scope="row">Lowndes</th>', html)
    assert "H-2A / H-2B workers certified in vulnerable industries:" in html and "points</li>" in html
    assert 'data-testid="employers-table"' in html and 'data-testid="industries-table"' in html
    assert "Farming and agriculture" in html
    assert 'data-testid="debarred-table"' in html and "J &amp; J HARVESTING, LLC" in html
    assert 'data-testid="ucr-table"' in html and "GA0920000" in html
    # CSP: no inline style or script, no outside request.
    assert "style=" not in html and "<script>" not in html and "https://" not in svg


def test_tips_and_cases_count_only_what_the_user_may_see(world, area, login):
    tips.submit(source="partner", agency=world.agency_a, submitted_by=world.officer,
                data={"city": "Riverton", "work_type": "farming_agriculture", "narrative": "Crew in a barn."})
    tips.submit(source="partner", agency=world.agency_b, submitted_by=world.outsider,
                data={"city": "Riverton", "work_type": "farming_agriculture", "narrative": "Elsewhere."})
    supervisor = login(world.supervisor).get(URL).content.decode()
    intake = re.search(r'data-testid="intake-table".*?</table>', supervisor, re.S).group(0)
    assert re.search(r'<th scope="row">Berrien</th><td>Farming and agriculture[^<]*</td><td>1</td><td>0</td>', intake)
    assert "Crew in a barn" not in supervisor  # counts only
    analyst = login(world.analyst).get(URL).content.decode()  # no tip permission: nothing counted
    assert 'data-testid="intake-table"' not in analyst


def test_picker_without_an_area_and_bad_input(world, login):
    rival = make_user("rival_supervisor", world.agency_b, "supervisor")
    html = login(rival).get(URL).content.decode()
    assert 'data-testid="no-area"' in html and 'data-testid="map"' not in html
    response = login(rival).get(URL, {"state": "ZZ"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    response = login(rival).get(URL, {"state": "GA", "county": "13999"})
    assert response.status_code == 400
    moved = login(rival).get(URL, {"state": "GA", "county": "44001"})  # a Rhode Island county: dropped
    assert moved.status_code == 200 and "Georgia (whole state)" in moved.content.decode()
    chosen = login(rival).get(URL, {"state": "RI"})
    assert chosen.status_code == 200 and "Rhode Island (whole state)" in chosen.content.decode()
    assert chosen.content.decode().count('data-fips="44') >= 5


def test_import_page_lists_runs_and_flagged_rows(world, area, login, tmp_path):
    bad = tmp_path / "bad_ucr.csv"
    bad.write_text("DATA_YEAR,ORI,STATE_ABBR,OFFENSE_SUBCAT_NAME,ACTUAL_COUNT\n2016,GA0000000,GA,Arson,1\n",
                   encoding="utf-8")
    run = importers.import_ucr(bad)
    client = login(world.analyst)
    html = client.get(reverse("threat:imports")).content.decode()
    assert "h2a_fy2017_GA.csv" in html and f'href="?run={run.pk}"' in html
    html = client.get(reverse("threat:imports"), {"run": run.pk}).content.decode()
    assert '<th scope="row">2</th><td>offence &#x27;Arson&#x27; is neither' in html
    assert ImportRun.objects.count() == 5
