from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "laborlens.activities"
    label = "activities"
    verbose_name = "Activities and agreements"
