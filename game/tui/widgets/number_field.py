"""A field for a number that lets every other key through to the screen.

Textual's `Input` takes every printable key, even one its number type then refuses: while a budget
field had focus, the tab keys (d, m, l, b, p, i, n) and the turn's keys (r, h, o, q) were swallowed
with a bell, and the footer hid them, since the field would have taken them. This field takes only
what can be part of a number and leaves the rest to the screen's bindings, so the footer keeps them.
An empty field is not marked invalid: it counts as nothing (0 points, or the default), as the panel's
verdict says.
"""

from typing import Any

from textual import events
from textual.validation import Integer

from game.tui.widgets.line_field import EDITING_KEYS, LineField

NUMBER_KEYS = frozenset("0123456789.-+eE_")
"""Characters the number types of `Input` can hold."""


class NumberField(LineField):
    """Its editing keys take effect as they come (`LineField`): as `Input`'s bindings they ran only
    once the key had bubbled up to the app and back, after the digits typed behind them (`1e999⌫⌫2`
    came out wrong, and 'Ctrl-A Ctrl-K 7.8' over '2.5' left 78)."""

    def __init__(self, value: str | None = None, *, integer: bool = False, **options: Any) -> None:
        # a whole-number field takes a decimal point too, and is marked invalid with it (the form
        # says why): Input's 'integer' type dropped the '.' of '2.5' unseen, and a 2.5-year
        # agreement was proposed for 25 years
        super().__init__(value, type="number", valid_empty=True, validators=[Integer()] if integer else None,
                         **options)
        self.integer = integer

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and (character in NUMBER_KEYS or (character == "," and not self.integer))

    async def on_key(self, event: events.Key) -> None:
        if event.key in EDITING_KEYS:
            await super().on_key(event)
        elif event.character == "," and not self.integer:
            # a decimal comma, as many students write it: '0,5' was dropped to '05', five points
            event.stop()
            event.prevent_default()
            self.insert_text_at_cursor(".")
        elif event.is_printable and event.character not in NUMBER_KEYS:
            event.prevent_default()  # not typed here: it goes on up to the screen's keys

    def _on_blur(self, event: events.Blur) -> None:
        """Left, the field shows its figure from the start: a long one typed or pasted
        ('12,345678901234567890') stayed scrolled to its end, and the budget's enforcement read
        '4567890' beside '▲ to 7.4'."""
        super()._on_blur(event)
        self.cursor_position = 0

    def _on_paste(self, event: events.Paste) -> None:
        """A pasted figure as it would have been typed: spaces around it (a cell copied from a
        spreadsheet: '  7 ') left out and a decimal comma read as a point. Pasted as it came, the
        whole of '  7 ' or '12,5' was refused with only a bell, and the field stayed empty."""
        lines = event.text.strip().splitlines()
        if lines:
            figure = "".join(lines[0].split())
            if not self.integer:
                figure = figure.replace(",", ".")
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(figure)
            else:
                self.replace(figure, *selection)
        event.stop()
        event.prevent_default()  # Input's own paste would insert the text again, as it came
