"""The Accord app: a title screen, a hot-seat game and a replay viewer, over one `Session`.

The session (or the replay) is injected: the command line opens it, the app drives it. Top-level
views are modes (`title`, `game`, `replay`), each with its own stack of screens, so leaving a game
for the title screen and coming back to another never mixes their screens. Errors a player can
cause arrive as `AccordError`s and become a notice; anything unexpected is logged to a file and
shown as a notice too, because a traceback in front of a class ends the lesson.
"""

import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from game.errors import AccordError, log_internal_error, where_logged
from game.session.naming import DEFAULT_SAVES
from game.tui import guard
from game.tui.screens.notice import NoticeScreen
from game.tui.screens.title import TitleScreen

if TYPE_CHECKING:  # the session layer (the engine, the models) loads with the first game, after the title screen
    from game.session.replay import Replay
    from game.session.session import Session
    from game.tui.screens.new_game import NewGame

Opened = TypeVar("Opened")
MAX_SURPRISES = 5
SURPRISE_WINDOW = 10.0
"""More than MAX_SURPRISES unexpected errors within SURPRISE_WINDOW seconds is an error that comes
back on every frame: the app then exits with one line instead of showing notices for ever."""


class AccordApp(App[None]):
    CSS_PATH = "accord.tcss"
    TITLE = "Accord"
    ENABLE_COMMAND_PALETTE = False
    MODES: ClassVar[dict[str, str | type[Screen[None]]]] = {"title": TitleScreen}  # type: ignore[assignment]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, saves_dir: Path = DEFAULT_SAVES, *, session: "Session | None" = None,
                 replay: "Replay | None" = None) -> None:
        if session is None and replay is None:
            # open on the title screen's mode itself: switching to it from the default mode at start
            # builds a screen for nothing and parses the stylesheet again
            self.DEFAULT_MODE = "title"  # type: ignore[misc]  # read once, by App.__init__
        guard.install()
        super().__init__()
        self.saves_dir = Path(saves_dir)
        self.session = session
        self._replay = replay
        self._surprises: deque[float] = deque(maxlen=MAX_SURPRISES + 1)
        """When the last unexpected errors happened (monotonic seconds)."""

    @property
    def turn_seconds(self) -> float | None:
        """A hot-seat team's time at the keyboard, kept with the game's save (`accord play
        --turn-minutes`, or the new-game screen), or None: no timer."""
        return None if self.session is None else self.session.turn_seconds

    shown_first_frame = False
    """Whether the first frame is on screen: a first screen may leave out what can follow it."""

    def on_ready(self) -> None:
        self.shown_first_frame = True
        if isinstance(self.screen, TitleScreen):
            self.call_later(self.screen.add_key_bar)

    def on_mount(self) -> None:
        self.first_screen()

    def first_screen(self) -> None:
        """What the app opens with: the game, the replay, or the title screen."""
        if self.session is not None:
            self.play(self.session)
        elif self._replay is not None:
            self.open_replay(self._replay)
        else:
            self.switch_mode("title")

    # --- top-level views -----------------------------------------------------------------------

    def play(self, session: "Session", resumed: bool = False) -> None:
        """Play `session` at this screen: its table becomes the `game` mode. `resumed`: a save
        continued or loaded from the title screen (`TableScreen.reports_unread`)."""
        from game.tui.screens.table import TableScreen

        self.session = session
        self._install("game", lambda: TableScreen(session, resumed=resumed))
        if session.note:
            self.notice(session.note, title="This save was replayed")
        if session.warning:  # after the table's first screen (a team's handoff), so that it is read first
            warning = session.warning
            self.call_after_refresh(self.notice, warning, title="This save was edited")

    def open_replay(self, replay: "Replay", session: "Session | None" = None) -> None:
        """The replay viewer on `replay`; notes go through `session` when it is the live game."""
        from game.tui.screens.replay import ReplayScreen

        self._install("replay", lambda: ReplayScreen(replay, session))
        if replay.note:
            self.notify(f"This save was {replay.note}", timeout=8)
        if replay.warning and session is None:
            self.notice(replay.warning, title="This save was edited")

    def to_title(self) -> None:
        self.switch_mode("title")

    def _install(self, mode: str, factory: "type[Screen[None]] | object") -> None:
        """Replace `mode` with a fresh base screen and switch to it."""
        if self.current_mode == mode:
            self.switch_mode("title")
        if mode in self._modes:
            self.remove_mode(mode)
        self.add_mode(mode, factory)  # type: ignore[arg-type]
        self.switch_mode(mode)

    # --- opening games -------------------------------------------------------------------------

    def start_new(self, game: "NewGame") -> None:
        """A new session from the new-game form, autosaved in the saves folder from the start."""
        from game.session.session import Session

        try:
            session = Session.new(game.scenario, game.seed, game.seats, self.saves_dir, pin=game.pin,
                                  turn_minutes=game.turn_minutes)
        except AccordError as error:
            self.notice(_one_line(error), title="Cannot start that game")
            return
        except OSError as error:
            self.notice(f"Cannot write in {self.saves_dir}: {error.strerror or error}", title="Cannot start that game")
            return
        self.play(session)

    def load_and_play(self, path: Path) -> None:
        from game.session.session import Session

        session = self._open_save(path, Session.load)
        if session is not None:
            self.play(session, resumed=True)

    def load_replay(self, path: Path) -> None:
        """The replay of a save: a finished game's at once, one in progress only after the
        facilitator's PIN (`game.session.facilitator`), refused with a notice when it has none."""
        from game.net.codes import facilitator_code_check
        from game.session.facilitator import facilitator_key, locked_reason, replay_is_open, why_closed
        from game.session.replay import Replay
        from game.tui.screens.pin import PinScreen

        replay = self._open_save(path, Replay)
        if replay is None:
            return
        document = replay.document
        if replay_is_open(document):
            self.open_replay(replay)
            return
        code = facilitator_code_check(path)
        key = facilitator_key(document, code)
        if key is None:
            self.notice(f"{path}: {locked_reason(document)}.", title="Facilitator only")
        else:
            def opened(unlocked: bool | None) -> None:
                if unlocked:
                    self.open_replay(replay)
                else:
                    self.notify("The replay stays closed.", timeout=4)

            why = why_closed(document)
            self.push_screen(PinScreen(key, f"{why[:1].upper()}{why[1:]}.", hosted=code is not None), opened)

    def _open_save(self, path: Path, opener: Callable[[Path], Opened]) -> Opened | None:
        """What `opener` makes of the save, or None once a notice has said why it cannot."""
        try:
            return opener(path)
        except AccordError as error:
            self.notice(_one_line(error), title="Cannot open that save")
        except OSError as error:
            self.notice(f"{path}: {error.strerror or error}", title="Cannot open that save")
        return None

    # --- notices and help ----------------------------------------------------------------------

    def notice(self, text: str, *, title: str = "Notice", mark: str = "⚠", wide: bool = False) -> None:
        """A readable message in front of whatever is on screen; Enter or Esc closes it."""
        self.push_screen(NoticeScreen(text, title=title, mark=mark, wide=wide))

    def action_help(self) -> None:
        from game.tui.screens.help import HelpScreen  # Markdown loads when help is first asked for

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: logged to a file and shown as a notice; the game goes on, since
        everything submitted is already saved, and the screen's keys keep working (`guard`). When
        errors come faster than anyone could read them, the app exits with one line."""
        self._surprises.append(time.monotonic())
        where = where_logged(log_internal_error(error))
        if len(self._surprises) > MAX_SURPRISES and self._surprises[-1] - self._surprises[0] < SURPRISE_WINDOW:
            self.exit(return_code=1, message=f"accord: internal error: {error!r} ({where}; "
                                             "your game is saved; please report it)")
            return
        try:
            self.notice(f"Something went wrong: {error!r}. Your game is saved ({where}); "
                        "please tell the facilitator.", title="Unexpected error")
        except Exception:  # the screen stack itself is broken: leave cleanly
            self.exit(return_code=1, message=f"accord: internal error: {error!r} ({where})")


def _one_line(error: AccordError) -> str:
    return " ".join(line.removeprefix("accord: error: ") for line in error.lines())
