"""The Textual app: the title screen, hot-seat play and the facilitator's replay viewer.

`run_app` is what the commands call; everything else is imported lazily by them, so that
`accord validate` and friends never pay for loading Textual.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded with the first game, not before the title screen
    from game.session.replay import Replay
    from game.session.session import Session


def has_terminal() -> bool:
    """Whether the screens can be drawn: both ends of the terminal are a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_app(saves_dir: Path, *, session: "Session | None" = None, replay: "Replay | None" = None) -> int:
    """Run the app until the players quit; the exit code is 0 unless it had to give up."""
    from game.tui.app import AccordApp

    app = AccordApp(saves_dir, session=session, replay=replay)
    app.run()
    return app.return_code or 0
