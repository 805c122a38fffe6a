"""Victim languages: the data file, the fallback chain, the .po checks, and the review
workflow (export, import, status) through the page and the CLI. Imports write into a
temporary copy of the locale directory, never into the package."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.cli import main
from laborlens.core import victim_languages as vl
from laborlens.languages.catalogues import export_po, import_po

ES_PO = Path(vl.LOCALE_DIR) / "es" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def locale(tmp_path, monkeypatch):
    """A copy of the victim catalogues and an empty status file, where imports may write."""
    target = tmp_path / "locale"
    for lang in vl.extra_languages():
        source = vl.po_path(lang.code)
        vl.po_path(lang.code, target).parent.mkdir(parents=True)
        shutil.copy(source, vl.po_path(lang.code, target))
    monkeypatch.setattr(vl, "LOCALE_DIR", target)
    monkeypatch.setattr(vl, "STATUS_FILE", tmp_path / "status.json")
    return target


def _po(code: str = "vi", **changes: str) -> str:
    messages = dict(vl.translations(code))
    messages.update(changes)
    return vl.render_po(code, messages, vl.Status())


# --- data file ------------------------------------------------------------------------------


def test_ten_languages_beyond_english_and_spanish_each_with_a_source():
    extra = vl.extra_languages()
    assert len(extra) >= 10
    assert [lang.code for lang in vl.languages()[:2]] == ["en", "es"]
    for lang in extra:
        assert lang.sources and all(source in vl.sources() for source in lang.sources)
        assert lang.dir in {"ltr", "rtl"}
    assert vl.get("ar").dir == "rtl"


def test_validation_names_each_problem():
    good = list(vl.languages())
    broken = [*good, vl.Language("vi", "Again", "x", "up", "zz", "other", ("nowhere",))]
    problems = vl.validate(broken, set(vl.sources()))
    assert "duplicate code vi" in problems
    assert any("dir must be" in p for p in problems) and any("unknown fallback zz" in p for p in problems)
    assert any("catalogue must be" in p for p in problems) and any("unknown source nowhere" in p for p in problems)
    assert vl.validate(good, set(vl.sources())) == []


def test_fallback_chain():
    assert vl.fallback_chain("quc") == ["quc", "es", "en"]
    assert vl.fallback_chain("ht") == ["ht", "fr", "en"]
    assert vl.fallback_chain("vi") == ["vi", "en"]
    assert vl.fallback_chain("en") == ["en"]


def test_page_messages_are_still_msgids_of_the_interface():
    """A page string renamed in a template without updating PAGE_MESSAGES would silently
    fall back to English: every one must still be a msgid of the main catalogue."""
    from babel.messages.pofile import read_po

    with ES_PO.open("rb") as handle:
        msgids = {message.id for message in read_po(handle)}
    missing = [m for messages in vl.PAGE_MESSAGES.values() for m in messages if m not in msgids]
    assert missing == []


def test_every_shipped_catalogue_passes_its_own_checks():
    for lang in vl.extra_languages():
        text = vl.po_path(lang.code).read_text(encoding="utf-8")
        report = vl.check_po(lang.code, text)
        assert report.ok, (lang.code, report.errors)
        assert report.translated == vl.coverage(lang.code)[0]


# --- checks ---------------------------------------------------------------------------------


def test_placeholders_must_survive():
    intro = next(m for m in vl.source_messages() if m.startswith("You are being served by {serving}"))
    report = vl.check_po("vi", _po(**{intro: "Bạn đang được giúp đỡ."}))
    assert not report.ok and "placeholders" in report.errors[0] and "{serving}" in report.errors[0]
    renamed = vl.check_po("vi", _po(**{"Valid from {given} until {expires}": "Từ {start} đến {expires}"}))
    assert not renamed.ok
    markup = vl.check_po("vi", _po(**{"Send the tip": "<script>alert(1)</script>"}))
    assert not markup.ok and "no markup" in markup.errors[0]
    assert vl.placeholders("%(code)s and {who} and %s") == vl.placeholders("{who} %s %(code)s")


def test_broken_unknown_and_wrong_language_files_are_refused():
    assert not vl.check_po("vi", 'msgid "Skip to content"\nmsgstr "x\n').ok  # unterminated string
    duplicate = vl.check_po("vi", _po() + '\nmsgid "Skip to content"\nmsgstr "Bỏ qua"\n')
    assert not duplicate.ok and "duplicate" in duplicate.errors[0]
    unknown = vl.check_po("vi", _po() + '\nmsgid "Not on any page"\nmsgstr "Không"\n')
    assert not unknown.ok and "unknown message" in unknown.errors[0]
    assert not vl.check_po("es", _po()).ok  # Spanish lives in the main catalogue
    assert not vl.check_po("xx", _po()).ok
    assert not vl.check_po("vi", "#" * (vl.MAX_PO_BYTES + 1)).ok


def test_untranslated_messages_are_a_warning_not_an_error():
    report = vl.check_po("quc", vl.po_path("quc").read_text(encoding="utf-8"))
    assert report.ok and report.translated < report.total
    assert "Spanish" not in report.warnings[0] and "es then en" in report.warnings[0]


# --- import and export ----------------------------------------------------------------------


@pytest.mark.django_db
def test_refused_import_writes_nothing_and_is_audited(locale):
    before = vl.po_path("vi").read_bytes()
    report = import_po("vi", _po(**{"Valid from {given} until {expires}": "Từ ngày {given}"}),
                       reviewed_by="Lan Nguyen", actor_label="test")
    assert not report.ok
    assert vl.po_path("vi").read_bytes() == before
    assert not vl.STATUS_FILE.exists()
    assert vl.status("vi").state == vl.MACHINE_DRAFTED
    assert AuditEvent.objects.filter(tag="core:victim_language:import_refused", outcome="failure").count() == 1


@pytest.mark.django_db
def test_import_marks_reviewed_and_takes_effect_at_once(locale):
    report = import_po("vi", _po(**{"Send the tip": "Gửi báo cáo ngay"}), reviewed_by="  Lan   Nguyen ",
                       actor_label="test")
    assert report.ok
    assert vl.translations("vi")["Send the tip"] == "Gửi báo cáo ngay"
    status = vl.status("vi")
    assert status.state == vl.REVIEWED and status.reviewed_by == "Lan Nguyen" and status.reviewed_on
    event = AuditEvent.objects.get(tag="core:victim_language:import")
    assert event.detail["reviewed_by"] == "Lan Nguyen" and event.detail["status"] == "reviewed"
    # Re-importing without a reviewer makes it a draft again.
    assert import_po("vi", _po(), actor_label="test").ok
    assert vl.status("vi").state == vl.MACHINE_DRAFTED


@pytest.mark.django_db
def test_export_round_trips(locale):
    text = export_po("tl", actor_label="test")
    assert 'Language: tl' in text and "#. tip form" in text
    assert vl.parse_po(text) == vl.translations("tl")
    assert AuditEvent.objects.filter(tag="core:victim_language:export").count() == 1


@pytest.mark.django_db
def test_cli_export_and_import(locale, tmp_path, capsys):
    out = tmp_path / "th.po"
    assert main(["languages", "export", "th", str(out)]) == 0
    text = out.read_text(encoding="utf-8").replace('msgstr "ขอบคุณ"', 'msgstr "ขอบคุณมาก"')
    out.write_text(text, encoding="utf-8")
    assert main(["languages", "import", "th", str(out), "--reviewed-by", "Somchai P."]) == 0
    assert vl.translations("th")["Thank you"] == "ขอบคุณมาก" and vl.status("th").state == vl.REVIEWED
    broken = tmp_path / "broken.po"
    broken.write_text(text.replace("{serving}", "{servicio}"), encoding="utf-8")
    before = vl.po_path("th").read_bytes()
    assert main(["languages", "import", "th", str(broken)]) == 1
    assert "nothing imported" in capsys.readouterr().err
    assert vl.po_path("th").read_bytes() == before and vl.status("th").state == vl.REVIEWED


# --- the administrators' page ---------------------------------------------------------------


@pytest.mark.django_db
def test_page_shows_status_and_coverage_to_administrators_only(world, login, locale):
    page = login(world.admin).get(reverse("languages:victim_languages"))
    assert page.status_code == 200
    body = page.content.decode()
    assert 'data-testid="status-vi"' in body and "Machine-drafted, not reviewed" in body
    assert "6 / 134" in body or f"{vl.coverage('quc')[0]} / {vl.coverage('quc')[1]}" in body
    assert "American Community Survey" in body
    assert login(world.officer).get(reverse("languages:victim_languages")).status_code == 403
    download = login(world.admin).get(reverse("languages:victim_language_export", args=["ar"]))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert login(world.admin).get(reverse("languages:victim_language_export", args=["es"])).status_code == 404


@pytest.mark.django_db
def test_page_import_reports_errors_and_accepts_a_good_file(world, login, locale):
    url = reverse("languages:victim_language_import")
    admin = login(world.admin)
    bad = _po("ko", **{"Valid from {given} until {expires}": "유효"})
    before = vl.po_path("ko").read_bytes()
    response = admin.post(url, {"language": "ko", "file": SimpleUploadedFile("ko.po", bad.encode()),
                                "reviewed_by": "Min-ji"})
    assert response.status_code == 400 and 'data-testid="import-errors"' in response.content.decode()
    assert vl.po_path("ko").read_bytes() == before and vl.status("ko").state == vl.MACHINE_DRAFTED
    good = _po("ko")
    response = admin.post(url, {"language": "ko", "file": SimpleUploadedFile("ko.po", good.encode()),
                                "reviewed_by": "Min-ji Kim"})
    assert response.status_code == 302 and vl.status("ko").reviewed_by == "Min-ji Kim"
    # An administrator of another agency (not the tip line's host) may read, not import.
    other = login(world.outsider_admin)
    assert other.get(reverse("languages:victim_languages")).status_code == 200
    refused = other.post(url, {"language": "ko", "file": SimpleUploadedFile("ko.po", good.encode())})
    assert refused.status_code == 403
    assert admin.post(url, {"language": "es", "file": SimpleUploadedFile("es.po", good.encode())}).status_code == 404
