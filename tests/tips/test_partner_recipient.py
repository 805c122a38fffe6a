"""A partner observation names its recipient (issue 17.6): the agency list starts empty,
so an observation never goes silently to the first agency listed."""

from __future__ import annotations

import pytest

from laborlens.tips.models import Tip
from tests.conftest import make_user

BODY = {"partner_sector": "labor_inspection", "business_name": "Sunrise Cleaning", "city": "Riverton",
        "when": "week", "observations": ["afraid_to_talk"],
        "narrative": "One supervisor answered for all the workers. The company holds their IDs."}


@pytest.fixture
def inspector(world):
    agency = world.agency_a.__class__.objects.create(name="State Labor", short_name="LAB",
                                                     agency_type="labor_agency", jurisdiction="State")
    world.task_force.agencies.add(agency)
    return make_user("inspector", agency, "partner_inspector")


@pytest.mark.django_db
def test_no_agency_is_chosen_until_the_partner_chooses(world, login, inspector):
    page = login(inspector).get("/tips/partner/").content.decode()
    select = page[page.index('name="recipient"'):]
    select = select[:select.index("</select>")]
    first_option = select[select.index("<option"):select.index("</option>")]
    assert 'value=""' in first_option and "Choose the agency to send this to" in first_option
    assert "selected" not in select.replace('value="" selected', "")  # nothing else pre-selected


@pytest.mark.django_db
@pytest.mark.parametrize("lang,message", [
    ("en", "Choose the law-enforcement agency that should receive this observation."),
    ("es", "Elija la agencia policial que debe recibir esta observación."),
])
def test_an_observation_without_a_recipient_is_refused_with_a_clear_message(world, login, inspector, lang, message):
    client = login(inspector)
    client.cookies["django_language"] = lang
    response = client.post("/tips/partner/", {"recipient": "", **BODY}, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Tip.objects.exists()
    # Chosen, it goes to that agency.
    assert client.post("/tips/partner/", {"recipient": world.sheriff.pk, **BODY}).status_code == 201
    assert Tip.objects.get().agency == world.sheriff
