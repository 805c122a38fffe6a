"""Consent: written, informed, time-limited (at most a year), naming the recipient and the
categories; revocable; printed in English and Spanish; encrypted at rest; audited."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from laborlens.audit.models import AuditEvent
from laborlens.victims.models import Consent
from tests.victims.conftest import NARRATIVE, SERVED_NAME, SERVED_PHONE, give_consent


def form(vw, **changes):
    today = timezone.localdate()
    data = {"recipient_agency": vw.shelter.pk, "categories": ["identity", "needs"], "purpose": "Shelter placement",
            "given_on": today.isoformat(), "expires_on": (today + timedelta(days=90)).isoformat(),
            "explained_in": "es", "method": "signed_on_screen", "signature": SERVED_NAME, "attested": "on"}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_consent_is_recorded_and_printed_in_english_and_spanish(vw, login):
    client = login(vw.cw.w.advocate)
    response = client.post(reverse("victims:consent", args=[vw.record.pk]), form(vw))
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.categories == ["identity", "needs"] and consent.recipient_agency == vw.shelter
    body = client.get(reverse("victims:consent_print", args=[consent.pk])).content.decode()
    assert "Consent to share information" in body and "Consentimiento para compartir información" in body
    assert "Your services do not depend on this consent" in body and "Sus servicios no dependen" in body
    assert "Receipt: your copy" in body and "Comprobante: su copia" in body
    assert "Casa Esperanza Shelter" in body and SERVED_NAME in body
    pdf = client.get(reverse("victims:consent_print", args=[consent.pk]), {"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf["Cache-Control"] == "no-store"
    event = AuditEvent.objects.filter(tag="victims:consent:give").get()
    assert SERVED_NAME not in str(event.detail)


def test_bad_consent_is_refused_and_nothing_is_saved(vw, login):
    client = login(vw.cw.w.advocate)
    today = timezone.localdate()
    url = reverse("victims:consent", args=[vw.record.pk])
    for changes in [{"expires_on": (today + timedelta(days=366)).isoformat()},  # longer than a year
                    {"attested": None}, {"signature": ""}, {"categories": ["everything"]},
                    {"given_on": (today + timedelta(days=1)).isoformat()},
                    {"expires_on": (today - timedelta(days=1)).isoformat()},
                    {"recipient_agency": vw.cw.w.vsp.pk},  # the serving agency itself
                    {"recipient_agency": "x"}, {"categories": None}]:
        response = client.post(url, form(vw, **changes))
        assert response.status_code == 400, changes
    assert not Consent.objects.exists()
    assert "at most 365 days" in client.post(url, form(vw, expires_on=(today + timedelta(days=400)).isoformat())).content.decode()


def test_revocation_is_audited_and_shown(vw, login):
    consent = give_consent(vw, vw.shelter, ["identity"])
    client = login(vw.cw.w.advocate)
    client.post(reverse("victims:consent_revoke", args=[consent.pk]))
    consent.refresh_from_db()
    assert consent.revoked_at is not None and not consent.is_valid()
    assert AuditEvent.objects.filter(tag="victims:consent:revoke").exists()
    assert "Revoked" in client.get(reverse("victims:detail", args=[vw.record.pk])).content.decode()
    assert "Revocado" in client.get(reverse("victims:consent_print", args=[consent.pk])).content.decode()
    # Revoking twice changes nothing.
    client.post(reverse("victims:consent_revoke", args=[consent.pk]))
    assert AuditEvent.objects.filter(tag="victims:consent:revoke").count() == 1


def test_identifying_fields_are_encrypted_at_rest(vw):
    consent = give_consent(vw, vw.shelter, ["identity"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact_phone, narrative, safe_contact, immigration_status FROM victims_victimrecord "
                       "WHERE id = %s", [vw.record.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
        cursor.execute("SELECT signature FROM victims_consent WHERE id = %s", [consent.pk])
        signature = str(cursor.fetchone()[0])
    assert SERVED_PHONE not in row and "Oaxaca" not in row and "7 pm" not in row and "overstay" not in row
    assert SERVED_NAME not in signature and "Lucinda" not in signature
    assert vw.record.narrative == NARRATIVE


def test_consent_of_another_agency_is_not_reachable(vw, login):
    consent = give_consent(vw, vw.shelter, ["identity"])
    for user in [vw.shelter_user, vw.cw.w.investigator, vw.cw.w.outsider]:
        response = login(user).get(reverse("victims:consent_print", args=[consent.pk]))
        assert response.status_code in {403, 404}, user.username
    from tests.conftest import make_user

    stranger = make_user("stranger", vw.cw.w.agency_b, "victim_advocate")
    assert login(stranger).get(reverse("victims:consent_print", args=[consent.pk])).status_code == 404
    assert login(stranger).post(reverse("victims:consent_revoke", args=[consent.pk])).status_code == 404
    consent.refresh_from_db()
    assert consent.revoked_at is None


def test_consent_prints_in_the_language_it_was_explained_in(vw, login):
    """English beside the victim's language (from its catalogue), with the right direction;
    the PDF's fonts cover Latin-1 only, so an Arabic consent's PDF carries Spanish."""
    from laborlens.core import victim_languages as vl

    client = login(vw.cw.w.advocate)
    for code, direction in (("vi", "ltr"), ("ar", "rtl")):
        client.post(reverse("victims:consent", args=[vw.record.pk]), form(vw, explained_in=code))
        consent = Consent.objects.latest("pk")
        body = client.get(reverse("victims:consent_print", args=[consent.pk])).content.decode()
        assert f'<section lang="{code}" dir="{direction}"' in body
        assert vl.translations(code)["Consent to share information"] in body
        assert "Consent to share information" in body and "Consentimiento para compartir" not in body
        assert "Casa Esperanza Shelter" in body
    pdf = client.get(reverse("victims:consent_print", args=[consent.pk]), {"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
