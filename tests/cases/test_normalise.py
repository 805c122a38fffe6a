from __future__ import annotations

import pytest

from laborlens.matching import normalise


def test_phones_to_e164():
    assert normalise.phone("(202) 555-0143") == "+12025550143"
    assert normalise.phone("+1 202.555.0143") == "+12025550143"
    assert normalise.phone("+52 55 1234 5678") == "+525512345678"
    for bad in ["555-0143", "call me", "12"]:
        with pytest.raises(normalise.NormaliseError):
            normalise.phone(bad)


def test_names_addresses_and_businesses_normalise_to_the_same_value():
    assert normalise.person_name("LÓPEZ, María") == normalise.person_name("maria lopez")
    assert normalise.person_name("María de la Cruz") == normalise.person_name("Maria Cruz")
    assert normalise.address("410 Mill Road, Apt. #3") == normalise.address("410 mill rd apt 3")
    assert normalise.address("Calle 5 Norte") == normalise.address("st 5 n")
    assert normalise.business_name("Green Acres Landscaping, L.L.C.") == normalise.business_name("GREEN ACRES LANDSCAPING LLC")
    assert normalise.identifier("pe-447 1920") == "PE4471920"
    assert normalise.document("Passport PE 447-1920") == normalise.document("4471920")


def test_phonetic_pairs_match_spelling_variants():
    first = set(normalise.phonetic_pairs("Maria Lopez"))
    assert first & set(normalise.phonetic_pairs("Marie Lopes Garcia"))
    assert not first & set(normalise.phonetic_pairs("Juan Perez"))
    assert normalise.phonetic_pairs("Madonna") == [normalise.phonetic("madonna")]


def test_lines_are_bounded_and_deduplicated():
    assert normalise.lines("a\n\n a \nb") == ["a", "b"]
    assert len(normalise.lines("\n".join(str(i) for i in range(100)))) == 20
