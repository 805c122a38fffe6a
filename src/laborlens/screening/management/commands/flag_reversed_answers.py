"""`laborlens manage flag_reversed_answers`: mark stored screenings whose answers were given
under a question whose "yes" did not mean the indicator (catalogue before 2026.12.0).

Nothing is changed but the review list: the officer re-asks the question and answers again.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from laborlens.screening.services import flag_reversed_answers


class Command(BaseCommand):
    help = "Mark screenings answered under a reversed question for review (answers are not changed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="report only; mark nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        report = flag_reversed_answers(dry_run=options["dry_run"])
        verb = "would mark" if report["dry_run"] else "marked"
        self.stdout.write(f"{verb} {report['answers']} answer(s) in {report['screenings']} screening(s) for review")
        for pk, items in report["marked"].items():
            self.stdout.write(f"  screening {pk}: {', '.join(items)}")
