"""CLI: ``laborlens victims reminders`` lists referral follow-ups that are due and relief
deadlines, expiries and renewals within two weeks; ``--send`` marks the referral
follow-ups as reminded (once a day) with an audit event. Output names pseudonyms only."""

from __future__ import annotations

import argparse


def cmd_reminders(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.victims.services import due_reminders, send_reminders

    due = due_reminders(horizon_days=args.days)
    for referral in due["referrals"]:
        print(f"referral {referral.pk}: {referral.victim.pseudonym} -> {referral.partner.name} "
              f"({referral.need}, {referral.status}) follow up {referral.follow_up_on.isoformat()}")
    for relief in due["relief"]:
        when = relief.next_date or relief.expires_on
        print(f"relief {relief.pk}: {relief.victim.pseudonym} {relief.kind} ({relief.status}) due {when}")
    print(f"due: {len(due['referrals'])} referral follow-ups, {len(due['relief'])} relief dates")
    if args.send:
        print(f"reminders sent: {send_reminders()}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    victims = subparsers.add_parser("victims", help="victim services")
    victims_sub = victims.add_subparsers(dest="victims_command", metavar="ACTION", required=True)
    reminders = victims_sub.add_parser("reminders", help="list (and with --send, send) due follow-ups and deadlines")
    reminders.add_argument("--send", action="store_true", help="mark due referral follow-ups as reminded")
    reminders.add_argument("--days", type=int, default=14, choices=range(1, 91), metavar="1-90",
                           help="how far ahead to look for relief deadlines (default 14)")
    reminders.set_defaults(func=cmd_reminders)
