"""Budget allocation: points per capacity, what holding each level costs, and the total against
the points free after law upkeep, all shown before the team confirms."""

import math
from typing import ClassVar

from pydantic import TypeAdapter, ValidationError
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from game.engine.budget import next_level
from game.model.actions import Allocate
from game.model.amounts import Points
from game.model.view import PlayerView, RulesView
from game.model.vocabulary import CAPACITIES
from game.tui.dues import (
    capacity_changes,
    dues_warnings,
    event_budget_lines,
    event_capacity_lines,
    gives_way,
    pledge_warnings,
    scaled_room,
)
from game.tui.messages import Order, Refused
from game.tui.orders import Probe
from game.tui.screens.notice import ConfirmScreen
from game.tui.text import (
    bar,
    capacity_label,
    escape,
    num,
    num_apart,
    points_num,
    points_text,
    pts_text,
    short,
    typed_number,
)
from game.tui.views import names_of
from game.tui.widgets.number_field import NumberField
from game.tui.widgets.wrapped import Wrapped


def reaches(level: float, points: float, rules: RulesView, change: float = 0.0) -> str:
    """The level a capacity will reach at the resolution with `points`, by the engine's own rule
    (funding received from a partner would add to it): 'rises' alone did not say how far. `change`:
    what an announced event does to the level first (`dues.capacity_changes`); the arrow still
    compares with `level`, the level the tab shows."""
    after = next_level(level + change, points, rules.capacity_upkeep, rules.capacity_gain, rules.capacity_decay)
    shown_before, shown_after = f"{level:.1f}", f"{after:.1f}"
    if shown_after == shown_before:
        # a move too small for one decimal is written with two: '= stays 4.0' for a rise to 4.07
        # said the points bought nothing
        shown_before, shown_after = f"{level:.2f}", f"{after:.2f}"
        if shown_after == shown_before:
            return f"= stays {after:.1f}"
        # from where, with the same two decimals: a level of 1.97 shows as 2.0 in the level column,
        # and '▲ to 1.98' beside it read as a fall that the arrow called a rise
        return f"{'▲' if after > level else '▼'} {shown_before} to {shown_after}"
    return f"{'▲' if after > level else '▼'} to {shown_after}"


def grants_to(view: PlayerView) -> str:
    """'Grants to you, on top of these points if the donor pays them (not in 'next level'):
    prevention +2.1 from Italy (a4)', or '' without one. Europe's Romania read 'prevention ▼ to 2.6'
    here with Italy's 2.1 a year for prevention in force, and its report then said 2.9→3.2 ▲ '+ 2.1
    from Italy': the grant, paid at the resolution by a partner, was nowhere on the tab."""
    names = names_of(view)
    grants = [f"{capacity_label(a.terms.capacity)} +{num(a.terms.amount)} from "
              f"{short(names.get(a.terms.donor, a.terms.donor))} ({a.id})"
              for a in view.agreements
              if a.status == "in_force" and a.terms.recipient == view.me.id and a.terms.donor
              and a.terms.amount and a.terms.capacity
              and (spec := view.rules.agreements.get(a.kind)) is not None and spec.rule == "funding"]
    if not grants:
        return ""
    return ("Grants to you, on top of these points if the donor pays them (not counted in 'next level'): "
            + ", ".join(grants))


POINTS: TypeAdapter[float] = TypeAdapter(Points)
"""The model's own type for a capacity's points (0 to its maximum, finite): the panel's total counts
only what it accepts, and the limit stays where the model keeps it."""


def counts(amount: float) -> bool:
    """Whether `amount` is points an allocation may hold, by the model's type."""
    try:
        POINTS.validate_python(amount)
    except ValidationError:
        return False
    return True


def hold_points(level: float, upkeep: float) -> float:
    """The points that keep `level` where it is, rounded up to the hundredth: 'Hold every level'
    filled the cost rounded to a tenth, and a cost that rounded down (6.5 x 0.3 = 1.95 -> 1.9, mekong's
    cyber at 3.15 -> 0.9) let the level it was asked to hold decay, a little more each round."""
    return math.ceil(round(upkeep * level * 100, 6)) / 100


