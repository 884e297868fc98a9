"""The law catalogue: cost, upkeep, delay, prerequisites, effect and the real instrument each law
comes from; adopt (a) and repeal (x), with the engine's reason shown before a refused order."""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Static

from game.model.actions import AdoptLaw, RepealLaw
from game.model.view import PlayerView
from game.tui.messages import Order, Refused
from game.tui.orders import Probe
from game.tui.text import PENDING, clip, escape
from game.tui.widgets.fitted_table import refill
from game.tui.widgets.wrapped import Wrapped

LAW_COLUMNS = ("Status", "Law", "Cost", "Upkeep", "Delay", "Needs")
NEEDS_AT_80 = 9
"""The characters of the Needs column on an 80-column screen; a wider screen gives it the rest."""
LAW_AT_80 = 30
"""The characters of the Law column on an 80-column screen (the detail under the table names the
law whole): europe's 'Offence of knowingly using a victim's services' made it 46 wide, and Delay
and Needs went off the screen behind a horizontal scrollbar."""

def legend(label: str) -> str:
    """What the table's figures mean, under it: the headings alone were read as riddles."""
    return (f"Cost: political capital to adopt · Upkeep: budget points a {label} in force · Delay: {label}s "
            "to take force · Needs: laws required first")


class LawsPanel(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "adopt", "Adopt"),
        Binding("x", "repeal", "Repeal"),
    ]

    def __init__(self, probe: Probe, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.probe = probe
        self.view: PlayerView | None = None
        self.law_ids: list[str] = []

    def compose(self) -> ComposeResult:
        table: DataTable[str] = DataTable(id="laws-table", cursor_type="row", zebra_stripes=True)
        table.add_columns(*LAW_COLUMNS)
        yield table
        yield Static(id="laws-legend")
        with VerticalScroll(id="law-detail-box"):
            yield Static(id="law-detail")
        with Horizontal(classes="panel-buttons"):
            yield Button("Adopt (a)", id="adopt", compact=True, variant="primary")
            yield Button("Repeal (x)", id="repeal", compact=True)
        yield Wrapped("", id="law-verdict", classes="refusal")

    def show(self, view: PlayerView) -> None:
        self.view = view
        table = self.query_one("#laws-table", DataTable)
        row = table.cursor_row
        me = view.me
        self.query_one("#laws-legend", Static).update(legend(view.round_label))
        self.law_ids = list(view.rules.laws)
        # Needs is cut to fit 80 columns, and widened with the screen: at 120 columns 'Criminal…' was
        # cut with fifty columns to spare
        room = max(NEEDS_AT_80, NEEDS_AT_80 + self.app.size.width - 80)
        rows: list[tuple[str | None, tuple[str, ...]]] = []
        for law_id, spec in view.rules.laws.items():
            if law_id in me.pending_repeals:
                status = "✗ repeal"
            elif law_id in me.laws:
                status = "✓ in force"
            elif law_id in me.pending_laws:
                # no wider than '✓ in force': 'from year 2' pushed Needs off an 80-column table; the verdict
                # under the table says it in words
                status = f"{PENDING} {view.round_label} {me.pending_laws[law_id]}"
            elif self.probe.refusal(AdoptLaw(state=me.id, law=law_id)) is None:
                status = "+ open"
            else:
                status = "– blocked"
            needs = ", ".join(view.rules.laws[p].name if p in view.rules.laws else p for p in spec.prerequisites)
            rows.append((law_id, (status, spec.name, f"{spec.political_cost:g}", f"{spec.upkeep:g}", f"{spec.delay}",
                                  clip(needs, room) or "–")))
        # the Law column takes what Needs leaves of a wider screen, and is cut past it
        spare = room - max(len(LAW_COLUMNS[-1]), *(len(cells[-1]) for _, cells in rows))
        name_room = LAW_AT_80 + max(0, spare)
        rows = [(key, (cells[0], clip(cells[1], name_room), *cells[2:])) for key, cells in rows]
        refill(table, LAW_COLUMNS, rows)  # sized before it is drawn (`fitted_table`)
        if self.law_ids:
            table.move_cursor(row=min(row, len(self.law_ids) - 1))
        self.describe()

    def current(self) -> str | None:
        table = self.query_one("#laws-table", DataTable)
        if not self.law_ids or not 0 <= table.cursor_row < len(self.law_ids):
            return None
        return self.law_ids[table.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.describe()

    def describe(self) -> None:
        """Show the highlighted law in full, and whether adopting or repealing it would be accepted."""
        view, law = self.view, self.current()
        if view is None or law is None:
            return
        spec = view.rules.laws[law]
        me = view.me
        prerequisites = ", ".join(view.rules.laws[p].name if p in view.rules.laws else p for p in spec.prerequisites)
        label = view.round_label
        upkeep = f"{spec.upkeep:g} {'point' if spec.upkeep == 1 else 'points'} of budget every {label}"
        cost = (
            # a law in force costs its upkeep, not its adoption: the adoption's figures read as a bill to come
            f"In force: it takes {upkeep}; repealing it frees them." if law in me.laws else
            f"Costs {spec.political_cost:g} political capital (you have {me.political_capital:.1f}), then "
            f"{upkeep}; in force {spec.delay} {label if spec.delay == 1 else label + 's'} after adoption; "
            f"approval {spec.approval:+g} when it enters into force.")
        text = [
            f"[b]{escape(spec.name)}[/]: {escape(spec.effect)}",
            cost,
            f"Needs first: {escape(prerequisites) or 'nothing'}.  Source: [i]{escape(spec.source)}[/]",
        ]
        self.query_one("#law-detail", Static).update("\n".join(text))
        adopt = self.probe.refusal(AdoptLaw(state=me.id, law=law))
        repeal = self.probe.refusal(RepealLaw(state=me.id, law=law))
        self.query_one("#adopt", Button).disabled = adopt is not None
        self.query_one("#repeal", Button).disabled = repeal is not None
        if adopt is None:
            verdict = "✓ you can adopt it (a)"
        elif repeal is None:
            verdict = ("✓ you can repeal it (x)" if law not in me.pending_laws else
                       f"adopted: in force from {label} {me.pending_laws[law]} · ✓ you can cancel its adoption (x)")
        else:
            verdict = f"✗ {adopt}"
        self.query_one("#law-verdict", Static).update(escape(verdict))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "adopt":
            self.action_adopt()
        elif event.button.id == "repeal":
            self.action_repeal()

    def action_adopt(self) -> None:
        law = self.current()
        if law is None or self.view is None:
            return
        name = self.view.rules.laws[law].name
        self.post_message(Order(AdoptLaw(state=self.view.me.id, law=law), f"adopted {name}", self))

    def action_repeal(self) -> None:
        law = self.current()
        if law is None or self.view is None:
            return
        name = self.view.rules.laws[law].name
        self.post_message(Order(RepealLaw(state=self.view.me.id, law=law), f"repeal of {name} ordered", self))

    def on_refused(self, message: Refused) -> None:
        message.stop()
        self.query_one("#law-verdict", Static).update(f"✗ {escape(message.reason)}")
