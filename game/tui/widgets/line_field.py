"""A one-line field whose editing keys take effect in the order they were typed.

Textual's `Input` inserts a typed character as the key reaches it, but runs its editing bindings
(Ctrl-A / Home, Ctrl-E / End, Ctrl-K, Ctrl-U, Ctrl-W, Delete, Backspace...) only once the key has
bubbled up to the app and come back down the focus chain: by then the characters typed behind it
are in the field. A fast 'Ctrl-A Ctrl-K 7.8' over '2.5' went: Home ran at once, Ctrl-K waited, '7'
made '72.5', the '.' of '7.2.5' was refused, '8' made '782.5', and Ctrl-K left '78' (a student's
budget field showed 78 for 7.8); typed together, 'Ctrl-A Ctrl-K we cannot pay' left an empty note,
Ctrl-K deleting the words typed after it. This field runs its own bindings as the key arrives,
so each edit happens where it was typed.
"""

from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, OptionList, Select

EDITING_KEYS: dict[str, str] = {key.strip(): binding.action for binding in Input.BINDINGS
                                if isinstance(binding, Binding) and binding.action != "copy"
                                for key in binding.key.split(",")}
"""Every key `Input` binds (its editing keys, Enter to submit, cut and paste), to its action. Copy
is left to the bindings: it changes nothing in the field, and with nothing selected it passes the
key on (Ctrl-C to the app)."""

ON_ARRIVAL_KEYS = ("space", "enter", "up", "down", "home", "end", "pageup", "pagedown")
"""Keys a checkbox, a button, a drop-down or a list acts on (`FieldKeys`)."""

FIELD_MOVES: list[BindingType] = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    *[Binding(key, f"on_arrival('{key}')", show=False, priority=True) for key in ON_ARRIVAL_KEYS],
]
"""Tab and Shift-Tab for every screen and dialog with fields, run from the app's queue in order, so
the keys typed after Tab go to the field it moved to. As the app's ordinary bindings they ran only
once the key had bubbled up behind the check a form runs on every change: '2', Tab, '7' typed fast
in a proposal's contributions left 27 in the first field and nothing in the next. The keys of a
checkbox, a button, a drop-down and its list are run as they come too (`FieldKeys`): as the
widget's own bindings they waited for the key to bubble up, and by then a Tab typed after them had
moved the focus on ('Space, Tab' ticked nothing, or the next box; 'Down, Enter, Tab' in an open
drop-down chose in the next one)."""


class FieldKeys:
    """What a screen that binds `FIELD_MOVES` runs for the keys of `ON_ARRIVAL_KEYS`: the focused
    checkbox, button, drop-down or list (an open drop-down's too) runs its own binding for the key at
    once; any other widget (a field, a table) gets the key as usual."""

    focused: Widget | None

    async def action_on_arrival(self, key: str) -> None:
        widget = self.focused
        if not isinstance(widget, Checkbox | Button | Select | OptionList):
            raise SkipAction()
        if isinstance(widget, Select) and widget.expanded:
            widget = widget.query_one(OptionList)  # its list, open: the focus moves to it a moment later
        for binding in widget._bindings.key_to_bindings.get(key, ()):
            if not binding.priority:
                await widget.run_action(binding.action)
                return
        raise SkipAction()


class LineField(Input):
    """An `Input` that edits in the order keys were typed (the module says why)."""

    async def on_key(self, event: events.Key) -> None:
        action = EDITING_KEYS.get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(action)
