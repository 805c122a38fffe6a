"""Spanish spellings of the same name share deconfliction keys (issue 15, gap 7)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.urls import reverse

from laborlens.cases import services
from laborlens.cases.models import DeconflictionNotice, MatchKey, Person
from laborlens.cli import main
from laborlens.matching import keys, normalise

# The issue's nine ordinary Spanish pairs; the first four did not match with Metaphone alone.
ISSUE_PAIRS = [
    ("Javier Jiménez", "Xavier Ximenez"),
    ("Guillermo Ortiz", "Guiyermo Ortiz"),
    ("Ana Llanos", "Ana Yanos"),
    ("Rosa Hernández", "Rosa Ernandez"),
    ("María González", "Maria Gonzales"),
    ("Juan Rodríguez", "Juan Rodrigues"),
    ("Luis Vázquez", "Luis Vasquez"),
    ("Pedro Muñoz", "Pedro Munoz"),
    ("José Pérez", "Jose Peres"),
]


def city_keys(name: str, kinds: frozenset[str]) -> set[str]:
    computed = keys.person_keys(names=[name], date_of_birth="", city="Riverton", phones=[], emails=[],
                                address="", documents=[])
    return {key.value for key in computed if key.kind in kinds}


@pytest.mark.parametrize(("first", "second"), ISSUE_PAIRS)
def test_the_issue_pairs_share_a_deconfliction_key(first, second):
    assert keys.sound_match(first, second)
    assert city_keys(first, keys.DECONFLICT) & city_keys(second, keys.DECONFLICT)


def test_metaphone_alone_missed_four_of_the_nine():
    english = frozenset({keys.NAME_CITY, keys.SOUND_CITY})
    missed = [pair for pair in ISSUE_PAIRS if not city_keys(pair[0], english) & city_keys(pair[1], english)]
    assert missed == ISSUE_PAIRS[:4]


@pytest.mark.parametrize(("token", "code"), [
    ("Xavier", "jabier"), ("Javier", "jabier"), ("Ximénez", "jimenes"), ("Giménez", "jimenes"),
    ("Guillermo", "giyermo"), ("Guiyermo", "giyermo"), ("Llanos", "yanos"), ("Yanos", "yanos"),
    ("Hernández", "ernandes"), ("Quiroz", "kiros"), ("Kiros", "kiros"), ("Cervantes", "serbantes"),
    ("Muñoz", "munos"), ("Chávez", "chabes"), ("Miguel", "migel"), ("Ybarra", "ibara"), ("Herrera", "erera"),
])
def test_spanish_sound_codes(token, code):
    assert normalise.spanish_sound(token) == code


@pytest.mark.parametrize(("first", "second"), [
    ("María Lopez", "Mario Lopez"), ("Ana Ramos", "Ana Ramírez"), ("Rosa Méndez", "Rosa Mendoza"),
    ("Javier Jiménez", "Jairo Jiménez"), ("Luis Castro", "Luis Castillo"),
])
def test_different_people_do_not_share_a_spanish_key(first, second):
    spanish = frozenset({keys.SOUND_CITY_ES})
    assert not city_keys(first, spanish) & city_keys(second, spanish)


def test_the_spanish_keys_are_hmac_digests_not_codes():
    computed = keys.person_keys(names=["Xavier Ximenez"], date_of_birth="", city="Riverton", phones=[],
                                emails=[], address="", documents=[])
    spanish = [key.value for key in computed if key.kind in {keys.NAME_SOUND_ES, keys.SOUND_CITY_ES}]
    assert spanish and all(len(value) == 64 and "jabier" not in value for value in spanish)


def test_the_labelled_fixture_is_large_enough_and_has_both_labels():
    path = Path(__file__).resolve().parents[1] / "fixtures" / "names" / "name_pairs.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 200
    assert {row["same_person"] for row in rows} == {"0", "1"} and {row["language"] for row in rows} == {"es", "en"}


def test_a_spanish_spelling_on_another_agencys_case_is_deconflicted_once(cw):
    services.save_person(Person(case=cw.case, role="suspect", full_name="Javier Jiménez", city="Riverton"),
                         by=cw.w.investigator)
    other = services.create_case(by=cw.rival, data={"title": "Eastport crew"})
    services.save_person(Person(case=other, role="suspect", full_name="Xavier Ximenez", city="Riverton"), by=cw.rival)
    notice = DeconflictionNotice.objects.get(case=cw.case, other_case=other)
    assert notice.match_kind == keys.SOUND_CITY_ES and notice.fuzzy
    # A second close match between the same two cases does not send a second notice.
    services.save_person(Person(case=other, role="suspect", full_name="Guiyermo Ernandez", city="Riverton"),
                         by=cw.rival)
    services.save_person(Person(case=cw.case, role="suspect", full_name="Guillermo Hernández", city="Riverton"),
                         by=cw.w.investigator)
    assert DeconflictionNotice.objects.filter(case=cw.case, other_case=other, match_kind__in=keys.FUZZY).count() == 1


def test_search_finds_a_spanish_spelling(cw, login):
    person = services.save_person(Person(case=cw.case, role="suspect", full_name="Javier Jiménez", city="Riverton"),
                                  by=cw.w.investigator)
    body = login(cw.w.investigator).post(reverse("cases:search"), {"q": "Xavier Ximenez"}).content.decode()
    assert f"/cases/people/{person.pk}/" in body


def test_keys_reindex_adds_the_spanish_keys_to_existing_rows(cw):
    MatchKey.objects.filter(kind__in=[keys.NAME_SOUND_ES, keys.SOUND_CITY_ES]).delete()
    assert not MatchKey.objects.filter(kind=keys.SOUND_CITY_ES).exists()
    assert main(["keys", "reindex"]) == 0
    assert MatchKey.objects.filter(kind=keys.SOUND_CITY_ES, person=cw.suspect).exists()
    assert MatchKey.objects.filter(kind=keys.NAME_SOUND_ES, person=cw.victim).exists()


def test_keys_reindex_can_send_the_notices_the_new_keys_reveal(cw):
    services.save_person(Person(case=cw.case, role="suspect", full_name="Ana Llanos", city="Riverton"),
                         by=cw.w.investigator)
    other = services.create_case(by=cw.rival, data={"title": "Eastport crew"})
    services.save_person(Person(case=other, role="suspect", full_name="Ana Yanos", city="Riverton"), by=cw.rival)
    DeconflictionNotice.objects.all().delete()
    MatchKey.objects.filter(kind__in=[keys.NAME_SOUND_ES, keys.SOUND_CITY_ES]).delete()
    assert main(["keys", "reindex"]) == 0
    assert not DeconflictionNotice.objects.exists()
    assert main(["keys", "reindex", "--deconflict"]) == 0
    assert DeconflictionNotice.objects.filter(case=cw.case, other_case=other, match_kind=keys.SOUND_CITY_ES).exists()
