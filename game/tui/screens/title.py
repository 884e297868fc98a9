"""The first screen: start a new game, continue the latest autosave, load or replay a save."""


from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.tui.saves import latest_save
from game.tui.text import escape

if TYPE_CHECKING:
    from game.tui.app import AccordApp

LOGO = """\
 █████╗  ██████╗ ██████╗ ██████╗ ██████╗ ██████╗
██╔══██╗██╔════╝██╔════╝██╔═══██╗██╔══██╗██╔══██╗
███████║██║     ██║     ██║   ██║██████╔╝██║  ██║
██╔══██║██║     ██║     ██║   ██║██╔══██╗██║  ██║
██║  ██║╚██████╗╚██████╗╚██████╔╝██║  ██║██████╔╝
╚═╝  ╚═╝ ╚═════╝ ╚═════╝ ╚═════╝ ╚═╝  ╚═╝╚═════╝"""

TAGLINE = "A classroom game of international cooperation against human trafficking"


class TitleScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "choose('new')", "New game"),
        Binding("c", "choose('continue')", "Continue"),
        Binding("l", "choose('load')", "Load"),
        Binding("r", "choose('replay')", "Replay"),
        Binding("q", "choose('quit')", "Quit"),
    ]

    @property
    def accord(self) -> "AccordApp":
        from game.tui.app import AccordApp

        return cast(AccordApp, self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            yield Static(LOGO, id="logo")
            yield Static(TAGLINE, id="tagline")
            with Center():
                yield OptionList(id="menu")
            yield Static(id="latest")

    def on_mount(self) -> None:
        self.refresh_saves()
        self.query_one("#menu", OptionList).focus()
        if self.accord.shown_first_frame:
            self.call_later(self.add_key_bar)

    async def add_key_bar(self) -> None:
        """The key bar. As the app's first screen it follows the first frame (`AccordApp.on_ready`):
        it costs as much to build as the rest of this screen, and the menu names the same keys, so
        the game is on screen sooner without it."""
        if not self.query(Footer):
            await self.mount(Footer())
            self.refresh_bindings()  # a footer mounted late shows its keys once bindings are announced

    def refresh_saves(self) -> None:
        """Rebuild the menu: 'continue' is offered only when the saves folder has a game."""
        if not self.query("#menu"):
            return  # not composed yet: on_mount will come
        latest = latest_save(self.accord.saves_dir)
        menu = self.query_one("#menu", OptionList)
        highlighted = menu.highlighted
        menu.clear_options()
        menu.add_options([
            Option("n  New game", id="new"),
            Option("c  Continue the latest game" + ("" if latest else " (none yet)"), id="continue",
                   disabled=latest is None),
            Option("l  Load a saved game", id="load"),
            Option("r  Replay a saved game (facilitator)", id="replay"),
            Option("?  Help: the rules in brief", id="help"),
            Option("q  Quit", id="quit"),
        ])
        menu.highlighted = highlighted if highlighted is not None else (1 if latest is not None else 0)
        folder = escape(str(self.accord.saves_dir))
        text = f"Latest save: {escape(latest.name)}" if latest else f"No saved game yet in {folder}/"
        self.query_one("#latest", Static).update(text)

    def on_screen_resume(self) -> None:
        self.refresh_saves()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.action_choose(event.option.id)

    def action_choose(self, choice: str) -> None:
        app = self.accord
        if choice == "new":
            from game.tui.screens.new_game import NewGameScreen

            app.push_screen(NewGameScreen(), self._start)
        elif choice == "continue":
            latest = latest_save(app.saves_dir)
            if latest is None:
                app.notice(f"There is no saved game in {app.saves_dir}/ yet: start a new one.",
                           title="Nothing to continue")
                return
            app.load_and_play(latest)
        elif choice in ("load", "replay"):
            from game.tui.screens.saves import SavePicker

            purpose = "Load a saved game" if choice == "load" else "Replay a saved game"
            opener = app.load_and_play if choice == "load" else app.load_replay
            app.push_screen(SavePicker(app.saves_dir, purpose), lambda path: opener(path) if path else None)
        elif choice == "help":
            app.action_help()
        elif choice == "quit":
            app.exit()

    def _start(self, game: "object | None") -> None:
        from game.tui.screens.new_game import NewGame

        if isinstance(game, NewGame):
            self.accord.start_new(game)



