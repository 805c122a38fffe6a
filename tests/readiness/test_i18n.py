from pathlib import Path

import laborlens.readiness
from tests.activities.i18n import assert_translated


def test_every_string_has_a_spanish_translation():
    assert_translated(Path(laborlens.readiness.__file__).parent)
