"""Timeline lines are shown in the reader's language (issue 17.8): the stored English line is
read back against the messages the services write and written again in Spanish."""

from __future__ import annotations

import re
from pathlib import Path

from django.utils import translation

import laborlens.cases
from laborlens.cases.timeline_text import MESSAGES, in_reader_language


def test_every_message_the_services_write_is_known():
    written = set()
    for module in sorted((Path(laborlens.cases.__file__).parent / "services").glob("*.py")):
        lines = module.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if re.search(r"\bnote\(", line) and "def " not in line:
                written |= set(re.findall(r'_\("((?:[^"\\]|\\.)*)"\)', "\n".join(lines[number:number + 3])))
    assert written, "no timeline message found in the services package"
    assert written <= set(MESSAGES), sorted(written - set(MESSAGES))


def test_a_stored_english_line_reads_in_spanish():
    with translation.override("es"):
        assert in_reader_language("Evidence E-2 linked to the element act.harbors.") == \
            "Prueba E-2 vinculada al elemento Acción: Acoge."
        charge = in_reader_language("Charge recorded: usc18_1592 against S-1.")
        assert "usc18_1592" not in charge and "1592" in charge and charge.startswith("Cargo registrado")
        assert in_reader_language("Operation plan Yard check: Signed off.") == "Plan de operación Yard check: Aprobado."
        assert in_reader_language("Something an officer typed.") == "Something an officer typed."
    with translation.override("en"):
        assert in_reader_language("Evidence E-2 linked to the element act.harbors.") == \
            "Evidence E-2 linked to the element Act: Harbors."
