"""Import the CTDC labour subset into the research store; statistics with small cells hidden."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.research import services
from laborlens.research.models import CtdcRecord, Dataset
from tests.permissions import assert_view_permissions

SUBSET = Path("/work/shared/data/ctdc_labour_subset.csv")


def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "ctdc.csv"
    lines = ["yearOfRegistration,Datasource,gender,citizenship,isForcedLabour,ControlCategory,RecruiterCategory,"
             "ExploitType,Labor_Type,ageCategories"]
    lines += ["2016,Case Management,Female,PH,1,Threats,Other,Forced Labor,Domestic Work,Age 30-38"] * 12
    lines += ["2017,Hotline,Male,MX,1,Financial,Other,Forced Labor,Agriculture,Age 21-23"] * 3
    lines += ["1800,Hotline,Male,MX,1,Financial,Other,Forced Labor,Agriculture,Age 21-23"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_counts_and_audit(db, tmp_path):
    seen = []
    result = services.import_ctdc(small_file(tmp_path), by="tester", progress=lambda done, total: seen.append(done))
    dataset = result.dataset
    assert (dataset.rows_read, dataset.rows_loaded, dataset.rows_skipped) == (16, 15, 1)
    assert [problem.line for problem in result.problems] == [17]
    assert seen == [15] and CtdcRecord.objects.filter(dataset=dataset).count() == 15
    event = AuditEvent.objects.get(tag="research:ctdc:import")
    assert event.detail["rows_loaded"] == 15 and event.detail["rows_skipped"] == 1


def test_stats_hide_small_cells(db, tmp_path):
    services.import_ctdc(small_file(tmp_path), by="tester")
    data = services.stats()
    assert data["rows"] == 15
    assert dict(data["tables"]["year"]) == {"2016": "12", "2017": "<11"}
    assert dict(data["tables"]["region"]) == {"Americas": "<11", "Asia": "12"}
    assert dict(services.stats(min_cell=2)["tables"]["year"]) == {"2016": "12", "2017": "3"}


@pytest.mark.skipif(not SUBSET.exists(), reason="the shared CTDC subset is not on this machine")
def test_the_real_subset(db):
    result = services.import_ctdc(SUBSET, by="tester")
    assert result.dataset.rows_read == 14299
    assert result.dataset.rows_loaded + result.dataset.rows_skipped == 14299
    assert CtdcRecord.objects.count() == result.dataset.rows_loaded
    data = services.stats()
    assert sum(int(n) for _, n in data["tables"]["exploitation"] if not n.startswith("<")) > 0


def test_stats_page(world, login, tmp_path):
    services.import_ctdc(small_file(tmp_path), by="tester")
    url = reverse("research:stats")
    assert_view_permissions(url, allowed=world.analyst, no_permission=world.investigator, outsider=None,
                            login=login, audit_tag="research:stats:view")
    page = login(world.supervisor).get(url).content.decode()
    assert "<caption>" in page and "&lt;11" in page and Dataset.objects.get().name in page
