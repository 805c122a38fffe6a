"""CLI: ``laborlens exchange htcds-export --agency X --user U --format csv|json OUT``,
``laborlens exchange htcds-import FILE --agency X --user U``,
``laborlens exchange nibrs --agency X --user U OUT`` (OUT.json, or a folder of CSVs with
``--format csv``) and ``laborlens exchange htcds-fields CSV`` (regenerate the field list).

The exports run as a named user, with that user's scope and permission
(``cases.supervise``), exactly as on the web page; ``--agency`` must be the user's agency
(a guard against exporting the wrong agency's data by a typo). Every run is audited.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _user(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from laborlens.accounts.models import User

    user = User.objects.select_related("agency").filter(username=args.user, is_active=True).first()
    if user is None:
        raise SystemExit(f"error: no active user {args.user!r}")
    if args.agency not in {user.agency.short_name, str(user.agency_id)}:
        raise SystemExit(f"error: {args.user} does not belong to agency {args.agency!r} "
                         f"(their agency is {user.agency.short_name})")
    return user


def cmd_htcds_export(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.exchange import services

    try:
        text = services.export_htcds(_user(args), args.format, via="cli")
    except services.ExchangeRefused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def cmd_htcds_import(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.exchange import htcds, services

    path = Path(args.file)
    fmt = args.format or ("json" if path.suffix.lower() == ".json" else "csv")
    try:
        report = services.import_htcds(path.read_text(encoding="utf-8-sig"), fmt, user=_user(args), via="cli")
    except services.ExchangeRefused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    except htcds.FileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for problem in report.file_problems:
        print(f"rejected file: {problem}", file=sys.stderr)
    for problem in report.rejected:
        print(f"rejected {problem}", file=sys.stderr)
    print(f"rows read: {report.rows}; cases created: {report.cases_created}; people created: "
          f"{report.people_created}; rows rejected: {report.rejected_rows}")
    for number in report.case_numbers:
        print(f"  created case {number}")
    return 1 if report.rejected or report.file_problems else 0


def cmd_nibrs(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from django.utils import timezone

    from laborlens.exchange import nibrs, nibrs_xml, services

    try:
        extract = services.export_nibrs(_user(args), via="cli")
    except services.ExchangeRefused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    except services.NibrsRefused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        if refusal.extract is not None:
            for case, problems in refusal.extract.problems_by_case.items():
                print(f"  {case}:", file=sys.stderr)
                for problem in problems:
                    print(f"    {problem.segment} {problem.row}, data element {problem.element}: {problem.message}",
                          file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    out = Path(args.out)
    if args.format == "csv":
        out.mkdir(parents=True, exist_ok=True)
        for name, text in nibrs.to_csv(extract).items():
            (out / name).write_text(text, encoding="utf-8")
    elif args.format == "xml":
        out.write_text(nibrs_xml.to_xml(extract, timezone.localtime()), encoding="utf-8")
    else:
        out.write_text(nibrs.to_json(extract), encoding="utf-8")
    print(f"incidents: {extract.incidents}; not reportable yet: {len(extract.not_reportable)}; wrote {out}")
    if args.format == "xml":
        print("note: the XML follows the NIBRS IEPD element names but is not validated against the FBI XSD "
              "(not shipped; see docs/HTCDS_MAPPING.md)")
    for item in extract.not_reportable:
        print(f"  {item['case']}: {'; '.join(item['lacks'])}")  # type: ignore[arg-type]
    return 0


def cmd_htcds_fields(args: argparse.Namespace) -> int:
    from laborlens.exchange.fields import build_data_file

    data = build_data_file(Path(args.csv).read_text(encoding="utf-8-sig"))
    print(json.dumps(data, indent=1, ensure_ascii=False))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    exchange = subparsers.add_parser("exchange", help="HTCDS 2.0 export/import and the NIBRS extract")
    sub = exchange.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)

    def who(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--agency", required=True, help="the agency's short name (must be the user's)")
        parser.add_argument("--user", required=True, help="the user whose scope and permission apply")

    export = sub.add_parser("htcds-export", help="export the agency's cases as de-identified HTCDS 2.0")
    who(export)
    export.add_argument("--format", choices=["csv", "json"], default="csv")
    export.add_argument("out", help="file to write")
    export.set_defaults(func=cmd_htcds_export)

    imp = sub.add_parser("htcds-import", help="import an HTCDS 2.0 file into the agency; reports rejected rows")
    imp.add_argument("file")
    who(imp)
    imp.add_argument("--format", choices=["csv", "json"], help="default: from the file name")
    imp.set_defaults(func=cmd_htcds_import)

    extract = sub.add_parser("nibrs", help="NIBRS human trafficking extract (64A/64B)")
    who(extract)
    extract.add_argument("--format", choices=["json", "csv", "xml"], default="json",
                         help="json: one file; csv: a folder with one file per segment; xml: after the "
                              "NIBRS IEPD (not validated against the FBI XSD)")
    extract.add_argument("out")
    extract.set_defaults(func=cmd_nibrs)

    fields = sub.add_parser("htcds-fields", help="print the HTCDS field list (JSON) generated from the standard's CSV")
    fields.add_argument("csv")
    fields.set_defaults(func=cmd_htcds_fields)
