"""What every dialog that composes one order shares: ^s sends, Esc cancels, Enter in a field sends,
and the Send and Cancel buttons; the dialog dismisses with the order, or None."""

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from game.model.actions import Action
from game.tui.orders import Probe
from game.tui.views import SeatView
from game.tui.widgets.line_field import FIELD_MOVES, FieldKeys


class OrderDialog(FieldKeys, ModalScreen[Action | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "send", "Send", key_display="^s"),
        *FIELD_MOVES,
    ]

    def __init__(self, view: SeatView, probe: Probe) -> None:
        super().__init__()
        self.view = view
        self.probe = probe

    def action_send(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_send()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "send":
            self.action_send()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)
