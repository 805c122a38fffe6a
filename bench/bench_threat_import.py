"""Time the full imports of the public DOL and FBI files from the command line.

    PYTHONPATH=src .venv/bin/python bench/bench_threat_import.py [--database-url URL] [--data ../shared/data]

Migrates a fresh database (a temporary SQLite file unless ``--database-url`` names one,
which must be empty), then runs ``laborlens threat import-dol / import-debarments /
import-ucr`` as a user would, each in its own process, and prints a Markdown table: rows
read, imported, flagged, the importer's own time (from its ImportRun), the command's wall
time (Python and Django start-up included) and rows per second. The H-2A file is then
imported a second time to show what an idempotent re-import costs.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABORLENS = ROOT / ".venv" / "bin" / "laborlens"
RESULT = re.compile(r"([\d,]+) rows read, ([\d,]+) imported, ([\d,]+) skipped, ([\d,]+) flagged, "
                    r"([\d,]+) without a county; ([\d.]+) s")


def number(text: str) -> int:
    return int(text.replace(",", ""))


def run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.monotonic()
    done = subprocess.run([str(LABORLENS), *args], env=env, capture_output=True, text=True, check=True)
    return time.monotonic() - started, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    options = parser.parse_args()
    data = Path(options.data)
    scratch = tempfile.TemporaryDirectory()
    url = options.database_url or f"sqlite:///{scratch.name}/bench.sqlite3"
    env = {**os.environ, "LABORLENS_DEMO": "1", "DATABASE_URL": url}
    run(["manage", "migrate", "-v", "0"], env)
    steps = [
        ("H-2A FY2017 (.xlsx)", ["threat", "import-dol", str(data / "h2a_disclosure_fy2017.xlsx")]),
        ("H-2B FY2019 (.xlsx)", ["threat", "import-dol", str(data / "h2b_disclosure_fy2019.xlsx")]),
        ("debarments 2010-2014 (.csv)", ["threat", "import-debarments", str(data / "h2_debarments_2010_2014.csv")]),
        ("UCR 2013-2020 (.csv)", ["threat", "import-ucr", str(data / "ucr_human_trafficking_2013_2020.csv")]),
        ("H-2A again (idempotent)", ["threat", "import-dol", str(data / "h2a_disclosure_fy2017.xlsx")]),
    ]
    engine = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"{engine}; {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print()
    print("| file | rows read | imported | skipped | flagged | no county | import s | command s | rows/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, args in steps:
        wall, out = run(args, env)
        found = RESULT.search(out)
        if not found:
            print(out, file=sys.stderr)
            return 1
        read, imported, skipped, flagged, unplaced = (number(found.group(i)) for i in range(1, 6))
        seconds = float(found.group(6))
        rate = read / seconds if seconds else 0
        print(f"| {label} | {read:,} | {imported:,} | {skipped:,} | {flagged:,} | {unplaced:,} | "
              f"{seconds:.2f} | {wall:.2f} | {rate:,.0f} |")
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
