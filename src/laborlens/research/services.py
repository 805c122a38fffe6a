"""Import CTDC-format files into the research store and count what is in it.

Parsing and validation are ``laborlens.anonymity.ctdc`` (the same loader the de-identified
releases use): invalid rows are skipped and reported with their line and reason. Cells
below ``MIN_CELL`` (CTDC's own k = 11) are shown as "<11", never as a number.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest

from laborlens.anonymity import ctdc
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.research.models import CtdcRecord, Dataset
from laborlens.research.router import research_alias

BATCH = 2000
MIN_CELL = 11
# Model field -> CTDC column.
COLUMNS = {
    "year": "yearOfRegistration", "datasource": "Datasource", "gender": "gender",
    "citizenship": "citizenship", "is_forced_labour": "isForcedLabour",
    "control_category": "ControlCategory", "recruiter_category": "RecruiterCategory",
    "exploit_type": "ExploitType", "labour_type": "Labor_Type", "age_category": "ageCategories",
}


@dataclass
class ImportResult:
    dataset: Dataset
    problems: list[ctdc.RowProblem]


def import_ctdc(path: str | Path, *, name: str = "", by: str,
                progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Load a CTDC CSV (skipping and reporting invalid rows) into a new research dataset."""
    path = Path(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    loaded = ctdc.load_ctdc(path)
    columns = loaded.table.to_pydict()
    total = loaded.table.num_rows
    alias = research_alias()
    with transaction.atomic(using=alias):
        dataset = Dataset.objects.create(
            name=name or path.name, source_file=path.name[:300], sha256=digest, rows_read=loaded.rows_read,
            rows_loaded=total, rows_skipped=loaded.rows_skipped, imported_by=by[:150])
        for start in range(0, total, BATCH):
            stop = min(start + BATCH, total)
            CtdcRecord.objects.bulk_create([
                CtdcRecord(dataset=dataset, **{fld: columns[col][i] for fld, col in COLUMNS.items()})
                for i in range(start, stop)
            ])
            if progress is not None:
                progress(stop, total)
    record_event(EventTag.RESEARCH_CTDC_IMPORTED, actor_label=by,
                 detail={"dataset": dataset.pk, "file": path.name, "sha256": digest[:16],
                         "rows_read": loaded.rows_read, "rows_loaded": total,
                         "rows_skipped": loaded.rows_skipped})
    return ImportResult(dataset, loaded.problems)


DIMENSIONS = {
    "year": "year", "exploitation": "exploit_type", "labour": "labour_type", "gender": "gender",
    "age": "age_category", "control": "control_category", "datasource": "datasource",
}


def shown(count: int, min_cell: int = MIN_CELL) -> str:
    return f"<{min_cell}" if 0 < count < min_cell else str(count)


def stats(dataset: Dataset | None = None, *, min_cell: int = MIN_CELL) -> dict[str, object]:
    """Row counts in the research store by year, exploitation type, labour type, gender,
    age band, control category, data source and citizenship region; small cells hidden."""
    records = CtdcRecord.objects.all()
    if dataset is not None:
        records = records.filter(dataset=dataset)
    tables: dict[str, list[tuple[str, str]]] = {}
    for label, column in DIMENSIONS.items():
        counts = records.values(column).annotate(n=Count("pk")).order_by(column)
        tables[label] = [(str(row[column]), shown(row["n"], min_cell)) for row in counts]
    regions: dict[str, int] = {}
    for row in records.values("citizenship").annotate(n=Count("pk")):
        region = ctdc.region_of(row["citizenship"])
        regions[region] = regions.get(region, 0) + row["n"]
    tables["region"] = [(region, shown(n, min_cell)) for region, n in sorted(regions.items())]
    return {"rows": records.count(), "datasets": Dataset.objects.count() if dataset is None else 1,
            "tables": tables, "min_cell": min_cell}


def record_stats_view(*, request: HttpRequest | None = None, by: str = "", via: str = "web") -> None:
    record_event(EventTag.RESEARCH_STATS_VIEWED, request=request, actor_label=by, detail={"via": via})
