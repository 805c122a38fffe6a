"""The import commands print progress on stderr and the counts at the end."""

from __future__ import annotations

import pytest

from laborlens.cli import main
from laborlens.threat.models import ImportRun
from tests.threat.conftest import H2A, UCR, csv_slice, xlsx_slice

pytestmark = pytest.mark.django_db(transaction=True)


def test_import_commands_show_progress_counts_and_flagged_rows(tmp_path, capsys):
    ucr = tmp_path / "ucr.csv"
    csv_slice(UCR, ucr, 1500, extra=[["2016", "TX2201200", "x", "", "City", "TX", "Texas", "", "", "", "", "",
                                      "82", "Human Trafficking", "Arson", "1", "0", "0", "0"]])
    assert main(["threat", "import-ucr", str(ucr)]) == 0
    out, err = capsys.readouterr()
    assert "importing ucr.csv" in err
    assert "read 1,000 / 1,501 rows (66%)" in err and "read 1,501 / 1,501 rows (100%)" in err
    assert "1,501 rows read, 1,500 imported, 0 skipped, 1 flagged" in out
    assert "flagged row 1502: offence 'Arson' is neither commercial sex acts nor involuntary servitude" in out
    run = ImportRun.objects.get()
    assert main(["threat", "problems", str(run.pk)]) == 0
    assert "row 1502: offence 'Arson'" in capsys.readouterr().out
    assert main(["threat", "runs"]) == 0
    assert "ucr.csv" in capsys.readouterr().out

    h2a = tmp_path / "h2a.xlsx"
    xlsx_slice(H2A, h2a, 20)
    assert main(["threat", "import-dol", str(h2a), "--programme", "h2a"]) == 0
    out, err = capsys.readouterr()
    assert "read 20 / 20 rows (100%)" in err and "import run" in out and "(h2a, h2a.xlsx" in out


def test_bad_files_are_refused_with_a_message(tmp_path, capsys):
    assert main(["threat", "import-dol", str(tmp_path / "missing.xlsx")]) == 2
    assert "no file" in capsys.readouterr().err
    text = tmp_path / "notes.csv"
    text.write_text("hello,world\n1,2\n", encoding="utf-8")
    assert main(["threat", "import-ucr", str(text)]) == 2
    assert "required columns not found" in capsys.readouterr().err
    assert main(["threat", "problems", "999"]) == 2


def test_set_area_of_a_task_force_and_an_agency(world, capsys):
    from laborlens.audit.models import AuditEvent
    from laborlens.threat.models import AreaProfile

    assert main(["threat", "set-area", "--task-force", world.task_force.name, "--state", "Georgia",
                 "--county", "Lowndes", "--county", "13019", "--place", "City of Riverton=Berrien"]) == 0
    assert "Georgia: Lowndes, Berrien; 1 local place names" in capsys.readouterr().out
    profile = AreaProfile.objects.get(task_force=world.task_force)
    assert profile.counties == ["13185", "13019"] and profile.place_names == {"City of Riverton": "13019"}
    assert AuditEvent.objects.filter(tag="threat:area:set").count() == 1
    assert main(["threat", "set-area", "--agency", "EPD", "--state", "RI"]) == 0
    assert AreaProfile.objects.get(agency=world.agency_b).counties == []
    assert main(["threat", "set-area", "--agency", "EPD", "--state", "GA", "--county", "Atlantis"]) == 2
    assert "no county 'Atlantis'" in capsys.readouterr().err
    assert main(["threat", "set-area", "--agency", "NOPE", "--state", "GA"]) == 2
    assert main(["threat", "set-area", "--agency", "EPD", "--state", "ZZ"]) == 2
