"""Deconfliction across agencies on blind indexes: each side learns only the other agency
and a contact."""

from __future__ import annotations

from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.cases import services
from laborlens.cases.models import DeconflictionNotice, Entity, Person


def rival_case(cw, title="Eastport packing plant"):
    return services.create_case(by=cw.rival, data={"title": title, "summary": "Secret Eastport details"})


def test_shared_phone_notifies_both_leads_with_only_agency_and_contact(cw, login):
    other = rival_case(cw)
    services.save_entity(Entity(case=other, kind="phone", name="Recruiter", phones=["+12025550187"]), by=cw.rival)
    mine = DeconflictionNotice.objects.get(case=cw.case)
    theirs = DeconflictionNotice.objects.get(case=other)
    assert mine.other_agency == cw.w.agency_b and mine.contact == cw.rival and mine.match_kind == "phone"
    assert theirs.other_agency == cw.w.agency_a and theirs.contact == cw.w.investigator
    assert not mine.fuzzy
    # The RPD lead sees the notice; it names EPD and the contact, nothing of the other case.
    body = login(cw.w.investigator).get(reverse("cases:detail", args=[cw.case.pk])).content.decode()
    assert "Eastport Police Department" in body and "rival@test.invalid" in body and "a phone number" in body
    assert other.number not in body and "packing plant" not in body and "Secret Eastport" not in body
    # And the EPD lead sees RPD, never the victim behind the phone.
    body = login(cw.rival).get(reverse("cases:my_work")).content.decode()
    assert "Riverton Police Department" in body and "investigator@test.invalid" in body
    assert "Sunrise" not in body and "V-1" not in body and "Quintessa" not in body and "0187" not in body
    # Non-leads on the team do not get it; a supervisor of the lead agency does.
    assert "deconfliction-notice" not in login(cw.w.officer).get(reverse("cases:detail", args=[cw.case.pk])).content.decode()
    assert "deconfliction-notice" in login(cw.w.supervisor).get(reverse("cases:my_work")).content.decode()
    # Both sides are audited, without the value.
    events = AuditEvent.objects.filter(tag="cases:deconfliction:match")
    assert events.count() == 2 and all("0187" not in str(event.detail) for event in events)


def test_matching_is_idempotent_and_acknowledged(cw, login):
    other = rival_case(cw)
    for _ in range(2):
        services.save_entity(Entity(case=other, kind="phone", name="Recruiter", phones=["+12025550187"]), by=cw.rival)
    assert DeconflictionNotice.objects.filter(case=cw.case).count() == 1
    notice = DeconflictionNotice.objects.get(case=cw.case)
    assert login(cw.rival).post(reverse("cases:notice_acknowledge", args=[notice.pk])).status_code == 404
    assert login(cw.w.officer).post(reverse("cases:notice_acknowledge", args=[notice.pk])).status_code == 404
    assert login(cw.w.investigator).post(reverse("cases:notice_acknowledge", args=[notice.pk])).status_code == 302
    notice.refresh_from_db()
    assert notice.acknowledged_by == cw.w.investigator


def test_fuzzy_name_in_the_same_city_matches_without_decrypting(cw, monkeypatch):
    from laborlens.core import crypto

    other = rival_case(cw)
    person = Person(case=other, role="suspect", full_name="Barnabee Krawczik", city="riverton")
    monkeypatch.setattr(crypto, "decrypt", lambda token: (_ for _ in ()).throw(AssertionError("decrypted")))
    services.save_person(person, by=cw.rival)
    notice = DeconflictionNotice.objects.get(case=cw.case)
    assert notice.match_kind == "sound_city" and notice.fuzzy


def test_similar_name_in_another_city_or_same_agency_does_not_match(cw):
    other = rival_case(cw)
    services.save_person(Person(case=other, role="suspect", full_name="Barnaby Krawczyk", city="Eastport"), by=cw.rival)
    assert not DeconflictionNotice.objects.exists()
    same_agency = services.create_case(by=cw.w.supervisor, data={"title": "Another RPD case"})
    services.save_person(Person(case=same_agency, role="suspect", full_name="Barnaby Krawczyk", city="Riverton",
                                phones=["+12025550187"]), by=cw.w.supervisor)
    assert not DeconflictionNotice.objects.exists()


def test_exact_matches_on_documents_addresses_and_businesses(cw):
    other = rival_case(cw)
    services.save_person(Person(case=other, role="victim", full_name="Someone Else",
                                id_documents=["passport gt-998 1234"]), by=cw.rival)
    services.save_entity(Entity(case=other, kind="business", name="SUNRISE ORCHARDS, L.L.C.", city="Riverton"), by=cw.rival)
    services.save_entity(Entity(case=other, kind="location", name="Barn", addresses=["12 orchard ln."]), by=cw.rival)
    kinds = set(DeconflictionNotice.objects.filter(case=cw.case).values_list("match_kind", flat=True))
    assert kinds == {"document", "business", "address"}
