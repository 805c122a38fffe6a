"""Search: full-text over non-identifying text, blind indexes for people; scoped."""

from __future__ import annotations

from django.db import connection
from django.urls import reverse

from laborlens.cases import search, services
from laborlens.cases.models import Entity, Person
from tests.cases.conftest import VICTIM_NAME


def results(client, query):
    response = client.post(reverse("cases:search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_backend_follows_the_database():
    assert search.backend().vendor == connection.vendor


def test_full_text_finds_cases_entities_and_evidence(cw, login):
    client = login(cw.w.officer)
    assert f"/cases/{cw.case.pk}/" in results(client, "orchard crew")
    assert f"/cases/{cw.case.pk}/" in results(client, "withheld")  # summary
    assert f"/cases/{cw.case.pk}/" in results(client, "orch")  # prefix
    assert f"/cases/entities/{cw.business.pk}/" in results(client, "sunrise orchards")
    assert f"/cases/evidence/{cw.evidence.pk}/" in results(client, "deductions housing")
    assert f"/cases/entities/{cw.business.pk}/" in results(client, "(202) 555-0111")  # phone, blind index


def test_people_are_found_only_through_blind_indexes(cw, login):
    client = login(cw.w.officer)
    victim_link = f"/cases/people/{cw.victim.pk}/"
    assert victim_link in results(client, VICTIM_NAME)
    assert victim_link in results(client, "zyxwort quintessa")  # order-insensitive
    assert victim_link in results(client, "QUINTESSA")
    assert victim_link in results(client, "Kintessa")  # sounds alike (phonetic token key)
    assert victim_link in results(client, "202-555-0187")
    assert victim_link in results(client, "9981234")
    assert victim_link in results(client, "passport 998-1234")
    assert victim_link not in results(client, "quint")  # no substring search on encrypted names
    assert victim_link not in results(client, "Quintessa Smith")  # every token must match


def test_search_never_decrypts_to_find(cw, monkeypatch):
    from laborlens.core import crypto

    def boom(token):
        raise AssertionError("search decrypted a value")

    # Only the matched rows are decrypted (to display them); the match itself is on digests.
    monkeypatch.setattr(crypto, "decrypt", boom)
    found = search.run(cw.w.officer, "nobody-like-this")
    assert found.people == []


def test_search_input_that_looks_like_query_syntax_is_inert(cw, login):
    client = login(cw.w.officer)
    for query in ['"', "orchard*", "NEAR(a b)", "a OR b", "body:x", "'); DROP TABLE x; --", "^", "-", "☃" * 50,
                  "\x00", "a" * 200]:
        response = client.post(reverse("cases:search"), {"q": query})
        assert response.status_code in {200, 400}, query
    assert client.post(reverse("cases:search"), {"q": "a" * 201}).status_code == 400


def test_results_are_limited_to_visible_cases(cw, login):
    other = services.create_case(by=cw.rival, data={"title": "Eastport orchard crew"})
    services.save_person(Person(case=other, role="victim", full_name=VICTIM_NAME), by=cw.rival)
    services.save_entity(Entity(case=other, kind="business", name="Sunrise Orchards LLC", city="Eastport"), by=cw.rival)
    mine = results(login(cw.w.officer), "orchard")
    assert f"/cases/{other.pk}/" not in mine and f"/cases/{cw.case.pk}/" in mine
    theirs = results(login(cw.rival), VICTIM_NAME)
    other_person = Person.objects.get(case=other)
    assert f"/cases/people/{other_person.pk}/" in theirs and f"/cases/people/{cw.victim.pk}/" not in theirs


def test_search_page_uses_post_so_names_stay_out_of_urls(cw, login):
    client = login(cw.w.officer)
    page = client.get(reverse("cases:search")).content.decode()
    assert 'method="post"' in page and 'role="search"' in page


def test_the_results_carry_the_renderer_a_page_would_build(cw):
    """The search page renders with the renderer search.run built (one read of the people,
    not two): it hides exactly whom a renderer of the shown cases would."""
    from laborlens.cases.identity.text import Renderer

    for user in (cw.deputy, cw.w.investigator):
        found = search.run(user, "orchard")
        case_ids = {c.pk for c in found.cases} | {i.case_id for i in [*found.entities, *found.evidence]}
        assert case_ids
        fresh = Renderer(user, Person.objects.filter(case__in=case_ids))
        assert {p.pk for p in found.renderer.hidden} == {p.pk for p in fresh.hidden}
    assert cw.victim.pk in {p.pk for p in search.run(cw.deputy, "orchard").renderer.hidden}
    assert search.run(cw.deputy, "nothing-matches-this").renderer.hidden == []
