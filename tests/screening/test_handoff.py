"""A screening flows to the next person (issue 17.6): its officer attaches it to a case they
are on, or sends it to a named investigator, who finds it in their list and My work."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.audit.tags import EventTag
from laborlens.cases import services as case_services
from laborlens.cases.models import CaseMember
from laborlens.screening import services
from laborlens.screening.models import Screening, ScreeningHandoff
from tests.api.conftest import bearer
from tests.cases.conftest import build_case_world
from tests.conftest import make_user


@pytest.fixture
def cw(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"  # the case world stores an evidence file
    return build_case_world(world)


def _screening(user, label="Worker 2, farm on Route 9"):
    return services.create(user=user, label=label, age_group="adult", setting="workplace", question_language="en")


def _events(tag, screening):
    return AuditEvent.objects.filter(tag=tag, object_id=str(screening.pk))


@pytest.mark.django_db
def test_a_line_officer_on_the_team_attaches_their_screening_to_the_case(cw, login):
    screening = _screening(cw.w.officer)
    client = login(cw.w.officer)
    page = client.get(reverse("screening:result", args=[screening.pk])).content.decode()
    assert 'id="attach-case"' in page and cw.case.number in page  # the officer's role cannot change cases
    response = client.post(reverse("screening:attach", args=[screening.pk]), {"case": cw.case.pk})
    assert response.status_code == 302
    screening.refresh_from_db()
    assert screening.case_id == cw.case.pk
    assert _events(EventTag.SCREENING_ATTACHED, screening).count() == 1
    # The case team now reads it; the deputy (sheriff, on the team) too.
    assert Screening.objects.restrict(cw.deputy, "view").filter(pk=screening.pk).exists()


@pytest.mark.django_db
def test_an_observer_or_someone_off_the_team_cannot_attach(cw, login):
    observer = make_user("watcher", cw.w.agency_a, "line_officer")
    case_services.add_member(cw.case, observer, CaseMember.Role.OBSERVER, by=cw.w.investigator)
    for user in (observer, cw.w.outsider):
        screening = _screening(user)
        assert login(user).post(reverse("screening:attach", args=[screening.pk]),
                                {"case": cw.case.pk}).status_code == 404
        screening.refresh_from_db()
        assert screening.case_id is None


@pytest.mark.django_db
def test_the_officer_sends_it_and_the_investigator_finds_it_and_attaches_it(cw, login):
    officer, investigator = cw.w.officer, cw.w.investigator
    screening = _screening(officer)
    assert not Screening.objects.restrict(investigator, "view").filter(pk=screening.pk).exists()
    assert "Worker 2, farm on Route 9" not in login(investigator).get(reverse("screening:list")).content.decode()

    page = login(officer).get(reverse("screening:result", args=[screening.pk])).content.decode()
    assert '<option value="" selected>Choose a person</option>' in page
    response = login(officer).post(reverse("screening:send", args=[screening.pk]), {"recipient": investigator.pk})
    assert response.status_code == 302
    # Sending again while it waits changes nothing (no second item in My work, no second event).
    login(officer).post(reverse("screening:send", args=[screening.pk]), {"recipient": investigator.pk})
    assert ScreeningHandoff.objects.filter(screening=screening).count() == 1
    assert _events(EventTag.SCREENING_SENT, screening).count() == 1

    client = login(investigator)
    assert "Worker 2, farm on Route 9" in client.get(reverse("screening:list")).content.decode()
    work = client.get(reverse("cases:my_work")).content.decode()
    assert 'data-testid="count-screenings_sent">1<' in work
    assert reverse("screening:result", args=[screening.pk]) in work
    result = client.get(reverse("screening:result", args=[screening.pk])).content.decode()
    assert 'data-testid="sent-to-you"' in result and "Mark as handled" in result
    assert 'id="h-send"' not in result  # only its officer sends it on
    # The investigator may read it but not change its answers.
    assert client.get(reverse("screening:detail", args=[screening.pk])).status_code == 404

    assert client.post(reverse("screening:attach", args=[screening.pk]), {"case": cw.case.pk}).status_code == 302
    screening.refresh_from_db()
    assert screening.case_id == cw.case.pk
    assert ScreeningHandoff.objects.get(screening=screening).handled_at is not None
    assert 'data-testid="count-screenings_sent"' not in client.get(reverse("cases:my_work")).content.decode()
    # Still readable: through the case now, and as the person it was sent to.
    assert client.get(reverse("screening:result", args=[screening.pk])).status_code == 200


@pytest.mark.django_db
def test_marking_it_handled_takes_it_out_of_my_work(world, login):
    screening = _screening(world.officer)
    services.send_to(screening, world.supervisor, user=world.officer)
    client = login(world.supervisor)
    # Only the person it was sent to marks it handled.
    assert login(world.investigator).post(reverse("screening:handled", args=[screening.pk])).status_code == 404
    assert client.post(reverse("screening:handled", args=[screening.pk])).status_code == 302
    assert ScreeningHandoff.objects.get(screening=screening).handled_at is not None
    assert _events(EventTag.SCREENING_HANDOFF_HANDLED, screening).count() == 1
    assert client.post(reverse("screening:handled", args=[screening.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("lang,message", [
    ("en", "Choose the person to send this screening to."),
    ("es", "Elija a la persona a quien enviar esta evaluación."),
])
def test_sending_without_a_recipient_says_so_and_changes_nothing(world, login, lang, message):
    screening = _screening(world.officer)
    client = login(world.officer)
    client.cookies["django_language"] = lang
    response = client.post(reverse("screening:send", args=[screening.pk]), {"recipient": ""},
                           HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ScreeningHandoff.objects.exists()


@pytest.mark.django_db
def test_only_investigators_and_supervisors_of_the_agency_receive(world, login):
    screening = _screening(world.officer)
    other_officer = make_user("officer2", world.agency_a, "line_officer")
    b_investigator = make_user("b_investigator", world.agency_b, "investigator")
    allowed = set(services.recipients_for(world.officer))
    assert allowed == {world.investigator, world.supervisor}
    client = login(world.officer)
    for user in (other_officer, b_investigator, world.advocate, world.admin, world.officer):
        response = client.post(reverse("screening:send", args=[screening.pk]), {"recipient": user.pk})
        assert response.status_code == 400, user.username
    assert not ScreeningHandoff.objects.exists()
    with pytest.raises(services.SendError):
        services.send_to(screening, b_investigator, user=world.officer)
    # Nobody but its officer sends it (404: they may not change it).
    services.send_to(screening, world.supervisor, user=world.officer)
    assert login(world.supervisor).post(reverse("screening:send", args=[screening.pk]),
                                        {"recipient": world.investigator.pk}).status_code == 404


@pytest.mark.django_db
def test_a_recipient_who_moves_to_another_agency_no_longer_sees_it(world):
    screening = _screening(world.officer)
    services.send_to(screening, world.investigator, user=world.officer)
    assert Screening.objects.restrict(world.investigator, "view").filter(pk=screening.pk).exists()
    world.investigator.agency = world.agency_b
    world.investigator.save()
    assert not Screening.objects.restrict(world.investigator, "view").filter(pk=screening.pk).exists()
    assert not ScreeningHandoff.objects.restrict(world.investigator, "handle").exists()


@pytest.mark.django_db
def test_api_send_and_attach(cw):
    screening = _screening(cw.w.officer)
    officer, _token = bearer(cw.w.officer)
    url = f"/api/v1/screenings/{screening.pk}/send/"
    first = officer.post(url, data=json.dumps({"recipient": cw.w.investigator.pk}), content_type="application/json")
    assert first.status_code == 201 and first.json()["recipient"] == cw.w.investigator.pk
    again = officer.post(url, data=json.dumps({"recipient": cw.w.investigator.pk}), content_type="application/json")
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    refused = officer.post(url, data=json.dumps({"recipient": cw.w.outsider.pk}), content_type="application/json")
    assert refused.status_code == 422  # a rule refusal of a schema-valid request
    missing = officer.post(url, data=json.dumps({}), content_type="application/json")
    assert missing.status_code == 400
    investigator, _token = bearer(cw.w.investigator)
    listed = investigator.get("/api/v1/screenings/").json()
    assert screening.pk in [row["id"] for row in listed["results"]]
    attached = investigator.post(f"/api/v1/screenings/{screening.pk}/attach/",
                                 data=json.dumps({"case": cw.case.pk}), content_type="application/json")
    assert attached.status_code == 200
    screening.refresh_from_db()
    assert screening.case_id == cw.case.pk
    assert ScreeningHandoff.objects.get(screening=screening).handled_at is not None
    assert _events(EventTag.SCREENING_SENT, screening).count() == 1
    assert _events(EventTag.SCREENING_ATTACHED, screening).count() == 1
