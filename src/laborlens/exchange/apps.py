from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "laborlens.exchange"
    label = "exchange"
    verbose_name = "Data exchange (HTCDS, NIBRS)"
