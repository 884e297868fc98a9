"""A game with no human at the table: orders come from a file (or nobody), rounds resolve in turn.

Used by `accord simulate` and, later, by balance runs. It plays through a `Session`, the one code
path that writes saves, so `--save` gives the same file a class's game would. Its result holds every
report and hash, so the command line and tests read the same figures.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.ai.driver import AiMove, play_round
from game.engine import apply, is_over, new_game, resolve_round, run_baseline, scores
from game.engine.diplomacy.ids import numbered_as
from game.engine.errors import ActionRejected
from game.engine.scoring import GameScore
from game.model.actions import Action
from game.model.report import RoundReport
from game.model.rounds import round_name
from game.model.scenario import Scenario
from game.model.state import GameState
from game.model.summit import SummitRecord, SummitSpec, the_summit
from game.scenario.check_summits import LATE
from game.session.seats import Seat
from game.session.session import Session

OrdersFor = Callable[[GameState], list[tuple[Action, Callable[[str], Exception]]]]
"""For the open round: the actions to apply, each with how to report its rejection."""
Script = Callable[[GameState], GameState]
"""Scripted seats' moves for the open round: the state after them (a script decides for itself
what to do with a move the rules refuse)."""
Allow = Callable[[Action], bool]
"""Which of the AI seats' moves go through; the others are dropped as if never made."""


@dataclass
class Simulation:
    scenario: Scenario
    seed: int
    reports: list[RoundReport]
    final: GameState
    score: GameScore
    saved: Path | None = None
    seats: dict[str, str] = field(default_factory=dict)
    """AI personality per AI-played state; the others followed the orders file, or did nothing."""
    moves: list[AiMove] = field(default_factory=list)
    summits: dict[int, list[SummitRecord]] = field(default_factory=dict)
    """Round -> every summit as it stood after that round resolved (only rounds that had one)."""


def with_rounds(scenario: Scenario, rounds: int | None) -> Scenario:
    """The scenario cut short or run long, as `--rounds` asks."""
    if rounds is None or rounds == scenario.rounds:
        return scenario
    return scenario.model_copy(update={"rounds": rounds})


def shortened(scenario: Scenario, rounds: int | None) -> Scenario:
    """The scenario cut to `rounds` for a class that has less time: every scripted event due after
    the new last round is moved into it, so that a cut tutorial still shows every idea (the last
    round carries the rest), where `with_rounds` would leave them out. A scheduled summit too late to
    be adopted and ratified in time is moved earlier, or left out when the game is too short for any
    (`accord validate` refuses either in a scenario file); the summary the class reads first says so."""
    cut = with_rounds(scenario, rounds)
    if rounds is None or rounds >= scenario.rounds:
        return cut
    events = [event.model_copy(update={"round": rounds}) if event.round is not None and event.round > rounds
              else event for event in cut.events]
    summits, notes = _summits_in(cut, rounds)
    summary = " ".join([cut.summary.strip(), *notes]) if notes else cut.summary
    return cut.model_copy(update={"events": events, "summits": summits, "summary": summary})


def latest_summit_round(rounds: int) -> int | None:
    """The latest round a summit may draft in so that a game of `rounds` adopts its text, ratifies it
    and sees its treaty act for more than `LATE` rounds (the timing `accord validate` asks for);
    round 1 where the game allows no more than one round of action; None where it is too short for a
    treaty to enter into force at all (drafted, adopted, ratified, and never at the last resolution)."""
    if rounds - 3 < 1:
        return None
    return max(1, rounds - 3 - LATE)


