"""Compile the translation catalogues (.po -> .mo) whenever the package is built.

The .mo files are not in git; without this hook `pip install .` gave a package whose
Spanish interface fell back to English. Babel (pure Python, in build-system.requires)
compiles them, so no GNU gettext is needed on the build host.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def compile_catalogues(root: Path) -> list[Path]:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po_path in sorted(root.glob("src/laborlens/locale/*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as handle:
            # folder names such as zh-hans (victim languages) become zh_hans for Babel
            catalog = read_po(handle, locale=po_path.parts[-3].replace("-", "_"))
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo_path)
    if not written:
        raise SystemExit("no translation catalogues found under src/laborlens/locale")
    return written


class BuildWithTranslations(build_py):
    def run(self) -> None:
        compile_catalogues(Path(__file__).resolve().parent)
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
