"""Import the public DOL and FBI files: streamed, with progress, idempotent, audited.

Each import reads the file row by row (openpyxl in read-only mode for spreadsheets, the
csv module otherwise), maps columns by header name (``parsing``), skips rows already
imported (same fingerprint: importing a file twice adds nothing), records every row it
cannot read as an ``ImportProblem`` (row number and reason) and ends with one
``ImportRun`` (file name, SHA-256, counts, duration) and one audit event, all in one
transaction: an interrupted import leaves nothing half-written.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from django.db import transaction

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.catalogue.industries import industries
from laborlens.threat import geo, parsing
from laborlens.threat.models import CertifiedEmployer, Debarment, ImportProblem, ImportRun, UcrCount

Progress = Callable[[int, int], None]
BATCH = 1000
PROGRESS_EVERY = 1000
HEADER_SEARCH_ROWS = 10


class ImportRefused(ValueError):
    """The whole file cannot be imported (unknown format, unknown programme); nothing changed."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_rows(path: Path) -> tuple[int, Iterator[Sequence[Any]]]:
    """(rows in the file including the header, as far as known; an iterator of rows)."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        import openpyxl

        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # zip, XML and openpyxl errors alike
            raise ImportRefused(f"{path.name} is not a readable spreadsheet: {error}") from None
        sheet = workbook.worksheets[0]
        total = sheet.max_row or 0

        def spreadsheet_rows() -> Iterator[Sequence[Any]]:
            try:
                yield from sheet.iter_rows(values_only=True)
            finally:
                workbook.close()

        return total, spreadsheet_rows()
    if path.suffix.lower() in {".csv", ".txt"}:
        with path.open("rb") as handle:
            total = sum(1 for _ in handle)

        def csv_rows() -> Iterator[Sequence[Any]]:
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
                yield from csv.reader(handle)

        return total, csv_rows()
    raise ImportRefused(f"{path.name}: only .xlsx and .csv files can be imported")


class _Reader:
    """Finds the header row, then yields (row number, values) and reports progress."""

    def __init__(self, path: Path, aliases: dict[str, tuple[str, ...]], required: Sequence[str],
                 progress: Progress | None) -> None:
        self.total, rows = open_rows(path)
        head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
        try:
            index = parsing.find_header_row(head, aliases, required)
        except parsing.HeaderError as error:
            raise ImportRefused(f"{path.name}: {error}") from None
        self.headers = head[index]
        self.mapping = parsing.map_headers(self.headers, aliases, required)
        self.first_row_number = index + 2
        self._rows = itertools.chain(head[index + 1:], rows)
        self.progress = progress
        self.read = 0

    def __iter__(self) -> Iterator[tuple[int, Sequence[Any]]]:
        for offset, values in enumerate(self._rows):
            self.read += 1
            if self.progress and self.read % PROGRESS_EVERY == 0:
                self.progress(self.read, max(self.total - self.first_row_number + 1, self.read))
            yield self.first_row_number + offset, values
        if self.progress:
            self.progress(self.read, self.read)


class _Counts:
    def __init__(self) -> None:
        self.imported = self.skipped = self.unplaced = 0
        self.problems: list[tuple[int, str]] = []

    def flag(self, row_number: int, reason: str) -> None:
        self.problems.append((row_number, reason[:300]))


def _start(kind: str, path: Path, digest: str, actor_label: str) -> ImportRun:
    """Rows point at their run, so it is saved first; its counts are filled in at the end."""
    return ImportRun.objects.create(kind=kind, file_name=path.name[:255], sha256=digest,
                                    actor_label=actor_label[:100])


def _finish(run: ImportRun, path: Path, reader: _Reader, counts: _Counts, started: float,
            actor_label: str) -> ImportRun:
    run.rows_read = reader.read
    run.imported = counts.imported
    run.skipped = counts.skipped
    run.flagged = len(counts.problems)
    run.unplaced = counts.unplaced
    run.duration_seconds = round(time.monotonic() - started, 3)
    run.save()
    kind, digest = run.kind, run.sha256
    ImportProblem.objects.bulk_create(
        [ImportProblem(run=run, row_number=number, reason=reason) for number, reason in counts.problems],
        batch_size=BATCH,
    )
    record_event(EventTag.THREAT_DATA_IMPORTED, actor_label=actor_label, obj=run, detail={
        "kind": kind, "file": path.name, "sha256": digest, "rows_read": reader.read,
        "imported": counts.imported, "skipped": counts.skipped, "flagged": len(counts.problems),
        "unplaced": counts.unplaced,
    })
    return run


def _programme_of(path: Path, reader_first: Sequence[Any] | None, mapping: dict[str, int]) -> str:
    if reader_first is not None and "visa_class" in mapping:
        value = parsing.text(reader_first[mapping["visa_class"]] if mapping["visa_class"] < len(reader_first) else "")
        folded = value.upper().replace("-", "")
        if "H2A" in folded:
            return "h2a"
        if "H2B" in folded:
            return "h2b"
    name = path.name.upper().replace("-", "").replace("_", "")
    if "H2A" in name:
        return "h2a"
    if "H2B" in name:
        return "h2b"
    raise ImportRefused(f"{path.name}: cannot tell H-2A from H-2B; pass --programme h2a or h2b")


def import_dol(path: Path, programme: str | None = None, *, progress: Progress | None = None,
               actor_label: str = "cli") -> ImportRun:
    started = time.monotonic()
    digest = sha256_of(path)
    reader = _Reader(path, parsing.DOL_ALIASES, parsing.DOL_REQUIRED, progress)
    rows = iter(reader)
    first = next(rows, None)
    if programme is None:
        programme = _programme_of(path, first[1] if first else None, reader.mapping)
    if programme not in {"h2a", "h2b"}:
        raise ImportRefused(f"unknown programme {programme!r}; use h2a or h2b")
    catalogue = [(item.id, item.naics) for item in industries()]
    counts = _Counts()
    with transaction.atomic():
        run = _start(programme, path, digest, actor_label)
        known = set(CertifiedEmployer.objects.filter(programme=programme).values_list("fingerprint", flat=True))
        pending: list[CertifiedEmployer] = []
        for row_number, values in itertools.chain([first] if first else [], rows):
            if parsing.is_blank(values):
                counts.skipped += 1
                continue
            try:
                row = parsing.parse_dol_row(values, reader.mapping, programme)
            except parsing.RowError as error:
                counts.flag(row_number, str(error))
                continue
            if row.fingerprint in known:
                counts.skipped += 1
                continue
            known.add(row.fingerprint)
            pending.append(CertifiedEmployer(
                programme=programme, fingerprint=row.fingerprint, case_number=row.case_number,
                case_status=row.case_status, certified=row.certified, decision_date=row.decision_date,
                primary_sub=row.primary_sub, employer_name=row.employer_name, trade_name=row.trade_name,
                name_key=row.name_key, employer_city=row.employer_city, employer_state=row.employer_state,
                naics=row.naics, industry=parsing.industry_for_naics(row.naics, catalogue),
                job_title=row.job_title, workers_requested=row.workers_requested,
                workers_certified=row.workers_certified, worksite_city=row.worksite_city,
                worksite_county=row.worksite_county, worksite_state=row.worksite_state,
                county_fips=geo.county_fips(row.worksite_state, row.worksite_county), run=run,
            ))
        _place_by_city(pending)
        counts.unplaced = sum(1 for item in pending if not item.county_fips)
        CertifiedEmployer.objects.bulk_create(pending, batch_size=BATCH)
        counts.imported = len(pending)
        _mark_association_totals(programme)
        return _finish(run, path, reader, counts, started, actor_label)


def _place_by_city(pending: list[CertifiedEmployer]) -> None:
    """A row without a county gets the county most rows of the same state and city name have."""
    missing = [item for item in pending if not item.county_fips and item.worksite_city]
    if not missing:
        return
    states = {item.worksite_state for item in missing}
    votes: dict[tuple[str, str], Counter[str]] = {}
    known = itertools.chain(
        ((item.worksite_state, item.worksite_city, item.county_fips) for item in pending if item.county_fips),
        CertifiedEmployer.objects.filter(worksite_state__in=states).exclude(county_fips="")
        .values_list("worksite_state", "worksite_city", "county_fips").iterator(),
    )
    for state, city, fips in known:
        votes.setdefault((state, geo.county_key(city)), Counter())[fips] += 1
    for item in missing:
        found = votes.get((item.worksite_state, geo.county_key(item.worksite_city)))
        if found:
            item.county_fips = found.most_common(1)[0][0]
        else:
            # A city that is also a county seat named like its county ("Yuma", "Lubbock").
            item.county_fips = geo.county_fips(item.worksite_state, item.worksite_city)


def _mark_association_totals(programme: str) -> None:
    """An association's primary row repeats the sum of its members' rows: not counted twice."""
    with_members = (CertifiedEmployer.objects.filter(programme=programme, primary_sub="SUB")
                    .values("case_number"))
    (CertifiedEmployer.objects.filter(programme=programme, primary_sub="PRI", association_total=False,
                                      case_number__in=with_members).update(association_total=True))


def import_debarments(path: Path, *, progress: Progress | None = None, actor_label: str = "cli") -> ImportRun:
    started = time.monotonic()
    digest = sha256_of(path)
    reader = _Reader(path, parsing.DEBARMENT_ALIASES, parsing.DEBARMENT_REQUIRED, progress)
    counts = _Counts()
    with transaction.atomic():
        run = _start("debarments", path, digest, actor_label)
        known = set(Debarment.objects.values_list("fingerprint", flat=True))
        pending = []
        for row_number, values in reader:
            if parsing.is_blank(values):
                counts.skipped += 1
                continue
            try:
                row = parsing.parse_debarment_row(values, reader.mapping)
            except parsing.RowError as error:
                counts.flag(row_number, str(error))
                continue
            if row.fingerprint in known:
                counts.skipped += 1
                continue
            known.add(row.fingerprint)
            pending.append(Debarment(fingerprint=row.fingerprint, programme=row.programme, entity=row.entity,
                                     name_key=row.name_key, city=row.city, state=row.state,
                                     start_date=row.start_date, end_date=row.end_date, run=run))
        Debarment.objects.bulk_create(pending, batch_size=BATCH)
        counts.imported = len(pending)
        return _finish(run, path, reader, counts, started, actor_label)


def import_ucr(path: Path, *, progress: Progress | None = None, actor_label: str = "cli") -> ImportRun:
    started = time.monotonic()
    digest = sha256_of(path)
    reader = _Reader(path, parsing.UCR_ALIASES, parsing.UCR_REQUIRED, progress)
    counts = _Counts()
    with transaction.atomic():
        run = _start("ucr", path, digest, actor_label)
        known = set(UcrCount.objects.values_list("fingerprint", flat=True))
        occurrences: Counter[str] = Counter()
        pending = []
        for row_number, values in reader:
            if parsing.is_blank(values):
                counts.skipped += 1
                continue
            try:
                row = parsing.parse_ucr_row(values, reader.mapping)
            except parsing.RowError as error:
                counts.flag(row_number, str(error))
                continue
            occurrences[row.fingerprint] += 1
            key = parsing.fingerprint(row.fingerprint, occurrences[row.fingerprint])
            if key in known:
                counts.skipped += 1
                continue
            known.add(key)
            fips = [code for name in geo.split_counties(row.county_names)
                    if (code := geo.county_fips(row.state, name))]
            if not fips:
                counts.unplaced += 1
            pending.append(UcrCount(
                fingerprint=key, year=row.year, ori=row.ori, agency_name=row.agency_name,
                agency_type=row.agency_type, state=row.state, county_names=row.county_names,
                county_fips=fips, offence=row.offence, actual=row.actual, unfounded=row.unfounded,
                cleared=row.cleared, run=run,
            ))
        UcrCount.objects.bulk_create(pending, batch_size=BATCH)
        counts.imported = len(pending)
        return _finish(run, path, reader, counts, started, actor_label)
