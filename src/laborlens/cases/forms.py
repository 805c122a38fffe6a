"""Input at the edge: explicit fields, bounds and clear messages; nothing else is accepted."""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency, User
from laborlens.cases import elements
from laborlens.cases.models import (
    CRIME_CHOICES,
    VISA_CHOICES,
    AfterActionReport,
    Case,
    CaseMember,
    Charge,
    CustodyEvent,
    Dissemination,
    Entity,
    Evidence,
    Interview,
    NibrsEthnicity,
    NibrsRace,
    NibrsSex,
    OperationPlan,
    Person,
)
from laborlens.catalogue.industries import industry_choices
from laborlens.core.choices import LANGUAGE_CHOICES
from laborlens.core.victim_i18n import ui_lang
from laborlens.matching import normalise

UPLOAD_LIMIT = 20 * 1024 * 1024
TEXT_TYPES = {".txt": "text/plain", ".csv": "text/csv"}
BINARY_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LINES = forms.Textarea(attrs={"rows": 2})


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, **kwargs)


class VersionedForm(forms.Form):
    version = VersionField(required=False)


def lines_field(label: Any, help_text: Any = "") -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=3000, widget=LINES,
                           help_text=help_text or _("One per line."))


class CaseForm(forms.ModelForm):
    industry = forms.ChoiceField(label=_("Industry"), required=False)
    visa_programmes = forms.MultipleChoiceField(label=_("Visa programmes involved"), required=False,
                                                choices=VISA_CHOICES, widget=forms.CheckboxSelectMultiple)
    co_occurring_crimes = forms.MultipleChoiceField(label=_("Co-occurring crimes"), required=False,
                                                    choices=CRIME_CHOICES, widget=forms.CheckboxSelectMultiple)
    version = VersionField(required=False)

    class Meta:
        model = Case
        fields = ["title", "stage", "jurisdiction", "industry", "exploitation", "visa_programmes",
                  "co_occurring_crimes", "summary", "opened_on", "incident_date", "incident_hour"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}), "opened_on": DATE, "incident_date": DATE}
        help_texts = {"summary": _("What is known so far. Put names only under People, never here.")}

    def __init__(self, *args: Any, creating: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [("", _("Not known yet")), *industry_choices(ui_lang())]
        if creating:
            del self.fields["stage"]
            del self.fields["version"]

    def clean_opened_on(self) -> Any:
        value = self.cleaned_data["opened_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The opening date cannot be in the future."))
        return value

    def clean_incident_date(self) -> Any:
        value = self.cleaned_data.get("incident_date")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The incident date cannot be in the future."))
        return value

    def clean_incident_hour(self) -> Any:
        value = self.cleaned_data.get("incident_hour")
        if value is not None and not 0 <= value <= 23:
            raise forms.ValidationError(_("Enter an hour from 0 to 23, or leave it empty."))
        return value


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none())
    role = forms.ChoiceField(label=_("Role on the case"), choices=CaseMember.Role.choices)
    reason = forms.CharField(label=_("Reason (needed for people of another agency)"), required=False,
                             max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates
        self.fields["user"].label_from_instance = lambda user: f"{user.get_full_name() or user.username} · {user.agency.short_name} · {user.role_label}"


class DisseminationForm(forms.Form):
    recipient_agency = forms.ModelChoiceField(label=_("Recipient agency"), queryset=Agency.objects.none())
    what = forms.ChoiceField(label=_("What is shared"), choices=[
        choice for choice in Dissemination.What.choices if choice[0] != Dissemination.What.TEAM])
    report = forms.ModelChoiceField(label=_("After-action report"), required=False,
                                    queryset=AfterActionReport.objects.none())
    reason = forms.CharField(label=_("Reason"), min_length=10, max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Why the recipient needs it (right to know, need to know)."))
    disseminated_on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient_agency"].queryset = Agency.objects.exclude(pk=case.lead_agency_id)
        self.fields["report"].queryset = case.reports.all()

    def clean_disseminated_on(self) -> Any:
        value = self.cleaned_data["disseminated_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value


class PersonForm(VersionedForm):
    """Identifying fields appear only for users who may see this person's identity."""

    IDENTITY_FIELDS = ("full_name", "aliases", "date_of_birth", "phones", "emails", "address",
                       "city", "id_documents", "notes", "justification")

    role = forms.ChoiceField(label=_("Role in the case"), choices=Person.Role.choices)
    pseudonym = forms.CharField(label=_("Pseudonym"), required=False, max_length=40,
                                help_text=_("Shown to anyone who may not see the identity. Leave empty for an automatic one (V-1, S-1, W-1)."))
    full_name = forms.CharField(label=_("Full name"), required=False, max_length=200)
    aliases = lines_field(_("Aliases and other spellings"))
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=DATE)
    phones = lines_field(_("Phone numbers"), _("One per line, with area code; +country code for numbers abroad."))
    emails = lines_field(_("E-mail addresses"))
    address = forms.CharField(label=_("Address"), required=False, max_length=300)
    city = forms.CharField(label=_("City"), required=False, max_length=100)
    id_documents = lines_field(_("Identity documents"), _("One per line, e.g. 'Passport GT 123456'."))
    languages = forms.MultipleChoiceField(label=_("Languages spoken"), required=False,
                                          choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple)
    is_minor = forms.BooleanField(label=_("Minor (under 18)"), required=False)
    age_low = forms.IntegerField(label=_("Age in years, or the youngest estimate"), required=False,
                                 min_value=1, max_value=99,
                                 help_text=_("Leave both ages empty if the age is unknown; 99 means over 98."))
    age_high = forms.IntegerField(label=_("Oldest estimate (for an age range)"), required=False,
                                  min_value=1, max_value=99)
    # Not required: a form posted without them (an older client, the API) records "unknown".
    sex = forms.ChoiceField(label=_("Sex"), choices=NibrsSex.choices, initial=NibrsSex.UNKNOWN, required=False)
    race = forms.ChoiceField(label=_("Race"), choices=NibrsRace.choices, initial=NibrsRace.UNKNOWN, required=False)
    ethnicity = forms.ChoiceField(label=_("Ethnicity"), choices=NibrsEthnicity.choices,
                                  initial=NibrsEthnicity.UNKNOWN, required=False)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))
    intelligence_only = forms.BooleanField(
        label=_("Intelligence subject only (28 CFR Part 23)"), required=False,
        help_text=_("A suspect not (yet) charged. Needs a written reasonable-suspicion justification and a review date at most five years away."))
    justification = forms.CharField(label=_("Reasonable-suspicion justification"), required=False, max_length=3000,
                                    widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text=_("The criminal activity and the facts that support the suspicion. No political, religious or social views."))
    review_due = forms.DateField(label=_("Review date"), required=False, widget=DATE)

    def __init__(self, *args: Any, identity: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.identity = identity
        if not identity:
            for name in self.IDENTITY_FIELDS:
                del self.fields[name]

    @classmethod
    def initial_for(cls, person: Person) -> dict[str, Any]:
        return {
            "role": person.role, "pseudonym": person.pseudonym, "full_name": person.full_name,
            "aliases": "\n".join(person.aliases), "date_of_birth": person.date_of_birth or None,
            "phones": "\n".join(person.phones), "emails": "\n".join(person.emails),
            "address": person.address, "city": person.city, "id_documents": "\n".join(person.id_documents),
            "languages": person.languages, "is_minor": person.is_minor, "notes": person.notes,
            "age_low": person.age_low, "age_high": person.age_high, "sex": person.sex, "race": person.race,
            "ethnicity": person.ethnicity,
            "intelligence_only": person.intelligence_only, "justification": person.justification,
            "review_due": person.review_due, "version": person.version,
        }

    def clean_phones(self) -> list[str]:
        values = []
        for line in normalise.lines(self.cleaned_data["phones"]):
            try:
                values.append(normalise.phone(line))
            except normalise.NormaliseError as error:
                raise forms.ValidationError(str(error)) from None
        return list(dict.fromkeys(values))

    def clean_emails(self) -> list[str]:
        values = []
        for line in normalise.lines(self.cleaned_data["emails"]):
            try:
                values.append(normalise.email(line))
            except normalise.NormaliseError as error:
                raise forms.ValidationError(str(error)) from None
        return list(dict.fromkeys(values))

    def clean_date_of_birth(self) -> Any:
        value = self.cleaned_data["date_of_birth"]
        if value and (value > timezone.localdate() or value.year < 1900):
            raise forms.ValidationError(_("Enter a real date of birth."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        pseudonym = (data.get("pseudonym") or "").strip()
        if pseudonym and self.identity and data.get("full_name"):
            name_words = set(normalise.name_tokens(data["full_name"]))
            if name_words & set(normalise.name_tokens(pseudonym)):
                self.add_error("pseudonym", _("A pseudonym must not contain the person's name."))
        if data.get("intelligence_only") and data.get("role") != Person.Role.SUSPECT:
            self.add_error("intelligence_only", _("Only a suspect can be recorded as an intelligence subject."))
        low, high = data.get("age_low"), data.get("age_high")
        if high is not None and low is None:
            self.add_error("age_low", _("Give the youngest estimate too, or leave both ages empty."))
        elif high is not None and low is not None and high <= low:
            self.add_error("age_high", _("The oldest estimate must be greater than the youngest."))
        return data

    def apply(self, person: Person) -> Person:
        data = self.cleaned_data
        person.role = data["role"]
        if data.get("pseudonym"):
            person.pseudonym = data["pseudonym"].strip()
        person.languages = data["languages"]
        person.is_minor = data["is_minor"]
        person.age_low = data.get("age_low")
        person.age_high = data.get("age_high")
        person.sex = data.get("sex") or NibrsSex.UNKNOWN
        person.race = data.get("race") or NibrsRace.UNKNOWN
        person.ethnicity = data.get("ethnicity") or NibrsEthnicity.UNKNOWN
        person.intelligence_only = data["intelligence_only"]
        person.review_due = data["review_due"]
        if self.identity:
            person.full_name = data["full_name"].strip()
            person.aliases = normalise.lines(data["aliases"])
            person.date_of_birth = data["date_of_birth"].isoformat() if data["date_of_birth"] else ""
            person.phones = data["phones"]
            person.emails = data["emails"]
            person.address = data["address"].strip()
            person.city = data["city"].strip()
            person.id_documents = normalise.lines(data["id_documents"])
            person.notes = data["notes"]
            person.justification = data["justification"]
        return person


class EntityForm(VersionedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=Entity.Kind.choices)
    name = forms.CharField(label=_("Name or label"), max_length=200,
                           help_text=_("Business name; or a label such as 'crew bus' or 'farm housing'."))
    trade_name = forms.CharField(label=_("Trade name"), required=False, max_length=200)
    city = forms.CharField(label=_("City"), required=False, max_length=100)
    addresses = lines_field(_("Addresses"))
    phones = lines_field(_("Phone numbers"), _("One per line, with area code; +country code for numbers abroad."))
    identifiers = lines_field(_("Licence, plate or account numbers"))
    owners = lines_field(_("Owners"))
    notes = forms.CharField(label=_("Notes"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))

    @classmethod
    def initial_for(cls, entity: Entity) -> dict[str, Any]:
        return {"kind": entity.kind, "name": entity.name, "trade_name": entity.trade_name, "city": entity.city,
                "addresses": "\n".join(entity.addresses), "phones": "\n".join(entity.phones),
                "identifiers": "\n".join(entity.identifiers), "owners": "\n".join(entity.owners),
                "notes": entity.notes, "version": entity.version}

    def clean_phones(self) -> list[str]:
        values = []
        for line in normalise.lines(self.cleaned_data["phones"]):
            try:
                values.append(normalise.phone(line))
            except normalise.NormaliseError as error:
                raise forms.ValidationError(str(error)) from None
        return list(dict.fromkeys(values))

    def apply(self, entity: Entity) -> Entity:
        data = self.cleaned_data
        entity.kind, entity.name = data["kind"], data["name"].strip()
        entity.trade_name, entity.city = data["trade_name"].strip(), data["city"].strip()
        entity.addresses = normalise.lines(data["addresses"])
        entity.phones = data["phones"]
        entity.identifiers = normalise.lines(data["identifiers"])
        entity.owners = normalise.lines(data["owners"])
        entity.notes = data["notes"]
        return entity


class EvidenceForm(forms.ModelForm):
    version = VersionField(required=False)

    class Meta:
        model = Evidence
        fields = ["kind", "title", "description", "source", "collected_on"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "collected_on": DATE}
        help_texts = {"description": _("No names here: refer to people by pseudonym (V-1, S-1).")}


def safe_filename(name: str) -> str:
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(char for char in unicodedata.normalize("NFC", base) if unicodedata.category(char)[0] != "C")
    base = base.strip().strip(".") or "file"
    return base[-120:]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG, JPEG, TXT, CSV, DOCX or XLSX; at most 20 MB."))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        name = safe_filename(upload.name)
        extension = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
        data = upload.read()
        if extension in TEXT_TYPES:
            if b"\x00" in data:
                raise forms.ValidationError(_("This text file contains binary data."))
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("Text files must be UTF-8.")) from None
            content_type = TEXT_TYPES[extension]
        elif extension in BINARY_TYPES:
            content_type, signatures = BINARY_TYPES[extension]
            if not any(data.startswith(signature) for signature in signatures):
                raise forms.ValidationError(_("The file's content does not match its type (%(ext)s).") % {"ext": extension})
        else:
            raise forms.ValidationError(_("This type of file is not accepted. Use PDF, PNG, JPEG, TXT, CSV, DOCX or XLSX."))
        self.cleaned_data["data"] = data
        self.cleaned_data["name"] = name
        self.cleaned_data["content_type"] = content_type
        return upload


class CustodyForm(forms.ModelForm):
    class Meta:
        model = CustodyEvent
        fields = ["at", "action", "handler", "location", "notes"]
        widgets = {"at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}

    def clean_at(self) -> Any:
        value = self.cleaned_data["at"]
        if value > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(_("A custody event cannot be in the future."))
        return value


class LinkForm(forms.Form):
    element = forms.ChoiceField(label=_("Legal element this item supports"))
    note = forms.CharField(label=_("How it supports the element"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["element"].choices = [("", "—"), *elements.choices()]

    def clean_element(self) -> str:
        code: str = self.cleaned_data["element"]
        if elements.component(code) is None:
            raise forms.ValidationError(_("Choose an element from the list."))
        return code


class PlanForm(forms.ModelForm):
    version = VersionField(required=False)

    class Meta:
        model = OperationPlan
        fields = ["title", "planned_for", *OperationPlan.QUESTIONS]
        widgets = {"planned_for": DATE, **{name: forms.Textarea(attrs={"rows": 2})
                                           for name in OperationPlan.QUESTIONS if name != "potential_victims"}}


class PlanDecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("submit", "submit"), ("approve", "approve"), ("return", "return")])
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ReportForm(forms.ModelForm):
    version = VersionField(required=False)

    class Meta:
        model = AfterActionReport
        fields = ["title", "operation", *AfterActionReport.SECTIONS]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in AfterActionReport.SECTIONS}

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["operation"].queryset = case.operations.all()
        self.fields["operation"].required = False


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DATE)
    assignee = forms.ModelChoiceField(label=_("Assigned to"), required=False, queryset=User.objects.none())

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.filter(case_memberships__case=case).select_related("agency")


class TimelineNoteForm(forms.Form):
    text = forms.CharField(label=_("What happened"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Refer to people by pseudonym."))
    on = forms.DateField(label=_("On"), required=False, widget=DATE)

    def clean_on(self) -> Any:
        value = self.cleaned_data["on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value


class ReviewForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), choices=[
        ("revalidate", _("Re-validate: the suspicion still stands")),
        ("purge", _("Purge the record"))], widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason"), min_length=10, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    next_review_due = forms.DateField(label=_("Next review date (when re-validating)"), required=False, widget=DATE)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search cases, people and entities"), max_length=200, required=False)


def statute_choices() -> list[tuple[str, str]]:
    return [(item.code, f"{item.citation} · {item.title}") for item in elements.statutes()]


class ChargeForm(forms.Form):
    defendant = forms.ModelChoiceField(label=_("Defendant"), required=False, queryset=Person.objects.none(),
                                       help_text=_("A suspect on this case, by pseudonym."))
    statute = forms.ChoiceField(label=_("Statute"), choices=())
    arrested_on = forms.DateField(label=_("Arrested on"), required=False, widget=DATE)
    charged_on = forms.DateField(label=_("Charged on"), required=False, widget=DATE)
    prosecution_filed_on = forms.DateField(label=_("Prosecution filed on"), required=False, widget=DATE)
    disposition = forms.ChoiceField(label=_("Disposition"), choices=Charge.Disposition.choices,
                                    initial=Charge.Disposition.PENDING)
    disposed_on = forms.DateField(label=_("Disposed on"), required=False, widget=DATE)
    restitution_ordered = forms.DecimalField(label=_("Restitution ordered (USD)"), required=False, min_value=0,
                                             max_digits=12, decimal_places=2)

    def __init__(self, *args: Any, case: Case, people: list[Person] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["statute"].choices = statute_choices()
        self.fields["defendant"].queryset = case.people.filter(role=Person.Role.SUSPECT)
        self.fields["defendant"].label_from_instance = lambda person: person.pseudonym
        if people is not None:  # the page already has them: no extra query to render the menu
            self.fields["defendant"].choices = [("", "---------")] + [
                (p.pk, p.pseudonym) for p in people if p.role == Person.Role.SUSPECT]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        for name in ("arrested_on", "charged_on", "prosecution_filed_on", "disposed_on"):
            value = data.get(name)
            if value and value > today:
                self.add_error(name, _("The date cannot be in the future."))
        if data.get("disposition") and data["disposition"] != Charge.Disposition.PENDING and not data.get("disposed_on"):
            self.add_error("disposed_on", _("Give the date of the disposition."))
        return data


class InterviewForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person interviewed"), queryset=Person.objects.none())
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    kind = forms.ChoiceField(label=_("Kind"), choices=Interview.Kind.choices)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, initial="es")
    interpreter_used = forms.BooleanField(label=_("Interpreter used"), required=False)
    advocate_present = forms.BooleanField(label=_("Victim advocate present"), required=False)

    def __init__(self, *args: Any, case: Case, people: list[Person] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = case.people.filter(role=Person.Role.VICTIM)
        self.fields["person"].label_from_instance = lambda person: person.pseudonym
        if people is not None:
            self.fields["person"].choices = [("", "---------")] + [
                (p.pk, p.pseudonym) for p in people if p.role == Person.Role.VICTIM]

    def clean_held_on(self) -> Any:
        value = self.cleaned_data["held_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value
