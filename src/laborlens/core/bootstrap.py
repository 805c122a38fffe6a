"""Django set up for command-line entry points (app CLIs import it from here, not from the
root ``laborlens.cli``, so no app depends on the command that gathers them)."""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "laborlens.settings")
    import django

    django.setup()
