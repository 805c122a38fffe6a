"""`pip install .` gives a package with compiled translations (issue 16, item 5).

Builds a wheel from a copy of the sources without any .mo file (as a fresh clone has none:
they are not in git) and checks that the compiled Spanish catalogue is inside and usable.
"""

from __future__ import annotations

import gettext
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_contains_compiled_translations(tmp_path):
    source = tmp_path / "src-copy"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src",
                    ignore=shutil.ignore_patterns("*.mo", "__pycache__", "*.egg-info"))
    assert not list(source.rglob("*.mo"))
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("laborlens-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "laborlens/locale/es/LC_MESSAGES/django.po" in names
        assert "laborlens/locale/es/LC_MESSAGES/django.mo" in names
        catalogue = gettext.GNUTranslations(
            io.BytesIO(archive.read("laborlens/locale/es/LC_MESSAGES/django.mo")))
    assert catalogue.gettext("English") != "English" or catalogue.gettext("agency") != "agency"
    assert len(catalogue._catalog) > 100  # noqa: SLF001 - the whole catalogue, not a stub
