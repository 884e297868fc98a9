"""The dialog for public words: a statement every seat reads in the news, or a pledge the game
checks (fund a capacity, adopt a law, pay an agreement's dues, accede to a convention, by a round).
The engine judges the order as it is typed, so the team reads why a pledge would be refused before
making it; the dialog holds no rule of its own."""

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from game.model.actions import MAX_STATEMENT, Action, Pledge
from game.model.view import PlayerView
from game.model.vocabulary import CAPACITIES
from game.tui.dues import scaled_room
from game.tui.orders import Probe
from game.tui.pledge_lines import standing_text
from game.tui.screens.order_dialog import OrderDialog
from game.tui.text import capacity_label, escape, points_num, typed_number
from game.tui.views import SeatView
from game.tui.widgets.line_field import LineField
from game.tui.widgets.number_field import NumberField
from game.tui.widgets.wrapped import Wrapped

WHAT = (("A public statement", "statement"), ("Pledge: fund a capacity", "fund"),
        ("Pledge: adopt a law", "adopt_law"), ("Pledge: pay an agreement's dues", "pay_dues"),
        ("Pledge: accede to a convention", "accede"))
ROWS = {"statement": ("text",), "fund": ("capacity", "points", "due"), "adopt_law": ("law", "due"),
        "pay_dues": ("agreement", "due"), "accede": ("agreement", "due")}
"""The rows each choice shows."""
EVERY_ROUND = ("fund", "pay_dues")
"""Pledges the rules check at every resolution from the one they are made in through their due round
(the others only at their due round): 'By year 3' read as a deadline, and a team that pledged 3
points to protection by year 3 with 2 allocated now had broken it at the end of year 1."""


def due_label(what: str, label: str) -> str:
    """The words before the due round's field, for the pledge chosen."""
    if what in EVERY_ROUND:
        return f"Every {label} from this one through {label}: "
    return f"By {label} (judged at its resolution): "


def pledges_text(view: SeatView) -> str:
    """The seat's own pledges, open and judged, in a few lines."""
    mine = [p for p in view.pledges if p.seat == view.me.id]
    if not mine:
        return "You have made no pledges yet. Every seat sees a pledge, and its verdict when it falls due."
    # each with its standing: one already broken read 'not judged yet' until its due round
    return "Your pledges:\n" + "\n".join(f"• {p.text}: {standing_text(p)}" for p in mine[-4:])


