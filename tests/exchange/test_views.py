"""The exports page and downloads: permission, scope, audit, no inline script."""

from __future__ import annotations

import io
import json
import zipfile

from django.urls import reverse

from laborlens.exchange import htcds
from tests.permissions import assert_view_permissions


def test_page_permissions_and_not_reportable_list(world, cases, login):
    url = reverse("exchange:index")
    assert_view_permissions(url, allowed=world.supervisor, no_permission=world.investigator, outsider=None,
                            login=login, audit_tag="exchange:page:view")
    for user in (world.analyst, world.advocate, world.outsider):
        assert login(user).get(url).status_code == 403
    page = login(world.supervisor).get(url).content.decode()
    assert cases["closed"].number in page and "no victim recorded" in page
    assert cases["theirs"].number not in page
    assert "<script>" not in page and "style=" not in page


def test_downloads(world, cases, login):
    client = login(world.supervisor)
    response = client.get(reverse("exchange:htcds_csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows, problems = htcds.read_csv(response.content.decode())
    assert problems == [] and htcds.validate(rows) == []
    document = json.loads(client.get(reverse("exchange:htcds_json")).content)
    assert len(document["records"]) == 5
    extract = json.loads(client.get(reverse("exchange:nibrs_json")).content)
    assert len(extract["segments"]["administrative"]) == 1
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("exchange:nibrs_zip")).content))
    assert "arrestee.csv" in archive.namelist() and "not_reportable.csv" in archive.namelist()
    for name in ("exchange:htcds_csv", "exchange:nibrs_zip"):
        assert login(world.investigator).get(reverse(name)).status_code == 403


def test_spanish_page(world, cases, login):
    client = login(world.supervisor)
    response = client.get(reverse("exchange:index"), HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
