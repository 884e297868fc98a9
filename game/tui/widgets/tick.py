"""A checkbox that says its state with a mark (✓ or blank), not with colour alone."""

from textual.widgets import Checkbox


class Tick(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """Textual draws this inside the box: a tick when checked."""
        return "✓" if self.value else " "
