"""The screening form records what the worker's answer means (issue 14, part 0), and stored
screenings answered under a reversed question are marked for review, never changed."""

from __future__ import annotations

import re

from django.core.management import call_command
from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.screening import services
from laborlens.screening.models import Screening


def make(user, answers: dict[str, str], version: str = "2026.11.0") -> Screening:
    """A screening stored under an older catalogue (as if answered with the old Yes=present form)."""
    screening = services.create(user=user, label="Worker 7", age_group="adult", setting="workplace",
                                question_language="en")
    screening.answers = {k: {"value": v, "source": "statement", "note": ""} for k, v in answers.items()}
    screening.catalogue_version = version
    screening.save()
    return Screening.objects.get(pk=screening.pk)


def button_value(page: str, item_id: str, text: str) -> str:
    """The value recorded by the radio whose visible text is ``text`` for that question."""
    block = page.split(f'data-indicator="{item_id}"', 1)[1].split("</fieldset>", 1)[0]
    match = re.search(r'value="(\w+)"[^>]*><span>' + re.escape(text) + "</span>", block)
    assert match, f"no {text!r} button for {item_id}"
    return match.group(1)


def test_yes_to_can_you_have_your_documents_records_them_not_held(world, login):
    screening = services.create(user=world.officer, label="W", age_group="adult", setting="workplace",
                                question_language="en")
    page = login(world.officer).get(reverse("screening:detail", args=[screening.pk]) + "?all=1").content.decode()
    assert button_value(page, "cd_confiscation_of_documents", "Yes") == "absent"
    assert button_value(page, "cd_confiscation_of_documents", "No") == "present"
    assert button_value(page, "dr_nature_of_job_location_employer", "Yes") == "absent"
    assert button_value(page, "cd_threats_of_violence", "Yes") == "present"
    assert button_value(page, "cd_isolation_confinement_surveillance", "Found") == "present"
    assert 'data-yes-means="absent"' in page


def test_spanish_buttons_follow_the_same_polarity(world, login):
    screening = services.create(user=world.officer, label="W", age_group="adult", setting="workplace",
                                question_language="es")
    client = login(world.officer)
    client.cookies["django_language"] = "es"
    page = client.get(reverse("screening:detail", args=[screening.pk]) + "?all=1",
                      HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert button_value(page, "cd_debt_bondage", "Sí") == "absent"
    assert button_value(page, "cd_debt_bondage", "No") == "present"
    assert button_value(page, "ex_excessive_hours", "Se constata") == "present"


def test_flag_command_marks_reversed_answers_and_changes_nothing_else(world, capsys):
    old = make(world.officer, {"cd_confiscation_of_documents": "present", "cd_debt_bondage": "absent",
                               "cd_threats_of_violence": "present", "ex_excessive_hours": "unknown"})
    clean = make(world.officer, {"cd_threats_of_violence": "present"})
    new = make(world.officer, {"cd_confiscation_of_documents": "absent"}, version="2026.12.0")
    before = (old.answers, old.reading, old.result)
    call_command("flag_reversed_answers", "--dry-run")
    old.refresh_from_db()
    assert old.answers_to_review == []
    call_command("flag_reversed_answers")
    assert "marked 2 answer(s) in 1 screening(s)" in capsys.readouterr().out
    old.refresh_from_db()
    clean.refresh_from_db()
    new.refresh_from_db()
    assert [(e["item"], e["recorded"]) for e in old.answers_to_review] == [
        ("cd_confiscation_of_documents", "present"), ("cd_debt_bondage", "absent")]
    assert (old.answers, old.reading, old.result) == before  # never silently changed
    assert clean.answers_to_review == [] and new.answers_to_review == []
    assert AuditEvent.objects.filter(tag="screening:screening:update", object_id=str(old.pk),
                                     detail__answers_to_review__isnull=False).count() == 1
    call_command("flag_reversed_answers")  # idempotent
    assert "marked 0 answer(s)" in capsys.readouterr().out


def test_saving_an_old_screening_keeps_the_review_list_until_the_question_is_asked_again(world, login):
    old = make(world.officer, {"cd_confiscation_of_documents": "present", "cd_debt_bondage": "present"})
    services.record_answers(old, [{"indicator": "ex_excessive_hours", "value": "present"}], user=world.officer)
    old.refresh_from_db()
    assert {e["item"] for e in old.answers_to_review} == {"cd_confiscation_of_documents", "cd_debt_bondage"}
    assert old.catalogue_version == services.catalogue().version
    page = login(world.officer).get(reverse("screening:result", args=[old.pk])).content.decode()
    assert 'data-testid="answers-to-review"' in page and "Answers to check again" in page
    services.record_answers(old, [{"indicator": "cd_debt_bondage", "value": "absent"}], user=world.officer)
    old.refresh_from_db()
    assert [e["item"] for e in old.answers_to_review] == ["cd_confiscation_of_documents"]
    assert old.answers["cd_confiscation_of_documents"]["value"] == "present"


def test_result_page_shows_headline_basis_and_both_readings(world, login):
    screening = services.create(user=world.officer, label="W", age_group="adult", setting="workplace",
                                question_language="en")
    screening = services.record_answers(screening, [
        {"indicator": i, "value": "present"} for i in
        ("ex_excessive_hours", "ex_low_or_no_salary", "cd_threats_of_violence", "cd_confiscation_of_documents")],
        user=world.officer)
    assert screening.reading == "trafficking" and screening.result["reading_ilo"] == "exploitation"
    page = login(world.officer).get(reverse("screening:result", args=[screening.pk])).content.decode()
    assert 'data-testid="headline"' in page and "18 U.S.C. 1589" in page
    basis = page.split('data-testid="reading-basis">', 1)[1].split("</dd>", 1)[0]
    assert "18 U.S.C. 1589 (forced labor)" in basis
    assert "ILO / EC reading" in page and "18 U.S.C. 1592" in page
