"""Issue 14, part 3: a tip whose words support the federal elements (or a coercive ILO/EC
dimension) goes up the queue with the words that put it there; what the text leaves unknown
(recruitment, means, purpose) is what the follow-up asks the tipster and the officer."""

from __future__ import annotations

import pytest
from django.test import Client

from laborlens.catalogue import load_catalogue
from laborlens.screening.models import Screening
from laborlens.tips import reading, rules, services
from laborlens.tips.forms import form_token
from laborlens.tips.models import Source, Tip
from tests.api.conftest import bearer
from tests.tips.conftest import post_tip
from tests.tips.test_public import _secret

pytestmark = pytest.mark.django_db

# Farm workers held by a debt, their passports and a locked gate: 18 U.S.C. 1589 without any
# word on how they were recruited (the pattern of U.S. v. Navarrete, N.D. Fla. 2008).
HELD_AT_WORK = ("The crew boss at the tomato farm keeps our passports, says we owe him $3,000 and locks the "
                "gate at night so we cannot leave. We pick 12 hours a day.")
HELD_AT_WORK_ES = ("Trabajamos en el campo de tomate. El patrón guarda nuestros pasaportes, dice que le debemos "
                   "3000 dólares y no nos deja salir del rancho.")
WAGES_ONLY = "The restaurant pays us less than minimum wage and no overtime. We can quit when we want."
SMUGGLING_ONLY = ("I paid a coyote 5000 dollars to cross the border. He left us in Houston and we went our "
                  "own way; I found this job myself.")


def submit(agency, narrative: str, **data):
    base = {"narrative": narrative, "business_name": "Farm", "city": "Riverton", "observations": []}
    base.update(data)
    tip, _ = services.submit(source=Source.PUBLIC, agency=agency, data=base)
    return tip


def test_federal_elements_lift_a_workplace_tip_with_its_spans(world, login):
    tip = submit(world.agency_a, HELD_AT_WORK)
    assert "usc_1589" in tip.reading["basis"] and tip.reading["reading_us"] == "trafficking"
    assert tip.priority == 2 and "legal_elements" in tip.priority_reasons
    assert tip.reading["elements"]["means"] == "supported"
    assert "recruitment" in tip.reading["unknown"] and "means" not in tip.reading["unknown"]
    page = login(world.investigator).get(f"/tips/{tip.pk}/").content.decode()
    assert 'data-testid="tip-legal"' in page and "18 U.S.C. 1589" in page
    assert "keeps our passports" in page.split('data-testid="tip-evidence"')[1].split("</ul>")[0]
    questions = page.split('data-testid="tip-questions"')[1].split("</ul>")[0]
    assert rules.follow_up_questions(["recruitment"], "en")[0] in questions
    assert rules.follow_up_questions(["means"], "en")[0] not in questions


def test_wage_only_and_smuggling_only_tips_stay_down(world):
    for narrative in (WAGES_ONLY, SMUGGLING_ONLY):
        tip = submit(world.agency_a, narrative)
        assert "legal_elements" not in tip.priority_reasons, narrative
        assert tip.reading["reading_us"] != "trafficking" and not tip.reading["basis"]
        assert "means" in tip.reading["unknown"]


def test_public_follow_up_asks_the_tipster_what_is_unknown_in_their_language(world):
    response = post_tip(narrative=HELD_AT_WORK_ES, observations=[])
    assert response.status_code == 201
    code, passphrase = _secret(response, "tip-code"), _secret(response, "tip-passphrase")
    tip = Tip.objects.get(code=code)
    client = Client(HTTP_ACCEPT_LANGUAGE="es")
    opened = client.post("/tips/follow-up/", {"action": "open", "code": code, "passphrase": passphrase,
                                              "website": "", "started": form_token()})
    assert opened.status_code == 302
    page = client.get("/tips/follow-up/").content.decode()
    asked = page.split('data-testid="tip-questions"')[1].split("</ul>")[0]
    assert rules.follow_up_questions(["recruitment"], "es")[0] in asked
    assert rules.follow_up_questions(["means"], "es")[0] not in asked  # the text already says it
    # The tipster answers: recruitment becomes known and the question goes away.
    client.post("/tips/follow-up/", {"action": "add",
                                     "text": "Un reclutador nos prometió trabajo en un hotel con buen sueldo, y era mentira."})
    tip.refresh_from_db()
    assert "recruitment" not in tip.reading["unknown"]
    page = client.get("/tips/follow-up/").content.decode()
    assert rules.follow_up_questions(["recruitment"], "es")[0] not in page


def test_screening_from_a_tip_asks_next_about_what_the_tip_left_unknown(world, login):
    tip = submit(world.agency_a, WAGES_ONLY)
    login(world.investigator).post(f"/tips/{tip.pk}/screening/", {"version": tip.version})
    screening = Screening.objects.get()
    page = login(world.investigator).get(f"/screening/{screening.pk}/").content.decode()
    assert screening.reading != "trafficking"
    catalogue = load_catalogue()
    means_items = {i.id for i in catalogue.items.values()
                   if any(c.startswith("means.") for c in i.us_supports)}
    from laborlens.screening.engine import assess

    asked = assess(screening.answers).next_questions
    assert any(q.id in means_items for q in asked), [q.id for q in asked]
    assert any(q.id in means_items and q.id in page for q in asked)  # and the officer sees it
    assert page  # the page renders with the tip's answers


def test_api_summary_carries_the_reading(world):
    tip = submit(world.agency_a, HELD_AT_WORK)
    response = bearer(world.investigator)[0].get("/api/v1/tips/")
    assert response.status_code == 200
    row = next(r for r in response.json()["results"] if r["id"] == tip.pk)
    assert "usc_1589" in row["reading"]["basis"] and "legal_elements" in row["priority_reasons"]


def test_every_follow_up_topic_has_a_question_in_both_languages():
    for topic in reading.TOPICS:
        for lang in ("en", "es"):
            assert rules.follow_up_questions([topic], lang), (topic, lang)
