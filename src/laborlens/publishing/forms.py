from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from laborlens.publishing.models import Dataset, Method

HELP_COLUMNS = _("Comma-separated column names. Cases and victims: year, exploitation, industry, stage, "
                 "service_status, age_group. CTDC: yearOfRegistration, gender, ageCategories, citizenship, "
                 "citizenshipRegion, ExploitType, Labor_Type, …")


class ReleaseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(label=_("Purpose"), max_length=500, required=False,
                              help_text=_("Who will receive it and why."))
    dataset = forms.ChoiceField(label=_("Data"), choices=Dataset.choices)
    method = forms.ChoiceField(label=_("Method"), choices=Method.choices, widget=forms.RadioSelect)
    quasi_identifiers = forms.CharField(label=_("Quasi-identifiers (k-anonymity)"), required=False,
                                        help_text=HELP_COLUMNS)
    k = forms.IntegerField(label=_("k (each combination occurs at least k times)"), min_value=2, max_value=1000,
                           initial=11, required=False)
    by = forms.CharField(label=_("Table dimensions (DP table)"), required=False, help_text=HELP_COLUMNS)
    columns = forms.CharField(label=_("Released columns (optional)"), required=False, help_text=HELP_COLUMNS)
    epsilon = forms.FloatField(label=_("Epsilon (DP methods)"), min_value=0.01, max_value=10, required=False,
                               help_text=_("Smaller is more private and noisier."))
    delta = forms.FloatField(label=_("Delta (DP methods)"), min_value=0, max_value=0.001, required=False)
    years = forms.CharField(label=_("Years (FIRST:LAST) for a DP table by year"), max_length=9, required=False)
    suppress_below = forms.IntegerField(label=_("Suppress cells below"), min_value=0, max_value=1000, initial=11,
                                        required=False)

    def parameters(self) -> dict[str, object]:
        data = self.cleaned_data
        params: dict[str, object] = {}
        for key in ("quasi_identifiers", "by", "columns", "years"):
            if data.get(key):
                params[key] = data[key]
        for key in ("k", "epsilon", "delta", "suppress_below"):
            if data.get(key) is not None:
                params[key] = data[key]
        method = data.get("method")
        if method != Method.KANON:
            params.pop("k", None)
            params.pop("quasi_identifiers", None)
        if method != Method.DP_TABLE:
            params.pop("by", None)
            params.pop("suppress_below", None)
            params.pop("years", None)
        if method == Method.KANON:
            params.pop("epsilon", None)
            params.pop("delta", None)
        return params


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class BudgetForm(forms.Form):
    dataset = forms.ChoiceField(label=_("Data"), choices=Dataset.choices)
    epsilon = forms.FloatField(label=_("Total epsilon"), min_value=0, max_value=100)
    delta = forms.FloatField(label=_("Total delta"), min_value=0, max_value=0.01, initial=0)
