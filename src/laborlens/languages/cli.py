"""``laborlens languages``: the victim-language catalogues, out for review and back in.

    laborlens languages list
    laborlens languages export <code> <file>
    laborlens languages import <code> <file> [--reviewed-by NAME]

An import is checked in full first and writes nothing on any error (exit status 1, the
errors on stderr). Every export and import is audited (actor "cli:<operating-system user>").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def _setup() -> None:
    from laborlens.core.bootstrap import setup_django

    setup_django()


def cmd_list(args: argparse.Namespace) -> int:
    from laborlens.core import victim_languages as vl

    for lang in vl.extra_languages():
        translated, total = vl.coverage(lang.code)
        status = vl.status(lang.code)
        review = (f"reviewed by {status.reviewed_by} on {status.reviewed_on}" if status.state == vl.REVIEWED
                  else status.state)
        print(f"{lang.code:8} {lang.name:22} {lang.dir}  {translated:>4}/{total:<4} {review}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    _setup()
    from laborlens.accounts.cli import _actor
    from laborlens.core import victim_languages as vl
    from laborlens.languages.catalogues import export_po

    try:
        text = export_po(args.code, actor_label=_actor())
    except vl.LanguageDataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    Path(args.file).write_text(text, encoding="utf-8")
    translated, total = vl.coverage(args.code)
    print(f"{args.code}: {translated} of {total} messages translated, written to {args.file}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    _setup()
    from laborlens.accounts.cli import _actor
    from laborlens.core import victim_languages as vl
    from laborlens.languages.catalogues import import_po

    path = Path(args.file)
    if not path.is_file() or path.stat().st_size > vl.MAX_PO_BYTES:
        print(f"error: {args.file} is not a file of at most {vl.MAX_PO_BYTES // 1024} KiB", file=sys.stderr)
        return 2
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        print(f"error: {args.file} is not UTF-8 text", file=sys.stderr)
        return 2
    report = import_po(args.code, text, reviewed_by=args.reviewed_by or "", actor_label=_actor())
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not report.ok:
        for error in report.errors:
            print(f"error: {error}", file=sys.stderr)
        print(f"{args.code}: nothing imported ({len(report.errors)} errors)", file=sys.stderr)
        return 1
    state = f"reviewed by {args.reviewed_by}" if args.reviewed_by else vl.MACHINE_DRAFTED
    print(f"{args.code}: {report.translated} of {report.total} messages imported; status {state}")
    return 0


def register(sub: Any) -> None:
    languages = sub.add_parser("languages", help="victim-language translations (.po export and import for review)")
    actions = languages.add_subparsers(dest="languages_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="each language's status and coverage")
    listing.set_defaults(func=cmd_list)
    export = actions.add_parser("export", help="write a language's catalogue as a .po file for review")
    export.add_argument("code")
    export.add_argument("file")
    export.set_defaults(func=cmd_export)
    load = actions.add_parser("import", help="check and install a reviewed .po file (nothing written on error)")
    load.add_argument("code")
    load.add_argument("file")
    load.add_argument("--reviewed-by", default="", metavar="NAME",
                      help="the fluent speaker who reviewed it: marks the language reviewed")
    load.set_defaults(func=cmd_import)
