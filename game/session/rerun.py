"""A saved game played again with some of its recorded actions left out: "what your choices did".

The debrief asks what the table would have looked like without one team's orders (or without one
agreement). Everything else is kept as recorded: the scenario, the seed, the facilitator's injects
and every other seat's actions, AI seats included (their recorded moves are replayed, not decided
again, so the other seats do not react to the missing choices except through the rules).

Two games are played side by side through `Session`s kept in memory: the save as recorded and the
save without the dropped actions. Proposal and agreement ids are handed out in order, so leaving a
proposal out renumbers the later ones; playing both games in step maps each id of the recording to
the id the same proposal got in the re-run, so that an answer or a withdrawal still reaches the
proposal it was meant for. What cannot be replayed is left out and counted:

- an answer, counter or withdrawal that refers to a proposal or agreement that was never made in
  the re-run (one the removed team proposed, for example);
- an action the rules refuse in the re-run (a law whose prerequisite came from a dropped agreement,
  a contribution the state cannot afford any more, ...).

A proposal made by another team that names the removed team as a party stays on the table; the
removed team never answers it, so it is settled as the rules settle an unanswered proposal.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from game.engine.diplomacy.ids import numbered_as
from game.engine.errors import ActionRejected
from game.model.actions import Action, Propose, Respond, Withdraw
from game.model.report import RoundReport
from game.model.state import GameState
from game.session.document import SaveDocument
from game.session.errors import SessionError
from game.session.log import Submitted
from game.session.positions import numbered_ids
from game.session.session import Session


@dataclass(slots=True)
class Rerun:
    """Both games, round by round, and what could not be replayed."""

    recorded: list[RoundReport]
    """The save's rounds replayed under the current rules (the same as the save's own reports when
    it was written under these rules)."""
    without: list[RoundReport]
    final_recorded: GameState
    final_without: GameState
    left_out: int = 0
    """Actions dropped on purpose (the removed team's, or the proposal's)."""
    unplayable: list[str] = field(default_factory=list)
    """Other seats' actions that could not be replayed, each with why."""


def rerun(document: SaveDocument, drop: Callable[[Submitted], bool]) -> Rerun:
    """Every resolved round of `document` played twice: as recorded, and without the actions for
    which `drop` is true."""
    recorded = _session(document)
    without = _session(document)
    proposals: dict[str, str | None] = {}
    agreements: dict[str, str | None] = {}
    result = Rerun([], [], recorded.state, without.state)
    numbered = numbered_ids(document)
    for closed in document.log.rounds:
        for submitted in closed.actions:
            before = set(recorded.state.proposals)
            if numbered:  # a save of rules 1 to 3 names proposals by number: name them as drawn now
                submitted = Submitted.of(numbered_as(recorded.state, submitted.action), submitted.by,
                                         submitted.reason)
            _replay(recorded, submitted, closed.round, document)
            made = [p for p in recorded.state.proposals if p not in before]
            if drop(submitted):
                result.left_out += 1
                proposals.update((p, None) for p in made)
                continue
            mapped = _mapped(submitted.action, proposals, agreements)
            if mapped is None:
                result.unplayable.append(f"round {closed.round}: {submitted.state} {submitted.type} refers to a "
                                         "proposal or agreement the re-run never had")
                proposals.update((p, None) for p in made)
                continue
            had = set(without.state.proposals)
            try:
                without.submit(mapped, by=submitted.by, reason=submitted.reason)
            except ActionRejected as error:
                result.unplayable.append(f"round {closed.round}: {submitted.state} {submitted.type}: {error}")
                proposals.update((p, None) for p in made)
                continue
            got = [p for p in without.state.proposals if p not in had]
            proposals.update(zip(made, got + [None] * (len(made) - len(got)), strict=False))
        result.recorded.append(recorded.resolve())
        result.without.append(without.resolve())
        _map_agreements(recorded.state, without.state, proposals, agreements)
    result.final_recorded, result.final_without = recorded.state, without.state
    return result


def creators(document: SaveDocument) -> dict[str, Submitted]:
    """Which recorded action made each proposal (a proposal, a counter or a convention), found by
    playing the save once: whatever scheme numbers the proposals."""
    session = _session(document)
    made: dict[str, Submitted] = {}
    numbered = numbered_ids(document)
    for closed in document.log.rounds:
        for submitted in closed.actions:
            before = set(session.state.proposals)
            if numbered:
                submitted = Submitted.of(numbered_as(session.state, submitted.action), submitted.by, submitted.reason)
            _replay(session, submitted, closed.round, document)
            made.update((p, submitted) for p in session.state.proposals if p not in before)
        session.resolve()
    return made


def _replay(session: Session, submitted: Submitted, round_no: int, document: SaveDocument) -> None:
    """A recorded action submitted again as recorded, or `SessionError` saying which one the
    current rules refuse (a save written under other rules, or edited)."""
    try:
        session.submit(submitted.action, by=submitted.by, reason=submitted.reason)
    except (ActionRejected, ValueError) as error:
        raise SessionError(f"{document.name}: round {round_no}, {submitted.state} {submitted.type} is refused when "
                           f"the save is played again: {error}") from None


def _session(document: SaveDocument) -> Session:
    return Session.new(document.scenario, document.seed, document.seats, None, autosave=False)


def _mapped(action: Action, proposals: dict[str, str | None], agreements: dict[str, str | None]) -> Action | None:
    """The action with its proposal or agreement id as the re-run numbered it; None when that one
    was never made in the re-run."""
    if isinstance(action, Respond):
        target = proposals.get(action.proposal, action.proposal)
        return None if target is None else action.model_copy(update={"proposal": target})
    if isinstance(action, Withdraw):
        table = agreements if action.agreement in agreements else proposals
        target = table.get(action.agreement, action.agreement)
        return None if target is None else action.model_copy(update={"agreement": target})
    if isinstance(action, Propose) and action.counters is not None:
        target = proposals.get(action.counters, action.counters)
        return None if target is None else action.model_copy(update={"counters": target})
    return action


def _map_agreements(recorded: GameState, without: GameState, proposals: dict[str, str | None],
                    agreements: dict[str, str | None]) -> None:
    """Each agreement of the recording, by the proposal it came from, to the re-run's."""
    by_proposal = {record.proposal: record.id for record in without.agreements.values()}
    for record in recorded.agreements.values():
        if record.id in agreements:
            continue
        source = proposals.get(record.proposal, record.proposal)
        agreements[record.id] = by_proposal.get(source) if source is not None else None