def _summits_in(scenario: Scenario, rounds: int) -> tuple[list[SummitSpec], list[str]]:
    """The scenario's summits for a game of `rounds`, and a sentence for each one moved or left out."""
    latest = latest_summit_round(rounds)
    kept: list[SummitSpec] = []
    notes: list[str] = []
    label, start = scenario.round_label, scenario.start_year
    cut = f"Cut to {rounds} {label}{'s' if rounds != 1 else ''}"  # the scenario's word: 'Cut to 6 years'
    for summit in scenario.summits:
        if latest is not None and summit.round <= latest:
            kept.append(summit)
        elif latest is None:
            notes.append(f"{cut}, the game leaves out {the_summit(summit.name)}: a summit drafts in one {label}, "
                         f"adopts in the next, and its treaty is ratified after that, before the last {label}.")
        else:
            kept.append(summit.model_copy(update={"round": latest}))
            notes.append(f"{cut}, {the_summit(summit.name)} meets in "
                         f"{round_name(label, latest, start)} instead of {round_name(label, summit.round, start)}, "
                         "so that its treaty can still be adopted and ratified.")
    return kept, notes


def simulate(
    scenario: Scenario,
    seed: int,
    orders: OrdersFor | None = None,
    save: Path | None = None,
    ai: dict[str, str] | None = None,
    baseline: GameState | None = None,
) -> Simulation:
    """Play to the end: each round the scripted orders, then the AI seats (`ai`: state ->
    personality), then resolution. With `save`, the game is written there once, at the end (no
    human waits on it, so there is nothing to autosave along the way). `baseline` may be passed
    when many games share one seed's counterfactual run."""
    ai_seats = dict(ai or {})
    seats = {state_id: Seat.ai(name) for state_id, name in ai_seats.items()}
    session = Session.new(scenario, seed, seats=seats, saves_dir=None, path=save, autosave=False)
    moves: list[AiMove] = []
    summits: dict[int, list[SummitRecord]] = {}
    while not session.is_over:
        for action, rejected in orders(session.state) if orders else []:
            try:
                # an orders file cannot know the drawn ids (`p-kqzx`) of the proposals it makes: `p1`,
                # `p2`, ... name the first, second, ... proposal made in the game, as in saves of
                # rules 1 to 3 (a live id is used as it is)
                session.submit(numbered_as(session.state, action))
            except ActionRejected as error:
                raise rejected(str(error)) from None
        moves.extend(session.play_ai())
        number = session.state.round
        session.resolve()
        if session.state.summits:
            summits[number] = [summit.clone() for summit in session.state.summits.values()]
    saved = session.save() if save is not None else None
    counterfactual = baseline if baseline is not None else run_baseline(scenario, seed)
    final = session.state
    return Simulation(scenario, seed, session.reports, final, scores(final, counterfactual), saved, ai_seats, moves,
                      summits)


def play_out(
    scenario: Scenario,
    seed: int,
    ai: dict[str, str] | None = None,
    script: Script | None = None,
    allow: Allow | None = None,
    refused: list[str] | None = None,
) -> tuple[GameState, list[RoundReport]]:
    """The end of a game and every round's report, played on the engine alone: each round the
    script, then the AI seats (`ai`: seat -> personality, moves filtered by `allow`), then the
    resolution. Many-game runs (balance, lessons) keep no save, so they skip a session's log, seals
    and snapshots (a tenth of a game's time); the same moves in the same order give the same states
    as `simulate`. With no script and no AI it is the baseline, nobody acting. Its reports carry no
    state hash (`resolve_round(hashed=False)`): nothing it serves keeps or checks one.

    An AI move the rules refuse is a bug in the AI and raises, unless `refused` is given: then the
    move is left out and its reason appended, so that a sweep of the model's parameters, which can
    push an AI's rules of thumb past the rules, still finishes and can say how often it happened."""
    state = new_game(scenario, seed)
    seats = dict(ai or {})
    reports: list[RoundReport] = []
    current = [state]

    def submit(action: Action, state_id: str, reason: str) -> GameState:
        if allow is None or allow(action):
            try:
                current[0] = apply(current[0], action, by=state_id)
            except ActionRejected as error:
                if refused is None:
                    raise
                refused.append(f"round {current[0].round}, {state_id}, {action.type}: {error}")
        return current[0]

    while not is_over(state):
        if script is not None:
            state = script(state)
        if seats:
            current[0] = state
            state, _ = play_round(state, seats, submit)
        state, report = resolve_round(state, hashed=False)
        reports.append(report)
    return state, reports
