"""Victim services through the API: the same scope, consent gating and audit events as
the pages (tests/victims/conftest.py tells the story of the world)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from laborlens.audit.models import AuditEvent
from laborlens.victims import services
from laborlens.victims.models import Consent, NeedItem
from tests.api.conftest import bearer
from tests.api.victims_world import build_victim_world
from tests.cases.conftest import media_root  # noqa: F401  (autouse: uploads go to a temporary folder)
from tests.victims.conftest import SERVED_NAME, SERVED_PHONE, give_consent

PROBLEM = "application/problem+json"


@pytest.fixture
def vw(world):
    return build_victim_world(world)


def post(client, url, body=None):
    if body is None:
        return client.post(url)
    return client.post(url, data=json.dumps(body), content_type="application/json")


def patch(client, url, body):
    return client.patch(url, data=json.dumps(body), content_type="application/json")


def events(tag):
    return list(AuditEvent.objects.filter(tag=tag).order_by("pk"))


def consent_body(vw, **changes):
    today = timezone.localdate()
    body = {"recipient_agency": vw.cw.w.sheriff.pk, "categories": ["identity"], "purpose": "Coordination",
            "given_on": today.isoformat(), "expires_on": (today + timedelta(days=90)).isoformat(),
            "explained_in": "es", "method": "signed_on_screen", "signature": SERVED_NAME, "attested": True}
    body.update(changes)
    return body


# --- the same audit events as the pages ----------------------------------------------------


def test_reading_a_record_leaves_the_event_the_page_leaves(vw, login):
    w, record = vw.cw.w, vw.record
    assert login(w.advocate).get(f"/victims/{record.pk}/").status_code == 200
    assert bearer(w.advocate)[0].get(f"/api/v1/victims/{record.pk}/").status_code == 200
    page, api = events("victims:record:view")
    assert (page.object_id, page.actor_id) == (api.object_id, api.actor_id) == (str(record.pk), w.advocate.pk)
    assert api.detail == {**page.detail, "via": "api"}
    assert SERVED_NAME not in json.dumps(api.detail)
    # The list, as the list page.
    login(w.advocate).get("/victims/")
    bearer(w.advocate)[0].get("/api/v1/victims/")
    page, api = events("victims:record:list")
    assert api.detail == {**page.detail, "via": "api"}


def test_reading_consents_leaves_the_event_the_page_leaves(vw, login):
    """Consents are read on the record page (the serving agency's staff): the same event,
    naming the part that was read."""
    w, record = vw.cw.w, vw.record
    give_consent(vw, w.sheriff, ["identity"])
    login(w.advocate).get(f"/victims/{record.pk}/")
    response = bearer(w.advocate)[0].get(f"/api/v1/victims/{record.pk}/consents/")
    assert response.status_code == 200 and response.json()["count"] == 1
    assert "signature" not in response.json()["results"][0]
    page, api = events("victims:record:view")
    assert api.object_id == page.object_id == str(record.pk)
    assert api.detail == {**page.detail, "via": "api", "part": "consents"}


def test_queue_referral_and_directory_reads_are_audited_as_on_the_pages(vw, login):
    w = vw.cw.w
    referral = services.send_referral(vw.record, by=w.advocate, partner=vw.casa, need="housing")
    client = bearer(w.advocate)[0]
    for url, tag in [("/api/v1/referrals/", "victims:referral:queue"),
                     (f"/api/v1/referrals/{referral.pk}/", "victims:referral:view"),
                     ("/api/v1/directory/", "victims:directory:search")]:
        before = len(events(tag))
        assert client.get(url).status_code == 200
        assert len(events(tag)) == before + 1 and events(tag)[-1].detail["via"] == "api"
    assert events("victims:referral:view")[-1].object_id == str(referral.pk)


# --- identity never crosses without consent ------------------------------------------------


def test_an_agency_without_consent_never_receives_identity(vw):
    """The deputy (sheriff) and the officer (RPD) are on the case team; Safe Harbor serves
    the person. Without consent they see the pseudonym and the service status only."""
    w, record = vw.cw.w, vw.record
    for user in (vw.cw.deputy, w.officer, w.investigator):
        client = bearer(user)[0]
        for url in ("/api/v1/victims/", f"/api/v1/victims/{record.pk}/"):
            response = client.get(url)
            assert response.status_code == 200, url
            body = response.content.decode()
            assert SERVED_NAME not in body and SERVED_PHONE not in body and "Oaxaca" not in body
        detail = client.get(f"/api/v1/victims/{record.pk}/").json()
        assert detail["identity"] is None and detail["contact"] is None and detail["narrative"] is None
        assert detail["pseudonym"] == record.pseudonym and detail["owner"] is False
        assert detail["safety"]["threat_details"] is None and detail["safety"]["family_abroad"] is None
        assert client.get(f"/api/v1/victims/{record.pk}/needs/").status_code == 403
        assert client.get(f"/api/v1/victims/{record.pk}/consents/").status_code == 403
    # A consent naming the sheriff for identity: the deputy sees the name, RPD still does not.
    consent = give_consent(vw, w.sheriff, ["identity"])
    deputy, officer = bearer(vw.cw.deputy)[0], bearer(w.officer)[0]
    assert deputy.get(f"/api/v1/victims/{record.pk}/").json()["identity"] == {"full_name": SERVED_NAME}
    listed = deputy.get("/api/v1/victims/").json()["results"]
    assert [item["identity"] for item in listed if item["id"] == record.pk] == [{"full_name": SERVED_NAME}]
    assert SERVED_NAME not in officer.get(f"/api/v1/victims/{record.pk}/").content.decode()
    # Revoked through the API: the next request no longer shows it.
    assert post(bearer(w.advocate)[0], f"/api/v1/consents/{consent.pk}/revoke/").status_code == 200
    assert deputy.get(f"/api/v1/victims/{record.pk}/").json()["identity"] is None


def test_do_not_contact_hides_contact_even_with_consent(vw):
    w, record = vw.cw.w, vw.record
    give_consent(vw, w.sheriff, ["contact", "narrative"])
    deputy = bearer(vw.cw.deputy)[0]
    detail = deputy.get(f"/api/v1/victims/{record.pk}/").json()
    assert detail["contact"]["phone"] == SERVED_PHONE and "Oaxaca" in detail["narrative"]
    record.do_not_contact = True
    services.save_record(record, by=w.advocate, expected_version=record.version)
    detail = deputy.get(f"/api/v1/victims/{record.pk}/").json()
    assert detail["contact"] is None and detail["do_not_contact"] is True
    assert SERVED_PHONE not in deputy.get(f"/api/v1/victims/{record.pk}/").content.decode()
    # The serving agency still sees everything.
    own = bearer(w.advocate)[0].get(f"/api/v1/victims/{record.pk}/").json()
    assert own["contact"]["phone"] == SERVED_PHONE and own["identity"] == {"full_name": SERVED_NAME}


def test_other_providers_and_agencies_get_404(vw):
    w, record = vw.cw.w, vw.record
    need = services.save_need(record, by=w.advocate, need="food", urgency="now", status="identified")
    consent = give_consent(vw, w.sheriff, ["identity"])
    for user in (vw.shelter_user, w.outsider):
        client = bearer(user)[0]
        assert client.get(f"/api/v1/victims/{record.pk}/").status_code == 404
        assert client.get(f"/api/v1/victims/{record.pk}/needs/").status_code == 404
        assert client.get("/api/v1/victims/").json()["count"] == 0
    shelter = bearer(vw.shelter_user)[0]
    assert shelter.get(f"/api/v1/victims/{record.pk}/consents/").status_code == 404
    assert post(shelter, f"/api/v1/victims/{record.pk}/needs/", {"need": "food"}).status_code == 404
    assert patch(shelter, f"/api/v1/needs/{need.pk}/", {"status": "met", "version": need.version}).status_code == 404
    assert post(shelter, f"/api/v1/consents/{consent.pk}/revoke/").status_code == 404
    assert post(shelter, f"/api/v1/victims/{record.pk}/referrals/",
                {"partner": vw.casa.pk, "need": "food"}).status_code == 404
    assert Consent.objects.get(pk=consent.pk).revoked_at is None


# --- needs -----------------------------------------------------------------------------------


def test_needs_are_one_row_per_need_and_versioned(vw):
    w, record = vw.cw.w, vw.record
    client = bearer(w.advocate)[0]
    url = f"/api/v1/victims/{record.pk}/needs/"
    created = post(client, url, {"need": "housing", "urgency": "now", "note": "Tonight"})
    assert created.status_code == 201 and created.json()["status"] == "identified"
    again = post(client, url, {"need": "housing", "urgency": "soon"})
    assert again.status_code == 200 and NeedItem.objects.filter(victim=record).count() == 1
    item = NeedItem.objects.get(victim=record)
    moved = patch(client, f"/api/v1/needs/{item.pk}/", {"status": "met", "version": item.version})
    assert moved.status_code == 200 and moved.json()["status"] == "met"
    stale = patch(client, f"/api/v1/needs/{item.pk}/", {"status": "resolved", "version": item.version})
    assert stale.status_code == 409 and stale["Content-Type"] == PROBLEM
    # As in the web form, the version may be left out (then the last write wins).
    assert patch(client, f"/api/v1/needs/{item.pk}/", {"urgency": "later"}).json()["urgency"] == "later"
    listed = client.get(f"{url}?status=met").json()
    assert listed["count"] == 1 and listed["results"][0]["note"] == "Tonight"
    for bad in ({"need": "spaceship"}, {"need": "food", "colour": "red"}, {"need": "food", "note": 5}):
        response = post(client, url, bad)
        assert response.status_code == 400 and response["Content-Type"] == PROBLEM, bad
    assert client.get(f"{url}?ordering=colour").status_code == 400


def test_needs_follow_consent_for_other_agencies(vw):
    w, record = vw.cw.w, vw.record
    services.save_need(record, by=w.advocate, need="food", urgency="now", status="identified", note="Allergic")
    deputy = bearer(vw.cw.deputy)[0]
    assert deputy.get(f"/api/v1/victims/{record.pk}/needs/").status_code == 403
    assert deputy.get("/api/v1/victims/?need=food").json()["count"] == 0  # a filter must not reveal needs
    give_consent(vw, w.sheriff, ["needs"])
    listed = deputy.get(f"/api/v1/victims/{record.pk}/needs/").json()["results"]
    assert [(item["need"], item["note"]) for item in listed] == [("food", None)]  # the note stays with the provider
    assert deputy.get("/api/v1/victims/?need=food").json()["count"] == 1
    assert bearer(w.advocate)[0].get("/api/v1/victims/?need=food").json()["count"] == 1
    assert bearer(w.advocate)[0].get("/api/v1/victims/?need=housing").json()["count"] == 0


# --- consents --------------------------------------------------------------------------------


def test_consent_has_the_pages_validation(vw):
    w, record = vw.cw.w, vw.record
    client = bearer(w.advocate)[0]
    url = f"/api/v1/victims/{record.pk}/consents/"
    today = timezone.localdate()
    malformed = {  # 400: the schema says no
        "no categories": consent_body(vw, categories=[]),
        "unknown category": consent_body(vw, categories=["bank"]),
        "attested as text": consent_body(vw, attested="true"),
        "unknown field": consent_body(vw, colour="red"),
        "no expiry": {key: value for key, value in consent_body(vw).items() if key != "expires_on"},
    }
    for name, body in malformed.items():
        response = post(client, url, body)
        assert response.status_code == 400 and response["Content-Type"] == PROBLEM, name
        assert response.json()["errors"], name
    refused = {  # 422: well-formed, but the page's rules refuse it, with the page's message
        "too long": (consent_body(vw, expires_on=(today + timedelta(days=366)).isoformat()), "at most 365 days"),
        "future": (consent_body(vw, given_on=(today + timedelta(days=1)).isoformat()), "future"),
        "expired": (consent_body(vw, given_on=(today - timedelta(days=30)).isoformat(),
                                 expires_on=(today - timedelta(days=1)).isoformat()), "already passed"),
        "own agency": (consent_body(vw, recipient_agency=w.vsp.pk), "another agency"),
        "no agency": (consent_body(vw, recipient_agency=999999), "another agency"),
        "not attested": (consent_body(vw, attested=False), "freely given"),
        "no signature": (consent_body(vw, signature=" "), "typing their name"),
    }
    for name, (body, message) in refused.items():
        response = post(client, url, body)
        assert response.status_code == 422 and response["Content-Type"] == PROBLEM, name
        assert message in response.json()["detail"], name
    assert Consent.objects.count() == 0
    response = post(client, url, consent_body(vw, expires_on=(today + timedelta(days=365)).isoformat()))
    assert response.status_code == 201, response.json()
    assert response.json()["state"] == "valid" and response.json()["categories"] == ["identity"]
    assert events("victims:consent:give")[-1].object_id == str(response.json()["id"])
    # Listing filters.
    assert client.get(f"{url}?state=valid").json()["count"] == 1
    assert client.get(f"{url}?state=revoked").json()["count"] == 0
    assert client.get(f"{url}?state=bogus").status_code == 400


def test_revoking_twice_is_a_conflict(vw):
    w = vw.cw.w
    consent = give_consent(vw, w.sheriff, ["identity"])
    client = bearer(w.advocate)[0]
    first = post(client, f"/api/v1/consents/{consent.pk}/revoke/")
    assert first.status_code == 200 and first.json()["state"] == "revoked"
    second = post(client, f"/api/v1/consents/{consent.pk}/revoke/")
    assert second.status_code == 409 and second["Content-Type"] == PROBLEM
    assert post(client, f"/api/v1/consents/{consent.pk}/revoke/", {"why": "x"}).status_code == 400
    assert len(events("victims:consent:revoke")) == 1


# --- referrals -------------------------------------------------------------------------------


def test_referral_without_consent_carries_no_identity_and_receiver_works_it(vw):
    w, record = vw.cw.w, vw.record
    sender, receiver = bearer(w.advocate)[0], bearer(vw.shelter_user)[0]
    created = post(sender, f"/api/v1/victims/{record.pk}/referrals/", {"partner": vw.casa.pk, "need": "housing"})
    assert created.status_code == 201 and created.json()["shared"] == {}  # services never wait for consent
    pk = created.json()["id"]
    seen = receiver.get(f"/api/v1/referrals/{pk}/")
    assert seen.status_code == 200 and SERVED_NAME not in seen.content.decode()
    assert seen.json()["victim"] is None and seen.json()["actions"] == ["receive", "accept", "decline"]
    assert receiver.get(f"/api/v1/victims/{record.pk}/").status_code == 404
    incoming = receiver.get("/api/v1/referrals/?direction=incoming").json()
    assert [item["id"] for item in incoming["results"]] == [pk]
    assert receiver.get("/api/v1/referrals/?direction=outgoing").json()["count"] == 0
    assert sender.get("/api/v1/referrals/?direction=outgoing&status=sent").json()["count"] == 1
    # The sender cannot work the receiver's queue; steps follow the page's transitions.
    url = f"/api/v1/referrals/{pk}/actions/"
    assert post(sender, url, {"action": "accept", "version": 1}).status_code == 404
    assert post(receiver, url, {"action": "decline", "version": 1}).status_code == 422
    assert post(receiver, url, {"action": "accept"}).status_code == 400
    assert post(receiver, url, {"action": "complete", "version": 1}).status_code == 409
    assert post(receiver, url, {"action": "accept", "version": 9}).status_code == 409
    accepted = post(receiver, url, {"action": "accept", "version": 1})
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    done = post(receiver, url, {"action": "complete", "version": accepted.json()["version"]})
    assert done.status_code == 200 and done.json()["status"] == "completed"
    assert sender.get("/api/v1/referrals/?show=open").json()["count"] == 0


def test_referral_carries_only_consented_categories(vw):
    w, record = vw.cw.w, vw.record
    give_consent(vw, vw.shelter, ["identity"])
    created = post(bearer(w.advocate)[0], f"/api/v1/victims/{record.pk}/referrals/",
                   {"partner": vw.casa.pk, "need": "housing", "note": "Two nights"})
    assert created.status_code == 201
    seen = bearer(vw.shelter_user)[0].get(f"/api/v1/referrals/{created.json()['id']}/").json()
    assert seen["shared_categories"] == ["identity"] and seen["shared"]["identity"]["full_name"] == SERVED_NAME
    assert "contact" not in seen["shared"] and SERVED_PHONE not in json.dumps(seen)


def test_referral_input_is_checked(vw):
    w, record = vw.cw.w, vw.record
    client = bearer(w.advocate)[0]
    url = f"/api/v1/victims/{record.pk}/referrals/"
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    for body in ({"partner": vw.casa.pk, "need": "moon"}, {"partner": [1], "need": "food"},
                 {"partner": vw.casa.pk, "need": "food", "victim": record.pk}):
        response = post(client, url, body)
        assert response.status_code == 400 and response["Content-Type"] == PROBLEM, body
    for body in ({"partner": 999999, "need": "food"}, {"partner": vw.casa.pk, "need": "food", "follow_up_on": yesterday}):
        response = post(client, url, body)
        assert response.status_code == 422 and response["Content-Type"] == PROBLEM, body
    for query in ("direction=sideways", "status=lost", "ordering=pk", "page=0"):
        assert client.get(f"/api/v1/referrals/?{query}").status_code == 400, query


# --- directory -------------------------------------------------------------------------------


def test_directory_search(vw):
    w = vw.cw.w
    for user in (w.advocate, w.officer):  # as the page: victim services or case staff
        client = bearer(user)[0]
        assert [p["name"] for p in client.get("/api/v1/directory/?need=housing").json()["results"]] == [vw.casa.name]
        assert [p["name"] for p in client.get("/api/v1/directory/?language=ht").json()["results"]] == [vw.clinic.name]
        assert [p["name"] for p in client.get("/api/v1/directory/?place=city%20of").json()["results"]] == [
            vw.clinic.name]
    client = bearer(w.advocate)[0]
    names = [p["name"] for p in client.get("/api/v1/directory/?ordering=-name").json()["results"]]
    assert names == sorted(names, reverse=True)
    for query in ("need=moon", "language=xx", "ordering=phone", "place=" + "x" * 101):
        response = client.get(f"/api/v1/directory/?{query}")
        assert response.status_code == 400 and response["Content-Type"] == PROBLEM, query
    assert bearer(w.analyst)[0].get("/api/v1/directory/").status_code == 403


def test_victim_list_filters_and_ordering(vw):
    w, record = vw.cw.w, vw.record
    client = bearer(w.advocate)[0]
    assert client.get("/api/v1/victims/?status=active").json()["count"] == 1
    assert client.get("/api/v1/victims/?status=closed").json()["count"] == 0
    assert client.get("/api/v1/victims/?ordering=identified_on&page_size=1").json()["results"][0]["id"] == record.pk
    for query in ("status=gone", "need=moon", "ordering=name", "page_size=500"):
        response = client.get(f"/api/v1/victims/?{query}")
        assert response.status_code == 400 and response["Content-Type"] == PROBLEM, query
