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

# Modules that add subcommands; a module that is not there yet is skipped.
PLUGIN_MODULES = [
    "laborlens.accounts.cli",
    "laborlens.screening.cli",
    "laborlens.release.cli",
    "laborlens.extraction.cli",
    "laborlens.cases.cli",
    "laborlens.ops.cli",
    "laborlens.victims.cli",
    "laborlens.threat.cli",
    "laborlens.activities.cli",
    "laborlens.exchange.cli",
    "laborlens.research.cli",
]


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "laborlens.settings")
    import django

    django.setup()


def cmd_manage(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "laborlens.settings")
    execute_from_command_line(["laborlens manage", *args.rest])
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    setup_django()
    from laborlens.audit.events import record_event
    from laborlens.audit.tags import EventTag
    from laborlens.audit.verify import verify_chain

    def progress(count: int) -> None:
        print(f"  checked {count:,} events…", file=sys.stderr)

    result = verify_chain(progress)
    if result.ok:
        print(f"audit chain OK: {result.checked:,} events verified")
        record_event(EventTag.AUDIT_VERIFIED, actor_label="cli", detail={"checked": result.checked})
        return 0
    print(f"audit chain BROKEN at event {result.seq}: {result.problem}", file=sys.stderr)
    print(f"({result.checked:,} events before it verified)", file=sys.stderr)
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

    print(f"LABORLENS_SECRET_KEY={secrets.token_urlsafe(50)}")
    print(f"LABORLENS_FIELD_KEYS={Fernet.generate_key().decode()}")
    print(f"LABORLENS_BLIND_INDEX_KEY={secrets.token_urlsafe(50)}")
    print(f"LABORLENS_AUDIT_KEY={secrets.token_urlsafe(50)}")
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
    verify = audit_sub.add_parser("verify", help="report the first edited, deleted or reordered event")
    verify.set_defaults(func=cmd_audit_verify)

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
