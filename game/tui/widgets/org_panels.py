"""An organization's panels: its dashboard, its instruments (train, monitor, assist, campaign,
convene, as its mandate allows, each checked by the engine before it is used), and the states'
published records it works from."""

from typing import Any, ClassVar, get_args

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from game.model.scenario import Trainable
from game.model.view import OrgView, PublicState, RulesView
from game.tui.messages import Order, Refused
from game.tui.orders import Probe
from game.tui.text import check, escape, four_p, num, objective_text, points_num, pts_text, tier_label, typed_number
from game.tui.views import catalogue_names, names_of
from game.tui.widgets.number_field import NumberField
from game.tui.widgets.tick import Tick
from game.tui.widgets.wrapped import Wrapped

INSTRUMENTS: dict[str, str] = {
    "train": "Train a state's officials (enforcement, protection or labour inspection) to your standard: they work "
             "better for some rounds, and joint teams of states whose police were trained alike work better together.",
    "monitor": "Review a state and publish it, as GRETA's country reports do: its true figures are revealed "
               "and its approval moves.",
    "assist": "Fund victim services in a state (its protection capacity), with or without a condition.",
    "campaign": "An awareness campaign in a region: less vulnerability, more self-identification.",
    "convene": "Host a multilateral negotiation: a convention proposed to the states you invite, cheaper "
               "to sign and opening on a little more trust.",
}


def org_dashboard_text(view: OrgView) -> str:
    me = view.me
    names = names_of(view)
    label = view.round_label
    costs = " · ".join(f"{what} {num(cost)}" for what, cost in view.costs.items() if what in me.mandate)
    lines = [
        f"[b]{escape(me.name)}[/] ({me.kind})",
        f"[b]Budget[/] {pts_text(me.budget)} a {label} · [b]left this {label}[/] {num(me.left)}",
        f"[b]Mandate[/] {', '.join(me.mandate)} · costs: {costs}" + (" · assist: what you give" if "assist" in
                                                                       me.mandate else ""),
        f"[b]Trained[/] {escape(', '.join(names.get(s, s) for s in me.trained)) or 'nobody yet'}",
        f"[b]Reviewed[/] {escape(', '.join(names.get(s, s) for s in me.monitored)) or 'nobody yet'}",
        f"[b]Barred by[/] {escape(', '.join(names.get(s, s) for s in me.barred)) or 'nobody'}",
        "[b]Trust[/] (0 to 1): " + " · ".join(f"{escape(names.get(s, s))} {v:.2f}" for s, v in me.trust.items()),
        "",
        "[b]Your objectives[/] (private)",
        *[f"  • {escape(objective_text(objective, names | catalogue_names(view), view.round_label, organization=True))}"
          for objective in me.objectives],
        "",
        "[b]Your brief[/] (private)",
        escape(" ".join(me.brief.split())),
    ]
    return "\n".join(lines)


def public_records(states: list[PublicState], trust: dict[str, float], rules: RulesView,
                   names: dict[str, str] | None = None, label: str = "round", published: bool = True) -> list[str]:
    """The states' published records, as in a TIP Report country narrative, with any review; before
    the first resolution (`published` False) nothing is published, and '0 prosecutions' would read
    as a state's record."""
    lines = []
    for other in states:
        laws = ", ".join(rules.laws[law].name if law in rules.laws else law for law in other.laws) or "none"
        lines.append(f"  [b]{escape(other.name)}[/] {tier_label(other.tier)} · approval {other.approval:.0f}% · "
                     f"{check(other.ready)} {'ready' if other.ready else 'not ready'}")
        lines.append(f"    4P {four_p(other.scores_4p)}")
        record = (f"identified {num(other.identified)} · prosecutions {num(other.prosecutions)} · "
                  f"convictions {num(other.convictions)}" if published else "no figures published yet")
        lines.append(f"    {record} · your trust {trust.get(other.id, 0.5):.2f}")
        lines.append(f"    laws: {escape(laws)}")
        if other.review is not None:
            trend = "▲ rising" if other.review.rising else "▼ not rising"
            by = (names or {}).get(other.review.by, other.review.by)
            lines.append(f"    review by {escape(by)} ({label} {other.review.round}): {num(other.review.victims)} "
                         f"victims, {trend}; gaps: {escape(other.review.gaps)}")
    return lines


