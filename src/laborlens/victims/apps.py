from django.apps import AppConfig


class VictimsConfig(AppConfig):
    name = "laborlens.victims"
    label = "victims"
    verbose_name = "Victim services"
