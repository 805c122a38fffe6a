"""Small-cell rules for every published figure (issue 19, item 4).

Two kinds of check: the rules themselves against a brute-force reader who knows each
group's total and tries every assignment of the withheld cells; and every figure the API,
the CSV files and the funder report publish from the demo, recomputed from the database
and checked against the rules.
"""

from __future__ import annotations

import csv
import io
import itertools
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from laborlens.accounts.models import TaskForce
from laborlens.cases.models import Case, Charge
from laborlens.metrics import disclosure, figures
from laborlens.metrics.figures import Table
from laborlens.victims.models import Referral
from tests.api.conftest import bearer
from tests.conftest import signed_in

LIMIT = 5


def _grouped(values: list[int]) -> Table:
    return Table("t", "T", ["n"], [(f"r{i}", f"row {i}", [v]) for i, v in enumerate(values)]).partition()


def _candidates(cell: disclosure.Cell, total: int) -> range:
    """Every value a withheld cell could have, as the reader sees it."""
    if cell.status == disclosure.SMALL:
        return range(1, LIMIT)
    return range(LIMIT, total + 1)


def _feasible_values(cells: list[disclosure.Cell], total: int) -> list[set[int]]:
    """Brute force: every assignment of the withheld cells that agrees with the published
    cells and the total; for each withheld cell, the set of values it takes."""
    withheld = [i for i, c in enumerate(cells) if c.published is None and c.status != disclosure.EMPTY]
    shown_sum = sum(int(c.published or 0) for c in cells if c.published is not None)
    seen: list[set[int]] = [set() for _ in cells]
    for combo in itertools.product(*[_candidates(cells[i], total) for i in withheld]):
        if shown_sum + sum(combo) == total:
            for i, value in zip(withheld, combo, strict=True):
                seen[i].add(value)
    return seen


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=14), min_size=2, max_size=6))
def test_no_small_cell_can_be_worked_out_from_the_total(values):
    cells = [row[0] for row in disclosure.protect(_grouped(values), LIMIT)]
    for value, cell in zip(values, cells, strict=True):
        # primary rule: a count of 1..4 is never published; zero and 5+ are, unless complementary
        if 0 < value < LIMIT:
            assert cell.published is None and cell.text == "<5"
        elif cell.status == disclosure.COMPLEMENTARY:
            assert cell.published is None and cell.text == "x" and value >= LIMIT
        else:
            assert cell.published == value
    if all(c.published is None for c, v in zip(cells, values, strict=True) if v):
        return  # everything non-zero is withheld: the module says no such total is published
    feasible = _feasible_values(cells, sum(values))
    for value, cell, options in zip(values, cells, feasible, strict=True):
        if cell.status == disclosure.SMALL:
            assert value in options
            assert len(options) > 1, (values, [c.text for c in cells])


def test_a_single_small_cell_takes_its_smallest_neighbour_with_it():
    cells = [row[0] for row in disclosure.protect(_grouped([3, 40, 12, 0]), LIMIT)]
    assert [c.text for c in cells] == ["<5", "40", "x", "0"]


def test_sums_and_means_over_few_cases_are_withheld_like_counts():
    table = Table("restitution", "R", ["USD"], [("restitution_usd", "usd", [Decimal("18450.00")]),
                                                ("orders", "orders", [1])],
                  bases={"restitution_usd": [1]})
    cells = [row[0] for row in disclosure.protect(table, LIMIT)]
    assert [(c.published, c.text) for c in cells] == [(None, "—"), (None, "<5")]
    table.bases = {"restitution_usd": [5]}
    table.rows[1] = ("orders", "orders", [6])
    cells = [row[0] for row in disclosure.protect(table, LIMIT)]
    assert [c.published for c in cells] == [Decimal("18450.00"), 6]


def _brute_bases(wide) -> dict[tuple[str, str], int]:
    """The number of cases or persons behind each sum, mean or median, recomputed in
    Python from every row (no aggregation in the database)."""
    charges = [c for c in Charge.objects.all() if c.case.lead_agency_id in wide.agency_ids
               and c.disposed_on and wide.start <= c.disposed_on <= wide.end and c.restitution_ordered is not None]
    referrals = [r for r in Referral.objects.all() if r.victim.serving_agency_id in wide.agency_ids
                 and wide.start <= timezone.localtime(r.sent_at).date() <= wide.end]
    victims = len({r.victim_id for r in referrals})
    return {("restitution", "restitution_usd"): len({c.case_id for c in charges}),
            ("referrals", "median_days"): victims, ("referrals", "mean_days"): victims}


def _check_published(figure: dict, exact: Table, bases: dict[tuple[str, str], int]) -> None:
    exact_rows = {code: values for code, _label, values in exact.rows}
    for row in figure["rows"]:
        for column, (published, status) in enumerate(zip(row["values"], row["status"], strict=True)):
            value = exact_rows[row["code"]][column]
            basis = bases.get((figure["key"], row["code"]))
            if basis is None and isinstance(value, int):
                basis = value
            if status == "shown":
                assert published == figures._plain(value), (figure["key"], row["code"])
                assert basis is None or basis == 0 or basis >= LIMIT, (figure["key"], row["code"], basis)
            elif status == "small":
                assert published is None and basis is not None and 0 < basis < LIMIT
            elif status == "complementary":
                assert published is None and row["code"] in {c for g in exact.groups for c in g}
            else:
                assert status == "empty" and value is None and published is None


def test_every_published_figure_keeps_the_rules(demo, wide, settings):
    settings.METRICS_SMALL_COUNT = LIMIT
    # restitution ordered on one case only: the exact sum must not leave the building
    for charge in Charge.objects.filter(restitution_ordered__isnull=False):
        charge.restitution_ordered = None
        charge.save()
    case = Case.objects.filter(lead_agency_id__in=wide.agency_ids).first()
    Charge.objects.create(case=case, statute="usc18_1589", charged_on=timezone.localdate() - timedelta(days=9),
                          disposition=Charge.Disposition.PLEA, disposed_on=timezone.localdate() - timedelta(days=2),
                          restitution_ordered=Decimal("18450.00"), created_by=demo["investigator"])
    tf = TaskForce.objects.get()
    params = {"period": "custom", "start": wide.start.isoformat(), "end": wide.end.isoformat(), "scope": f"tf-{tf.pk}"}
    client, _token = bearer(demo["analyst"])
    body = client.get("/api/v1/metrics/", params).json()
    exact = {t.key: t for t in figures.compute_all(wide)}
    bases = _brute_bases(wide)
    for figure in body["figures"]:
        _check_published(figure, exact[figure["key"]], bases)
    restitution = next(f for f in body["figures"] if f["key"] == "restitution")
    assert restitution["rows"][0]["values"] == [None] and restitution["rows"][0]["shown"] == ["—"]

    # the CSV and the funder report print what the API publishes, never the exact sum
    web = signed_in(demo["analyst"])
    for figure in body["figures"]:
        lines = list(csv.reader(io.StringIO(web.get(f"/metrics/figures/{figure['key']}.csv", params)
                                            .content.decode())))
        printed = {line[0]: line[2:] for line in lines[1:]}
        for row in figure["rows"]:
            expected = [text if status != "empty" else "" for text, status in zip(row["shown"], row["status"],
                                                                                   strict=True)]
            assert printed[row["code"]] == expected, (figure["key"], row["code"])
    sheet = load_workbook(io.BytesIO(web.get("/metrics/report.xlsx", params).content)).active
    text = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None)
    assert "18450" not in text
