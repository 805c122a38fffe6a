"""Events of ``publishing`` that other apps may act on (``notifications`` subscribes in its
``AppConfig.ready``), so ``publishing`` imports none of them. Sent inside the transaction of
the change: a receiver's writes commit with it, or not at all, and its errors propagate."""

from django.dispatch import Signal

# A release was previewed and waits for a second person's approval:
# sender=Release, release=<Release>, by=<User>.
release_awaits_approval = Signal()