class OrgDashboard(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Wrapped(id="org-dashboard-text")

    def show(self, view: OrgView) -> None:
        self.query_one("#org-dashboard-text", Static).update(org_dashboard_text(view))


class StatesPanel(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Wrapped(id="states-text")

    def show(self, view: OrgView) -> None:
        records = public_records(view.states, view.me.trust, view.rules, names_of(view), view.round_label,
                                 published=view.round > 1)
        text = ["[b]The states[/] (published records)", *records]
        self.query_one("#states-text", Static).update("\n".join(text))


class InstrumentsPanel(VerticalScroll):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "use", "Use it", key_display="^s")]

    def __init__(self, probe: Probe, view: OrgView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.probe = probe
        self.view = view

    def compose(self) -> ComposeResult:
        view = self.view
        states = [(state.name, state.id) for state in view.states]
        conventions = [(spec.name, kind) for kind, spec in view.rules.agreements.items()
                       if spec.rule == "regional_convention"]
        yield Static(id="instruments-summary")
        with Horizontal(classes="form-row"):
            yield Label("Instrument", classes="form-label")
            yield Select([(name, name) for name in view.me.mandate], value=view.me.mandate[0], allow_blank=False,
                         compact=True, id="instrument")
        yield Static(id="instrument-detail", classes="form-note")
        with Horizontal(classes="form-row", id="row-target"):
            yield Label("State", classes="form-label")
            yield Select(states, compact=True, id="target", prompt="choose a state")
        with Horizontal(classes="form-row", id="row-train-capacity"):
            yield Label("Officials", classes="form-label")
            yield Select([(name.replace("_", " "), name) for name in get_args(Trainable)], value=view.me.trains[0],
                         allow_blank=False, compact=True, id="train-capacity")
        with Horizontal(classes="form-row", id="row-amount"):
            yield Label(f"Points this {view.round_label}", classes="form-label")
            yield NumberField(id="assist-amount", compact=True, classes="short")
        with Horizontal(classes="form-row", id="row-region"):
            yield Label("Region", classes="form-label")
            yield Select([(r.name, r.id) for r in view.regions], compact=True, id="region", prompt="choose a region")
        with Horizontal(classes="form-row", id="row-convention"):
            yield Label("Convention", classes="form-label")
            yield Select(conventions, compact=True, id="convention", prompt="none in the catalogue",
                         value=conventions[0][1] if conventions else Select.NULL)
        with Horizontal(classes="form-row parties", id="row-invited"):
            for state in view.states:
                yield Tick(state.name, id=f"invite-{state.id}", compact=True)
        yield Static("", id="instrument-verdict", classes="refusal")
        with Horizontal(classes="panel-buttons"):
            yield Button("Use it (^s)", id="use-instrument", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.refresh_form()

    def show(self, view: OrgView) -> None:
        self.view = view
        me = view.me
        self.query_one("#instruments-summary", Static).update(
            f"[b]{points_num(me.left)} of {pts_text(me.budget)} left[/] this {view.round_label}. Each instrument costs "
            "its price from what is left; the rules check each one before you use it.")
        self.recheck()

    def instrument(self) -> str:
        return str(self.query_one("#instrument", Select).value)

    def refresh_form(self) -> None:
        what = self.instrument()
        self.query_one("#instrument-detail", Static).update(escape(INSTRUMENTS.get(what, "")))
        self.query_one("#row-target").display = what in ("train", "monitor", "assist")
        self.query_one("#row-train-capacity").display = what == "train"
        self.query_one("#row-amount").display = what == "assist"
        self.query_one("#row-region").display = what == "campaign"
        self.query_one("#row-convention").display = what == "convene"
        self.query_one("#row-invited").display = what == "convene"
        self.recheck()

    def data(self) -> dict[str, Any]:
        what = self.instrument()
        data: dict[str, Any] = {"type": what}

        def chosen(name: str) -> str | None:
            value = self.query_one(f"#{name}", Select).value
            return None if value is Select.NULL else str(value)

        if what in ("train", "monitor", "assist"):
            data["target"] = chosen("target")
        if what == "train":
            data["capacity"] = chosen("train-capacity")
        if what == "assist":
            data["amount"] = typed_number(self.query_one("#assist-amount", Input).value, "points")
        if what == "campaign":
            data["region"] = chosen("region")
        if what == "convene":
            data["agreement"] = chosen("convention")
            data["parties"] = [s.id for s in self.view.states
                               if self.query_one(f"#invite-{s.id}", Checkbox).value]
        return {key: value for key, value in data.items() if value is not None}

    def missing(self, data: dict[str, Any]) -> str | None:
        """What the form still needs, in words, before the rules can judge it."""
        what = data["type"]
        if what in ("train", "monitor", "assist") and "target" not in data:
            return "choose a state"
        if what == "assist" and "amount" not in data:
            return "type the points to give"
        if what == "campaign" and "region" not in data:
            return "choose a region"
        if what == "convene" and "agreement" not in data:
            return "this scenario has no convention to convene"
        return None

    def recheck(self) -> None:
        try:
            data = self.data()
            refusal = self.missing(data) or self.probe.check(data)[1]
        except ValueError as error:
            refusal = str(error)
        cost = self.view.costs.get(self.instrument())
        price = f" (costs {num(cost)})" if cost is not None else ""
        self.query_one("#instrument-verdict", Static).update(
            f"✗ {escape(refusal)}" if refusal else f"✓ the rules accept this{price}: ^s or Use it")
        self.query_one("#use-instrument", Button).disabled = refusal is not None

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "instrument":
            self.refresh_form()
        else:
            self.recheck()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.recheck()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.recheck()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_use()

    def action_use(self) -> None:
        try:
            action, refusal = self.probe.check(self.data())
        except ValueError as error:
            action, refusal = None, str(error)
        if refusal or action is None:
            self.query_one("#instrument-verdict", Static).update(f"✗ {escape(refusal or 'incomplete')}")
            return
        self.post_message(Order(action, f"{self.instrument()} ordered", self))

    def on_refused(self, message: Refused) -> None:
        message.stop()
        self.query_one("#instrument-verdict", Static).update(f"✗ {escape(message.reason)}")
