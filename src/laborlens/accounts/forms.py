from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency, User
from laborlens.accounts.roles import role_choices
from laborlens.core.ori import ori_problem


class LoginForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150,
                               widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}))
    password = forms.CharField(label=_("Password"), max_length=1024, strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code",
                                      "pattern": "[0-9 ]*"}),
    )


class ReauthForm(LoginForm, CodeForm):
    username = None  # type: ignore[assignment]


class NewUserForm(forms.ModelForm):
    password = forms.CharField(label=_("Initial password"), strip=False, max_length=1024,
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               help_text=_("At least 12 characters; not a common password."))

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role"]

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        candidate = User(username=self.cleaned_data.get("username", ""),
                         email=self.cleaned_data.get("email", ""))
        password_validation.validate_password(password, candidate)
        return password


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=role_choices)


class PasswordChangeForm(forms.Form):
    new_password = forms.CharField(label=_("New password"), strip=False, max_length=1024,
                                   widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_password(self) -> str:
        password: str = self.cleaned_data["new_password"]
        password_validation.validate_password(password, self.user)
        return password


class AgencyPolicyForm(forms.ModelForm):
    """The agency's data policy, set by its administrator."""

    class Meta:
        model = Agency
        fields = ["allow_statistical_use", "ori"]
        help_texts = {"ori": _("The 9-character originating agency identifier the FBI assigned to the agency "
                               "(state code first). The NIBRS extract is refused without a real one.")}

    def clean_ori(self) -> str:
        value = (self.cleaned_data.get("ori") or "").strip().upper()
        if value and ori_problem(value):
            raise forms.ValidationError(_("Enter the 9-character ORI the FBI assigned to the agency: a state code "
                                          "followed by 7 letters or digits (not a placeholder such as XX0010100)."))
        return value
