"""The research store goes to the "research" database when configured, else default;
nothing else goes there and no relation crosses."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from laborlens.cases.models import Case
from laborlens.research.models import CtdcRecord, Dataset
from laborlens.research.router import ResearchRouter

BOTH = {"default": {}, "research": {}}


def test_routes_to_research_when_configured():
    router = ResearchRouter(BOTH)
    assert router.db_for_read(CtdcRecord) == "research" and router.db_for_write(Dataset) == "research"
    assert router.db_for_read(Case) is None and router.db_for_write(Case) is None
    assert router.allow_migrate("research", "research") is True
    assert router.allow_migrate("default", "research") is False
    assert router.allow_migrate("research", "cases") is False
    assert router.allow_migrate("default", "cases") is None


def test_routes_to_default_otherwise():
    router = ResearchRouter({"default": {}})
    assert router.db_for_write(CtdcRecord) == "default"
    assert router.allow_migrate("default", "research") is True


def test_no_relation_between_research_and_case_records():
    router = ResearchRouter(BOTH)
    assert router.allow_relation(Dataset(), CtdcRecord()) is True
    assert router.allow_relation(Dataset(), Case()) is False
    assert router.allow_relation(Case(), Case()) is None


def test_no_foreign_key_leaves_the_app():
    for model in (Dataset, CtdcRecord):
        for field in model._meta.get_fields():
            if field.is_relation and field.related_model is not None:
                assert field.related_model._meta.app_label == "research", (model, field.name)


def test_separate_database_end_to_end(tmp_path):
    """With RESEARCH_DATABASE_URL set, migrate and import-ctdc put the research tables and
    rows in that database only."""
    csv = tmp_path / "ctdc.csv"
    csv.write_text(
        "yearOfRegistration,Datasource,gender,citizenship,isForcedLabour,ControlCategory,RecruiterCategory,"
        "ExploitType,Labor_Type,ageCategories\n"
        "2016,Case Management,Female,PH,1,Threats,Other,Forced Labor,Domestic Work,Age 30-38\n"
        "2017,Hotline,Male,MX,1,Financial,Friend/Acquaintance,Forced Labor,Agriculture,Age 21-23\n"
        "2017,Nowhere,Male,MX,1,Financial,Other,Forced Labor,Agriculture,Age 21-23\n", encoding="utf-8")
    default_db, research_db = tmp_path / "main.sqlite3", tmp_path / "research.sqlite3"
    env = {**os.environ, "LABORLENS_DEMO": "1", "DATABASE_URL": f"sqlite:///{default_db}",
           "RESEARCH_DATABASE_URL": f"sqlite:///{research_db}", "DJANGO_SETTINGS_MODULE": "laborlens.settings"}
    laborlens = [str(Path(sys.executable).parent / "laborlens")]
    for args in (["manage", "migrate", "--no-input", "-v", "0"],
                 ["manage", "migrate", "--database", "research", "--no-input", "-v", "0"]):
        subprocess.run([*laborlens, *args], env=env, check=True, cwd=tmp_path, capture_output=True)
    done = subprocess.run([*laborlens, "research", "import-ctdc", str(csv)], env=env, cwd=tmp_path,
                          capture_output=True, text=True, check=True)
    assert "loaded 2, skipped 1" in done.stdout
    assert "skipped line 4" in done.stderr and "stored 2 of 2 rows" in done.stderr

    def tables(path: Path) -> set[str]:
        with sqlite3.connect(path) as db:
            return {row[0] for row in db.execute("select name from sqlite_master where type='table'")}

    assert {"research_ctdcrecord", "research_dataset"} <= tables(research_db)
    assert not any(name.startswith("research_") for name in tables(default_db))
    assert not any(name.startswith("cases_") for name in tables(research_db))
    with sqlite3.connect(research_db) as db:
        assert db.execute("select count(*) from research_ctdcrecord").fetchone()[0] == 2
    with sqlite3.connect(default_db) as db:  # the audit trail stays with the application
        assert db.execute("select count(*) from audit_auditevent where tag='research:ctdc:import'").fetchone()[0] == 1
    stats = subprocess.run([*laborlens, "research", "stats", "--min-cell", "1"], env=env, cwd=tmp_path,
                           capture_output=True, text=True, check=True)
    assert "2 rows in 1 datasets" in stats.stdout and "Asia" in stats.stdout
