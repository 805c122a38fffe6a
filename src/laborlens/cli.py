"""The ``laborlens`` command.

Pure commands (screening, catalogue, releases) run without Django; the rest set Django
up first. Each domain module contributes its subcommands through ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from laborlens.core.bootstrap import setup_django

# Modules that add subcommands; a module that is not there yet is skipped.
PLUGIN_MODULES = [
    "laborlens.accounts.cli",
    "laborlens.languages.cli",
    "laborlens.screening.cli",
    "laborlens.publishing.cli",  # the pure release command plus the workflow
    "laborlens.extraction.cli",
    "laborlens.cases.cli",
    "laborlens.ops.cli",
    "laborlens.victims.cli",
    "laborlens.threat.cli",
    "laborlens.activities.cli",
    "laborlens.exchange.cli",
    "laborlens.research.cli",
]


def cmd_manage(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "laborlens.settings")
    execute_from_command_line(["laborlens manage", *args.rest])
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    setup_django()
    from laborlens.audit.events import record_event
    from laborlens.audit.tags import EventTag
    from laborlens.audit.verify import verify_log

    shown = [0]

    def progress(count: int) -> None:
        if count - shown[0] >= 100_000:
            shown[0] = count
            print(f"  checked {count:,} events…", file=sys.stderr)

    result = verify_log(full=args.full, progress=progress)
    since = f" since checkpoint {result.started_at}" if result.started_at else ""
    if not result.ok:
        where = f"event {result.seq}" if result.seq is not None else f"checkpoint {result.checkpoint}"
        print(f"audit log BROKEN at {where}: {result.problem}", file=sys.stderr)
        print(f"({result.checked:,} events before it verified{since})", file=sys.stderr)
        return 1
    last = result.last_checkpoint
    sealed = f"; sealed through checkpoint {last.number} (tree size {last.tree_size:,})" if last else ""
    print(f"audit log OK: {result.checked:,} events verified{since}{sealed}")
    detail: dict[str, object] = {"checked": result.checked, "unsealed": len(result.unsealed)}
    if last is not None:
        detail.update(checkpoint=last.number, root=last.root_hash)
    record_event(EventTag.AUDIT_VERIFIED, actor_label="cli", detail=detail)
    if result.unsealed:
        shown = ", ".join(str(seq) for seq in result.unsealed[:10])
        print(f"WARNING: {len(result.unsealed):,} events older than the sealing bound are not sealed "
              f"(first: {shown}); is `laborlens audit seal --follow` running?", file=sys.stderr)
        return 3
    return 0


def cmd_audit_seal(args: argparse.Namespace) -> int:
    setup_django()
    from laborlens.audit.seal import Sealer, seal_once

    if args.follow:
        Sealer(interval=args.interval).run()
        return 0
    made = seal_once()
    if not made:
        print("nothing to seal")
        return 0
    last = made[-1]
    print(f"sealed into checkpoint {last.number}: tree size {last.tree_size:,}, root {last.root_hash}")
    return 0


def cmd_audit_prove(args: argparse.Namespace) -> int:
    setup_django()
    from laborlens.audit.verify import NotSealedError, prove

    try:
        proof = prove(args.seq)
    except NotSealedError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    checkpoint = proof.checkpoint
    print(f"event {proof.seq}: leaf {proof.index} of {checkpoint.tree_size:,} "
          f"(checkpoint {checkpoint.number}, signed {checkpoint.sealed_at:%Y-%m-%d %H:%M:%S} UTC)")
    print(f"leaf hash: {proof.leaf.hex()}")
    print(f"root hash: {checkpoint.root_hash}")
    print("audit path (RFC 9162 2.1.3):")
    for node in proof.path:
        print(f"  {node.hex()}")
    if proof.verified:
        print("inclusion proof verified against the signed tree head")
        return 0
    reason = "the event's HMAC does not match its fields" if not proof.event_intact else \
        "the path does not lead to the signed root"
    print(f"inclusion proof FAILED: {reason}", file=sys.stderr)
    return 1


def cmd_demo_load(args: argparse.Namespace) -> int:
    setup_django()
    from laborlens.demo import DemoRefused, load_demo, print_logins

    try:
        users = load_demo()
    except DemoRefused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    print_logins(users, url=args.url)
    return 0


def cmd_demo_code(args: argparse.Namespace) -> int:
    setup_django()
    from laborlens.demo import DemoRefused, current_code

    try:
        print(current_code(args.username))
    except DemoRefused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    return 0


def cmd_demo_token(args: argparse.Namespace) -> int:
    """A token for a demo user, so that API tools can be tried (demo mode only)."""
    setup_django()
    from laborlens.accounts.models import User
    from laborlens.api.models import ApiToken
    from laborlens.demo import DemoRefused, require_demo_mode

    try:
        require_demo_mode()
    except DemoRefused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    user = User.objects.filter(username=args.username).first()
    if user is None:
        print(f"error: no user {args.username!r}; run demo-load first", file=sys.stderr)
        return 2
    _, secret = ApiToken.issue(user, "demo token", ["read", "write"], days=1)
    print(secret)
    return 0


def cmd_keys_new(args: argparse.Namespace) -> int:
    import secrets

    from cryptography.fernet import Fernet

    from laborlens.audit.merkle import new_signing_key

    print(f"LABORLENS_SECRET_KEY={secrets.token_urlsafe(50)}")
    print(f"LABORLENS_FIELD_KEYS={Fernet.generate_key().decode()}")
    print(f"LABORLENS_BLIND_INDEX_KEY={secrets.token_urlsafe(50)}")
    print(f"LABORLENS_AUDIT_KEY={secrets.token_urlsafe(50)}")
    print(f"LABORLENS_AUDIT_SIGNING_KEY={new_signing_key()}")
    print(f"LABORLENS_BACKUP_KEY={Fernet.generate_key().decode()}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="laborlens",
        description="LaborLens: identify labor trafficking and respond to it together.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    manage = sub.add_parser("manage", help="run a Django management command (migrate, runserver, …)")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)

    audit = sub.add_parser("audit", help="audit trail tools")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser(
        "verify", help="report the first altered, removed or reordered event, and unsealed old events")
    verify.add_argument("--full", action="store_true",
                        help="check every checkpoint, not only those after the last good verification")
    verify.set_defaults(func=cmd_audit_verify)
    seal = audit_sub.add_parser("seal", help="seal committed events into the signed Merkle log")
    seal.add_argument("--follow", action="store_true", help="keep sealing (run one such process)")
    seal.add_argument("--interval", type=float, default=0.25, help="seconds between passes with --follow")
    seal.set_defaults(func=cmd_audit_seal)
    prove_ = audit_sub.add_parser("prove", help="print and check the inclusion proof of one event")
    prove_.add_argument("seq", type=int, help="the event number")
    prove_.set_defaults(func=cmd_audit_prove)

    demo = sub.add_parser("demo-load", help="load the demo task force (demo mode only)")
    demo.add_argument("--url", default="http://127.0.0.1:8000/")
    demo.set_defaults(func=cmd_demo_load)

    code = sub.add_parser("demo-code", help="print the current one-time code of a demo user")
    code.add_argument("username")
    code.set_defaults(func=cmd_demo_code)

    token = sub.add_parser("demo-token", help="print a one-day API token for a demo user")
    token.add_argument("username")
    token.set_defaults(func=cmd_demo_token)

    keys = sub.add_parser("keys", help="key management")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    new = keys_sub.add_parser("new", help="print a fresh set of secrets for the environment")
    new.set_defaults(func=cmd_keys_new)

    for module_name in PLUGIN_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as missing:
            if missing.name and module_name.startswith(missing.name):
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
