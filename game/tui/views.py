"""What the panels need from a seat's view, whether the seat is a state (`PlayerView`) or an
organization (`OrgView`): names, the other parties, the networks it knows of."""

from game.engine.diplomacy.effects import mou_acts_on
from game.model.view import OrgView, PlayerView

SeatView = PlayerView | OrgView


def names_of(view: SeatView) -> dict[str, str]:
    """Every region, state and own name the view knows, by id. A state's or an organization's name
    wins over a region's with the same id: europe's regions `austria`, `hungary` and `netherlands`
    share their states' ids, and the parties to an agreement, a proposer, a pledger read as
    'Austria (Vienna and the Brenner corridor)'. A path of regions, written short, reads the same."""
    names = {region.id: region.name for region in view.regions}
    states = view.others if isinstance(view, PlayerView) else view.states
    names.update({state.id: state.name for state in states})
    names[view.me.id] = view.me.name
    names.update({org.id: org.name for org in view.organizations})
    return names


def catalogue_names(view: SeatView) -> dict[str, str]:
    """Law and agreement ids -> their names, for objectives written with ids."""
    return {law: spec.name for law, spec in view.rules.laws.items()} | {
        kind: spec.name for kind, spec in view.rules.agreements.items()}


def parties_of(view: SeatView) -> list[tuple[str, str]]:
    """The states this seat can negotiate with, as (id, name), in the scenario's order."""
    states = view.others if isinstance(view, PlayerView) else view.states
    return [(state.id, state.name) for state in states if state.id != view.me.id]


def known_networks(view: SeatView) -> list[str]:
    """Networks this seat has intelligence on (a target for a joint investigation team)."""
    if not isinstance(view, PlayerView):
        return []
    return sorted({route.id.split("/")[0] for route in view.routes})


def network_names(view: SeatView) -> dict[str, str]:
    """Network ids -> their names, for the networks this seat knows a route of and those a proposal
    or an agreement it can see targets (named there for every party, intelligence or not)."""
    targets = {p.terms.network: p.target_name for p in view.proposals if p.terms.network and p.target_name}
    targets |= {a.terms.network: a.target_name for a in view.agreements if a.terms.network and a.target_name}
    if not isinstance(view, PlayerView):
        return targets
    return targets | {route.id.split("/")[0]: route.network or route.id.split("/")[0] for route in view.routes}


def id_names(view: SeatView) -> dict[str, str]:
    """Ids -> names for putting names into the engine's sentences: every state, region,
    organization and known network, and the laws and agreements whose ids cannot be an ordinary
    word (`victim_protection`, not `funding` or `extradition`, which the engine also writes as words)."""
    catalogue = {k: v for k, v in catalogue_names(view).items() if "_" in k or "-" in k}
    return names_of(view) | catalogue | network_names(view)


def labour_corridor_known(view: SeatView, parties: list[str]) -> bool:
    """Whether this seat knows a labour route from one party's territory into another's: the only
    corridors a labour migration MoU acts on (its regular channels and its fall in vulnerability and
    irregular demand). What the seat knows, not the truth: a team is warned from its own intelligence."""
    if not isinstance(view, PlayerView):
        return True  # an organization sees no routes: no warning it could not explain
    owner = {region.id: region.controlled_by for region in view.regions}
    wanted = set(parties)
    for route in view.routes:
        start, end = owner.get(route.path[0]), owner.get(route.path[-1])
        if start in wanted and end is not None and mou_acts_on(route.form, end, wanted - {start}):
            return True
    return False
