"""CLI: ``laborlens activities reminders`` lists agreements in force whose renewal date is
within the horizon (default 60 days) or already past, for every agency. Output names the
agreement, its parties (short names) and the date; nothing about people."""

from __future__ import annotations

import argparse


def cmd_reminders(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from django.utils import timezone

    from laborlens.activities.models import Agreement
    from laborlens.activities.services import due_for_renewal

    today = timezone.localdate()
    due = list(due_for_renewal(Agreement.objects.all(), days=args.days, today=today))
    for agreement in due:
        parties = ", ".join(sorted(agency.short_name for agency in agreement.parties.all()))
        assert agreement.renewal_on is not None  # noqa: S101  (due_for_renewal filters on it)
        left = (agreement.renewal_on - today).days
        when = f"overdue by {-left} days" if left < 0 else f"in {left} days"
        print(f"agreement {agreement.pk}: {agreement.title} [{agreement.kind}] ({parties}) "
              f"renewal due {agreement.renewal_on.isoformat()} ({when})")
    print(f"due: {len(due)} agreements within {args.days} days")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    activities = subparsers.add_parser("activities", help="partner activities and agreements")
    activities_sub = activities.add_subparsers(dest="activities_command", metavar="ACTION", required=True)
    reminders = activities_sub.add_parser("reminders", help="list agreements due for renewal")
    reminders.add_argument("--days", type=int, default=60, choices=range(1, 366), metavar="1-365",
                           help="how far ahead to look for renewal dates (default 60)")
    reminders.set_defaults(func=cmd_reminders)
