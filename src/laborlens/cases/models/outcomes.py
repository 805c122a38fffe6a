"""Outcomes the metrics count: charges from arrest to disposition, and victim interviews held."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.cases.models.case import Case, CaseScoped
from laborlens.cases.models.people import Person
from laborlens.core.bases import VersionedModel
from laborlens.core.choices import LANGUAGE_CHOICES
from laborlens.core.querysets import RestrictedQuerySet


class Charge(CaseScoped, VersionedModel):
    """An outcome record: one charge against one defendant, from arrest to disposition.

    The statute is a code from ``elements.statutes()`` (the catalogue's statutes); it is
    kept as text so that the catalogue can grow without a migration. Counted (never
    named) by the metrics dashboard and the funder report."""

    class Disposition(models.TextChoices):
        PENDING = "pending", _("Pending")
        CONVICTED = "convicted", _("Convicted at trial")
        PLEA = "plea", _("Guilty plea")
        ACQUITTED = "acquitted", _("Acquitted")
        DISMISSED = "dismissed", _("Dismissed")

    CONVICTIONS = (Disposition.CONVICTED, Disposition.PLEA)

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="charges")
    defendant = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="charges",
                                  verbose_name=_("defendant"))
    statute = models.CharField(_("statute"), max_length=40)
    arrested_on = models.DateField(_("arrested on"), null=True, blank=True)
    charged_on = models.DateField(_("charged on"), null=True, blank=True)
    prosecution_filed_on = models.DateField(_("prosecution filed on"), null=True, blank=True)
    disposition = models.CharField(_("disposition"), max_length=10, choices=Disposition.choices,
                                   default=Disposition.PENDING)
    disposed_on = models.DateField(_("disposed on"), null=True, blank=True)
    restitution_ordered = models.DecimalField(_("restitution ordered (USD)"), max_digits=12, decimal_places=2,
                                              null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"charge {self.pk} ({self.statute}) on case {self.case_id}"

    @property
    def statute_label(self) -> str:
        from laborlens.cases.elements import statutes

        for item in statutes():
            if item.code == self.statute:
                return f"{item.citation} · {item.title}"
        return self.statute


class Interview(CaseScoped):
    """A victim interview held (not its content: that is evidence). Counted by metrics."""

    class Kind(models.TextChoices):
        FORENSIC = "forensic", _("Forensic interview")
        FOLLOW_UP = "follow_up", _("Follow-up interview")
        TRIAL_PREP = "trial_prep", _("Trial preparation")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interviews")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="interviews",
                               verbose_name=_("person interviewed"))
    held_on = models.DateField(_("held on"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.FORENSIC)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="es")
    interpreter_used = models.BooleanField(_("interpreter used"), default=False)
    advocate_present = models.BooleanField(_("victim advocate present"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"interview {self.pk} on case {self.case_id}"
