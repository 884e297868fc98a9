"""`accord join`: a team's screens, or the facilitator's console, fed by a host across the network.

The app is the hot seat's app (its notices, help and error handling) with another base screen: the
team's desk (`DeskScreen`) for a team's code, the console (`ConsoleScreen`) for the facilitator's.
Without a code it asks for one first, which is how a browser joins through textual-serve.
"""

from pathlib import Path

from game.errors import AccordError
from game.net.client import RemoteFacilitator, RemoteTable, connect
from game.tui.app import AccordApp


class JoinApp(AccordApp):
    def __init__(self, address: str, remote: RemoteTable | RemoteFacilitator | None = None,
                 ca: str | None = None) -> None:
        super().__init__(Path("saves"))
        self.address = address
        self.remote = remote
        self.ca = ca
        """The certificate to trust for an https:// host (`accord join --ca`)."""

    def first_screen(self) -> None:
        """The team's desk or the console, once there is a code that opens one."""
        if self.remote is not None:
            self.open(self.remote)
        else:
            self.ask_code()

    def ask_code(self, reason: str | None = None) -> None:
        from game.tui.screens.code import CodeScreen

        screen = CodeScreen(self.address)
        self.push_screen(screen, self.try_code)
        if reason:
            self.call_after_refresh(screen.refused, reason)

    def try_code(self, code: str | None) -> None:
        if not code:
            self.exit()
            return
        try:
            remote = connect(self.address, code, self.ca)
        except AccordError as error:
            self.ask_code(" ".join(line.removeprefix("accord: error: ") for line in error.lines()))
            return
        self.open(remote)

    def open(self, remote: RemoteTable | RemoteFacilitator) -> None:
        from game.tui.screens.console import ConsoleScreen
        from game.tui.screens.desk import DeskScreen

        self.remote = remote
        if isinstance(remote, RemoteFacilitator):
            self._install("desk", lambda: ConsoleScreen(remote))
        else:
            self._install("desk", lambda: DeskScreen(remote))

    async def on_unmount(self) -> None:
        if self.remote is not None:
            self.remote.close()
