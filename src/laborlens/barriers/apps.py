from django.apps import AppConfig


class BarriersConfig(AppConfig):
    name = "laborlens.barriers"
    label = "barriers"
    verbose_name = "Barrier map"
