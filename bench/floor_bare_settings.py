"""The floor with no middleware at all: what a minimal Django view costs under this server."""

from floor_settings import *  # noqa: F403

MIDDLEWARE: list[str] = []
