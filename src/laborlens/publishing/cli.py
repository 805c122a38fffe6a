"""``laborlens release request|preview|approve|reject|publish|list|show|download|reproduce|ledger``:
the release workflow of the web app on the command line, acting as a named user with that
user's role and agency (``--user``). Same services, rules and audit events as the pages.

``register`` builds the ``laborlens release`` command: the pure anonymisation actions
(``anonymity.cli.add_actions``: kanon, verify, dp-table, synth, budget) and these workflow
actions, so the import runs from the app to the pure package; Django is set up only when
one of the workflow actions runs. Exit codes: 0 done, 1 refused, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_ERROR = 0, 1, 2


def register(subparsers: Any) -> argparse.ArgumentParser:
    """``laborlens release``: the pure anonymisation actions plus this workflow."""
    from laborlens.anonymity import cli as anonymity_cli

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "release", help="de-identified releases: k-anonymity, DP tables, DP synthetic data, and their workflow"
    )
    actions = parser.add_subparsers(dest="release_action", required=True, metavar="ACTION")
    anonymity_cli.add_actions(actions)
    add_actions(actions)
    return parser


def add_actions(actions: Any) -> None:
    def user_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--user", required=True, help="act as this user (their role and agency apply)")

    p = actions.add_parser("request", help="workflow: request a release of your agency's data")
    user_arg(p)
    p.add_argument("--title", required=True)
    p.add_argument("--purpose", default="")
    p.add_argument("--dataset", required=True, choices=["cases", "victims", "ctdc"])
    p.add_argument("--method", required=True, choices=["kanon", "dp_table", "dp_synth"])
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="k=11, quasi_identifiers=a,b, by=a,b, columns=a,b, epsilon=1, delta=0, "
                        "suppress_below=11, years=2015:2018 (repeatable)")
    p.set_defaults(func=_run(cmd_request))
    for name, help_text, func in (("preview", "workflow: preview utility and who is counted", cmd_preview),
                                  ("approve", "workflow: approve a previewed release (supervisor)", cmd_approve),
                                  ("reject", "workflow: reject a release (supervisor)", cmd_reject),
                                  ("publish", "workflow: charge the ledger and produce the output", cmd_publish),
                                  ("show", "workflow: show one release", cmd_show),
                                  ("reproduce", "workflow: re-run a release from its seed and compare", cmd_reproduce)):
        p = actions.add_parser(name, help=help_text)
        user_arg(p)
        p.add_argument("release", type=int, help="release id")
        if name in {"approve", "reject"}:
            p.add_argument("--note", default="")
        p.set_defaults(func=_run(func))
    p = actions.add_parser("download", help="workflow: write a released file (audited)")
    user_arg(p)
    p.add_argument("release", type=int)
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=_run(cmd_download))
    p = actions.add_parser("list", help="workflow: releases of your agency")
    user_arg(p)
    p.set_defaults(func=_run(cmd_list))
    p = actions.add_parser("ledger", help="workflow: declare (supervisor) or show the database privacy budgets")
    user_arg(p)
    p.add_argument("--dataset", choices=["cases", "victims", "ctdc"])
    p.add_argument("--epsilon", type=float)
    p.add_argument("--delta", type=float, default=0.0)
    p.set_defaults(func=_run(cmd_ledger))


def _run(func: Any) -> Any:
    def run(args: argparse.Namespace) -> int:
        from laborlens.core.bootstrap import setup_django

        setup_django()
        from django.core.exceptions import PermissionDenied

        from laborlens.accounts.models import User
        from laborlens.publishing.services import WorkflowError

        user = User.objects.filter(username__iexact=args.user, is_active=True).select_related("agency").first()
        if user is None:
            return _fail(f"no active user {args.user!r}", EXIT_ERROR)
        try:
            return int(func(args, user))
        except PermissionDenied as exc:
            return _fail(str(exc) or "not allowed", EXIT_REFUSED)
        except WorkflowError as exc:
            return _fail(str(exc), EXIT_REFUSED)
        except ValueError as exc:
            return _fail(str(exc), EXIT_ERROR)

    run.__name__ = func.__name__
    return run


def _fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _release(user: Any, pk: int, action: str = "view") -> Any:
    from laborlens.publishing.models import Release

    release = Release.objects.restrict(user, action).filter(pk=pk).first()
    if release is None:
        raise ValueError(f"no release {pk} that you may {action}")
    return release


def _parse_param(text: str) -> tuple[str, Any]:
    if "=" not in text:
        raise ValueError(f"--param {text!r}: expected KEY=VALUE")
    key, value = (part.strip() for part in text.split("=", 1))
    if key in {"k", "suppress_below", "reporting_length"}:
        return key, int(value)
    if key in {"epsilon", "delta", "max_suppression"}:
        return key, float(value)
    if key in {"quasi_identifiers", "by", "columns"}:
        return key, [v.strip() for v in value.split(",") if v.strip()]
    return key, value


def _summary(release: Any) -> dict[str, Any]:
    return {"id": release.pk, "title": release.title, "dataset": release.dataset, "method": release.method,
            "status": release.status, "seed": release.seed, "parameters": release.parameters,
            "requested_by": release.requested_by.username,
            "approved_by": release.approved_by.username if release.approved_by else None,
            "selection": release.selection, "output_rows": release.output_rows,
            "output_sha256": release.output_sha256 or None}


def _print(data: Any) -> None:
    print(json.dumps(data, indent=2, default=str))


def cmd_request(args: argparse.Namespace, user: Any) -> int:
    from laborlens.publishing import services

    params = dict(_parse_param(item) for item in args.param)
    release = services.request_release(by=user, title=args.title, purpose=args.purpose, dataset=args.dataset,
                                       method=args.method, parameters=params)
    _print(_summary(release))
    return EXIT_OK


def cmd_preview(args: argparse.Namespace, user: Any) -> int:
    from laborlens.publishing import services

    release = services.preview_release(_release(user, args.release, "prepare"), by=user)
    _print({**_summary(release), "preview": release.preview})
    return EXIT_OK


def cmd_approve(args: argparse.Namespace, user: Any) -> int:
    from laborlens.publishing import services

    _print(_summary(services.approve_release(_release(user, args.release, "approve"), by=user, note=args.note)))
    return EXIT_OK


def cmd_reject(args: argparse.Namespace, user: Any) -> int:
    from laborlens.publishing import services

    _print(_summary(services.reject_release(_release(user, args.release, "approve"), by=user, note=args.note)))
    return EXIT_OK


def cmd_publish(args: argparse.Namespace, user: Any) -> int:
    from laborlens.publishing import services

    _print(_summary(services.publish_release(_release(user, args.release, "publish"), by=user)))
    return EXIT_OK


def cmd_show(args: argparse.Namespace, user: Any) -> int:
    from laborlens.publishing import services

    release = _release(user, args.release)
    services.read_release(user, release, via="cli")
    _print({**_summary(release), "preview": release.preview})
    return EXIT_OK


def cmd_reproduce(args: argparse.Namespace, user: Any) -> int:
    from laborlens.publishing import services

    same, digest = services.reproduce(_release(user, args.release), by=user)
    print(f"{'identical' if same else 'DIFFERENT'}: sha256 {digest}")
    return EXIT_OK if same else EXIT_REFUSED


def cmd_download(args: argparse.Namespace, user: Any) -> int:
    from laborlens.publishing import services

    release = _release(user, args.release)
    data = services.download(release, by=user, via="cli")
    args.out.write_bytes(data)
    print(f"wrote {release.output_rows} rows to {args.out} (sha256 {release.output_sha256})", file=sys.stderr)
    return EXIT_OK


def cmd_list(args: argparse.Namespace, user: Any) -> int:
    from laborlens.publishing import services
    from laborlens.publishing.models import Release

    if not user.can("releases"):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Your role does not allow releases")
    releases = Release.objects.restrict(user, "view").select_related("requested_by")[:200]
    for release in releases:
        print(f"{release.pk:>5}  {release.status:<9}  {release.dataset:<7}  {release.method:<8}  "
              f"{release.requested_by.username:<15}  {release.title}")
    services.list_releases(user, page=1, via="cli")  # the first 200
    return EXIT_OK


def cmd_ledger(args: argparse.Namespace, user: Any) -> int:
    from laborlens.publishing import services

    if args.epsilon is not None:
        if not args.dataset:
            raise ValueError("--dataset is needed to declare a budget")
        services.set_budget(by=user, dataset=args.dataset, epsilon=args.epsilon, delta=args.delta)
    if not user.can("releases"):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Your role does not allow releases")
    _print(services.budgets_for(user))
    return EXIT_OK
