from pathlib import Path

import laborlens.barriers
from tests.activities.i18n import assert_translated


def test_every_string_has_a_spanish_translation():
    assert_translated(Path(laborlens.barriers.__file__).parent)
