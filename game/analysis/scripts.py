"""Scripted seats for the strategies that no AI personality plays: the paper table and the lone
crackdown. Each takes the open round's state and returns the state after its moves; a move the
rules refuse is left out, so a script keeps working when the rules change what is allowed."""

from itertools import combinations

from game.ai.valuation import best_target
from game.engine import ActionRejected, apply, legal_actions, view
from game.model.actions import Action, AdoptLaw, Allocate, Propose, Respond
from game.model.state import GameState
from game.model.terms import Terms

BORDER_RULE = "border_security"
"""The built-in law whose rule tightens border crossings: a crackdown adopts every law following it."""
NOT_SIGNED = frozenset({"funding"})
"""Rules the paper table leaves out: funding moves budget from one state to another, and the paper
table changes nothing but signatures."""


def _try(state: GameState, action: Action) -> GameState | None:
    try:
        return apply(state, action, by=action.actor)
    except ActionRejected:
        return None


def sign_everything(state: GameState) -> GameState:
    """Round 1: every kind the catalogue holds (but funding), for every pair of states, or for
    every state whose laws qualify when a kind needs three or more parties, proposed by the first
    party able to and accepted by every other; later rounds: nothing. Multilateral kinds go first,
    so that where political capital runs short it goes to the conventions."""
    if state.round != 1:
        return state
    states = sorted(state.states)
    catalogue = view(state, states[0]).rules.agreements
    kinds = sorted((k for k, spec in catalogue.items() if spec.rule not in NOT_SIGNED),
                   key=lambda k: (catalogue[k].min_parties <= 2, k))
    for kind in kinds:
        spec = catalogue[kind]
        qualified = [s for s in states if set(spec.requires_laws) <= set(state.states[s].laws)]
        groups = [qualified] if spec.min_parties > 2 else [list(p) for p in combinations(qualified, 2)]
        for parties in groups:
            if len(parties) >= spec.min_parties:
                state = _sign(state, kind, parties)
    return state


def _sign(state: GameState, kind: str, parties: list[str]) -> GameState:
    """Proposed with no terms, or, if the rules ask for a target, against the proposer's best-known
    network; then accepted by every other party."""
    for proposer in parties:
        target = None
        for _ in range(2):
            terms = Terms(network=target) if target else Terms()
            before = set(state.proposals)
            after = _try(state, Propose(state=proposer, agreement=kind, parties=parties, terms=terms))
            if after is not None:
                [proposal] = set(after.proposals) - before
                for party in parties:
                    if party != proposer:
                        after = _try(after, Respond(state=party, proposal=proposal, answer="accept")) or after
                return after
            target = target or best_target(view(state, proposer))
            if target is None:
                break
    return state


def invest(capacity: str, laws: tuple[str, ...], state: GameState) -> GameState:
    """Every state adopts each law of `laws` it can (in order: a prerequisite first), then puts all
    the points it has left into `capacity`: the protection-first and enforcement-first tables."""
    for state_id in sorted(state.states):
        for law in laws:
            if law not in state.states[state_id].laws and law not in state.states[state_id].pending_laws:
                state = _try(state, AdoptLaw(state=state_id, law=law)) or state
        points = int(view(state, state_id).me.available * 100) / 100
        if points > 0:
            state = _try(state, Allocate.model_validate({"state": state_id, "budget": {capacity: points}})) or state
    return state


def crack_down(focus: str, state: GameState) -> GameState:
    """The state in focus adopts each border law it can, then puts all the points it has left
    into border and enforcement, half each."""
    laws = view(state, focus).rules.laws
    for action in legal_actions(state, focus):
        if isinstance(action, AdoptLaw) and laws[action.law].rule == BORDER_RULE:
            state = _try(state, action) or state
    points = int(view(state, focus).me.available * 50) / 100
    if points > 0:
        budget = {"border": points, "enforcement": points}
        state = _try(state, Allocate.model_validate({"state": focus, "budget": budget})) or state
    return state
