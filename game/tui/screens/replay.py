"""The facilitator's replay viewer: step through rounds, phases and single actions; read every
action (with the AI's reasons) and message; switch between each team's view and the truth; read
and write notes kept in the save; branch a what-if from any round."""

from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.errors import AccordError
from game.model.report import RoundReport
from game.report.describe import describe
from game.report.displacement_words import because
from game.session.replay import Moment, Replay, ReplayPhase
from game.session.seat_reports import role_words
from game.session.session import Session
from game.tui.screens.note import NoteScreen
from game.tui.screens.notice import ConfirmScreen
from game.tui.text import escape, num, tier_label
from game.tui.widgets.dashboard import dashboard_text
from game.tui.widgets.wrapped import Wrapped

if TYPE_CHECKING:
    from game.tui.app import AccordApp

PHASE_WORDS = {"orders": "orders open", "resolved": "resolved", "over": "game over"}

REPLAY_HELP = """\
## The replay viewer

You step through the game as it was played: each round's orders, one action at a time, and its
resolution. Nothing you do here changes the game, except the notes you write and the what-if games
you branch, which are kept apart.

| key | what it does |
|---|---|
| ← → | the previous or next moment: a round's orders, then its resolution |
| , . | one action back or forward inside a round's orders |
| [ ] | the previous or next round |
| Home, End | the first or last moment |
| v | whose eyes you see through: the truth (what no team saw), then each team's own view |
| t | back to the truth |
| a | write a note on this round, kept in the save for the debrief |
| B | branch a what-if: a new save from this round, keeping the actions up to this one |
| q | back to the title screen |
| ? | this help; Esc closes it |

The truth shows every network, its routes and flows, and the true number of victims beside what
each state could see. A team's view shows what that team saw on its screens then.
"""


def truth_text(replay: Replay, moment: Moment) -> str:
    """The whole truth at a moment, from the facilitator's `truth()`: true victims beside what
    each state could see, every network's routes and flows."""
    scenario = replay.document.scenario
    names = ({s.id: s.name for s in scenario.states} | {r.id: r.name for r in scenario.regions}
             | {law_id: law.name for law_id, law in scenario.law_catalogue().items()})
    controller = {r.id: r.controlled_by for r in scenario.regions}
    return truth_summary(moment.truth(), names, controller, moment.report, scenario.round_label,
                         orders_open=moment.phase == "orders")


def truth_summary(data: dict[str, Any], names: dict[str, str], controller: dict[str, str | None],
                  report: RoundReport | None, label: str = "round", *, orders_open: bool = True) -> str:
    """The truth (`game.engine.truth` data) in lines, with the round's report when there is one:
    the replay viewer shows it, and so does the facilitator's console of a networked class.
    `names` holds the laws' names too, where the caller has them (else an id reads as words).
    Who is ready is said only while orders are open: once a round is resolved, and at the end of
    the game, every state read '… not ready', though none had anything left to do."""
    held: dict[str | None, int] = {}
    for network in data["networks"].values():
        for region, forms in network["stock"].items():
            held[controller.get(region)] = held.get(controller.get(region), 0) + sum(forms.values())
    networks = {key: network.get("name") or network["id"] for key, network in data["networks"].items()}
    lines = ["[b]The truth[/] (facilitator only; never shown to a team)", "[b]States[/]"]
    for state_id, record in data["states"].items():
        ready = (" · ✓ ready" if record["ready"] else " · … not ready") if orders_open else ""
        lines.append(f"  [b]{escape(names.get(state_id, state_id))}[/] budget {num(record['budget'])} · capital "
                     f"{record['political_capital']:.1f} · approval {record['approval']:.0f}% · corruption "
                     f"{record['corruption']:.2f} · {tier_label(record['tier'])}{ready}")
        capacities = " ".join(f"{c[:3]} {v:.1f}" for c, v in record["capacities"].items())
        laws = ", ".join(names.get(law, law.replace("_", " ")) for law in record["laws"])
        lines.append(f"      {capacities} · laws: {escape(laws or 'none')}")
        seen = ""
        if report is not None and state_id in report.states:
            figures = report.states[state_id]
            seen = (f" · this {label}: identified {num(figures.identified)}, prosecutions {num(figures.prosecutions)}, "
                    f"convictions {num(figures.convictions)}")
        lines.append(f"      true victims held here: {num(held.get(state_id, 0))}{seen}")
    if held.get(None):
        lines.append(f"  (held where no state controls: {num(held[None])})")
    lines.append("[b]Networks[/]")
    for network in data["networks"].values():
        if not network["active"]:
            continue
        total = sum(sum(forms.values()) for forms in network["stock"].values())
        called = network.get("name") or network["id"]
        lines.append(f"  [b]{escape(called)}[/] core {network['core']} · periphery {network['periphery']} · "
                     f"capital {num(network['capital'])} · online {network['tau']:.0%} · victims held {num(total)}")
        for route in network["routes"]:
            path = " → ".join(names.get(r, r) for r in route["path"])
            lines.append(f"      {route['form']:<8} flow {num(route['flow']):>6}  {escape(path)}")
    if report is not None:
        lines.append(f"[b]After this {label}[/] true victims on the map: {num(report.victims_total)}")
        for move in report.displacement:
            onto = ", ".join(names.get(s, s) for s in move.received_by) or "no state"
            network = networks.get(move.network, move.network)
            place = names.get(move.pressure_region, move.pressure_region) if move.cause == "site" else \
                names.get(move.pressure_state or "", "no state")
            lines.append(f"  ⇢ {escape(network)} moved {num(move.dropped_flow)} a {label} "
                         f"{escape(because(move, place))}: received by {escape(onto)}")
    return "\n".join(lines)


class ReplayScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Prev", priority=True),
        Binding("right", "move(1)", "Next", priority=True),
        Binding("comma", "step(-1)", "Act−", key_display=","),
        Binding("full_stop", "step(1)", "Act+", key_display="."),
        Binding("left_square_bracket", "jump(-1)", "Rnd−", key_display="["),
        Binding("right_square_bracket", "jump(1)", "Rnd+", key_display="]"),
        Binding("v", "perspective", "View"),
        Binding("t", "truth", "Truth", show=False),
        Binding("a", "note", "Note"),
        Binding("B", "branch", "Branch", key_display="B"),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("q", "leave", "Title"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, replay: Replay, session: Session | None = None) -> None:
        super().__init__()
        self.replay = replay
        self.session = session
        self.positions: list[tuple[int, ReplayPhase]] = replay.positions()
        self.index = len(self.positions) - 1
        self.step: int | None = None
        """In the orders phase, how many of the round's actions are applied (None: all)."""
        self.perspectives: list[str | None] = [None, *[s.id for s in replay.document.scenario.states]]
        self.perspective = 0

    @property
    def accord(self) -> "AccordApp":

        return cast("AccordApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="replay-title", classes="screen-title")
        with Vertical(id="replay-box"):
            # wrapped under their own text: a team's line of the truth ('  Germany budget 30 · capital
            # 22.9 ...') and a long action went on flush left at 80 columns, read as a new heading
            with VerticalScroll(id="replay-actions"):
                yield Wrapped(id="replay-actions-text")
            yield Static(id="replay-notes")
            with VerticalScroll(id="replay-view"):
                yield Wrapped(id="replay-view-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#replay-view").focus()

    def moment(self) -> Moment:
        round_no, phase = self.positions[self.index]
        return self.replay.seek(round_no, phase, self.step if phase == "orders" else None)

    def show(self) -> None:
        try:
            moment = self.moment()
        except AccordError as error:
            self.accord.notice(" ".join(error.lines()), title="Cannot show that moment")
            return
        document = self.replay.document
        scenario = document.scenario
        label = scenario.round_label
        names = {s.id: s.name for s in scenario.states} | {o.id: o.name for o in scenario.organizations}
        total = len(self.replay.actions(moment.round))
        applied = len(moment.actions)
        who = self.perspectives[self.perspective]
        seen = "the truth" if who is None else f"{names[who]}'s view"
        step = f" · action {applied}/{total}" if moment.phase == "orders" else ""
        self.query_one("#replay-title", Static).update(
            f"[b]REPLAY[/] · {label} {moment.round} of {scenario.rounds} · {PHASE_WORDS[moment.phase]}{step} · "
            f"showing {escape(seen)}")
        lines = [f"[b]Actions in {label} {moment.round}[/] (▶ applied at this moment · pending)"]
        world = document.world
        for number, submitted in enumerate(self.replay.actions(moment.round), start=1):
            mark = "▶" if number <= applied else "·"
            by = names.get(submitted.by or "", "facilitator")
            if submitted.role:
                by += f" ({role_words(submitted.role)})"
            kind = "✉ " if submitted.type == "message" else ""
            why = f"  [dim]({escape(submitted.reason)})[/]" if submitted.reason else ""
            lines.append(f" {mark} {number:>2}. {escape(by)}: {kind}{escape(describe(submitted.data, world))}{why}")
        if total == 0:
            lines.append("   no actions")
        self.query_one("#replay-actions-text", Wrapped).update("\n".join(lines))
        self.call_after_refresh(self.follow_step, applied if moment.phase == "orders" else 0)
        notes = document.annotations.get(moment.round, [])
        self.query_one("#replay-notes", Static).update(
            f"[b]Notes on {label} {moment.round}[/]: " + (escape(" · ".join(notes)) if notes else "none (a: add one)"))
        if who is None:
            text = truth_text(self.replay, moment)
        else:
            view = moment.view(who)
            text = f"[b]{escape(names[who])}'s screen at this moment[/]\n" + dashboard_text(view)
        self.query_one("#replay-view-text", Wrapped).update(text)

    def follow_step(self, applied: int) -> None:
        """Keep the last applied action in sight (line `applied` under the heading) with the one
        to come below it: at action 17 of 37, the list shows 17, not 1 to 3."""
        pane = self.query_one("#replay-actions", VerticalScroll)
        height = pane.scrollable_content_region.height
        pane.scroll_to(y=max(0, applied + 2 - height), animate=False)

    # --- moving --------------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        self.index = max(0, min(len(self.positions) - 1, self.index + delta))
        self.step = None
        self.show()

    def action_edge(self, last: int) -> None:
        self.index = len(self.positions) - 1 if last else 0
        self.step = None
        self.show()

    def action_jump(self, delta: int) -> None:
        round_no, _ = self.positions[self.index]
        target = [i for i, (r, p) in enumerate(self.positions) if r == round_no + delta and p == "orders"]
        if target:
            self.index = target[0]
            self.step = None
            self.show()

    def action_step(self, delta: int) -> None:
        round_no, phase = self.positions[self.index]
        total = len(self.replay.actions(round_no))
        if phase != "orders":
            if delta < 0:
                # from the resolution back into the orders, at the last action
                orders = self.positions.index((round_no, "orders"))
                self.index, self.step = orders, total
                self.show()
            else:
                self.action_move(1)
            return
        current = total if self.step is None else self.step
        wanted = current + delta
        if wanted < 0:
            if self.index > 0:
                self.action_move(-1)
            return
        if wanted > total:
            self.action_move(1)
            return
        self.step = wanted
        self.show()

    def action_perspective(self) -> None:
        self.perspective = (self.perspective + 1) % len(self.perspectives)
        self.show()

    def action_truth(self) -> None:
        self.perspective = 0
        self.show()

    # --- notes and branches --------------------------------------------------------------------

    def _session(self) -> Session:
        """The session that writes notes into the save: the live one, or the save opened again."""
        if self.session is None:
            if self.replay.path is None:
                raise AccordError("this replay has no save file to write notes into")
            self.session = Session.load(self.replay.path)
        return self.session

    def action_note(self) -> None:
        round_no, _ = self.positions[self.index]
        label = self.replay.document.scenario.round_label

        def write(text: str | None) -> None:
            if not text:
                return
            try:
                session = self._session()
                session.annotate(round_no, text)
            except AccordError as error:
                self.accord.notice(" ".join(error.lines()), title="The note was not saved")
                return
            self.replay.document.annotations = session.annotations
            self.notify(f"✓ note saved in {session.path}", timeout=4)
            self.show()

        self.accord.push_screen(NoteScreen(f"A note on {label} {round_no}"), write)

    def action_branch(self) -> None:
        round_no, phase = self.positions[self.index]
        scenario = self.replay.document.scenario
        if round_no > scenario.rounds or round_no < 1:
            self.notify("Choose a round of the game first.", timeout=4)
            return
        keep = (self.step if self.step is not None else len(self.replay.actions(round_no))) if phase == "orders" else 0
        label = scenario.round_label

        readies = sum(1 for s in self.replay.actions(round_no)[:keep] if s.type == "ready")

        def branch(yes: bool | None) -> None:
            if not yes:
                return
            if readies:
                self.accord.push_screen(ConfirmScreen(
                    f"{readies} of the kept actions are a team's 'ready'. Leave them out, so that every team plays "
                    f"on in the what-if? Kept, those teams' turns in {label} {round_no} are already over.",
                    title="The teams' 'ready'", yes="Leave them out", no="Keep them"),
                    lambda leave: make(keep_ready=not leave))
            else:
                make(keep_ready=False)

        def make(keep_ready: bool) -> None:
            try:
                session = self.replay.branch(round_no, keep=keep, keep_ready=keep_ready)
            except AccordError as error:
                self.accord.notice(" ".join(error.lines()), title="Cannot branch here")
                return

            def play(now: bool | None) -> None:
                if now:
                    self.accord.play(session)

            self.accord.push_screen(ConfirmScreen(
                f"A what-if game is saved in {escape(str(session.path))}, reopening {label} {round_no} with "
                f"{len(session.document.log.open)} of its actions kept. Play it now?", title="Branch saved",
                yes="Play it", no="Stay here"), play)

        self.accord.push_screen(ConfirmScreen(
            f"Start a new save from {label} {round_no}, keeping the first {keep} actions of that {label}? "
            "The original save is not changed.", title="Branch a what-if"), branch)

    def action_leave(self) -> None:
        self.accord.to_title()

    def action_help(self) -> None:
        """The viewer's own keys: the players' rules, which the app's help shows, are no help here."""
        from game.tui.screens.help import HelpScreen

        self.accord.push_screen(HelpScreen(REPLAY_HELP))



