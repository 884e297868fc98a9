"""The end of the game: each state's score, the shared outcome against the run where nobody acts
(the hidden truth, revealed at last), and the way to the debrief and the replay."""

import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from game.engine import run_baseline, scores
from game.engine.scoring import GameScore, ObjectiveResult
from game.report.text import partial_points
from game.session.seats import Seat
from game.session.session import Session
from game.tui import turns
from game.tui.text import check, counted, escape, num, seat_words, tier_label

if TYPE_CHECKING:
    from game.tui.app import AccordApp


def final_text(session: Session, score: GameScore) -> str:
    return scores_text(score, turns.names(session), session.seats, session.scenario.round_label, session.path)


def scores_text(score: GameScore, names: dict[str, str], seats: Mapping[str, Seat], label: str, save: Path | None,
                *, debrief: bool = True) -> str:
    """The final scores in lines; `debrief` adds the keys to the debrief and the replay (at the
    machine that holds the save)."""
    averted = score.harm_averted
    share = averted / score.baseline_victim_rounds if score.baseline_victim_rounds else 0.0
    outcome = (f"✓ Harm averted: {num(averted)} victim-{label}s ({share:.0%} of the baseline)" if averted > 0 else
               f"✗ No harm averted: {num(-averted)} victim-{label}s more than nobody acting")
    lines = [
        "[b]The shared outcome[/] (the hidden truth, revealed)",
        f"  true victim-{label}s in this game: {num(score.victim_rounds)}",
        f"  with nobody acting (same scenario and seed): {num(score.baseline_victim_rounds)}",
        f"  {outcome}",
        "",
        "[b]Scores[/]  objectives + tier points (mean over the game) + harm spared at home",
        f"  {'State':<13} {'Seat':<16} {'Objectives':>10} {'Tier':>5} {'Home':>5} {'Score':>5}  Tier at end",
    ]
    ranked = sorted(score.states.items(), key=lambda item: -item[1].score)
    for state_id, result in ranked:
        seat = seats[state_id]
        who = seat_words(seat.is_human, seat.personality)
        home = round(result.score - result.points - result.tier_points, 1) + 0.0
        lines += _named(names[state_id])
        lines.append(f"  {_cell(names[state_id])} {who[:16]:<16} {result.points:>5.1f}/{result.max_points:<4} "
                     f"{result.tier_points:>5.1f} {home:>+5.1f} {result.score:>5.1f}  {tier_label(result.tier)}")
    for org_id, org_score in score.organizations.items():
        org_seat = seats.get(org_id)
        who = "human team" if org_seat is not None and org_seat.is_human else "AI mandate"
        org_name = names.get(org_id, org_id)
        lines += _named(org_name)
        lines.append(f"  {_cell(org_name)} {who[:16]:<16} {org_score.points:>5.1f}/{org_score.max_points:<4} "
                     f"{'':>5} {'':>5} {org_score.score:>5.1f}  organization")
    lines += ["", "[b]Objectives[/]"]
    everyone: list[tuple[str, list[ObjectiveResult]]] = [(s, r.objectives) for s, r in ranked]
    everyone += [(o, r.objectives) for o, r in score.organizations.items()]
    for state_id, objectives in everyone:
        lines.append(f"  [b]{escape(names.get(state_id, state_id))}[/]")
        for objective in objectives:
            # a part of a cut earned reads as partly met, as the debrief's ◐ does (it read ✗ beside
            # '1.6 of 2 pts')
            partly = not objective.met and objective.earned > 0
            mark = "◐" if partly else check(objective.met)
            earned = partial_points(objective.earned, objective.points) if partly else f"{objective.earned:.1f}"
            lines.append(f"    {mark} {escape(objective.description)} ({earned} of {objective.points} pts)")
    if not debrief:
        return "\n".join(lines)
    lines += [
        "",
        "[b]The debrief[/]",
        "  w  write the debrief beside the save, twice: the class's (HTML with charts to project and hand out, "
        "and Markdown; private messages without their text) and the facilitator's (every message's text)",
        "  v  replay this game: every action and message, each team's view and the truth, notes",
        "  t  back to the title screen · q quit",
    ]
    return "\n".join(lines)


