"""Choice lists of the case models (stages, kinds of exploitation, visas, crimes, and NIBRS
demographics; the languages are ``core.choices.LANGUAGE_CHOICES``), also read by forms, exports and other apps."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    DISCOVERY = "discovery", _("Discovery")
    SCREENING = "screening", _("Screening")
    INVESTIGATION = "investigation", _("Investigation")
    PROSECUTION = "prosecution", _("Prosecution")
    POST_ADJUDICATION = "post_adjudication", _("Post-adjudication")
    CLOSED = "closed", _("Closed")


STAGE_ORDER = [stage.value for stage in Stage]


class Exploitation(models.TextChoices):
    LABOR = "labor", _("Labor")
    SEX = "sex", _("Sex")
    BOTH = "both", _("Labor and sex")


VISA_CHOICES = [
    ("h2a", _("H-2A (agricultural)")),
    ("h2b", _("H-2B (non-agricultural)")),
    ("j1", _("J-1 (exchange visitor)")),
    ("b2", _("B-2 (tourist; no work allowed)")),
    ("other", _("Other visa")),
    ("none", _("None / U.S. citizen")),
]

CRIME_CHOICES = [
    ("financial", _("Financial crimes")),
    ("drugs", _("Drugs")),
    ("weapons", _("Weapons")),
    ("corruption", _("Corruption")),
    ("organised_crime", _("Organised crime")),
    ("domestic_violence", _("Domestic violence")),
    ("immigration", _("Immigration offences")),
]



class NibrsSex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
    UNKNOWN = "U", _("Unknown")


class NibrsRace(models.TextChoices):
    WHITE = "W", _("White")
    BLACK = "B", _("Black or African American")
    NATIVE = "I", _("American Indian or Alaska Native")
    ASIAN = "A", _("Asian")
    PACIFIC = "P", _("Native Hawaiian or Other Pacific Islander")
    UNKNOWN = "U", _("Unknown")


class NibrsEthnicity(models.TextChoices):
    HISPANIC = "H", _("Hispanic or Latino")
    NOT_HISPANIC = "N", _("Not Hispanic or Latino")
    UNKNOWN = "U", _("Unknown")
