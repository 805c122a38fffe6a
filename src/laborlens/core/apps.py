from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "laborlens.core"
    label = "core"
    verbose_name = "LaborLens core"
