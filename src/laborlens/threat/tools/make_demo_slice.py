"""Write the demo's slice of the public DOL and FBI files (one state) to ``threat/demo_data/``.

Usage (from the repository root, with the project's virtual environment)::

    .venv/bin/python src/laborlens/threat/tools/make_demo_slice.py ../shared/data GA

Keeps the rows whose worksite state (DOL) or state (UCR) is the given state, with the
original column names (only the columns the importer reads), so the demo imports them
through the same importer as the full files. The debarment list is small and kept whole.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import openpyxl

OUTPUT = Path(__file__).resolve().parent.parent / "demo_data"
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from laborlens.threat import parsing  # noqa: E402
from laborlens.threat.geo import state_abbr  # noqa: E402

DOL_FILES = (("h2a_disclosure_fy2017.xlsx", "h2a_fy2017"), ("h2b_disclosure_fy2019.xlsx", "h2b_fy2019"))


def slice_dol(source: Path, state: str, target: Path) -> int:
    workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    headers = next(rows)
    mapping = parsing.map_headers(headers, parsing.DOL_ALIASES, parsing.DOL_REQUIRED)
    keep = sorted(set(mapping.values()))
    written = 0
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([headers[index] for index in keep])
        for row in rows:
            if state_abbr(row[mapping["worksite_state"]]) != state:
                continue
            writer.writerow([_cell(row[index]) for index in keep])
            written += 1
    workbook.close()
    return written


def _cell(value: object) -> object:
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]  # type: ignore[union-attr]
    return "" if value is None else value


def slice_csv(source: Path, target: Path, keep_row: object) -> int:
    written = 0
    with source.open(encoding="utf-8-sig", newline="") as inp, target.open("w", encoding="utf-8", newline="") as out:
        reader = csv.reader(inp)
        writer = csv.writer(out)
        headers = next(reader)
        writer.writerow(headers)
        for row in reader:
            if keep_row(headers, row):  # type: ignore[operator]
                writer.writerow(row)
                written += 1
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    data, state = Path(argv[1]), argv[2].upper()
    OUTPUT.mkdir(exist_ok=True)
    for name, stem in DOL_FILES:
        count = slice_dol(data / name, state, OUTPUT / f"{stem}_{state}.csv")
        print(f"{stem}: {count} rows")
    count = slice_csv(data / "ucr_human_trafficking_2013_2020.csv", OUTPUT / f"ucr_2013_2020_{state}.csv",
                      lambda headers, row: row[headers.index("STATE_ABBR")] == state)
    print(f"ucr: {count} rows")
    count = slice_csv(data / "h2_debarments_2010_2014.csv", OUTPUT / "h2_debarments_2010_2014.csv",
                      lambda headers, row: True)
    print(f"debarments: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
