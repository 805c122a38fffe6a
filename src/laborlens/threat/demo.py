"""Demo: a real slice of the public DOL and FBI files, and the task force's area.

Harlan County and Riverton are fictional. For the demo they stand in for a real place so
that the assessment shows real public data: the Harlan County task force's area is
Lowndes County, Georgia (Valdosta) and its neighbours Berrien, Brooks, Cook, Echols and
Lanier; "Harlan County" and "Harlan" are placed in Lowndes County and "Riverton" in
Berrien County. The rows are Georgia's rows of the DOL H-2A FY2017 and H-2B FY2019
disclosure files and of the FBI UCR human trafficking file, and the whole debarment list
(``demo_data/README.md``), imported through the same importer as the full files.
"""

from __future__ import annotations

from pathlib import Path

from laborlens.accounts.demo import TASK_FORCE
from laborlens.accounts.models import TaskForce, User
from laborlens.threat import importers
from laborlens.threat.models import AreaProfile, ImportRun

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
DEMO_STATE = "GA"
LOWNDES, BERRIEN = "13185", "13019"
DEMO_COUNTIES = [LOWNDES, BERRIEN, "13027", "13075", "13101", "13173"]  # + Brooks, Cook, Echols, Lanier
DEMO_PLACE_NAMES = {"Harlan County": LOWNDES, "Harlan": LOWNDES, "Riverton": BERRIEN, "City of Riverton": BERRIEN}
DEMO_NOTE = ("Demo: the fictional Harlan County stands in for Lowndes County, Georgia, and its "
             "neighbours; Riverton for Berrien County.")


def load_threat_demo(users: dict[str, User]) -> None:
    task_force = TaskForce.objects.get(name=TASK_FORCE["name"])
    AreaProfile.objects.update_or_create(task_force=task_force, defaults={
        "state": DEMO_STATE, "counties": DEMO_COUNTIES, "place_names": DEMO_PLACE_NAMES, "note": DEMO_NOTE})
    imports = [
        (importers.import_dol, DEMO_DATA / "h2a_fy2017_GA.csv", {"programme": "h2a"}),
        (importers.import_dol, DEMO_DATA / "h2b_fy2019_GA.csv", {"programme": "h2b"}),
        (importers.import_debarments, DEMO_DATA / "h2_debarments_2010_2014.csv", {}),
        (importers.import_ucr, DEMO_DATA / "ucr_2013_2020_GA.csv", {}),
    ]
    for importer, path, options in imports:
        if ImportRun.objects.filter(sha256=importers.sha256_of(path)).exists():
            continue  # loaded before: a second demo-load adds nothing
        importer(path, actor_label="demo-loader", **options)

