from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from laborlens.publishing.models import Dataset, Method

HELP_COLUMNS = _("Tick the columns. Cases: year, exploitation, industry, stage, age group. Victim services: "
                 "year, service status, exploitation, industry, age group. CTDC: the columns starting with a "
                 "capital or “year”, “gender”, “age”, “citizenship”.")

# Named privacy levels for the differential-privacy methods: the epsilon each one spends
# is shown beside its name (smaller is more private and noisier).
PRIVACY_LEVELS = {"strict": 0.5, "standard": 1.0, "loose": 2.0}


# LaborLens's own columns in words; the CTDC columns keep the names CTDC publishes them under.
COLUMN_LABELS = {"year": _("Year"), "exploitation": _("Exploitation"), "industry": _("Industry"),
                 "stage": _("Stage"), "age_group": _("Age group"), "service_status": _("Service status")}


def _column_choices() -> list[tuple[str, str]]:
    from laborlens.publishing import datasets

    seen: dict[str, str] = {}
    for dataset, label in Dataset.choices:
        for column in datasets.info_for(dataset).columns:
            seen.setdefault(column, f"{COLUMN_LABELS.get(column, column)} ({label})")
    return sorted(seen.items(), key=lambda item: item[0].lower())


class ColumnsField(forms.MultipleChoiceField):
    """Columns ticked from a list; a comma-separated value is accepted too (scripts)."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value: object) -> list[str]:
        names = super().to_python(value)
        return [part.strip() for name in names for part in name.split(",") if part.strip()]


def _privacy_choices() -> list[tuple[str, str]]:
    labels = {"strict": _("Strict"), "standard": _("Standard"), "loose": _("Loose")}
    choices = [(key, f"{labels[key]} (ε = {epsilon:g})") for key, epsilon in PRIVACY_LEVELS.items()]
    return [*choices, ("custom", _("Custom epsilon (below)"))]


class ReleaseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(label=_("Purpose"), max_length=500, required=False,
                              help_text=_("Who will receive it and why."))
    dataset = forms.ChoiceField(label=_("Data"), choices=Dataset.choices)
    method = forms.ChoiceField(label=_("Method"), choices=Method.choices, widget=forms.RadioSelect)
    quasi_identifiers = ColumnsField(label=_("Quasi-identifiers (k-anonymity)"), required=False,
                                     help_text=HELP_COLUMNS, choices=_column_choices)
    k = forms.IntegerField(label=_("k (each combination occurs at least k times)"), min_value=2, max_value=1000,
                           initial=11, required=False)
    by = ColumnsField(label=_("Table dimensions (DP table)"), required=False, help_text=HELP_COLUMNS,
                      choices=_column_choices)
    columns = ColumnsField(label=_("Released columns (optional)"), required=False, help_text=HELP_COLUMNS,
                           choices=_column_choices)
    privacy_level = forms.ChoiceField(label=_("Privacy level (DP methods)"), choices=_privacy_choices,
                                      initial="standard", required=False, widget=forms.RadioSelect,
                                      help_text=_("Stricter is more private and noisier; each release spends "
                                                  "its epsilon from the agency's privacy budget."))
    epsilon = forms.FloatField(label=_("Custom epsilon"), min_value=0.01, max_value=10, required=False,
                               help_text=_("Only with “Custom epsilon”. Smaller is more private and noisier."))
    delta = forms.FloatField(label=_("Delta (DP methods)"), min_value=0, max_value=0.001, required=False)
    years = forms.CharField(label=_("Years (FIRST:LAST) for a DP table by year"), max_length=9, required=False)
    suppress_below = forms.IntegerField(label=_("Suppress cells below"), min_value=0, max_value=1000, initial=11,
                                        required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        from laborlens.publishing import datasets

        dataset = data.get("dataset")
        if dataset in Dataset.values:
            allowed = set(datasets.info_for(dataset).columns)
            for key in ("quasi_identifiers", "by", "columns"):
                wrong = [name for name in data.get(key) or [] if name not in allowed]
                if wrong:
                    self.add_error(key, _("Not columns of this data: %(names)s.") % {"names": ", ".join(wrong)})
        level = data.get("privacy_level") or ("custom" if data.get("epsilon") is not None else "standard")
        if level in PRIVACY_LEVELS:
            data["epsilon"] = PRIVACY_LEVELS[level]
        elif data.get("epsilon") is None and data.get("method") != Method.KANON:
            self.add_error("epsilon", _("Give an epsilon, or choose a named privacy level."))
        return data

    def parameters(self) -> dict[str, object]:
        data = self.cleaned_data
        params: dict[str, object] = {}
        for key in ("quasi_identifiers", "by", "columns"):
            if data.get(key):
                params[key] = ",".join(data[key])
        if data.get("years"):
            params["years"] = data["years"]
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
