"""Events of ``victims`` that other apps may act on (``notifications`` subscribes in its
``AppConfig.ready``), so ``victims`` imports none of them. Sent inside the transaction of
the change: a receiver's writes commit with it, or not at all, and its errors propagate."""

from django.dispatch import Signal

# A referral was sent: sender=Referral, referral=<Referral>, by=<User>.
referral_sent = Signal()
# A referral was accepted or declined: sender=Referral, referral=<Referral>, by=<User>.
referral_answered = Signal()