class PledgeComposer(OrderDialog):
    """A statement or a pledge, checked by the rules before it is made."""

    def __init__(self, view: SeatView, probe: Probe) -> None:
        super().__init__(view, probe)
        self.is_state = isinstance(view, PlayerView)

    def compose(self) -> ComposeResult:
        view = self.view
        label = view.round_label
        choices = list(WHAT) if self.is_state else list(WHAT[:1])
        laws = [(spec.name, law) for law, spec in view.rules.laws.items()
                if isinstance(view, PlayerView) and law not in view.me.laws and law not in view.me.pending_laws]
        agreements = [(f"{a.id}: {view.rules.agreements[a.kind].name if a.kind in view.rules.agreements else a.kind}",
                       a.id) for a in view.agreements if a.status == "in_force"]
        with Vertical(classes="dialog wide"):
            yield Static("[b]Public statement or pledge[/]  (^s make it · Esc cancel)", classes="dialog-title")
            yield Select(choices, value="statement", allow_blank=False, compact=True, id="pledge-what")
            with Horizontal(classes="form-row", id="row-text"):
                yield LineField(placeholder="What you say to every seat at the table", id="pledge-text",
                            max_length=MAX_STATEMENT, compact=True)
            with Horizontal(classes="form-row", id="row-capacity"):
                yield Label("Capacity: ")
                yield Select([(c.replace("_", " "), c) for c in CAPACITIES], compact=True,
                             id="pledge-capacity", prompt="capacity")
            with Horizontal(classes="form-row", id="row-points"):
                yield Label(f"At least, points a {label}: ")
                # a number field, as the budget's: '1,5' read "'1,5' is not a number" here
                yield NumberField(placeholder="points", id="pledge-points", compact=True)
            with Horizontal(classes="form-row", id="row-law"):
                yield Label("Law: ")
                yield Select(laws, compact=True, id="pledge-law", prompt="law")
            with Horizontal(classes="form-row", id="row-agreement"):
                yield Label("Agreement: ")
                yield Select(agreements, compact=True, id="pledge-agreement", prompt="agreement in force")
            with Horizontal(classes="form-row", id="row-due"):
                yield Label(due_label("statement", label), id="pledge-due-label")
                yield LineField(value=str(min(view.round + 1, view.rounds)), id="pledge-due", compact=True)
            yield Wrapped(escape(pledges_text(view)), classes="form-note", id="pledge-mine")
            yield Wrapped("", id="pledge-verdict", classes="refusal")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Make it (^s)", id="send", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.show_rows()
        self.query_one("#pledge-what", Select).focus()

    def what(self) -> str:
        return str(self.query_one("#pledge-what", Select).value)

    def show_rows(self) -> None:
        shown = ROWS[self.what()]
        for row in ("text", "capacity", "points", "law", "agreement", "due"):
            self.query_one(f"#row-{row}").display = row in shown
        self.query_one("#pledge-due-label", Label).update(due_label(self.what(), self.view.round_label))

    def _select(self, name: str) -> str | None:
        value = self.query_one(f"#pledge-{name}", Select).value
        return None if value is Select.NULL or value == "" else str(value)

    def data(self) -> dict[str, Any]:
        """The order as plain data, or `ValueError` saying in words what the form still needs."""
        what = self.what()
        label = self.view.round_label
        if what == "statement":
            text = self.query_one("#pledge-text", Input).value.strip()
            if not text:
                raise ValueError("write what you want every seat to read")
            return {"type": "statement", "text": text}
        due = typed_number(self.query_one("#pledge-due", Input).value, f"the {label}")
        if due is None or not due.is_integer():
            raise ValueError(f"type the {label} by which the pledge is kept, as a whole number")
        data: dict[str, Any] = {"type": "pledge", "kind": what, "due": int(due)}
        if what == "fund":
            data["capacity"] = self._select("capacity")
            data["points"] = typed_number(self.query_one("#pledge-points", Input).value, "points")
            if data["capacity"] is None:
                raise ValueError("choose the capacity you pledge to fund")
            if data["points"] is None:
                raise ValueError(f"type the least points a {label} you pledge to it")
        elif what == "adopt_law":
            data["law"] = self._select("law")
            if data["law"] is None:
                raise ValueError("choose the law you pledge to adopt (laws in force or adopted are not listed)")
        else:
            data["agreement"] = self._select("agreement")
            if data["agreement"] is None:
                raise ValueError("choose the agreement (only agreements in force are listed)")
        return data

    def check(self) -> tuple[Action | None, str | None]:
        try:
            data = self.data()
        except ValueError as error:
            return None, str(error)
        return self.probe.check(data)

    def recheck(self) -> None:
        action, refusal = self.check()
        self.query_one("#pledge-verdict", Static).update(
            f"✗ {escape(refusal or 'incomplete')}" if refusal or action is None
            else "✓ the rules accept it: ^s or Make it" + escape(self.caution(action)))

    def caution(self, action: Action) -> str:
        """A funding pledge that the team's budget as it stands would break at this very round's
        resolution: the rules accept it, as it can still be kept, and the team reads what to change."""
        view = self.view
        if not isinstance(action, Pledge) or action.kind != "fund" or not isinstance(view, PlayerView):
            return ""
        capacity, points = str(action.capacity), float(action.points or 0.0)
        standing = view.me.allocation.get(capacity, 0.0)
        label = view.round_label
        # as an announced cut will scale the allocation: Thailand pledged the 3 it gave border, and
        # Covid's cut scaled the 3 to 2.8 and broke the pledge in its first year
        allocated = sum(view.me.allocation.values())
        room = scaled_room(view, allocated)
        if room is not None and allocated > 0 and standing >= points > standing * room / allocated:
            return (f"\n! It counts from this {label}: this {label}'s event cuts your budget, and your allocation "
                    f"will be scaled down, giving {capacity_label(capacity)} "
                    f"{points_num(standing * room / allocated)}. "
                    f"Lower the allocation to fit the cut (b), or the pledge is broken then.")
        if standing >= points:
            return ""
        return (f"\n! It counts from this {label}: your budget gives {capacity_label(capacity)} {points_num(standing)} "
                f"now. Give it at least {points_num(points)} (b, then ^s) before the {label} ends, or the pledge is "
                "broken then.")

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "pledge-what":
            self.show_rows()
        self.recheck()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.recheck()

    def action_send(self) -> None:
        action, refusal = self.check()
        if refusal or action is None:
            self.query_one("#pledge-verdict", Static).update(f"✗ {escape(refusal or 'incomplete')}")
            return
        self.dismiss(action)