def report_later(save: Path, here: Path | None = None, home: Path | None = None) -> str:
    """How to write the class's debrief of `save` later: a line that says where to run it, then
    the command on a line of its own, to copy whole (the screen shows it unwrapped). The whole form,
    an absolute path and '--format html --for class', wrapped across three lines at 80 columns, and
    a command split across lines runs as none: the format and the audience are left to their
    defaults (the file's extension says HTML, the class's is the default), and the save's path is
    made as short as it honestly can be, relative to `here` (the working folder) when it lies
    within it, else from `~` (the home folder), else absolute."""
    here = Path.cwd() if here is None else here
    home = Path.home() if home is None else home
    where = ", from this folder"
    if save.is_absolute() and save.is_relative_to(here):
        save = save.relative_to(here)
    if save.is_absolute():
        where = ""
    path = shlex.quote(str(save))
    if save.is_absolute() and save.is_relative_to(home) and save != home:
        path = "~/" + shlex.quote(str(save.relative_to(home)))  # the shell expands a bare ~ only
    command = " ".join(["accord", "report", path, "-o", "debrief.html"])
    return f"  or later{where}, the class's debrief as one HTML page:\n{command}"


NAME_WIDTH = 13


def _named(name: str) -> list[str]:
    """A name too long for its column gets a line of its own above its figures, whole: cut, the
    UN office and the IOM both read "International"."""
    return [f"  {escape(name)}"] if len(name) > NAME_WIDTH else []


def _cell(name: str) -> str:
    return escape(f"{name:<{NAME_WIDTH}}") if len(name) <= NAME_WIDTH else " " * NAME_WIDTH


class FinalScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "debrief", "Write debrief"),
        Binding("v", "replay", "Replay"),
        Binding("t", "title", "Title"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    @property
    def accord(self) -> "AccordApp":

        return cast("AccordApp", self.app)

    def compose(self) -> ComposeResult:
        scenario = self.session.scenario
        label = scenario.round_label
        yield Static(f"[b]THE GAME IS OVER[/] · {escape(scenario.title)} · "
                     f"{counted(scenario.rounds, label, label + 's')}", classes="screen-title")
        with VerticalScroll(id="final-body"):
            yield Static("Computing the baseline: the same game with nobody acting…", id="final-text")
            # a line of its own, never wrapped: a command to copy, split across lines, runs as none
            yield Static(id="final-command", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#final-body").focus()
        self.compute()

    @work(thread=True, exit_on_error=False, group="final")
    def compute(self) -> GameScore:
        """The baseline replays the whole scenario: a worker keeps the screen responsive meanwhile."""
        session = self.session
        return scores(session.state, run_baseline(session.scenario, session.seed))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "final" and event.state == WorkerState.SUCCESS and isinstance(worker.result, GameScore):
            self.query_one("#final-text", Static).update(final_text(self.session, worker.result))
            if self.session.path is not None:
                command = self.query_one("#final-command", Static)
                command.update(report_later(self.session.path))
                command.display = True
        elif worker.group == "final" and event.state == WorkerState.ERROR:
            self.query_one("#final-text", Static).update(f"✗ The scores could not be computed: {worker.error!r}")
        elif worker.group == "debrief" and event.state == WorkerState.SUCCESS and isinstance(worker.result, list):
            written = ", ".join(str(path) for path in worker.result)
            self.accord.notice(f"The debrief is written: {written}. Open the class's HTML file in a browser to show "
                               "the class; the facilitator's files keep private messages: do not hand them out.",
                               title="Debrief written", mark="✓")
        elif worker.group == "debrief" and event.state == WorkerState.ERROR:
            self.accord.notice(f"The debrief could not be written: {worker.error}", title="Debrief")

    def action_debrief(self) -> None:
        if self.session.path is None:
            self.accord.notice("This game is kept in memory only, so there is no save to write a debrief beside.",
                               title="Debrief")
            return
        self.notify("Writing the debrief…", timeout=3)
        self.write_debrief(self.session.path)

    @work(thread=True, exit_on_error=False, group="debrief")
    def write_debrief(self, save: Path) -> list[Path]:
        from game.report.render import render_all
        from game.session.replay import Replay
        from game.session.store import write_atomically

        stem = save.name.removesuffix(".gz").removesuffix(".json")
        written = []
        texts = render_all(Replay(self.session), ["html", "md"], ["class", "facilitator"])
        for (audience, format), text in texts.items():
            target = save.with_name(f"{stem}-debrief-{audience}.{format}")
            private = 0o600 if audience == "facilitator" else None  # it holds private messages
            write_atomically(target, text.encode(), private)
            written.append(target)
        return written

    def action_replay(self) -> None:
        self.accord.open_replay(self.session.replay(), self.session)

    def action_title(self) -> None:
        self.accord.to_title()

    async def action_quit(self) -> None:
        self.accord.exit()
