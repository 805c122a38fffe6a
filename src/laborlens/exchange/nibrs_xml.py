"""NIBRS XML after the FBI's IEPD (NIEM element names), and validation against the IEPD's XSD
when an agency has put the FBI's schema files in ``SCHEMA_DIR`` (none are shipped: see
``nibrs``'s docstring and issue 19). The extract itself and its element rules are ``nibrs``.

Pure Python: no Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from laborlens.exchange.nibrs import Extract, parse_date

SCHEMA_DIR = Path(__file__).parent / "data" / "nibrs-iepd"


NS = {
    "nibrs": "http://fbi.gov/cjis/nibrs/2023.0",
    "cjis": "http://fbi.gov/cjis/1.0",
    "j": "http://release.niem.gov/niem/domains/jxdm/7.2",
    "nc": "http://release.niem.gov/niem/niem-core/5.0",
    "s": "http://release.niem.gov/niem/structures/5.0/",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


def _q(name: str) -> str:
    prefix, _, local = name.partition(":")
    return f"{{{NS[prefix]}}}{local}"


def _el(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, _q(name), {_q(k.replace("_", ":", 1)): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _id(parent: ET.Element, name: str, value: str) -> None:
    _el(_el(parent, name), "nc:IdentificationID", value)


def _ori(parent: ET.Element, name: str, ori: str) -> None:
    agency = _el(_el(parent, name), "j:OrganizationAugmentation")
    _id(agency, "j:OrganizationORIIdentification", ori)


def _person(parent: ET.Element, ident: str, row: Mapping[str, str]) -> None:
    person = _el(parent, "nc:Person", s_id=ident)
    age = row.get("age", "")
    if len(age) == 4:
        measure = _el(_el(person, "nc:PersonAgeMeasure"), "nc:MeasureIntegerRange")
        _el(measure, "nc:RangeMaximumIntegerValue", str(int(age[2:])))
        _el(measure, "nc:RangeMinimumIntegerValue", str(int(age[:2])))
    elif age in ("NN", "NB", "BB"):
        _el(person, "j:PersonAgeCode", age)
    elif age:
        _el(_el(person, "nc:PersonAgeMeasure"), "nc:MeasureIntegerValue", str(int(age)))
    if row.get("ethnicity"):
        _el(person, "j:PersonEthnicityCode", row["ethnicity"])
    if row.get("race"):
        _el(person, "j:PersonRaceNDExCode", row["race"])
    if row.get("resident_status"):
        _el(person, "j:PersonResidentCode", row["resident_status"])
    if row.get("sex"):
        _el(person, "j:PersonSexCode", row["sex"])


def to_xml(extract: Extract, submitted_at: datetime) -> str:
    """One ``nibrs:Submission`` per extract, one ``nibrs:Report`` (Group A incident) per
    incident. Element names after the IEPD; NOT validated against the FBI's XSD."""
    root = ET.Element(_q("nibrs:Submission"))
    meta = _el(root, "cjis:MessageMetadata")
    _el(meta, "cjis:MessageDateTime", submitted_at.strftime("%Y-%m-%dT%H:%M:%S"))
    _id(meta, "cjis:MessageIdentification", submitted_at.strftime("LL%Y%m%d%H%M%S"))
    _el(meta, "cjis:MessageImplementationVersion", "2023.0")
    if extract.segments["administrative"]:
        _ori(meta, "cjis:MessageSubmittingOrganization", extract.segments["administrative"][0]["ori"])
    for admin in extract.segments["administrative"]:
        key = (admin["ori"], admin["incident_number"])

        def mine(name: str, key: tuple[str, str] = key) -> list[dict[str, str]]:
            return [r for r in extract.segments[name] if (r["ori"], r["incident_number"]) == key]

        report = _el(root, "nibrs:Report")
        header = _el(report, "nibrs:ReportHeader")
        _el(header, "nibrs:NIBRSReportCategoryCode", "GROUP A INCIDENT REPORT")
        _el(header, "nibrs:ReportActionCategoryCode", "I")
        _el(_el(header, "nibrs:ReportDate"), "nc:YearMonthDate", submitted_at.strftime("%Y-%m"))
        _ori(header, "nibrs:ReportingAgency", admin["ori"])
        incident = _el(report, "nc:Incident")
        _id(incident, "nc:ActivityIdentification", admin["incident_number"])
        when = parse_date(admin["incident_date"])
        activity = _el(incident, "nc:ActivityDate")
        if when is not None and admin["incident_hour"]:
            _el(activity, "nc:DateTime", f"{when.isoformat()}T{admin['incident_hour']}:00:00")
        elif when is not None:
            _el(activity, "nc:Date", when.isoformat())
        augmentation = _el(incident, "cjis:IncidentAugmentation")
        _el(augmentation, "cjis:IncidentReportDateIndicator", "true" if admin["report_date_indicator"] else "false")
        _el(_el(incident, "j:IncidentAugmentation"), "j:IncidentExceptionalClearanceCode",
            admin["cleared_exceptionally"])
        for number, offense in enumerate(mine("offense"), start=1):
            element = _el(report, "j:Offense", s_id=f"Offense{number}")
            _el(element, "nibrs:OffenseUCRCode", offense["ucr_offense_code"])
            _el(_el(element, "j:OffenseFactor"), "j:OffenseFactorCode", offense["offender_suspected_of_using"])
            _el(element, "j:OffenseAttemptedIndicator", "true" if offense["attempted_completed"] == "A" else "false")
            _el(_el(element, "j:OffenseForce"), "j:ForceCategoryCode", offense["weapon_force"])
            _el(element, "nibrs:OffenseBiasMotivationCode", "NONE" if offense["bias_motivation"] == "88" else "UNKNOWN")
            location = _el(report, "nc:Location", s_id=f"Location{number}")
            _el(location, "nibrs:LocationCategoryCode", offense["location_type"])
        for victim in mine("victim"):
            _person(report, f"PersonVictim{int(victim['victim_sequence_number'])}", victim)
        for offender in mine("offender"):
            _person(report, f"PersonSubject{int(offender['offender_sequence_number'])}", offender)
        for arrestee in mine("arrestee"):
            _person(report, f"PersonArrestee{int(arrestee['arrestee_sequence_number'])}", arrestee)
        for victim in mine("victim"):
            number = int(victim["victim_sequence_number"])
            element = _el(report, "j:Victim", s_id=f"Victim{number}")
            _el(element, "nc:RoleOfPerson", s_ref=f"PersonVictim{number}")
            _el(element, "j:VictimSequenceNumberText", str(number))
            _el(element, "j:VictimCategoryCode", victim["type_of_victim"])
        for offender in mine("offender"):
            number = int(offender["offender_sequence_number"])
            element = _el(report, "j:Subject", s_id=f"Subject{number}")
            _el(element, "nc:RoleOfPerson", s_ref=f"PersonSubject{number}")
            _el(element, "j:SubjectSequenceNumberText", f"{number:02d}")
        for arrestee in mine("arrestee"):
            number = int(arrestee["arrestee_sequence_number"])
            element = _el(report, "j:Arrestee", s_id=f"Arrestee{number}")
            _el(element, "nc:RoleOfPerson", s_ref=f"PersonArrestee{number}")
            _el(element, "j:ArrestSequenceID", str(number))
            _el(element, "j:ArresteeClearanceIndicator", "true")
            _el(element, "j:ArresteeMultipleArresteeIndicator", arrestee["multiple_arrestee_indicator"])
            arrest = _el(report, "j:Arrest", s_id=f"Arrest{number}")
            _id(arrest, "nc:ActivityIdentification", arrestee["arrest_transaction_number"])
            date_of_arrest = parse_date(arrestee["arrest_date"])
            _el(_el(arrest, "nc:ActivityDate"), "nc:Date", date_of_arrest.isoformat() if date_of_arrest else "")
            _el(_el(arrest, "j:ArrestCharge"), "nibrs:ChargeUCRCode", arrestee["ucr_arrest_offense_code"])
            _el(arrest, "j:ArrestCategoryCode", arrestee["type_of_arrest"])
        for number, _offense in enumerate(mine("offense"), start=1):
            association = _el(report, "j:OffenseLocationAssociation")
            _el(association, "j:Offense", s_ref=f"Offense{number}")
            _el(association, "nc:Location", s_ref=f"Location{number}")
        offense_numbers = {o["ucr_offense_code"]: n for n, o in enumerate(mine("offense"), start=1)}
        for victim in mine("victim"):
            number = int(victim["victim_sequence_number"])
            for code in (c for c in victim["offenses_connected"].split(";") if c in offense_numbers):
                association = _el(report, "j:OffenseVictimAssociation")
                _el(association, "j:Offense", s_ref=f"Offense{offense_numbers[code]}")
                _el(association, "j:Victim", s_ref=f"Victim{number}")
            for pair in (p for p in victim["relationship_to_offenders"].split(";") if p):
                subject, _, code = pair.partition(":")
                association = _el(report, "j:SubjectVictimAssociation")
                _el(association, "j:Subject", s_ref=f"Subject{int(subject)}")
                _el(association, "j:Victim", s_ref=f"Victim{number}")
                _el(association, "nibrs:VictimToSubjectRelationshipCode", code)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def schema_files() -> list[Path]:
    """The FBI IEPD XSD files, if an agency has put them in ``SCHEMA_DIR`` (none are shipped)."""
    return sorted(SCHEMA_DIR.glob("**/*.xsd")) if SCHEMA_DIR.is_dir() else []


def schema_errors(xml_text: str, schema: Path | None = None) -> list[str] | None:
    """Errors of ``xml_text`` against the IEPD schema; ``None`` when no schema is present
    (the FBI's XSD is not shipped: see the module docstring)."""
    if schema is None:
        candidates = [p for p in schema_files() if p.name.lower().startswith("nibrs")]
        if not candidates:
            return None
        schema = candidates[0]
    from lxml import etree

    xsd = etree.XMLSchema(etree.parse(str(schema)))
    document = etree.fromstring(xml_text.encode("utf-8"))
    if xsd.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in xsd.error_log]
