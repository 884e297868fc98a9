"""The error every layer raises for bad input, so the command line can print it as lines."""

import tempfile
import traceback
from pathlib import Path


class AccordError(Exception):
    """A problem the user can fix; `lines()` is what they read, one problem a line."""

    def lines(self) -> list[str]:
        return [f"accord: error: {self}"]


def log_internal_error(error: BaseException) -> Path:
    """Write the traceback of an unexpected error to a file and return its path."""
    path = Path(tempfile.gettempdir()) / "accord-crash.log"
    text = "".join(traceback.format_exception(error))
    try:
        with path.open("a", encoding="utf-8") as log:
            log.write(text + "\n")
    except OSError:
        pass
    return path
