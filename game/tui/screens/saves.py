"""Pick a save: the saves folder newest first, or a path typed in."""

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from game.tui.saves import list_saves
from game.tui.text import escape
from game.tui.widgets.line_field import LineField


class SavePicker(ModalScreen[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back")]

    def __init__(self, folder: Path, purpose: str) -> None:
        super().__init__()
        self.folder = folder
        self.purpose = purpose
        self.entries = list_saves(folder)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(f"[b]{escape(self.purpose)}[/]  (Enter to open, Esc to go back)", classes="dialog-title")
            if self.entries:
                yield OptionList(*[Option(escape(e.label), id=str(i)) for i, e in enumerate(self.entries)],
                                 id="save-list")
            else:
                yield Static(f"No saves in {escape(str(self.folder))}/ yet.", id="save-list-empty")
            yield Static("…or type the path of a save file:")
            yield LineField(placeholder="saves/tutorial-20250101-120000-abcd1234.json", id="save-path", compact=True)

    def on_mount(self) -> None:
        if self.entries:
            self.query_one("#save-list", OptionList).focus()
        else:
            self.query_one("#save-path", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.entries[int(event.option.id)].path)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.dismiss(Path(text).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
