"""What goes wrong with a save, as one line that names the file: `PATH: error: reason`."""

from game.errors import AccordError


class SaveError(AccordError):
    """A save that cannot be read, written or trusted; `lines()` is the one line a user reads."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: error: {message}")

    def lines(self) -> list[str]:
        return [f"{self.path}: error: {self.message}"]


class Diverged(SaveError):
    """`verify` re-ran the log and got something else than the save records, from `round` on
    (0 for the opening position)."""

    def __init__(self, path: str, round_no: int, message: str) -> None:
        self.round = round_no
        super().__init__(path, message)


class SessionError(AccordError):
    """A request the session cannot carry out (an unknown seat, a round out of range)."""
