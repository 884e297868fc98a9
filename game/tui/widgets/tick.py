"""A checkbox, and a list of them, that say their state with a mark (✓ or blank), not with colour
alone: Textual draws an X in every box, ticked or not, and a screen read as text (or in a
terminal of few colours) could not tell a reservation ticked from one left alone."""

from typing import Generic, TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

Value = TypeVar("Value")


class Tick(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """Textual draws this inside the box: a tick when checked."""
        return "✓" if self.value else " "


class TickList(SelectionList[Value], Generic[Value]):
    """A selection list whose boxes read ✓ when selected and blank when not."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 2:
            return strip
        inner = segments[1]
        segments[1] = Segment("✓" if selection.value in self._selected else " ", inner.style, inner.control)
        return Strip(segments, strip.cell_length)
