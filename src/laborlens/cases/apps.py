from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "laborlens.cases"
    label = "cases"
    verbose_name = "Cases"

    def ready(self) -> None:
        from laborlens.cases import countcache

        countcache.connect()
