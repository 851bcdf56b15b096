"""The one error type of data preparation."""


class DataError(ValueError):
    """Bad data, or data that does not fit the settings; the message says what was expected and what was found."""
