"""Threat assessment test data: small slices of the real public files, written by the tests.

The slices keep the real header rows of the DOL and FBI files in ``../shared/data`` (the
importer must read them as published), plus rows the tests add on purpose.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import openpyxl
import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
H2A = SHARED / "h2a_disclosure_fy2017.xlsx"
H2B = SHARED / "h2b_disclosure_fy2019.xlsx"
UCR = SHARED / "ucr_human_trafficking_2013_2020.csv"
DEBARMENTS = SHARED / "h2_debarments_2010_2014.csv"


def need(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"{path.name} is not in ../shared/data")
    return path


def xlsx_slice(source: Path, target: Path, rows: int, extra: list[list[object]] | None = None) -> tuple[list, list]:
    """The header and the first ``rows`` data rows of a real spreadsheet, plus ``extra`` rows."""
    workbook = openpyxl.load_workbook(need(source), read_only=True)
    head = list(itertools.islice(workbook.worksheets[0].iter_rows(values_only=True), rows + 1))
    workbook.close()
    write_xlsx(target, [list(row) for row in head] + (extra or []))
    return list(head[0]), [list(row) for row in head[1:]]


def write_xlsx(target: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(target)
    return target


def csv_slice(source: Path, target: Path, rows: int, extra: list[list[str]] | None = None) -> list[str]:
    with need(source).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        head = list(itertools.islice(reader, rows + 1))
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(head + (extra or []))
    return head[0]


def row_with(headers: list, template: list, **values: object) -> list:
    row = list(template)
    for name, value in values.items():
        row[headers.index(name.replace("__", "/"))] = value
    return row
