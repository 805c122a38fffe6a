"""Identity crosses agency lines only through a valid consent: pages, search, exports,
reports; expiry and revocation take effect on the next request; categories are gated."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from laborlens.cases.identity.access import can_see_identity, visible_categories
from laborlens.cases.models import AfterActionReport
from laborlens.cases.services import save_report
from laborlens.victims import services
from laborlens.victims.access import record_categories
from tests.victims.conftest import IMMIGRATION, NARRATIVE, SERVED_NAME, SERVED_PHONE, give_consent


def pages(vw, client) -> dict[str, str]:
    cw, person = vw.cw, vw.record.person
    report = save_report(AfterActionReport(case=cw.case, title="Second visit",
                                           what_happened=f"{SERVED_NAME} was placed; phone {SERVED_PHONE}."),
                         by=cw.w.investigator)
    bodies = {}
    for url in [reverse("cases:detail", args=[cw.case.pk]), reverse("cases:person", args=[person.pk]),
                reverse("cases:export", args=[cw.case.pk]), reverse("cases:report", args=[report.pk]),
                reverse("victims:list"), reverse("victims:detail", args=[vw.record.pk])]:
        response = client.get(url)
        assert response.status_code == 200, url
        bodies[url] = response.content.decode()
    pdf = client.get(reverse("cases:report_pdf", args=[report.pk]))
    assert pdf.status_code == 200
    bodies["pdf"] = pdf.content.decode("latin-1")
    for query in [SERVED_NAME, "Lucinda", SERVED_PHONE, "202 555 0199"]:
        body = client.post(reverse("cases:search"), {"q": query}).content.decode()
        bodies[f"search {query}"] = body.replace(f'value="{query}"', "")  # the search box echoes the query
    return bodies


def test_law_enforcement_without_consent_sees_no_identity_anywhere(vw, login):
    person = vw.record.person
    for user in [vw.cw.w.investigator, vw.cw.w.officer, vw.cw.deputy]:
        assert not can_see_identity(user, person)
        for where, body in pages(vw, login(user)).items():
            for secret in [SERVED_NAME, "Lucinda", "Xochiquetzal", SERVED_PHONE, "555-0199", NARRATIVE, IMMIGRATION]:
                assert secret not in body, f"{user.username} saw {secret!r} in {where}"
            if where.startswith("search"):
                assert f"/cases/people/{person.pk}/" not in body, f"{user.username} found the person by {where}"
    export = json.loads(login(vw.cw.w.investigator).get(reverse("cases:export", args=[vw.cw.case.pk])).content)
    row = next(p for p in export["people"] if p["pseudonym"] == person.pseudonym)
    assert "name" not in row


def test_pseudonym_and_service_status_are_shown_to_the_team(vw, login):
    body = login(vw.cw.w.investigator).get(reverse("victims:detail", args=[vw.record.pk])).content.decode()
    assert vw.record.pseudonym in body and "Receiving services" in body and "Safe Harbor" in body
    body = login(vw.cw.w.investigator).get(reverse("cases:person", args=[vw.record.person.pk])).content.decode()
    assert 'data-testid="victim-banner"' in body


def test_the_serving_agency_sees_everything(vw, login):
    client = login(vw.cw.w.advocate)
    body = client.get(reverse("victims:detail", args=[vw.record.pk])).content.decode()
    for secret in [SERVED_NAME, SERVED_PHONE, NARRATIVE, IMMIGRATION]:
        assert secret in body
    assert SERVED_NAME in client.get(reverse("cases:person", args=[vw.record.person.pk])).content.decode()
    found = client.post(reverse("cases:search"), {"q": SERVED_NAME}).content.decode()
    assert f"/cases/people/{vw.record.person.pk}/" in found


def test_consent_lets_identity_cross_and_revocation_ends_it_on_the_next_request(vw, login):
    investigator = vw.cw.w.investigator
    client = login(investigator)
    url = reverse("cases:person", args=[vw.record.person.pk])
    consent = give_consent(vw, vw.cw.w.agency_a, ["identity"])
    assert SERVED_NAME in client.get(url).content.decode()
    assert f"/cases/people/{vw.record.person.pk}/" in client.post(reverse("cases:search"), {"q": SERVED_NAME}).content.decode()
    # The deputy's agency is not named: still nothing.
    assert SERVED_NAME not in login(vw.cw.deputy).get(url).content.decode()
    # Revoked through the page by the advocate: the very next request of the investigator is blind.
    response = login(vw.cw.w.advocate).post(reverse("victims:consent_revoke", args=[consent.pk]))
    assert response.status_code == 302
    assert SERVED_NAME not in client.get(url).content.decode()
    assert not can_see_identity(investigator, vw.record.person)


def test_expiry_takes_effect_on_the_next_request(vw, login):
    client = login(vw.cw.w.investigator)
    url = reverse("cases:person", args=[vw.record.person.pk])
    consent = give_consent(vw, vw.cw.w.agency_a, ["identity"])
    assert SERVED_NAME in client.get(url).content.decode()
    consent.given_on = timezone.localdate() - timedelta(days=30)
    consent.expires_on = timezone.localdate() - timedelta(days=1)
    consent.save()
    assert SERVED_NAME not in client.get(url).content.decode()
    consent.expires_on = timezone.localdate()  # valid through the last day
    consent.save()
    assert SERVED_NAME in client.get(url).content.decode()


def test_categories_are_gated_one_by_one(vw, login):
    investigator = vw.cw.w.investigator
    give_consent(vw, vw.cw.w.agency_a, ["identity"])
    assert visible_categories(investigator, vw.record.person) == {"identity"}
    assert record_categories(investigator, vw.record) == {"identity"}
    detail = reverse("victims:detail", args=[vw.record.pk])
    body = login(investigator).get(detail).content.decode()
    assert SERVED_NAME in body and SERVED_PHONE not in body and NARRATIVE not in body and IMMIGRATION not in body
    person_page = login(investigator).get(reverse("cases:person", args=[vw.record.person.pk])).content.decode()
    assert SERVED_NAME in person_page and SERVED_PHONE not in person_page
    services.save_need(vw.record, by=vw.cw.w.advocate, need="housing", urgency="now", status="identified")
    assert 'data-testid="need-housing"' not in login(investigator).get(detail).content.decode()
    give_consent(vw, vw.cw.w.agency_a, ["needs", "narrative", "immigration", "contact"])
    body = login(investigator).get(detail).content.decode()
    assert 'data-testid="need-housing"' in body and NARRATIVE in body and IMMIGRATION in body and SERVED_PHONE in body


def test_do_not_contact_is_respected_by_every_view(vw, login):
    give_consent(vw, vw.cw.w.agency_a, ["identity", "contact"])
    give_consent(vw, vw.shelter, ["identity", "contact"])
    record = vw.record
    record.do_not_contact = True
    services.save_record(record, by=vw.cw.w.advocate, expected_version=record.version)
    investigator = login(vw.cw.w.investigator)
    for url in [reverse("cases:person", args=[record.person.pk]), reverse("victims:detail", args=[record.pk])]:
        body = investigator.get(url).content.decode()
        assert 'data-testid="do-not-contact"' in body, url
        assert SERVED_PHONE not in body and "Text after 7 pm" not in body, url
        assert SERVED_NAME in body, url  # identity consent still holds
    body = investigator.get(reverse("victims:list")).content.decode()
    assert "Do not contact" in body
    referral = services.send_referral(record, by=vw.cw.w.advocate, partner=vw.casa, need="housing")
    assert "contact" not in referral.shared and "identity" in referral.shared
    # The serving agency still sees the details, with the warning.
    body = login(vw.cw.w.advocate).get(reverse("victims:detail", args=[record.pk])).content.decode()
    assert SERVED_PHONE in body and 'data-testid="do-not-contact"' in body


def test_another_victim_service_provider_on_the_team_needs_consent_too(vw, login):
    from laborlens.cases import services as case_services
    from laborlens.cases.models import CaseMember
    from tests.conftest import make_user

    vw.cw.w.task_force.agencies.add(vw.shelter)
    other_advocate = make_user("advocate2", vw.shelter, "victim_advocate")
    case_services.add_member(vw.cw.case, other_advocate, CaseMember.Role.ADVOCATE, by=vw.cw.w.investigator,
                             reason="Shelter placement")
    assert not can_see_identity(other_advocate, vw.record.person)
    assert can_see_identity(other_advocate, vw.cw.victim)  # recorded by RPD, no victim record: the old rule
    give_consent(vw, vw.shelter, ["identity"])
    assert can_see_identity(other_advocate, vw.record.person)


def test_outsiders_and_non_members_see_nothing(vw, login):
    for user in [vw.cw.w.outsider, vw.cw.rival, vw.shelter_user, vw.cw.w.supervisor]:
        response = login(user).get(reverse("victims:detail", args=[vw.record.pk]))
        assert response.status_code in {403, 404}, user.username
        assert not can_see_identity(user, vw.record.person)
    give_consent(vw, vw.cw.w.agency_b, ["identity"])  # named, but not on the case: still nothing
    assert not can_see_identity(vw.cw.rival, vw.record.person)
    assert login(vw.cw.rival).get(reverse("victims:detail", args=[vw.record.pk])).status_code == 404


def test_editing_a_served_victim_without_contact_access_does_not_show_or_blank_contact(vw, login):
    from laborlens.cases.models import CaseMember

    membership = CaseMember.objects.get(case=vw.cw.case, user=vw.cw.w.investigator)
    assert membership.role == "lead"
    give_consent(vw, vw.cw.w.agency_a, ["identity"])
    client = login(vw.cw.w.investigator)
    url = reverse("cases:person_edit", args=[vw.record.person.pk])
    body = client.get(url).content.decode()
    assert SERVED_PHONE not in body and SERVED_NAME not in body
    response = client.post(url, {"role": "victim", "pseudonym": vw.record.person.pseudonym, "version": 1,
                                 "languages": ["es"]})
    assert response.status_code == 302
    vw.record.person.refresh_from_db()
    assert vw.record.person.full_name == SERVED_NAME and vw.record.person.phones == [SERVED_PHONE]


def test_the_identity_rule_reads_victim_records_through_the_victims_app_and_fails_closed_without_it(vw, monkeypatch):
    """cases asks victims for records and consents (handed over in VictimsConfig.ready), so the
    dependency runs one way; if nothing was handed over, the rule raises instead of showing."""
    from django.core.exceptions import ImproperlyConfigured

    from laborlens.cases.identity import access
    from laborlens.victims.access import known_for

    investigator = vw.cw.w.investigator
    assert access._victim_records is known_for
    assert visible_categories(investigator, vw.record.person) == frozenset()  # another agency, no consent
    monkeypatch.setattr(access, "_victim_records", None)
    with pytest.raises(ImproperlyConfigured):
        visible_categories(investigator, vw.record.person)
