"""The errors every app's services raise; apps subclass them for their own messages.

Pages show a ``RuleError``'s message to the user and answer a ``ConflictError`` by reloading the
form with the newer version; the API turns both into answers through ``api.exceptions``.
"""

from __future__ import annotations


class ConflictError(Exception):
    """Someone saved a newer version first; nothing was written."""

    def __init__(self, current_version: int | None = None) -> None:
        super().__init__(f"stale edit (now version {current_version})")
        self.current_version = current_version


class RuleError(ValueError):
    """A business rule refused the change; the message is shown to the user."""
