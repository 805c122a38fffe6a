"""Mail settings from the environment (clear errors naming the variable), and every string
of the notifications app translated into Spanish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.core.test_settings import STRONG, run_django

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "src" / "laborlens" / "notifications"
SHOW = "import django; django.setup(); from django.conf import settings as s; " \
       "print(s.NOTIFICATIONS_ENABLED, s.MAILERS['default']['BACKEND'].rsplit('.', 2)[-2], " \
       "s.MAILERS['default'].get('OPTIONS', {}).get('port'), s.BASE_URL, s.DEFAULT_FROM_EMAIL)"
SMTP = {"LABORLENS_SMTP_HOST": "mail.example.org", "LABORLENS_MAIL_FROM": "laborlens@example.org",
        "LABORLENS_BASE_URL": "https://laborlens.example.org/"}


def test_smtp_from_the_environment():
    result = run_django({**STRONG, **SMTP, "LABORLENS_SMTP_PORT": "2525"}, SHOW)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "smtp", "2525", "https://laborlens.example.org",
                                     "laborlens@example.org"]


def test_without_smtp_production_sends_nothing_and_the_demo_writes_files():
    production = run_django(STRONG, SHOW)
    assert production.stdout.split()[:2] == ["False", "dummy"], production.stderr
    demo = run_django({"LABORLENS_DEMO": "1"}, SHOW)
    assert demo.stdout.split()[:2] == ["True", "filebased"], demo.stderr


@pytest.mark.parametrize(("change", "named"), [
    ({"LABORLENS_MAIL_FROM": ""}, "LABORLENS_MAIL_FROM"),
    ({"LABORLENS_BASE_URL": ""}, "LABORLENS_BASE_URL"),
    ({"LABORLENS_BASE_URL": "http://laborlens.example.org"}, "LABORLENS_BASE_URL"),
    ({"LABORLENS_SMTP_PORT": "smtp"}, "LABORLENS_SMTP_PORT"),
    ({"LABORLENS_SMTP_SECURITY": "maybe"}, "LABORLENS_SMTP_SECURITY"),
    ({"LABORLENS_SMTP_PASSWORD": "secret-without-user"}, "LABORLENS_SMTP_USER"),
])
def test_bad_mail_settings_stop_the_start_naming_the_variable(change, named):
    result = run_django({**STRONG, **SMTP, **change})
    assert result.returncode != 0 and named in result.stderr


def _msgids() -> set[str]:
    ids = {message for _file, _line, message, _comments, _context in extract_from_dir(
        str(APP), method_map=[("**.py", "python")],
        keywords={"_": None, "gettext": None, "gettext_lazy": None})}
    for template in APP.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        ids |= set(re.findall(r"""{% translate ["'](.+?)["'] %}""", text))
        ids |= {re.sub(r"{{ (\w+) }}", r"%(\1)s", block)
                for block in re.findall(r"{% blocktranslate[^%]*%}(.+?){% endblocktranslate %}", text)}
    return {message for message in ids if isinstance(message, str)}


def test_every_string_of_the_app_has_a_spanish_translation():
    with (ROOT / "src/laborlens/locale/es/LC_MESSAGES/django.po").open("rb") as handle:
        catalog = read_po(handle)
    ids = _msgids()
    assert len(ids) > 30
    missing = sorted(message for message in ids if not (catalog.get(message) and catalog.get(message).string))
    assert not missing
