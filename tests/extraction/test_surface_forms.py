"""Surface forms a tip really uses: misspelt rule words, chat spellings, Spanish irregular
verbs (lexicon.py, rules.spelled), and the seeded variants the learned layer is trained on
(augment.py, bench/train_extraction_model.py --augment). EN and ES, both ways."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from laborlens.extraction import augment, extract
from laborlens.extraction.lexicon import stem, tokens
from laborlens.extraction.matcher import fold
from laborlens.extraction.rules import rule_set, spelled
from laborlens.extraction.scoring import Narrative

RULES_ONLY = ("patterns", "rules")
TRAIN = Path(__file__).resolve().parents[2] / "bench" / "train_extraction_model.py"


def ids(text: str) -> set[str]:
    return set(extract(text, layers=RULES_ONLY).ids)


# --- misspelt rule words ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The crew boss took my pasport when we got to the farm and never gave it back.",
    "The crew boss took my passprot when we got to the farm and never gave it back.",
    "El patrón nos quitó el pasapote cuando llegamos al rancho y nunca lo devolvió.",
])
def test_a_misspelt_document_word_is_still_confiscation(text: str) -> None:
    assert "cd_confiscation_of_documents" in ids(text)


def test_a_misspelt_threat_is_still_a_threat_of_denunciation() -> None:
    assert "cd_threat_of_denunciation" in ids("The boss threatned to call imigration on us if we complained.")


def test_a_misspelling_the_worker_negates_stays_negated() -> None:
    assert "cd_confiscation_of_documents" not in ids("The boss never took my pasport, I keep it myself.")
    assert "cd_confiscation_of_documents" not in ids("El patrón nunca me quitó el pasapote, yo lo guardo.")


def test_real_forms_of_rule_words_are_not_corrected() -> None:
    """A drop that makes another form of a word ("dollars" -> "dollar", "cambiar" ->
    "cambia") or a short word is read as written; spans keep the text's offsets."""
    rules = rule_set()
    for word in ("dollar", "cambia", "treats", "quiera", "passport", "pasaporte"):
        assert word not in rules.typos
    text = "mi pasapote y el pasport"
    toks = spelled(tokens(fold(text)), rules)
    assert [t.word for t in toks] == ["mi", "pasaporte", "y", "el", "passport"]
    assert [text[t.start:t.end] for t in toks] == ["mi", "pasapote", "y", "el", "pasport"]


# --- chat spellings and irregular verbs --------------------------------------------------


def test_chat_spellings_read_as_their_words_in_their_own_language() -> None:
    assert stem("xq", "es") == stem("porque", "es")
    assert stem("q", "es") == stem("que", "es")
    assert stem("u", "en") == stem("you", "en")
    assert stem("ur", "en") == stem("your", "en")
    assert stem("hrs", "en") == stem("hours", "en") and stem("hrs", "es") == stem("horas", "es")
    # "u" is a Spanish "or" and "pa" an English word: each table keeps to its language
    assert stem("u", "es") != stem("you", "es")
    assert stem("pa", "en") != stem("para", "en")


def test_spanish_irregular_verbs_share_the_stem_of_their_present() -> None:
    assert stem("dijeron", "es") == stem("dicen", "es") == stem("diciendo", "es")
    assert stem("tuvo", "es") == stem("tiene", "es")
    assert stem("pidieron", "es") == stem("pide", "es")
    assert "cd_isolation_confinement_surveillance" in ids(
        "El patrón tuvo nuestros celulares toda la temporada y no podíamos llamar a nadie.")


def test_first_person_forms_are_not_what_someone_else_does() -> None:
    """Third person only: "tenía mi pasaporte, mi teléfono" is the worker's own."""
    assert stem("tengo", "es") != stem("tiene", "es")
    assert stem("tenia", "es") != stem("tiene", "es")
    assert "cd_isolation_confinement_surveillance" not in ids(
        "Trabajé en la bodega seis meses. Tenía mi pasaporte, mi teléfono y mi carro; me fui cuando quise.")


def test_english_past_forms_keep_their_own_stem() -> None:
    """Tried and left out (BENCHMARKS.md): the rules that name a threat are written in the
    tense that makes it one, so "paid" is not read as "pay"."""
    assert stem("paid", "en") != stem("pay", "en")
    assert stem("told", "en") != stem("tell", "en")


# --- training variants ------------------------------------------------------------------


def test_variants_are_seeded_by_narrative_and_change_the_surface() -> None:
    text = ("El patrón nos quitó el pasaporte porque dice que debemos el viaje. Trabajamos "
            "14 horas al día y no nos paga el cheque.")
    first = augment.variants("tr-es-001", text, "es", 4)
    assert first == augment.variants("tr-es-001", text, "es", 4)
    assert first != augment.variants("tr-es-002", text, "es", 4)
    assert all(v != text for v in first)


def test_each_transform_in_english_and_spanish() -> None:
    rng = random.Random(1)
    assert augment.abbreviate("porque no me pagan", "es", rng, rate=1.0).split()[0] in ("xq", "pq", "porq")
    assert augment.abbreviate("because you said", "en", rng, rate=1.0) in (
        "bc u said", "cuz u said", "bcuz u said")
    assert augment.code_switch("el patrón tiene los papeles", "es", rng, rate=1.0) in (
        "el boss tiene los papers", "el el boss tiene los papers")
    assert "patrón" in augment.code_switch("the boss has the papers", "en", rng, rate=1.0)
    assert augment.tense("The boss takes our pay", "en", rng, rate=1.0) == "The boss took our pay"
    assert augment.tense("nos dijeron que", "es", rng, rate=1.0) == "nos dicen que"
    assert augment.no_accents("el patrón quitó", "es", rng) == "el patron quito"
    assert augment.no_apostrophes("the boss's rule, don't", "en", rng) == "the bosss rule, dont"
    clock = augment.clock_hours("We work 14 hours a day.", "en", random.Random(3))
    assert clock.startswith("We work from ") and "am to " in clock and "hours" not in clock
    assert augment.clock_hours("Trabajamos de 6 de la mañana a las 9 de la noche.", "es", rng) == \
        "Trabajamos 15 horas al día."
    assert augment.clock_hours("We work 3 hours a day.", "en", rng) == "We work 3 hours a day."
    assert augment.typos("documentos", "es", random.Random(0), rate=1.0) != "documentos"


def _trainer():
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("train_extraction_model", TRAIN)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_extraction_model"] = module
    spec.loader.exec_module(module)
    return module


def test_training_variants_keep_the_labels_and_count_once() -> None:
    trainer = _trainer()
    gold = frozenset({"cd_confiscation_of_documents"})
    train = [Narrative(f"tr-en-{i}", "en", "train", f"The boss took my passport number {i} and kept it.",
                       gold, "test") for i in range(6)]
    grown = trainer.augmented(train, 2)
    assert len(grown) == 18
    assert all(n.gold == gold for n in grown)
    assert [n.id for n in grown[:3]] == ["tr-en-0", "tr-en-0~1", "tr-en-0~2"]
    # a feature seen only in one narrative and its variants is not in the vocabulary
    feats = [{"e:passport", f"e:only{n.id.split('~')[0]}"} for n in grown]
    model = trainer.fit(grown, feats)
    assert "e:passport" in model.index
    assert not any(f.startswith("e:only") for f in model.index)
