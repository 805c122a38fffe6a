"""The area picker: a state and, optionally, some of its counties (GET, bookmarkable)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from laborlens.threat import geo


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
