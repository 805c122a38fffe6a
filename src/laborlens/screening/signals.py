"""Events of ``screening`` that other apps may act on (``notifications`` subscribes in its
``AppConfig.ready``), so ``screening`` imports none of them. Sent inside the transaction of
the change: a receiver's writes commit with it, or not at all, and its errors propagate."""

from django.dispatch import Signal

# A screening was sent to a colleague: sender=ScreeningHandoff, handoff=<ScreeningHandoff>, by=<User>.
screening_sent = Signal()