class BudgetPanel(VerticalScroll):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Submit budget", key_display="^s"),
    ]

    def __init__(self, probe: Probe, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.probe = probe
        self.view: PlayerView | None = None
        self._standing: dict[str, float] | None = None
        """The allocation the inputs were last filled from."""
        member = probe.table.member()
        self.own: frozenset[str] | None = frozenset(member.fields) if member is not None else None
        """The fields this screen may set, when it plays a role in its team (`accord host --roles`):
        the others show the standing values that other members set, and cannot be typed in."""

    def compose(self) -> ComposeResult:
        yield Static(id="budget-summary")
        yield Static("[b]capacity       level            hold   points   next level[/]", classes="budget-head")
        for capacity in CAPACITIES:
            with Horizontal(classes="budget-row"):
                yield Label(capacity_label(capacity), classes="budget-name")
                yield Label("", id=f"level-{capacity}", classes="budget-level")
                yield Label("", id=f"hold-{capacity}", classes="budget-hold")
                yield NumberField("0", id=f"points-{capacity}", compact=True, classes="budget-input",
                                  disabled=self.own is not None and capacity not in self.own)
                yield Label("", id=f"trend-{capacity}", classes="budget-trend")
        yield Static(id="budget-total")
        yield Wrapped("", id="budget-grants")
        with Horizontal(classes="panel-buttons"):
            yield Button("Submit budget", id="submit-budget", variant="primary", compact=True)
            yield Button("Hold every level", id="hold-all", compact=True)
            yield Button("Reset", id="reset-budget", compact=True)
        yield Wrapped("", id="budget-verdict", classes="refusal")

    def show(self, view: PlayerView) -> None:
        self.view = view
        me = view.me
        for capacity in CAPACITIES:
            level = me.capacities.get(capacity, 0.0)
            self.query_one(f"#level-{capacity}", Label).update(f"{bar(level)} {level:4.1f}")
            self.query_one(f"#hold-{capacity}", Label).update(f"{points_num(self.hold(capacity)):>5}")
        if me.allocation != self._standing:
            before, self._standing = self._standing, dict(me.allocation)
            if self.own is None or before is None:
                self.fill(me.allocation)  # a view refreshed by another team's move keeps what is being typed
            else:  # another member's fields changed: show them, and keep what this member is typing
                changed = {c for c in CAPACITIES if me.allocation.get(c, 0.0) != before.get(c, 0.0)}
                self.fill(me.allocation, only=changed)
        else:
            self.recheck()
        grants = grants_to(view)
        self.query_one("#budget-grants", Wrapped).display = bool(grants)
        self.query_one("#budget-grants", Wrapped).update(escape(grants))
        upkeep = me.budget - me.available
        self.query_one("#budget-summary", Static).update(
            f"Budget {pts_text(me.budget)} − law upkeep {points_num(upkeep)} = "
            f"[b]{points_num(me.available)} free[/] for capacities. Agreements take {points_num(me.committed)} "
            f"from what you leave unallocated. 'Hold' is what keeping a level costs "
            f"({view.rules.capacity_upkeep:g} pt a level); less and it decays, more and it rises.")

    def hold(self, capacity: str) -> float:
        assert self.view is not None
        return hold_points(self.view.me.capacities.get(capacity, 0.0), self.view.rules.capacity_upkeep)

    def fill(self, allocation: dict[str, float], only: set[str] | None = None) -> None:
        """The fields from `allocation` (those in `only`, if given); a member's buttons (hold every
        level, reset) fill its own fields and leave the other members' as they stand."""
        standing = self.view.me.allocation if self.view is not None else {}
        for capacity in CAPACITIES:
            if only is not None and capacity not in only:
                continue
            mine = self.own is None or capacity in self.own
            value = allocation.get(capacity, 0.0) if mine or only is not None else standing.get(capacity, 0.0)
            self.query_one(f"#points-{capacity}", Input).value = f"{value:g}"
        self.recheck()

    def points(self) -> dict[str, float]:
        """The points typed in (an empty field is 0), or `ValueError` naming the field that is not
        a finite number."""
        return {capacity: typed_number(self.query_one(f"#points-{capacity}", Input).value, capacity) or 0.0
                for capacity in CAPACITIES}

    def counted(self) -> tuple[dict[str, float], list[str]]:
        """The fields that hold points the model accepts, and the capacities of those that do not
        (no number, or one out of range): a total of what was typed read 'Allocated
        100,000,000,000,000.2 of 9 free points' above the line that refused it."""
        valid: dict[str, float] = {}
        invalid: list[str] = []
        for capacity in CAPACITIES:
            try:
                amount = typed_number(self.query_one(f"#points-{capacity}", Input).value, capacity) or 0.0
            except ValueError:
                invalid.append(capacity)
                continue
            if counts(amount):
                valid[capacity] = amount
            else:
                invalid.append(capacity)
        return valid, invalid

    def invalid(self) -> list[str]:
        """The capacities whose field holds no valid amount (not counted, and not submittable)."""
        return self.counted()[1]

    def unsent(self) -> float | None:
        """The total typed here (of the fields that hold a valid amount) when it differs from the
        allocation standing at the table, else None: the end-turn dialog says so, where a team that
        typed 10.3 points and left the confirmation with Esc ended its turn on the 7.2 standing
        without a word about the 10.3 it still showed on the Budget tab."""
        if self.view is None:
            return None
        typed, invalid = self.counted()
        standing = self.view.me.allocation
        if not invalid and all(abs(typed[c] - standing.get(c, 0.0)) < 0.005 for c in CAPACITIES):
            return None
        return sum(typed.values())

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.recheck()

    def recheck(self) -> None:
        """Totals, trends and the engine's verdict on the allocation as typed."""
        if self.view is None:
            return
        verdict = self.query_one("#budget-verdict", Static)
        button = self.query_one("#submit-budget", Button)
        valid, invalid = self.counted()
        total = sum(valid.values())
        # the levels the points reach once an announced cut has scaled the allocation down: '▲ to 4.3'
        # for 3 points that the cut made 2.8 promised a level the capacity would not reach
        room = scaled_room(self.view, total)
        # the standing allocation, given before a budget cut, gives way to the agreements (rules 17):
        # the tab refused it ('✗ not enough budget') and promised levels of its full points while the
        # dashboard and the end-of-turn question said, as the engine does, that it gives way
        standing = not invalid and self.unsent() is None
        given_way = gives_way(self.view, total) if standing else None
        if room is None:
            room = given_way
        factor = room / total if room is not None and total > 0 else 1.0
        changes = capacity_changes(self.view)  # an announced event's, before the points fund the levels
        for capacity in CAPACITIES:  # no level to promise for a field that holds no valid amount
            if capacity in valid:
                level = self.view.me.capacities.get(capacity, 0.0)
                self.query_one(f"#trend-{capacity}", Label).update(
                    reaches(level, valid[capacity] * factor, self.view.rules, changes.get(capacity, 0.0)))
        free = self.view.me.available
        left = free - total
        summary = f"[b]Allocated {num_apart(total, free)} of {points_num(free)}[/] free points"
        if invalid:
            names = ", ".join(capacity_label(capacity) for capacity in invalid)
            amounts = "a valid amount" if len(invalid) == 1 else "valid amounts"
            summary += f" · {names} not counted (not {amounts})"
        elif given_way is not None:
            summary += (f" · it gives way: capacities get {points_num(given_way)}, agreements "
                        f"{points_num(max(0.0, free - given_way))}")
        else:
            owed = self.view.me.committed
            summary += (f" · left over {num_apart(max(left, 0), owed)}"
                        + (f" (agreements need {points_num(owed)})" if owed else ""))
        self.query_one("#budget-total", Static).update(summary)
        for capacity in invalid:
            try:
                typed_number(self.query_one(f"#points-{capacity}", Input).value, capacity)
                mark = "✗ not valid"
            except ValueError:
                mark = "? no number"
            self.query_one(f"#trend-{capacity}", Label).update(mark)
        try:
            points = self.points()
        except ValueError as error:
            verdict.update(f"✗ {escape(str(error))}")
            button.set_class(True, "-refused")
            return
        _, refusal = self.probe.check({"type": "allocate", "budget": points})
        # an announced event's change to the budget, whatever the verdict: it decides what fits
        coming = "".join(f"\n{escape(line)}" for line in event_budget_lines(self.view, None if refusal else total)
                         + event_capacity_lines(self.view)
                         + ([] if refusal else pledge_warnings(self.view, points)))
        if refusal and given_way is None:
            verdict.update(f"✗ {escape(refusal)}{coming}")
        elif warnings := dues_warnings(self.view, total, standing=standing):
            verdict.update(escape("\n".join(warnings)) + coming)
        else:
            verdict.update(f"✓ the rules accept this budget (Submit to confirm){coming}")
        # marked, not disabled: a disabled button leaves the focus chain, and a student who mended a
        # refused figure and pressed Tab and Enter before this verdict caught up landed on 'Hold every
        # level', which wiped every figure typed; pressed on a refused budget, it says why (`action_submit`)
        button.set_class(refusal is not None, "-refused")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.view is None:
            return
        if event.button.id == "submit-budget":
            self.action_submit()
        elif event.button.id == "hold-all":
            self.fill({capacity: self.hold(capacity) for capacity in CAPACITIES})
        else:
            self.fill(self.view.me.allocation)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        """Show the cost, then submit on confirmation."""
        if self.view is None:
            return
        try:
            points = self.points()
        except ValueError as error:
            self.query_one("#budget-verdict", Static).update(f"✗ {escape(str(error))}")
            return
        action, refusal = self.probe.check({"type": "allocate", "budget": points})
        if refusal or action is None:
            self.query_one("#budget-verdict", Static).update(f"✗ {escape(refusal or 'not a valid budget')}")
            return
        assert isinstance(action, Allocate)
        total = sum(points.values())
        me, rules = self.view.me, self.view.rules
        # one verdict a line, the level it reaches: 'rises' beside it said the same twice ('▲ rises, ▲ to
        # 2.5') and could disagree with it ('▲ rises, = stays 1.0' for a rise too small to show)
        # each as typed, to the hundredth: 1.35 typed read '1.4 pts' in the question
        room = scaled_room(self.view, total)  # as the cut will scale them, as on the tab
        factor = room / total if room is not None and total > 0 else 1.0
        changes = capacity_changes(self.view)
        lines = [f"  {capacity_label(capacity):<13} {pts_text(amount, 5)}  "
                 f"{reaches(me.capacities.get(capacity, 0.0), amount * factor, rules, changes.get(capacity, 0.0))}"
                 for capacity, amount in points.items()]
        free, owed = self.view.me.available, self.view.me.committed
        after = ", once the cut has scaled the points down" if factor < 1 else ""
        question = (f"Allocate {num_apart(total, free)} of your {points_num(free)} free points this "
                    f"{self.view.round_label} (each capacity's level next {self.view.round_label}{after}):\n"
                    + "\n".join(lines) +
                    f"\n\nLeft over: {num_apart(free - total, owed)} (agreements take "
                    f"{points_num(owed)} from it). The allocation stands until you change it."
                    + "".join(f"\n{line}" for line in dues_warnings(self.view, total))
                    + "".join(f"\n{escape(line)}" for line in event_budget_lines(self.view, total)
                              + event_capacity_lines(self.view) + pledge_warnings(self.view, points)))

        def answer(yes: bool | None) -> None:
            if yes:
                self.post_message(Order(action, f"budget set: {points_text(total)} allocated", self))

        self.app.push_screen(ConfirmScreen(question, title="Confirm the budget", yes="Allocate", no="Back"), answer)

    def on_refused(self, message: Refused) -> None:
        message.stop()
        self.query_one("#budget-verdict", Static).update(f"✗ {escape(message.reason)}")
