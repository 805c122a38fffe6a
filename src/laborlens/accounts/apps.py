from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "laborlens.accounts"
    label = "accounts"
    verbose_name = "Agencies and people"

    def ready(self) -> None:
        from laborlens.accounts import signals  # noqa: F401  (connects login signals)
