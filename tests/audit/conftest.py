"""The case and victim worlds, for the read-audit tests."""

from tests.cases.conftest import media_root  # noqa: F401
from tests.victims.conftest import vw  # noqa: F401
