"""The person form asks NIBRS age (exact or a range), sex, race and ethnicity, with
'unknown' as an honest choice; the case form asks the incident date and hour."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from laborlens.cases.forms import CaseForm, PersonForm
from laborlens.cases.models import Person


def person_form(**data):
    values = {"role": "victim", "version": "", "sex": "U", "race": "U", "ethnicity": "U"}
    values.update(data)
    return PersonForm(values, identity=False)


def test_demographics_with_unknown_as_a_choice():
    form = person_form(age_low="25", age_high="30", sex="F", race="A", ethnicity="N")
    assert form.is_valid(), form.errors
    person = form.apply(Person(role="victim"))
    assert (person.age_low, person.age_high, person.sex, person.race, person.ethnicity) == (25, 30, "F", "A", "N")
    unknown = person_form()
    assert unknown.is_valid(), unknown.errors
    person = unknown.apply(Person(role="victim"))
    assert (person.age_low, person.sex, person.race, person.ethnicity) == (None, "U", "U", "U")
    assert ("U", "Unknown") in PersonForm().fields["race"].choices


def test_bad_ages_and_codes_are_refused():
    assert "age_high" in person_form(age_low="30", age_high="25").errors
    assert "age_low" in person_form(age_high="25").errors
    assert "age_low" in person_form(age_low="0").errors
    assert "sex" in person_form(sex="X").errors


def test_incident_date_and_hour_on_the_case_form():
    base = {"title": "T", "exploitation": "labor", "opened_on": timezone.localdate().isoformat()}
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    form = CaseForm({**base, "incident_date": future, "incident_hour": "24"}, creating=True)
    assert not form.is_valid()
    assert "incident_date" in form.errors and "incident_hour" in form.errors
    form = CaseForm({**base, "incident_date": "2026-01-05", "incident_hour": "0"}, creating=True)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["incident_hour"] == 0
