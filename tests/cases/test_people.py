"""Victims by pseudonym unless the user's access includes their identity; 28 CFR Part 23
intelligence subjects; and no decrypted identifier in the audit trail or the logs."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from laborlens.audit.models import AuditEvent
from laborlens.cases import services
from laborlens.cases.identity.access import can_see_identity
from laborlens.cases.models import IntelligenceReview, MatchKey, Person, TimelineEntry
from tests.cases.conftest import SUSPECT_NAME, VICTIM_NAME, VICTIM_PHONE


def test_identity_rule_is_one_function(cw):
    victim = cw.victim
    assert can_see_identity(cw.w.investigator, victim)  # team, recording agency
    assert can_see_identity(cw.w.officer, victim)  # team, recording agency
    assert can_see_identity(cw.w.advocate, victim)  # team, victim services
    assert not can_see_identity(cw.deputy, victim)  # team, but another law-enforcement agency
    assert not can_see_identity(cw.w.supervisor, victim)  # sees the case, not on the team
    assert not can_see_identity(cw.w.outsider, victim)
    assert can_see_identity(cw.deputy, cw.suspect)  # suspects are shown to the team


def test_pages_show_pseudonym_to_those_without_identity_access(cw, login):
    for user, sees in [(cw.w.officer, True), (cw.w.advocate, True), (cw.deputy, False), (cw.w.supervisor, False)]:
        client = login(user)
        for url in [reverse("cases:detail", args=[cw.case.pk]), reverse("cases:person", args=[cw.victim.pk])]:
            body = client.get(url).content.decode()
            assert (VICTIM_NAME in body) is sees, (user.username, url)
            assert "V-1" in body
        export = client.get(reverse("cases:export", args=[cw.case.pk])).content.decode()
        assert (VICTIM_NAME in export) is sees
        assert VICTIM_PHONE not in export


def test_search_respects_identity_rule(cw, login):
    # The deputy finds the person by the name they already know, and is shown the pseudonym.
    body = login(cw.deputy).post(reverse("cases:search"), {"q": VICTIM_NAME}).content.decode()
    assert f'<a href="/cases/people/{cw.victim.pk}/">V-1</a>' in body
    body = login(cw.w.officer).post(reverse("cases:search"), {"q": "quintessa"}).content.decode()
    assert f'<a href="/cases/people/{cw.victim.pk}/">{VICTIM_NAME} (V-1)</a>' in body


def test_editing_without_identity_access_cannot_see_or_overwrite_identity(cw, login):
    client = login(cw.deputy)
    url = reverse("cases:person_edit", args=[cw.victim.pk])
    body = client.get(url).content.decode()
    assert VICTIM_NAME not in body and 'name="full_name"' not in body
    response = client.post(url, {"role": "victim", "version": cw.victim.version, "languages": ["es", "en"],
                                 "full_name": "Overwritten Name"})
    assert response.status_code == 302
    victim = Person.objects.get(pk=cw.victim.pk)
    assert victim.full_name == VICTIM_NAME and victim.languages == ["es", "en"]


def test_add_victim_through_the_form(cw, login):
    client = login(cw.w.investigator)
    response = client.post(reverse("cases:person_create", args=[cw.case.pk]), {
        "role": "victim", "full_name": "Evangelina Poot", "phones": "(202) 555-0199", "city": "Riverton",
        "languages": ["es", "mam"], "is_minor": "on"})
    assert response.status_code == 302
    person = Person.objects.get(case=cw.case, pseudonym="V-2")
    assert person.phones == ["+12025550199"] and person.is_minor and person.recorded_by_agency == cw.w.agency_a
    bad = client.post(reverse("cases:person_create", args=[cw.case.pk]), {"role": "victim", "phones": "not a phone"})
    assert bad.status_code == 400 and "not a phone number" in bad.content.decode()
    leaky = client.post(reverse("cases:person_create", args=[cw.case.pk]),
                        {"role": "victim", "full_name": "Rosa Mamani", "pseudonym": "Rosa"})
    assert leaky.status_code == 400
    assert Person.objects.filter(case=cw.case).count() == 3


def intel_form(**overrides):
    data = {"role": "suspect", "full_name": "Ignatius Pell", "intelligence_only": "on",
            "justification": "Collects the workers' wages in cash every Friday, per two statements (E-1).",
            "review_due": (timezone.localdate() + timedelta(days=365)).isoformat()}
    data.update(overrides)
    return data


def test_intelligence_subject_needs_justification_and_review_date_within_five_years(cw, login):
    client = login(cw.w.investigator)
    url = reverse("cases:person_create", args=[cw.case.pk])
    today = timezone.localdate()
    for bad in [{"justification": "bad guy"}, {"review_due": ""},
                {"review_due": (today + timedelta(days=5 * 366 + 2)).isoformat()},
                {"review_due": (today - timedelta(days=1)).isoformat()}, {"role": "victim"}]:
        response = client.post(url, intel_form(**bad))
        assert response.status_code == 400, bad
    assert not Person.objects.filter(intelligence_only=True).exists()
    assert client.post(url, intel_form()).status_code == 302
    assert Person.objects.filter(intelligence_only=True, case=cw.case).count() == 1


def test_review_revalidate_and_purge(cw, login):
    person = services.save_person(Person(case=cw.case, **{k: v for k, v in {
        "role": "suspect", "full_name": "Ignatius Pell", "intelligence_only": True,
        "justification": "Collects the workers' wages in cash every Friday, per two statements.",
        "review_due": timezone.localdate() + timedelta(days=10)}.items()}), by=cw.w.investigator)
    url = reverse("cases:person_review", args=[person.pk])
    assert login(cw.w.investigator).post(url, {"action": "purge", "reason": "no longer needed"}).status_code == 403
    supervisor = login(cw.w.supervisor)
    assert "Ignatius" not in supervisor.get(reverse("cases:my_work")).content.decode()
    assert person.pseudonym in supervisor.get(reverse("cases:my_work")).content.decode()
    too_far = (timezone.localdate() + timedelta(days=6 * 365)).isoformat()
    assert supervisor.post(url, {"action": "revalidate", "reason": "still active", "next_review_due": too_far}).status_code == 400
    next_due = (timezone.localdate() + timedelta(days=700)).isoformat()
    assert supervisor.post(url, {"action": "revalidate", "reason": "Still collecting wages",
                                 "next_review_due": next_due}).status_code == 302
    person.refresh_from_db()
    assert person.review_due.isoformat() == next_due
    assert supervisor.post(url, {"action": "purge", "reason": "Suspicion not confirmed"}).status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not MatchKey.objects.filter(person_id=person.pk).exists()
    outcomes = list(IntelligenceReview.objects.filter(case=cw.case).values_list("outcome", "reviewer_id"))
    assert ("purged", cw.w.supervisor.pk) in outcomes and ("revalidated", cw.w.supervisor.pk) in outcomes
    assert AuditEvent.objects.filter(tag="cases:intelligence:purge").exists()


def test_overdue_intelligence_records_are_purged_by_the_cli(cw):
    from laborlens.cli import main

    person = services.save_person(Person(
        case=cw.case, role="suspect", full_name="Ignatius Pell", intelligence_only=True,
        justification="Collects the workers' wages in cash every Friday, per two statements.",
        review_due=timezone.localdate() + timedelta(days=10)), by=cw.w.investigator)
    assert services.purge_overdue(timezone.localdate()) == 0
    assert main(["cases", "purge-overdue"]) == 0
    assert Person.objects.filter(pk=person.pk).exists()
    assert services.purge_overdue(timezone.localdate() + timedelta(days=11)) == 1
    assert not Person.objects.filter(pk=person.pk).exists()
    review = IntelligenceReview.objects.get(outcome="purged")
    assert review.reviewer is None and review.pseudonym == person.pseudonym


def test_no_decrypted_identifier_in_audit_trail_timeline_or_logs(cw, login, caplog):
    caplog.set_level(logging.DEBUG)
    secrets = [VICTIM_NAME, "Quintessa", "Zyxwort", VICTIM_PHONE, "5550187", "9981234", SUSPECT_NAME,
               "Krawczyk", "Orchard Lane", "stub.png"]
    for user in [cw.w.investigator, cw.w.advocate, cw.deputy, cw.w.supervisor]:
        client = login(user)
        client.get(reverse("cases:detail", args=[cw.case.pk]))
        client.get(reverse("cases:person", args=[cw.victim.pk]))
        client.get(reverse("cases:person_edit", args=[cw.victim.pk]))
        client.get(reverse("cases:export", args=[cw.case.pk]))
        client.get(reverse("cases:file_download", args=[cw.attachment.pk]))
        for query in [VICTIM_NAME, VICTIM_PHONE, "9981234", "Krawczyk"]:
            client.post(reverse("cases:search"), {"q": query})
    login(cw.w.investigator).post(reverse("cases:person_edit", args=[cw.victim.pk]), {
        "role": "victim", "full_name": VICTIM_NAME, "version": 999})  # a conflict is logged too
    trail = " ".join(str(row) for row in AuditEvent.objects.values_list(
        "actor_label", "object_type", "object_id", "detail", "outcome"))
    timeline = " ".join(TimelineEntry.objects.values_list("text", flat=True))
    logs = caplog.text
    for secret in secrets:
        assert secret not in trail, secret
        assert secret not in timeline, secret
        assert secret not in logs, secret
    assert AuditEvent.objects.filter(tag="cases:search:run").count() == 16
    # each user: the person page and the case page (its people list shows names)
    assert AuditEvent.objects.filter(tag="cases:person:view").count() == 8
