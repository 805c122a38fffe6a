from __future__ import annotations

from laborlens.cases import elements


def test_statutes_cover_the_federal_labor_trafficking_offences():
    citations = {statute.citation for statute in elements.statutes()}
    for cite in ["18 U.S.C. 1581", "18 U.S.C. 1584", "18 U.S.C. 1589(a)", "18 U.S.C. 1590", "18 U.S.C. 1592",
                 "18 U.S.C. 1351"]:
        assert cite in citations
    means = [code for code, element in elements.components().items() if element.kind == "means"]
    for code in ["means.force_1589a1", "means.serious_harm_1589a2", "means.abuse_of_law_1589a3", "means.scheme_1589a4"]:
        assert code in means


def test_catalogue_and_fallback_file_agree():
    from_file = {s.code: [[e.code for e in group] for group in s.groups] for s in elements._from_file()}
    from_catalogue = elements._from_catalogue()
    if from_catalogue is not None:
        assert {s.code: [[e.code for e in group] for group in s.groups] for s in from_catalogue} == from_file


def test_board_shows_supported_and_missing():
    boards = {board.statute.code: board for board in elements.build_board([
        ("act.recruits", "E-1"), ("means.abuse_of_law_1589a3", "E-2"), ("means.abuse_of_law_1589a3", "E-2"),
        ("no.such", "E-9")])}
    trafficking = boards["usc18_1590"]
    assert trafficking.supported_count == 2 and not trafficking.complete
    assert len(trafficking.missing) == 1 and trafficking.missing[0].startswith("Purpose")
    means = trafficking.groups[1]
    assert [row.evidence for row in means.rows if row.supported] == [["E-2"]]
    fraud = boards["usc18_1351"]
    assert fraud.supported_count == 1 and fraud.missing == ["Means: " + elements.component("means.fraud_7102").label]


def test_choices_cover_every_component_once():
    codes = [code for code, _label in elements.choices()]
    assert len(codes) == len(set(codes)) == len(elements.components())


def test_industries_come_from_the_catalogue_with_naics_codes_and_labels_in_both_languages():
    from laborlens.catalogue.industries import industries, industry_choices, industry_label

    items = industries()
    assert {"farming_agriculture", "hotels", "construction", "private_homes_domestic_work"} <= {i.id for i in items}
    assert all(item.naics for item in items)
    assert industry_label("farming_agriculture", "en").startswith("Farm")
    assert industry_label("farming_agriculture", "es") != industry_label("farming_agriculture", "en")
    assert industry_label("no-such-industry", "es") == "no-such-industry"
    assert [code for code, _ in industry_choices("es")] == [i.id for i in items]
