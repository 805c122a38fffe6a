"""The anonymous survey: one code, one answer, 30 days; no link to anyone; bad input
gets a clear message and loses nothing."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import models
from django.test import Client
from django.utils import timezone

from laborlens.audit.models import AuditEvent
from laborlens.feedback import services
from laborlens.feedback.models import PulseResponse, SurveyCode, SurveyResponse, TrustPulse
from tests.conftest import make_user, signed_in
from tests.feedback.conftest import answers, new_code

pytestmark = pytest.mark.django_db


def url(code: str) -> str:
    return f"/feedback/s/{code.replace('-', '')}/"


def test_a_code_is_answered_once_and_counted_for_the_advocates_agency(world):
    code = new_code(world.advocate)
    client = Client()
    assert client.get(url(code)).status_code == 200
    response = client.post(url(code), answers(value=4, felt_safe=0))
    assert response.status_code == 201
    saved = SurveyResponse.objects.get()
    assert saved.agency == world.vsp and saved.channel == "online" and saved.language == "en"
    assert saved.answers["felt_safe"] == 0 and saved.answers["respected"] == 4
    assert SurveyCode.objects.get().used
    # Used: the page and a second answer are refused, and nothing more is saved.
    again = client.post(url(code), answers())
    assert again.status_code == 404 and "already used" in again.content.decode()
    assert client.get(url(code)).status_code == 404
    assert SurveyResponse.objects.count() == 1


def test_a_code_expires_after_30_days(world):
    code = new_code(world.advocate)
    row = SurveyCode.objects.get()
    assert (row.expires_at - timezone.now()) > timedelta(days=29, hours=23)
    assert (row.expires_at - timezone.now()) <= timedelta(days=30)
    row.expires_at = timezone.now() - timedelta(seconds=1)
    row.save()
    response = Client().post(url(code), answers())
    assert response.status_code == 404 and "expired" in response.content.decode()
    assert not SurveyResponse.objects.exists()
    entry = Client().post("/feedback/survey/", {"code": code})
    assert entry.status_code == 400 and "expired" in entry.content.decode()


def test_the_code_entry_page_accepts_the_printed_form_and_sends_to_the_survey(world):
    code = new_code(world.advocate)
    response = Client().post("/feedback/survey/", {"code": code.lower().replace("-", " ")})
    assert response.status_code == 302 and response["Location"] == url(code)
    wrong = Client().post("/feedback/survey/", {"code": "ABCD-EFGH"})
    assert wrong.status_code == 400 and "could not find" in wrong.content.decode()


def test_nothing_links_a_response_to_a_code_a_victim_or_an_address(world):
    code = new_code(world.advocate)
    Client().post(url(code), answers(), REMOTE_ADDR="203.0.113.9")
    for model in (SurveyResponse, SurveyCode, PulseResponse, TrustPulse):
        links = {f.related_model._meta.label for f in model._meta.get_fields()
                 if isinstance(f, models.ForeignKey)}
        assert not any(label.startswith(("victims.", "cases.")) for label in links), (model, links)
        assert not {f.name for f in model._meta.get_fields()} & {"ip", "ip_address", "victim", "person", "notes"}
    assert "feedback.SurveyCode" not in {f.related_model._meta.label for f in SurveyResponse._meta.get_fields()
                                         if f.is_relation and f.related_model}
    # No time of day: the day only.
    assert isinstance(SurveyResponse._meta.get_field("answered_on"), models.DateField)
    assert not isinstance(SurveyResponse._meta.get_field("answered_on"), models.DateTimeField)
    # The code itself is stored nowhere (a keyed digest only), neither in rows nor in the trail.
    plain = code.replace("-", "")
    row = SurveyCode.objects.get()
    assert plain not in row.digest and row.digest == services.digest(plain)
    for event in AuditEvent.objects.filter(tag__startswith="feedback:"):
        text = repr((event.detail, event.object_id)) + (event.ip or "")
        assert plain not in text and code not in text and "203.0.113.9" not in text
    assert AuditEvent.objects.filter(tag="feedback:survey:answer").count() == 1


def test_missing_answers_get_a_clear_message_and_keep_the_others(world):
    code = new_code(world.advocate)
    response = Client().post(url(code), answers(value=2, needs_met=None, felt_safe=None))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Sentences without an answer: 2" in page
    assert page.count("Choose an answer, or “Prefer not to say”.") >= 2
    # The answers given are still ticked; the code is still open; nothing was saved.
    assert len(re.findall(r'<input type="radio" name="\w+" value="2"[^>]* checked>', page)) == 5
    assert page.count(" checked>") == 5
    assert not SurveyResponse.objects.exists() and not SurveyCode.objects.get().used
    assert Client().post(url(code), answers()).status_code == 201


@pytest.mark.parametrize("bad", [{"respected": "9"}, {"respected": "yes"}, {"respected": "-1"}])
def test_a_value_off_the_scale_is_refused_and_nothing_is_saved(world, bad):
    code = new_code(world.advocate)
    response = Client().post(url(code), {**answers(), **bad})
    assert response.status_code == 400
    assert "Choose one of the answers shown." in response.content.decode()
    assert not SurveyResponse.objects.exists() and not SurveyCode.objects.get().used


def test_free_text_or_unknown_fields_are_refused(world):
    code = new_code(world.advocate)
    response = Client().post(url(code), {**answers(), "comment": "My name is Ana"})
    assert response.status_code == 400 and "fields it does not have" in response.content.decode()
    assert not SurveyResponse.objects.exists() and not SurveyCode.objects.get().used


def test_spanish_page_and_answers(world):
    code = new_code(world.advocate, language="es")
    client = Client()
    client.cookies["laborlens_language"] = "es"
    page = client.get(url(code)).content.decode()
    assert "Me trataron con respeto y me creyeron." in page and "Prefiero no contestar" in page
    assert client.post(url(code), answers()).status_code == 201
    assert SurveyResponse.objects.get().language == "es"


def test_paper_answers_are_typed_in_by_an_advocate_of_the_same_agency(world):
    code = new_code(world.advocate, language="es")
    other = make_user("other_advocate", world.agency_b, "victim_advocate")
    refused = signed_in(other).post("/feedback/surveys/paper/", {"code": code, "language": "es", **answers()})
    assert refused.status_code == 400 and "could not find" in refused.content.decode()
    assert not SurveyCode.objects.get().used
    client = signed_in(world.advocate)
    missing = client.post("/feedback/surveys/paper/", {"code": code, "language": "es", **answers(felt_safe=None)})
    assert missing.status_code == 400 and not SurveyResponse.objects.exists()
    saved = client.post("/feedback/surveys/paper/", {"code": code, "language": "es", **answers(value=3)})
    assert saved.status_code == 302
    row = SurveyResponse.objects.get()
    assert row.channel == "paper" and row.language == "es" and row.agency == world.vsp
    assert AuditEvent.objects.filter(tag="feedback:survey:paper_entry", actor_id=world.advocate.pk).count() == 1


def test_the_printable_page_has_the_code_and_the_questions_in_the_chosen_language(world):
    response = signed_in(world.advocate).post("/feedback/surveys/new/", {"language": "es"})
    page = response.content.decode()
    assert response.status_code == 201 and 'lang="es"' in page
    assert "¿Cómo fue la ayuda que recibió?" in page and "Me sentí seguro o segura" in page
    assert bad_language_refused(world)


def bad_language_refused(world) -> bool:
    response = signed_in(world.advocate).post("/feedback/surveys/new/", {"language": "xx"})
    return response.status_code == 400 and SurveyCode.objects.count() == 1


def test_who_may_make_codes(world):
    assert signed_in(world.officer).post("/feedback/surveys/new/", {"language": "en"}).status_code == 403
    assert signed_in(world.analyst).get("/feedback/").status_code == 403
    assert signed_in(world.outsider).get("/feedback/surveys/paper/").status_code == 403
    assert Client().post("/feedback/surveys/new/", {"language": "en"}).status_code == 302  # to sign-in
    assert not SurveyCode.objects.exists()
    page = signed_in(world.advocate).get("/feedback/")
    assert page.status_code == 200 and 'data-testid="survey-section"' in page.content.decode()


def test_wrong_codes_are_rate_limited_per_client(world, settings):
    settings.FEEDBACK_RATE_LIMITS = {"feedback_code": (3, 86400)}  # a day-long window: a window edge mid-test is unlikely
    client = Client()
    statuses = [client.post("/feedback/survey/", {"code": "ABCD-EFGH"}).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]
    assert Client(REMOTE_ADDR="198.51.100.7").post("/feedback/survey/", {"code": "ABCD-EFGH"}).status_code == 400
