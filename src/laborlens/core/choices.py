"""Choice lists shared by several apps' models and forms."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# The languages a person speaks (interviews, victim records): each named in itself.
LANGUAGE_CHOICES = [
    ("en", "English"), ("es", "Español"), ("pt", "Português"), ("fr", "Français"),
    ("ht", "Kreyòl ayisyen"), ("zh", "中文"), ("vi", "Tiếng Việt"), ("tl", "Tagalog"),
    ("ko", "한국어"), ("th", "ไทย"), ("ru", "Русский"), ("uk", "Українська"), ("ar", "العربية"),
    ("hi", "हिन्दी"), ("ne", "नेपाली"), ("mam", "Mam"), ("quc", "Kʼicheʼ"), ("qu", "Quechua"),
    ("other", _("Other")),
]
