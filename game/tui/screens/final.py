"""The end of the game: each state's score, the shared outcome against the run where nobody acts
(the hidden truth, revealed at last), and the way to the debrief and the replay."""

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
from game.report.text import of_points, partial_points
from game.session.seats import Seat
from game.session.session import Session
from game.tui import turns
from game.tui.paths import HOME, command_lines, honest_path, path_lines
from game.tui.text import check, counted, escape, num, seat_words, tier_label
from game.tui.widgets.wrapped import Wrapped

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
            lines.append(f"    {mark} {escape(objective.description)} ({earned} {of_points(objective.points)})")
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


def report_later(save: Path, here: Path | None = None, home: Path | None = None, width: int | None = None) -> str:
    """How to write the class's debrief of `save` later: a line that says where to run it, then
    the command on lines of its own, to copy whole (the screen shows them unwrapped). The format
    and the audience are left to their defaults (the file's extension says HTML, the class's is the
    default), and the save's path is as short as it honestly is (`paths.honest_path`). A command
    wider than `width` goes on several lines joined by the shell's continuation, and the line
    above says so: an absolute save folder pushed it past an 80-column screen, where it scrolled
    sideways, unannounced."""
    path = honest_path(save, here, home)
    where = "" if path.startswith(HOME) or Path(path).is_absolute() else ", from this folder"
    lines = command_lines(["accord", "report", path, "-o", "debrief.html"], width)
    spread = (f"\n  one command on {len(lines)} lines (each but the last ends in \\): copy them all"
              if len(lines) > 1 else "")
    return f"  or later{where}, the class's debrief as one HTML page:{spread}\n" + "\n".join(lines)


def written_text(written: Mapping[str, list[Path]], width: int, here: Path | None = None,
                 home: Path | None = None) -> str:
    """Where the debrief was written, in lines no wider than `width`: the folder on lines of its
    own (as short as it honestly is, broken only after a '/'), then each file's name on a line of
    its own under its audience. Four absolute paths in a sentence wrapped mid-name
    ('…/class/s' over 'aves/2026/…-debrief-facilita' over 'tor.html,')."""
    files = [path for paths in written.values() for path in paths]
    folder = files[0].parent if files else Path.cwd()
    shown = honest_path(folder, here, home)
    within = "" if shown.startswith(HOME) or Path(shown).is_absolute() else " (from this folder)"
    lines = ["The debrief is written beside the save, in the folder" + within]
    lines += ["  " + line for line in path_lines(shown, width - 2)]
    words = {"class": "The class's (open the HTML file in a browser to show the class):",
             "facilitator": "The facilitator's (private messages kept: do not hand it out):"}
    for audience, paths in written.items():
        lines += ["", words.get(audience, audience)]
        lines += ["  " + line for path in paths for line in path_lines(path.name, width - 2)]
    return "\n".join(lines)


NOTICE_WIDTH = 70
"""The columns a wide notice gives its text: its 74 inside, less a scrollbar's."""
NAME_WIDTH = 13
COMMAND_MARGIN = 1
"""Columns of the final screen that the command leaves free: its last, where nothing is copied."""


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
            yield Wrapped("Computing the baseline: the same game with nobody acting…", id="final-text")
        # lines of their own, never wrapped by the screen (a command split there runs as none): the
        # command breaks with the shell's continuation where it must (`paths.command_lines`)
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
            self.show_command()
        elif worker.group == "final" and event.state == WorkerState.ERROR:
            self.query_one("#final-text", Static).update(f"✗ The scores could not be computed: {worker.error!r}")
        elif worker.group == "debrief" and event.state == WorkerState.SUCCESS and isinstance(worker.result, dict):
            self.accord.notice(written_text(worker.result, NOTICE_WIDTH), title="Debrief written", mark="✓",
                               wide=True)
        elif worker.group == "debrief" and event.state == WorkerState.ERROR:
            self.accord.notice(f"The debrief could not be written: {worker.error}", title="Debrief")

    def show_command(self) -> None:
        """The command for the debrief later, in lines as wide as the screen leaves it."""
        if self.session.path is None:
            return
        command = self.query_one("#final-command", Static)
        command.update(report_later(self.session.path, width=self.size.width - COMMAND_MARGIN))
        command.display = True

    def on_resize(self) -> None:
        if self.query_one("#final-command", Static).display:
            self.show_command()

    def action_debrief(self) -> None:
        if self.session.path is None:
            self.accord.notice("This game is kept in memory only, so there is no save to write a debrief beside.",
                               title="Debrief")
            return
        self.notify("Writing the debrief…", timeout=3)
        self.write_debrief(self.session.path)

    @work(thread=True, exit_on_error=False, group="debrief")
    def write_debrief(self, save: Path) -> dict[str, list[Path]]:
        """Audience -> the files written for it."""
        from game.report.render import render_all
        from game.session.replay import Replay
        from game.session.store import write_atomically

        stem = save.name.removesuffix(".gz").removesuffix(".json")
        written: dict[str, list[Path]] = {}
        texts = render_all(Replay(self.session), ["html", "md"], ["class", "facilitator"])
        for (audience, format), text in texts.items():
            target = save.with_name(f"{stem}-debrief-{audience}.{format}")
            private = 0o600 if audience == "facilitator" else None  # it holds private messages
            write_atomically(target, text.encode(), private)
            written.setdefault(audience, []).append(target)
        return written

    def action_replay(self) -> None:
        self.accord.open_replay(self.session.replay(), self.session)

    def action_title(self) -> None:
        self.accord.to_title()

    async def action_quit(self) -> None:
        self.accord.exit()
