"""LaborLens's settings plus the ``/floor/`` view (see floor_urls.py)."""

from laborlens.settings import *  # noqa: F403

ROOT_URLCONF = "floor_urls"
