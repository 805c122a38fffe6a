"""Recall of the documents/authorities group (issue 14): general shapes the rule layer missed.

Each sentence is written for the test (not taken from the corpus); the tree before these rules
missed its item, the rules added for it find it.
"""

import pytest

from laborlens.extraction import extract

FALSE_INFO = "vr_false_information_law_authorities"
DENUNCIATION = "cd_threat_of_denunciation"
KEEPS = "ctx_keeps_own_documents"
STATUS = "vd_relationship_authorities_legal_status"

FOUND = [
    # status taken away: verb of loss + parole/TPS/asylum/residency (en.*.revoke, es.*.quitan)
    ("The manager says he can revoke your asylum whenever he wants.", "en", FALSE_INFO),
    ("The manager says he can revoke your asylum whenever he wants.", "en", DENUNCIATION),
    ("Her boss says her TPS gets cancelled the day she complains.", "en", FALSE_INFO),
    ("Her boss says her TPS gets cancelled the day she complains.", "en", DENUNCIATION),
    ("El capataz dice que si reclamas te quitan el asilo.", "es", FALSE_INFO),
    ("El capataz dice que si reclamas te quitan el asilo.", "es", DENUNCIATION),
    # a clinic, hospital or school that reports people to immigration (en.*.institution, es.*.institucion)
    ("The foreman warned that the clinic calls immigration on anyone without a social.", "en", FALSE_INFO),
    ("La patrona dice que en la clínica avisan a la migra si no tienes seguro.", "es", FALSE_INFO),
    # straight to jail / detention (en.*.straightjail, es.*.carcel)
    ("He says workers who quit end up in jail.", "en", FALSE_INFO),
    ("El encargado dice que a los que se quejan los meten a la cárcel.", "es", FALSE_INFO),
    # one call and the worker is gone (en/es *.onecall, *.unallamada patterns)
    ("Nestor says one single call from the foreman and his case is over.", "en", DENUNCIATION),
    ("Nos dijo que con una llamada nos sacan del país.", "es", DENUNCIATION),
    # documents with the workers (en.ctx_keeps_own_documents.withworkers, es ...lotieneel pattern)
    ("The inspector noted that the passports remain with the workers.", "en", KEEPS),
    ("Nos contó que su pasaporte lo tiene ella.", "es", KEEPS),
    # a pending asylum claim; working on a visitor visa (en/es vd_relationship_authorities_legal_status patterns)
    ("My brother-in-law drives for them while his asylum claim is still pending.", "en", STATUS),
    ("La cocinera es solicitante de asilo y duerme en la bodega.", "es", STATUS),
    ("Two of the cooks are working on visitor visas.", "en", STATUS),
]


@pytest.mark.parametrize(("text", "lang", "item"), FOUND)
def test_found(text, lang, item):
    assert item in extract(text, lang=lang).ids
