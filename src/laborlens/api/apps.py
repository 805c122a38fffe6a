from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "laborlens.api"
    label = "api"
    verbose_name = "REST API"

    def ready(self) -> None:
        from laborlens.api import tokencache
        from laborlens.api.schema import register_schema_extensions

        register_schema_extensions()
        tokencache.connect()
