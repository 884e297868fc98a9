"""What each team's choices did: the game re-run without that team's orders (`game.session.rerun`),
and the difference in true victim-rounds at home, on its neighbours and for the whole table.

A positive figure is harm the team's choices averted (the re-run without them had more victim-rounds);
a negative one is harm they added (pressure that pushed the flows onto others shows here as harm on
its neighbours). Also: which agreement did the most, by re-running the game without the proposal
that led to it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from game.model.report import RoundReport
from game.model.terms import Terms
from game.model.world import World
from game.session.document import SaveDocument
from game.session.log import Submitted
from game.session.rerun import Rerun, creators, rerun


@dataclass(slots=True)
class TeamEffect:
    """Victim-rounds averted by one team's choices (re-run without them minus the game as played)."""

    team: str
    home: float | None
    """In its own territory (None for an organization, which has none)."""
    neighbours: float | None
    """In the states next to it on the map."""
    table: float
    """On the whole map."""
    neighbour_ids: list[str] = field(default_factory=list)
    left_out: int = 0
    """Its own actions, left out."""
    unplayable: list[str] = field(default_factory=list)
    """Other seats' actions that could not be replayed without it."""


@dataclass(slots=True)
class AgreementEffect:
    agreement: str
    kind: str
    parties: list[str]
    signed: int
    table: float
    """Victim-rounds averted on the whole map, against the game without the proposal behind it."""
    terms: Terms | None = None
    """Its terms, so that a grant's line can say who pays whom."""


def team_effects(document: SaveDocument) -> list[TeamEffect]:
    """One re-run per state and organization that acted, in scenario order."""
    world = document.world
    acting = {s.state for closed in document.log.rounds for s in closed.actions if s.type != "ready"}
    effects = []
    for team in [s.id for s in document.scenario.states] + [o.id for o in document.scenario.organizations]:
        if team not in acting:
            effects.append(_no_effect(world, team))
            continue
        result = rerun(document, _dropping_team(team))
        effects.append(_effect(world, team, result))
    return effects


def agreement_effects(document: SaveDocument,
                      final_agreements: dict[str, tuple[str, str, list[str], int, Terms | None]]
                      ) -> list[AgreementEffect]:
    """For each signed agreement (id -> proposal, kind, parties, round signed, terms), the harm
    averted on the whole map against the same game without the proposal that led to it."""
    effects = []
    made = creators(document)
    for agreement, (proposal, kind, parties, signed, terms) in final_agreements.items():
        created = made.get(proposal)
        if created is None:
            continue
        result = rerun(document, _dropping_action(created))
        effects.append(AgreementEffect(agreement, kind, parties, signed, _averted(result.without, result.recorded),
                                       terms))
    return sorted(effects, key=lambda e: -e.table)


def _dropping_team(team: str) -> Callable[[Submitted], bool]:
    def drop(submitted: Submitted) -> bool:
        return submitted.state == team or submitted.by == team

    return drop


def _dropping_action(action: Submitted) -> Callable[[Submitted], bool]:
    def drop(submitted: Submitted) -> bool:
        return submitted is action

    return drop


def _effect(world: World, team: str, result: Rerun) -> TeamEffect:
    table = _averted(result.without, result.recorded)
    if team not in world.state_specs:
        return TeamEffect(team, None, None, table, [], result.left_out, list(result.unplayable))
    near = neighbours(world, team)
    home = _averted(result.without, result.recorded, [team])
    around = _averted(result.without, result.recorded, near)
    return TeamEffect(team, home, around, table, near, result.left_out, list(result.unplayable))


def _no_effect(world: World, team: str) -> TeamEffect:
    if team not in world.state_specs:
        return TeamEffect(team, None, None, 0.0)
    return TeamEffect(team, 0.0, 0.0, 0.0, neighbours(world, team))


def neighbours(world: World, state_id: str) -> list[str]:
    """The states holding a region next to one of this state's regions."""
    near = {world.controller[other] for region in world.territory.get(state_id, [])
            for other in world.neighbours.get(region, [])}
    return [s for s in world.state_ids if s in near and s != state_id]


def _averted(without: list[RoundReport], played: list[RoundReport], states: list[str] | None = None) -> float:
    def victims(reports: list[RoundReport]) -> float:
        if states is None:
            return float(sum(r.victims_total for r in reports))
        return float(sum(r.states[s].victims_exploited for r in reports for s in states if s in r.states))

    return victims(without) - victims(played)
