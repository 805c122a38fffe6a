"""Blind-index match keys for people and entities: how encrypted values are searched and
deconflicted without decrypting anything.

Every key is ``HMAC-SHA256(BLIND_INDEX_KEY, kind || normalised value)`` (see
``laborlens.core.crypto.blind_index``). The database holds only these digests next to the
ciphertext; the key lives in the environment. Kinds:

* search only (one agency's own cases): the whole name (tokens sorted), each name token,
  and each token's phonetic code, so "maria" finds "María López" and "lopes" finds "Lopez";
* deconfliction, exact after normalisation: phone (E.164), e-mail, address, identity
  document / licence / plate / account number, name + date of birth, name + city, business
  name + city;
* deconfliction, fuzzy: for each unordered pair of phonetic codes of a name's tokens
  (Metaphone), a key over ``pair || city``. Two spellings that sound alike in two tokens
  and live in the same city share a key ("Maria Lopez" / "Marie Lopes Garcia", Riverton).
  The matching is an equality of digests, so it still runs without decryption; the price
  is that it only finds phonetic equality, not edit distance, and a short common name in
  a big city gives false positives: the notice only puts two case leads in touch.
* the same two, Spanish: each token's Spanish sound code (``normalise.spanish_sound``:
  x/j, ll/y, silent h, b/v, z/c/s, gu/g, qu/k, accents; vowels kept) as ``name_sound_es``
  and its pairs with the city as ``sound_city_es``, next to the Metaphone keys, so that
  Xavier / Javier Ximenez / Jimenez and Hernandez / Ernandez match. These are still HMAC
  digests computed from the typed name, like every other key.

Rotating ``BLIND_INDEX_KEY`` means recomputing every key: ``laborlens keys rotate --reindex``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from laborlens.core.crypto import blind_index
from laborlens.matching import normalise

NAME = "name"
NAME_TOKEN = "name_token"  # noqa: S105  (a key kind, not a secret)
NAME_SOUND = "name_sound"
PHONE = "phone"
EMAIL = "email"
ADDRESS = "address"
DOCUMENT = "document"
NAME_DOB = "name_dob"
NAME_CITY = "name_city"
SOUND_CITY = "sound_city"
NAME_SOUND_ES = "name_sound_es"
SOUND_CITY_ES = "sound_city_es"
BUSINESS = "business"
PLATE = "plate"
ACCOUNT = "account"
LICENCE = "licence"

SEARCH_ONLY = frozenset({NAME, NAME_TOKEN, NAME_SOUND, NAME_SOUND_ES})
FUZZY = frozenset({SOUND_CITY, SOUND_CITY_ES})
DECONFLICT = frozenset({PHONE, EMAIL, ADDRESS, DOCUMENT, NAME_DOB, NAME_CITY, SOUND_CITY, SOUND_CITY_ES,
                        BUSINESS, PLATE, ACCOUNT, LICENCE})


@dataclass(frozen=True)
class Key:
    kind: str
    value: str


def _keys(pairs: Iterable[tuple[str, str]]) -> list[Key]:
    seen: dict[tuple[str, str], Key] = {}
    for kind, normalised in pairs:
        digest = blind_index(kind, normalised)
        if digest:
            seen.setdefault((kind, digest), Key(kind, digest))
    return list(seen.values())


def name_search_keys(name: str) -> list[Key]:
    """Keys for the tokens someone typed into search (each token must match)."""
    return _keys((NAME_TOKEN, token) for token in normalise.name_tokens(name))


def name_sound_keys(name: str) -> list[Key]:
    return _keys(_sound_pairs(name))


def _sound_pairs(name: str) -> list[tuple[str, str]]:
    tokens = normalise.name_tokens(name)
    return ([(NAME_SOUND, normalise.phonetic(token)) for token in tokens]
            + [(NAME_SOUND_ES, normalise.spanish_sound(token)) for token in tokens])


def sound_match(first: str, second: str) -> bool:
    """Whether two names in the same city would share a fuzzy deconfliction key."""
    def kinds(name: str) -> set[tuple[str, str]]:
        if len(normalise.name_tokens(name)) < 2:
            return set()
        return ({(SOUND_CITY, pair) for pair in normalise.phonetic_pairs(name)}
                | {(SOUND_CITY_ES, pair) for pair in normalise.spanish_sound_pairs(name)})
    return bool(kinds(first) & kinds(second))


def person_keys(*, names: list[str], date_of_birth: str, city: str, phones: list[str],
                emails: list[str], address: str, documents: list[str]) -> list[Key]:
    pairs: list[tuple[str, str]] = []
    place = normalise.city(city)
    for name in names:
        full = normalise.person_name(name)
        if not full:
            continue
        pairs.append((NAME, full))
        pairs.extend((NAME_TOKEN, token) for token in normalise.name_tokens(name))
        pairs.extend(_sound_pairs(name))
        if date_of_birth:
            pairs.append((NAME_DOB, f"{full}|{date_of_birth}"))
        if place:
            pairs.append((NAME_CITY, f"{full}|{place}"))
            if len(normalise.name_tokens(name)) >= 2:
                pairs.extend((SOUND_CITY, f"{pair}|{place}") for pair in normalise.phonetic_pairs(name))
                pairs.extend((SOUND_CITY_ES, f"{pair}|{place}") for pair in normalise.spanish_sound_pairs(name))
    pairs.extend((PHONE, value) for value in phones)
    pairs.extend((EMAIL, value) for value in emails)
    if address:
        pairs.append((ADDRESS, normalise.address(address)))
    pairs.extend((DOCUMENT, normalise.document(value)) for value in documents)
    return _keys(pairs)


def entity_keys(*, kind: str, name: str, trade_name: str, city: str, phones: list[str],
                addresses: list[str], identifiers: list[str]) -> list[Key]:
    pairs: list[tuple[str, str]] = []
    place = normalise.city(city)
    if kind == "business":
        for label in (name, trade_name):
            normalised = normalise.business_name(label)
            if normalised:
                pairs.append((BUSINESS, f"{normalised}|{place}"))
    pairs.extend((PHONE, value) for value in phones)
    pairs.extend((ADDRESS, normalise.address(value)) for value in addresses)
    identifier_kind = {"vehicle": PLATE, "account": ACCOUNT}.get(kind, LICENCE)
    pairs.extend((identifier_kind, normalise.identifier(value)) for value in identifiers)
    return _keys(pairs)
