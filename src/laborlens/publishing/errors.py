"""The one error the release workflow shows to people (web, API and command line)."""


class WorkflowError(ValueError):
    """A step that the release's state or the rules do not allow; nothing was changed."""
