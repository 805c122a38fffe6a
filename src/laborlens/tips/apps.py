from django.apps import AppConfig


class TipsConfig(AppConfig):
    name = "laborlens.tips"
    label = "tips"
    verbose_name = "Tips"
