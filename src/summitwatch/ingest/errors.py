"""The one error type that ingest raises: its message is the one line the user sees."""


class InputError(Exception):
    """Input that cannot be analysed; ``str(err)`` says what is wrong in one line."""
