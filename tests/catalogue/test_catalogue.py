"""The packaged catalogue: contents, coverage of INDICATORS.md, citations, translations."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from laborlens.catalogue import load_catalogue

CATALOGUE_DIR = Path(__file__).resolve().parents[2] / "src" / "laborlens" / "catalogue"
HTCDS_DEFINITIONS = Path(__file__).resolve().parents[3] / "shared" / "data" / "htcds" / "field_definitions.md"

# INDICATORS.md section 2: child weight where it differs from the adult weight.
CHILD_DIFFERS = {
    "dr_access_to_education": ("weak", "strong"),
    "cr_abduction_forced_marriage_adoption_sale": ("medium", "strong"),
    "cr_debt_bondage": ("medium", "strong"),
    "cr_threats_of_violence": ("medium", "strong"),
    "vr_cultural_religious_beliefs": ("weak", "medium"),
    "vr_general_context": ("weak", "medium"),
    "ex_no_access_to_education": ("weak", "medium"),
    "cd_threats_of_violence": ("medium", "strong"),
    "cd_threats_to_inform_family_community": ("weak", "medium"),
    "vd_difficulties_in_the_past": ("weak", "medium"),
    "vd_personal_characteristics": ("weak", "medium"),
}
ADULT_STRONG = {"dr_nature_of_job_location_employer", "cr_violence_on_victim", "ex_excessive_hours",
                "cd_confiscation_of_documents", "cd_debt_bondage", "cd_isolation_confinement_surveillance",
                "cd_violence_on_victim"}
ADULT_WEAK = {"dr_access_to_education", "vr_cultural_religious_beliefs", "vr_general_context", "ex_no_access_to_education",
              "cd_threats_to_inform_family_community", "vd_difficulties_in_the_past", "vd_personal_characteristics"}
FORCED_LABOUR = ["vulnerability", "deception", "movement", "isolation", "violence", "threats", "documents", "wages",
                 "debt", "conditions", "overtime"]
INDUSTRIES = ["hospitality", "farming_agriculture", "logging", "tourism", "transportation", "traveling_sales_crews",
              "janitorial_services", "hotels", "restaurants_food_services", "fishing", "salon_services",
              "massage_parlors", "retail", "fairs_carnivals", "manufacturing", "textiles", "construction",
              "health_care", "peddling_begging", "private_homes_domestic_work", "recreation",
              "sexually_oriented_businesses"]


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


def test_version_is_shared_and_in_the_changelog(cat):
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", cat.version)
    for path in (CATALOGUE_DIR / "data").glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["version"] == cat.version, path.name
    assert f"## {cat.version}" in (CATALOGUE_DIR / "CHANGELOG.md").read_text(encoding="utf-8")


def test_load_is_cached(cat):
    assert load_catalogue() is cat


def test_six_dimensions_with_the_ilo_counts(cat):
    counts = Counter(i.dimension for i in cat.indicators)
    assert counts == {"deceptive_recruitment": 10, "coercive_recruitment": 10, "vulnerability_recruitment": 16,
                      "exploitation": 9, "coercion_destination": 15, "vulnerability_destination": 7}


def test_weights_follow_indicators_md(cat):
    for item in cat.indicators:
        expected_adult = "strong" if item.id in ADULT_STRONG else "weak" if item.id in ADULT_WEAK else "medium"
        assert item.weight_adult == expected_adult, item.id
        expected_child = CHILD_DIFFERS.get(item.id, (None, item.weight_adult))[1]
        assert item.weight_child == expected_child, item.id
    assert not any(i.weight_child == "weak" for i in cat.indicators)  # the child lists have no weak tier


def test_recruitment_by_abuse_of_vulnerability_has_no_strong_adult_indicator(cat):
    assert all(i.weight_adult != "strong" for i in cat.indicators_of("vulnerability_recruitment"))


def test_ids_follow_the_scheme(cat):
    codes = {d.id: d.code for d in cat.dimensions}
    for item in cat.items.values():
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)+", item.id)
        prefix = {"indicator": codes.get(item.dimension or ""), "context": "ctx", "red_flag": "rf"}[item.kind]
        assert item.id.startswith(f"{prefix}_"), item.id


def test_every_item_is_bilingual_and_cited(cat):
    for item in cat.items.values():
        for text in (item.label, item.question, item.guidance):
            assert text.en.strip() and text.es.strip() and text.en != text.es, item.id
        assert item.citations, item.id
        assert all(c.source in cat.sources for c in item.citations)


def test_spanish_questions_are_questions(cat):
    for item in cat.items.values():
        if item.kind != "red_flag":
            assert "¿" in item.question.es and "?" in item.question.es, item.id


def test_forced_labour_short_names_exactly(cat):
    assert [f.id for f in sorted(cat.forced_labour, key=lambda f: f.number)] == FORCED_LABOUR
    for item in cat.indicators:
        assert set(item.forced_labour) <= set(FORCED_LABOUR), item.id
        # only a reviewed finding may map to no ILO indicator (a labour-law breach alone is not one)
        assert item.forced_labour or item.id == "ex_labour_law_or_contract_breached", item.id
    used = {name for i in cat.indicators for name in i.forced_labour}
    assert used == set(FORCED_LABOUR)  # every ILO indicator is reachable


def test_every_indicator_maps_to_us_law_or_says_why_not(cat):
    for item in cat.indicators:
        assert item.us_supports or item.us_note is not None, item.id
    statutes = {s for i in cat.items.values() for s in i.us_statutes}
    assert statutes == {"usc18_1581", "usc18_1584", "usc18_1589a", "usc18_1589b", "usc18_1590", "usc18_1592", "usc18_1351"}


def test_us_means_are_the_four_of_1589a_plus_fraud(cat):
    means = next(e for e in cat.us_elements if e.id == "means")
    assert [c.id for c in means.components] == ["means.force_1589a1", "means.serious_harm_1589a2",
                                               "means.abuse_of_law_1589a3", "means.scheme_1589a4", "means.fraud_7102"]
    act = next(e for e in cat.us_elements if e.id == "act")
    assert [c.id.split(".")[1] for c in act.components] == ["recruits", "harbors", "transports", "provides", "obtains"]


def test_red_flags_from_section_3_all_point_to_indicators(cat):
    flags = [i for i in cat.items.values() if i.kind == "red_flag"]
    assert len(flags) == 24
    for flag in flags:
        assert flag.points_to and all(cat.items[t].kind == "indicator" for t in flag.points_to)
    sources = Counter(c.source for f in flags for c in f.citations if c.source.startswith("seed_"))
    assert sources["seed_002"] == 15 and sources["seed_000"] >= 9


def test_context_group_tells_smuggling_apart(cat):
    context = {i.id: i for i in cat.items.values() if i.kind == "context"}
    assert "smuggling_trigger" in context["ctx_paid_to_cross_border"].roles
    for item_id in ("ctx_smuggling_arrangement_ended_on_arrival", "ctx_free_to_leave", "ctx_keeps_own_documents",
                    "ctx_keeps_own_wages"):
        assert "smuggling_corroborating" in context[item_id].roles
        assert context[item_id].contradicts
    assert all(i.dimension is None for i in context.values())


def test_htcds_codes_match_the_field_definitions(cat):
    if not HTCDS_DEFINITIONS.exists():
        pytest.skip("shared HTCDS reference data not present")
    fields = set(re.findall(r"^\| (MethodsOfControl\w+)", HTCDS_DEFINITIONS.read_text(encoding="utf-8"), re.M))
    assert {c.field for c in cat.htcds.values()} == fields
    assert {code for i in cat.indicators for code in i.htcds} <= set(cat.htcds)


def test_short_form(cat):
    assert len(cat.short_form) <= 12
    assert {cat.items[i].dimension for i in cat.short_form} == {d.id for d in cat.dimensions}
    for flag in cat.short_form_red_flags:
        assert set(cat.items[flag].points_to) & set(cat.short_form), flag


def test_industries_from_section_3_with_naics(cat):
    assert [i.id for i in cat.industries] == INDUSTRIES
    assert all(i.naics for i in cat.industries)
    assert {v.id for v in cat.visa_programs} == {"h2a", "h2b", "j1", "b2"}
    assert next(v for v in cat.visa_programs if v.id == "b2").work_allowed is False


def test_readings_are_ordered(cat):
    assert sorted(cat.readings, key=lambda r: cat.readings[r].rank) == [
        "insufficient", "smuggling", "exploitation", "deception_exploitation", "trafficking"]


def test_actions_cover_the_response_in_section_4(cat):
    ids = {a.id for a in cat.actions}
    assert {"separate_from_controller", "professional_interpreter", "do_not_arrest", "call_task_force_investigator",
            "shelter_and_medical", "labor_agency_referral", "national_hotline"} <= ids
    hotline = next(a for a in cat.actions if a.id == "national_hotline")
    assert "1-888-373-7888" in hotline.text.en and "1-888-373-7888" in hotline.text.es


def test_no_text_says_not_a_victim(cat):
    blob = json.dumps(cat.to_dict(), ensure_ascii=False).lower()
    assert "not a victim" not in blob and "no es víctima" not in blob


def test_to_dict_is_json(cat):
    doc = json.loads(json.dumps(cat.to_dict()))
    assert doc["version"] == cat.version
    assert len(doc["indicators"]["indicators"]) == 67


def test_every_citation_reads_as_a_title_and_a_place_in_both_languages(cat):
    """Issue 17.8: a citation is shown by the source's short title, never its id or a note
    about this project's files."""
    from laborlens.catalogue.loader import Citation

    assert all(source.short.en and source.short.es for source in cat.sources.values())
    cited = [c for rule in cat.rules.values() for c in rule.citations]
    assert cited
    for citation in cited:
        for lang in ("en", "es"):
            shown = cat.cite(citation, lang)
            assert citation.source not in shown and ".md" not in shown and "CHANGELOG" not in shown, shown
    seed = Citation("seed_000", "point 2")
    assert cat.cite(seed, "en") == ("COPS Office, Ten Things Law Enforcement Executives Need to Know about "
                                    "Labor Trafficking (2020), point 2")
    assert cat.cite(seed, "es").endswith("(2020), punto 2")
    assert cat.cite({"source": "palermo_2000", "locator": "Article 3(a) and 3(c)"}, "es").endswith(
        "artículo 3(a) y 3(c)")
