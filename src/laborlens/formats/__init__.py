"""One date format per language (issue 17.8), used by every page through Django's localized
formats (``FORMAT_MODULE_PATH``): English "4 Dec 2026" and "4 Dec 2026, 14:30", Spanish
"4 dic 2026" and "4 dic 2026, 14:30". Templates write ``|date`` or ``|date:"DATETIME_FORMAT"``,
never a pattern of their own; files and APIs keep ISO 8601."""
