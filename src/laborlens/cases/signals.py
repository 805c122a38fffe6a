"""Events of ``cases`` that other apps may act on (``notifications`` subscribes in its
``AppConfig.ready``), so ``cases`` imports none of them. Sent inside the transaction of the
change: a receiver's writes commit with it, or not at all, and its errors propagate."""

from django.dispatch import Signal

# A new deconfliction notice: sender=DeconflictionNotice, notice=<DeconflictionNotice>.
deconfliction_match = Signal()
