"""CLI: ``laborlens keys rotate`` (re-encrypt every encrypted field and attachment with the
first key; ``--reindex`` recomputes every blind index after BLIND_INDEX_KEY changed) and
``laborlens keys reindex`` (only the blind indexes, e.g. after
new key kinds were added) and ``laborlens cases purge-overdue`` (28 CFR 23 intelligence records past their review date).
"""

from __future__ import annotations

import argparse
import sys


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.cases.rotation import reindex, rotate
    from laborlens.core.crypto import DecryptionError

    try:
        counts = rotate()
        for label, count in counts.items():
            print(f"  {label}: {count:,} re-encrypted")
        print(f"field keys rotated: {sum(counts.values()):,} values now under the first key")
        if args.reindex:
            print(f"blind indexes rebuilt: {reindex():,} keys")
    except DecryptionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def cmd_keys_reindex(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.cases.rotation import reindex

    print(f"blind indexes rebuilt: {reindex(deconflict=args.deconflict):,} keys")
    return 0


def cmd_purge_overdue(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.cases.services import purge_overdue

    print(f"intelligence records purged: {purge_overdue()}")
    return 0


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:
    for action in parser._actions:  # argparse has no public accessor for this
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def register(subparsers: argparse._SubParsersAction) -> None:
    keys_parser = subparsers.choices.get("keys")
    keys_sub = _subparsers(keys_parser) if keys_parser is not None else None
    if keys_sub is None:
        keys_parser = subparsers.add_parser("keys", help="key management")
        keys_sub = keys_parser.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    rotate = keys_sub.add_parser(
        "rotate", help="re-encrypt every encrypted value with the first LABORLENS_FIELD_KEYS key",
        description="Put the new key first in LABORLENS_FIELD_KEYS (new,old), run this, then drop the old key.")
    rotate.add_argument("--reindex", action="store_true",
                        help="also recompute every blind index (after changing LABORLENS_BLIND_INDEX_KEY)")
    rotate.set_defaults(func=cmd_keys_rotate)
    rebuild = keys_sub.add_parser(
        "reindex", help="recompute every person's and entity's blind-index keys (after the key rules change)",
        description="Recomputes the match keys of every stored person and entity with the current rules "
                    "(e.g. the Spanish sound keys) and the current LABORLENS_BLIND_INDEX_KEY; no field is re-encrypted.")
    rebuild.add_argument("--deconflict", action="store_true",
                         help="then send the deconfliction notices the new keys reveal")
    rebuild.set_defaults(func=cmd_keys_reindex)

    cases = subparsers.add_parser("cases", help="case records maintenance")
    cases_sub = cases.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    purge = cases_sub.add_parser("purge-overdue", help="purge intelligence records past their review date")
    purge.set_defaults(func=cmd_purge_overdue)
