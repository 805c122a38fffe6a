"""The area picker: a state and, optionally, some of its counties (GET, bookmarkable)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from laborlens.threat import geo
from laborlens.threat.models import ThreatUpload
from laborlens.threat.uploads import MAX_BYTES, SUFFIXES


def state_choices() -> list[tuple[str, str]]:
    return [("", _("Choose a state"))] + [(abbr, name) for _, abbr, name in geo.STATES
                                          if geo.state_map(abbr) is not None]


class AreaForm(forms.Form):
    state = forms.ChoiceField(label=_("State"))
    county = forms.MultipleChoiceField(
        label=_("Counties (none: the whole state)"), required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = state_choices()
        state = geo.state_abbr(self.data.get("state", "")) if self.is_bound else ""
        if not state and self.initial.get("state"):
            state = self.initial["state"]
        counties = geo.counties_of(state) if state else {}
        if self.is_bound and state and hasattr(self.data, "getlist"):
            # Counties of another state (the state was changed on the page): dropped, not an error.
            data = self.data.copy()
            prefix = geo.STATE_FIPS[state]
            data.setlist("county", [code for code in self.data.getlist("county") if code[:2] == prefix])
            self.data = data
        self.fields["county"].choices = sorted(((fips, name) for fips, name in counties.items()),
                                               key=lambda choice: choice[1])


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file is"), choices=ThreatUpload.Kind.choices)
    file = forms.FileField(label=_("File (.xlsx or .csv)"),
                           help_text=_("DOL disclosure files are .xlsx; the FBI UCR and debarment files .csv."))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name or "").suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(_("Only .xlsx and .csv files can be imported."))
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 200 MB."))
        return upload
