"""Small-cell rules for every figure that leaves the building (CSV, funder report, API).

Two rules, applied to each figure's table (pure: no database, no Django):

1. **Primary suppression.** A cell is withheld when fewer than ``limit`` cases or persons
   stand behind it (default 5, ``settings.METRICS_SMALL_COUNT``). For a count the count
   itself is that number; for a sum, a mean or a median the table names it in
   ``Table.bases`` (restitution summed over 3 cases is withheld like a count of 3, because
   it identifies the case as surely). A count from 1 to ``limit - 1`` is printed as
   ``<5``; a withheld sum, mean or median as ``—``. Zero is shown: it describes no one.

2. **Complementary suppression.** Rows listed together in ``Table.groups`` add up to a
   whole that a reader may know from another figure or another period (cases by stage add
   up to the cases open). Assume the reader knows that total: if a withheld small cell
   could then be worked out (one withheld cell; or two small cells of 1 each), the
   smallest other non-zero cells of that column are withheld too, one at a time, until
   every small cell has more than one possible value (``feasible_range``). Such a cell is
   printed as ``x``. When every non-zero cell of a column is withheld and the total is
   still known, nothing in the table can help: LaborLens publishes no such total (the
   sums of a figure's grouped rows are not figures of their own).

``protect`` returns, per row and column, the published value (``None`` when withheld),
the text to print, and why (``shown``, ``small``, ``complementary``, ``empty``). The test
``tests/metrics/test_disclosure.py`` recomputes every published figure from the database
by brute force and checks these rules hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

Number = int | float | Decimal | None

SHOWN = "shown"
SMALL = "small"  # fewer than the limit behind it
COMPLEMENTARY = "complementary"  # withheld so that a total cannot give back a small cell
EMPTY = "empty"  # nothing to compute (a mean over no one)


@dataclass(frozen=True)
class Cell:
    value: Number  # the exact figure, never published when withheld
    published: Number  # the exact figure, or None when withheld
    text: str  # what a report prints
    status: str


class Protectable(Protocol):
    key: str
    rows: list[tuple[str, str, list[Number]]]
    bases: dict[str, list[int]]
    groups: list[list[str]]


def basis_of(table: Protectable, code: str, column: int, value: Number) -> int | None:
    """How many cases or persons stand behind the cell; ``None`` when the cell is not
    about cases or persons at all (nothing to protect)."""
    if code in table.bases:
        return table.bases[code][column]
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def protect(table: Protectable, limit: int) -> list[list[Cell]]:
    cells = [[_primary(table, code, column, value, limit) for column, value in enumerate(values)]
             for code, _label, values in table.rows]
    index = {code: i for i, (code, _label, _values) in enumerate(table.rows)}
    for group in table.groups:
        rows = [index[code] for code in group if code in index]
        for column in range(len(table.rows[rows[0]][2]) if rows else 0):
            _complement(cells, rows, column, limit)
    return cells


def _primary(table: Protectable, code: str, column: int, value: Number, limit: int) -> Cell:
    if value is None:
        return Cell(None, None, "—", EMPTY)
    basis = basis_of(table, code, column, value)
    if basis is None or basis == 0 or basis >= limit:
        return Cell(value, value, _text(value), SHOWN)
    is_count = code not in table.bases
    return Cell(value, None, f"<{limit}" if is_count else "—", SMALL)


def _complement(cells: list[list[Cell]], rows: list[int], column: int, limit: int) -> None:
    """Withhold the smallest other non-zero cells of the group's column until no small
    cell can be worked out from the published cells and the group's total."""
    while _exposed(cells, rows, column, limit):
        candidates = [r for r in rows if cells[r][column].status == SHOWN and cells[r][column].value]
        if not candidates:
            return  # every non-zero cell is withheld already; see the module's note
        r = min(candidates, key=lambda i: (_magnitude(cells[i][column].value), i))
        cell = cells[r][column]
        cells[r][column] = Cell(cell.value, None, "x", COMPLEMENTARY)


def feasible_range(cells: list[list[Cell]], rows: list[int], column: int, limit: int,
                   row: int) -> tuple[float, float]:
    """What a reader who knows the group's total can tell of one withheld cell: a small
    cell lies in 1..limit-1, a complementary one is at least ``limit`` (it was shown
    before), and together they make up the total minus the published cells."""
    withheld = [r for r in rows if cells[r][column].published is None and cells[r][column].status != EMPTY
                and cells[r][column].value]
    rest = _magnitude(sum((_magnitude(cells[r][column].value) for r in withheld), 0.0))
    bounds = {r: _bounds(cells[r][column], limit) for r in withheld}
    low_others = sum(bounds[r][0] for r in withheld if r != row)
    high_others = sum(bounds[r][1] for r in withheld if r != row)
    low, high = bounds[row]
    return max(low, rest - high_others), min(high, rest - low_others)


def _exposed(cells: list[list[Cell]], rows: list[int], column: int, limit: int) -> bool:
    small = [r for r in rows if cells[r][column].status == SMALL and cells[r][column].value]
    for r in small:
        low, high = feasible_range(cells, rows, column, limit, r)
        if low >= high:
            return True
    return False


def _bounds(cell: Cell, limit: int) -> tuple[float, float]:
    if cell.status == SMALL:
        return 1.0, float(limit - 1)
    return float(limit), float("inf")


def _magnitude(value: Number) -> float:
    return float(value) if value is not None else 0.0


def _text(value: Number) -> str:
    return "—" if value is None else str(value)
