"""Dashboard tiles and the results page: per agency scope, withheld below 5 responses
(metrics.disclosure), with the previous period for comparison."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from laborlens.feedback import tiles
from laborlens.feedback.models import PulseResponse, SurveyResponse, TrustPulse
from laborlens.feedback.questions import load_questions
from laborlens.metrics.figures import Filters
from tests.conftest import signed_in
from tests.feedback.conftest import outreach

pytestmark = pytest.mark.django_db


def survey(agency, value: int = 5, on=None, **overrides) -> SurveyResponse:
    data = {q.id: value for q in load_questions().survey} | overrides
    return SurveyResponse.objects.create(agency=agency, answered_on=on or timezone.localdate(), language="en",
                                         channel="online", questions_version="t", answers=data)


def month(agency_ids) -> Filters:
    today = timezone.localdate()
    return Filters(start=today.replace(day=1), end=today, agency_ids=tuple(agency_ids), period="month")


def test_the_tile_is_withheld_below_five_responses(world):
    for _ in range(4):
        survey(world.vsp)
    tile = tiles.tile("survey", month([world.vsp.pk]))
    assert tile.withheld and tile.share.published is None and tile.responses.text == "<5"
    survey(world.vsp, value=2)
    tile = tiles.tile("survey", month([world.vsp.pk]))
    # 4 responses all positive, 1 all negative: 28 of 35 answers agree.
    assert not tile.withheld and tile.share.published == 80 and tile.responses.published == 5


def test_prefer_not_to_say_is_left_out_of_the_share(world):
    for _ in range(5):
        survey(world.vsp, value=0, respected=5, felt_safe=1)
    assert tiles.tile("survey", month([world.vsp.pk])).share.published == 50


def test_tiles_count_only_the_agencies_in_scope(world):
    for _ in range(5):
        survey(world.vsp, value=5)
    for _ in range(6):
        survey(world.agency_b, value=1)
    assert tiles.tile("survey", month([world.vsp.pk])).share.published == 100
    assert tiles.tile("survey", month([world.agency_b.pk])).share.published == 0
    assert tiles.tile("survey", month([world.sheriff.pk])).responses.published == 0
    task_force = sorted(world.task_force.agencies.values_list("pk", flat=True))
    assert tiles.tile("survey", month(task_force)).responses.published == 5


def test_the_previous_period_is_compared_when_both_are_published(world):
    first = timezone.localdate().replace(day=1)
    last_month = first - timedelta(days=3)
    for _ in range(5):
        survey(world.vsp, value=3, on=last_month)  # nobody agrees
    for _ in range(5):
        survey(world.vsp, value=4)
    tile = tiles.tile("survey", month([world.vsp.pk]))
    assert tile.previous_share.published == 0 and tile.share.published == 100 and tile.change == 100
    SurveyResponse.objects.filter(answered_on=last_month).first().delete()
    tile = tiles.tile("survey", month([world.vsp.pk]))
    assert tile.previous_share.published is None and tile.change is None and tile.share.published == 100


def test_per_question_cells_below_five_are_withheld(world):
    for _ in range(6):
        survey(world.vsp, value=5)
    for _ in range(2):
        survey(world.vsp, value=5, felt_safe=1)
    total, tables = tiles.question_tables("survey", month([world.vsp.pk]))
    assert total.published == 8
    felt_safe = next(t for t in tables if t.id == "felt_safe")
    cells = {label: cell for label, cell in felt_safe.rows}
    assert cells["Strongly disagree"].text == "<5"
    # 6 strongly agree would give back the 2 from the total of 8: withheld too.
    assert cells["Strongly agree"].text == "x"
    assert cells["Agree"].text == "0"
    respected = next(t for t in tables if t.id == "respected")
    assert dict(respected.rows)["Strongly agree"].text == "8"
    assert felt_safe.share.published == 75


def test_the_dashboard_and_results_page_show_the_tiles_in_the_users_scope(world):
    for _ in range(5):
        survey(world.vsp, value=4)
    pulse = TrustPulse.objects.create(activity=outreach(world), agency=world.agency_a, code="ABCDEF")
    for _ in range(3):
        PulseResponse.objects.create(pulse=pulse, agency=world.agency_a, language="es", questions_version="t",
                                     answers={q.id: 5 for q in load_questions().pulse})
    client = signed_in(world.supervisor)
    mine = client.get("/metrics/").content.decode()
    assert 'data-testid="share-survey">—<' in mine  # nothing from RPD
    assert 'data-testid="share-pulse">—<' in mine and "Withheld: &lt;5 responses" in mine
    assert "No responses in this period" in mine
    task_force = client.get(f"/metrics/?period=month&scope=tf-{world.task_force.pk}").content.decode()
    assert 'data-testid="share-survey">100 %<' in task_force
    results = client.get(f"/feedback/results/?period=month&scope=tf-{world.task_force.pk}")
    assert results.status_code == 200 and 'data-testid="question-felt_safe"' in results.content.decode()
    # Outside the task force and without insights.view: nothing.
    assert signed_in(world.outsider).get("/feedback/results/").status_code == 403
    assert signed_in(world.advocate).get("/feedback/results/").status_code == 403
    outsider_scope = signed_in(world.analyst).get(f"/feedback/results/?scope=tf-{world.task_force.pk + 99}")
    assert outsider_scope.status_code == 400


def test_the_questions_file_is_valid_and_cited():
    qs = load_questions()
    assert 5 <= len(qs.survey) <= 7 and 3 <= len(qs.pulse) <= 4
    for question in (*qs.survey, *qs.pulse):
        assert question.text["en"].strip() and question.text["es"].strip()
        assert question.sources and all(s in qs.sources for s in question.sources)
    assert {a.value for a in qs.answers} == {0, 1, 2, 3, 4, 5} and qs.positive == {4, 5}
