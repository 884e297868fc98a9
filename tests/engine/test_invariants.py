"""Invariants of the engine under random legal play (the model card (docs/model.md) sections 2 and 5).

A hypothesis state machine plays the corridor, small generated scenarios and the shipped scenarios
with random legal orders (drawn from `legal_actions` and random splits of the available budget) and
checks after every resolution:

- nothing that counts goes negative, and bounded figures stay in their ranges;
- people are accounted for: on every route, recruited = detected in transit + arrived; for every
  network, region and form, stock after = stock before + arrived - identified - escaped; the states'
  figures add up to the routes' and the stock's;
- the same seed and orders give the same hashes (the whole game is replayed at the end);
- the order in which states submit does not change the state;
- a state's view holds nothing private of another: only the published fields of the others, none of
  their briefs, none of the networks' true numbers;
- a state saved to data and loaded again has the same hash and the same continuation.
"""

import json
import math
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from game.engine import ActionRejected, apply, is_over, legal_actions, new_game, resolve_round, state_hash, view
from game.engine.budget import available
from game.engine.serialize import report_to_data, state_from_data, state_to_data
from game.model.actions import Action, AdoptLaw, Allocate, Message, Propose, Ready, RepealLaw
from game.model.catalogue import BUILTIN_LAWS
from game.model.fields import EFFECT_FIELDS
from game.model.report import RoundReport
from game.model.scenario import Scenario
from game.model.state import GameState
from game.model.view import PublicState
from game.model.vocabulary import CAPACITIES, TIERS
from tests.engine.maps import corridor

FORMS = ("sexual", "labour", "criminality")
LAW_IDS = sorted(BUILTIN_LAWS)
EPSILON = 1e-6


# Scenarios


@cache
def shipped() -> tuple[Scenario, ...]:
    """The shipped scenarios, loaded as the game loads them; none while the loader does not exist.

    Only a missing loader module skips them: a broken scenario fails here."""
    try:
        from game.scenario.loader import load_scenario
    except ModuleNotFoundError as error:
        if error.name != "game.scenario.loader":
            raise
        return ()
    from game.scenario.library import shipped_scenarios

    return tuple(load_scenario(path) for path in shipped_scenarios())


def _laws_with_prerequisites(chosen: list[str]) -> list[str]:
    held = set(chosen)
    changed = True
    while changed:
        changed = False
        for law in list(held):
            missing = set(BUILTIN_LAWS[law].prerequisites) - held
            if missing:
                held |= missing
                changed = True
    return sorted(held)


@st.composite
def small_scenarios(draw: st.DrawFn) -> Scenario:
    """A small valid scenario: 2-4 states, 3-6 regions on a connected map, 1-2 networks whose routes
    step between neighbours, a few events and objectives, and random chances of shocks and emergence."""
    n_states = draw(st.integers(2, 4))
    n_regions = draw(st.integers(3, 6))
    state_ids = [f"s{i}" for i in range(n_states)]
    region_ids = [f"r{i}" for i in range(n_regions)]
    links = {(draw(st.integers(0, i - 1)), i) for i in range(1, n_regions)}
    for a, b in draw(st.lists(st.tuples(st.integers(0, n_regions - 1), st.integers(0, n_regions - 1)), max_size=3)):
        if a != b:
            links.add((min(a, b), max(a, b)))
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in links:
        neighbours[a].add(b)
        neighbours[b].add(a)
    fraction = st.floats(0, 1)
    regions = []
    for i, region_id in enumerate(region_ids):
        owner = state_ids[i] if i < n_states else draw(st.sampled_from([*state_ids, None]))
        forms = draw(st.lists(st.sampled_from(FORMS), unique=True, max_size=3))
        regions.append({
            "id": region_id, "name": f"Region {i}", "population": draw(st.floats(0.1, 50)),
            "vulnerability": draw(fraction), "demand": {f: draw(fraction) for f in forms},
            "neighbours": [region_ids[j] for j in sorted(neighbours[i])], "controlled_by": owner,
        })
    states = []
    for state_id in state_ids:
        laws = _laws_with_prerequisites(draw(st.lists(st.sampled_from(LAW_IDS), unique=True, max_size=4)))
        states.append({
            "id": state_id, "name": f"State {state_id}", "budget": draw(st.floats(0, 40)),
            "political_capital": draw(st.floats(0, 15)), "approval": draw(st.floats(0, 100)),
            "corruption": draw(fraction), "laws": laws,
            "capacities": {c: draw(st.floats(0, 10)) for c in CAPACITIES},
            "brief": f"Private brief of {state_id}: the minister's secret plan {draw(st.integers(10**6, 10**7))}",
            "objectives": [
                {"kind": "reduce_victims", "region": draw(st.sampled_from(region_ids)), "by": 0.1, "points": 2},
                {"kind": "adopt_law", "law": draw(st.sampled_from(LAW_IDS)), "points": 1},
                {"kind": "keep_approval", "at_least": 40, "points": 1},
                {"kind": "reach_tier", "tier": 2, "points": 1},
            ],
        })

    def walk(start: int, length: int) -> list[str]:
        path = [start]
        while len(path) < length:
            options = sorted(neighbours[path[-1]] - set(path))
            if not options:
                break
            path.append(draw(st.sampled_from(options)))
        return [region_ids[i] for i in path]

    networks: list[dict[str, Any]] = []
    for n in range(draw(st.integers(1, 2))):
        routes = [
            {"path": walk(draw(st.integers(0, n_regions - 1)), draw(st.integers(1, 4))),
             "form": draw(st.sampled_from(FORMS)), "flow": draw(st.integers(0, 2000))}
            for _ in range(draw(st.integers(1, 3)))
        ]
        networks.append({
            "id": f"n{n}", "name": f"Network {n}", "capital": draw(st.floats(0, 2000)),
            "core": draw(st.integers(0, 6)), "periphery": draw(st.integers(0, 500)), "tech": draw(fraction),
            "loss_tolerance": draw(st.one_of(st.none(), st.floats(0, 0.5))), "routes": routes,
        })
    events = []
    for e in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["region", "state", "network"]))
        targets: dict[str, list[str]] = {"region": region_ids, "state": state_ids,
                                         "network": [n["id"] for n in networks]}
        target = draw(st.sampled_from(targets[kind]))
        field = draw(st.sampled_from(EFFECT_FIELDS[kind])).replace("<form>", draw(st.sampled_from(FORMS)))
        change = draw(st.sampled_from(["add", "set"]))
        effect = {"target": f"{kind}:{target}", "field": field, change: draw(st.floats(-100, 100))}
        trigger: dict[str, Any] = (
            {"round": draw(st.integers(1, 6))} if draw(st.booleans())
            else {"when": {"target": f"region:{draw(st.sampled_from(region_ids))}", "field": "victims",
                           "above": draw(st.integers(0, 5000))}}
        )
        events.append({"id": f"e{e}", "title": f"Event {e}", "effects": [effect], **trigger})
    return Scenario.model_validate({
        "format": 1, "id": "generated", "title": "Generated", "summary": "A generated scenario.",
        "rounds": draw(st.integers(2, 10)), "regions": regions, "states": states, "networks": networks,
        "events": events,
        "parameters": {"shock_chance": draw(st.sampled_from([0.0, 0.5, 1.0])),
                       "emergence_chance": draw(st.sampled_from([0.0, 0.5, 1.0])),
                       "initial_stock": draw(st.booleans())},
    })


NAMED: dict[str, Callable[[], Scenario]] = {
    "corridor": corridor,
    "corridor with shocks and emergence": lambda: corridor(parameters={}),
}


def sources() -> st.SearchStrategy[str | Scenario]:
    """A scenario, or the name of one (kept short in a failing example): the corridor, a generated
    small scenario, or a shipped one."""
    names = [*NAMED, *(f"shipped:{s.id}" for s in shipped())]
    return st.one_of(st.sampled_from(names), small_scenarios())


def scenario_from(source: str | Scenario) -> Scenario:
    if isinstance(source, Scenario):
        return source
    if source.startswith("shipped:"):
        return next(s for s in shipped() if s.id == source.removeprefix("shipped:"))
    return NAMED[source]()


# Orders


POLICY = (Allocate, AdoptLaw, RepealLaw, Ready)
"""Orders that touch only the acting state: their submission order never matters."""


def order_for(data: st.DataObject, state: GameState, who: str) -> Action | None:
    """A legal order for `who`: one `legal_actions` offers, a random split of its available points,
    a proposal of an agreement, or a message."""
    offered = legal_actions(state, who)
    if not offered:
        return None
    kind = data.draw(st.sampled_from(["offered", "allocation", "offered", "allocation", "proposal", "message"]),
                     label="kind of order")
    if kind == "proposal":
        proposal = proposal_for(data, state, who)
        if proposal is not None:
            return proposal
    if kind == "message":
        others = [s for s in state.world.state_ids if s != who]
        to = data.draw(st.lists(st.sampled_from(others), min_size=1, unique=True), label="to")
        return Message(state=who, to=to, text=f"Private note from {who} to {'+'.join(to)}, round {state.round}")
    if kind == "allocation":
        points = available(state, state.states[who])
        weights = {c: data.draw(st.integers(0, 5), label=f"weight {c}") for c in CAPACITIES}
        spend = points * data.draw(st.floats(0, 1), label="share spent")
        if sum(weights.values()) == 0:
            return Allocate(state=who, budget={})
        return Allocate.model_validate(
            {"state": who, "budget": {c: spend * w / sum(weights.values()) * (1 - 1e-12) for c, w in weights.items()}}
        )
    return data.draw(st.sampled_from(offered), label=f"order of {who}")


def proposal_for(data: st.DataObject, state: GameState, who: str) -> Propose | None:
    """A proposal of a random agreement to random partners, with the terms its kind needs; None when
    the engine refuses it (a missing law, an unknown network)."""
    world = state.world
    others = [s for s in world.state_ids if s != who]
    kind = data.draw(st.sampled_from(sorted(world.agreements)), label="agreement")
    parties = sorted([who, *data.draw(st.lists(st.sampled_from(others), min_size=1, unique=True), label="parties")])
    terms: dict[str, Any] = {}
    if data.draw(st.booleans(), label="duration given"):
        terms["duration"] = data.draw(st.integers(1, 4), label="duration")
    rule = world.agreements[kind].rule
    if rule == "funding":
        terms.update(donor=who, recipient=data.draw(st.sampled_from([p for p in parties if p != who])),
                     amount=data.draw(st.floats(0.5, 6)), capacity=data.draw(st.sampled_from(CAPACITIES)))
    if rule == "joint_investigation_team":
        known = sorted({route_id.split("/")[0] for route_id in state.intelligence[who].routes})
        if not known:
            return None
        terms["network"] = data.draw(st.sampled_from(known), label="network")
    action = Propose.model_validate({"state": who, "agreement": kind, "parties": parties, "terms": terms})
    try:
        apply(state, action, by=who)
    except ActionRejected:
        return None
    return action


# Invariants


def check_ranges(state: GameState) -> None:
    """Nothing that counts goes negative; bounded figures stay in their ranges."""
    assert state.victim_rounds >= 0
    for record in state.states.values():
        where = f"state {record.id}"
        assert record.budget >= 0 and record.political_capital >= -EPSILON, where
        assert 0 <= record.approval <= 100 and 0 <= record.min_approval <= 100, where
        assert 0 <= record.corruption <= 1, where
        assert all(0 <= level <= 10 for level in record.capacities.values()), f"{where}: {record.capacities}"
        assert all(points >= 0 for points in record.allocation.values()), where
        assert record.tier in TIERS and record.watch_list_rounds >= 0, where
        assert all(1 <= s <= 5 for s in record.scores_4p.values()), where
    for region in state.regions.values():
        assert region.population >= 0 and 0 <= region.vulnerability <= 1, region
        assert all(0 <= d <= 1 for d in region.demand.values()), region
    neighbours = state.world.neighbours
    for network in state.networks.values():
        where = f"network {network.id}"
        assert network.capital >= 0 and network.core >= 0 and network.periphery >= 0, where
        assert 0 <= network.tau <= 1 and network.retrafficked >= 0, where
        for region_id, by_form in network.stock.items():
            assert all(isinstance(n, int) and n >= 0 for n in by_form.values()), f"{where} stock in {region_id}"
        for route in network.routes:
            assert route.flow >= 0 and route.reach >= 0 and math.isfinite(route.reach), f"{where} {route.id}"
            assert route.risk_hits >= 0 and route.risk_total >= 0, f"{where} {route.id}"
            assert len(set(route.path)) == len(route.path), f"{route.id} visits a region twice: {route.path}"
            for here, there in zip(route.path, route.path[1:], strict=False):
                assert there in neighbours[here], f"{route.id} steps from {here} to {there}, not neighbours"
    for intel in state.intelligence.values():
        for estimate in (intel.victims, *intel.routes.values()):
            assert 0 <= estimate.low <= estimate.value <= estimate.high, estimate


def check_report_ranges(report: RoundReport) -> None:
    assert report.victims_total >= 0
    for state_id, figures in report.states.items():
        for name in ("victims_exploited", "inflow", "recruited", "arrived", "escaped", "detected_in_transit",
                     "identified_in_exploitation", "identified", "prosecutions", "convictions", "assisted",
                     "retrafficked", "periphery_removed", "migrants_stopped", "migrants_returned",
                     "victims_deported", "came_forward", "testimonies", "moved_on"):
            assert getattr(figures, name) >= 0, f"{state_id}.{name} = {getattr(figures, name)}"
        assert figures.identified == figures.detected_in_transit + figures.identified_in_exploitation, state_id
        assert figures.convictions <= figures.prosecutions, state_id
        # re-trafficked: unassisted identified victims, deported ones, and people moved on after raids
        assert figures.assisted + figures.retrafficked <= (
            figures.identified + figures.victims_deported + figures.moved_on), state_id
        assert figures.migrants_returned <= figures.migrants_stopped, state_id
        assert figures.came_forward <= figures.identified_in_exploitation, state_id
        assert figures.testimonies <= figures.identified, state_id
        paid_out = figures.upkeep + sum(figures.spent.values()) + figures.contributed
        assert paid_out <= figures.budget + figures.funding_received + EPSILON, (
            f"{state_id} paid {paid_out} out of a budget of {figures.budget} and {figures.funding_received} received"
        )
    for network_id, network in report.networks.items():
        assert network.recruited >= 0 and network.interdicted >= 0 and network.victims >= 0, network_id
        assert network.periphery_replaced >= 0 and network.loss_share >= 0, network_id


def check_accounts(before: GameState, after: GameState, report: RoundReport) -> None:
    """People are accounted for: recruited = detected in transit + arrived, on every route; stock after
    = stock before + arrived - identified - escaped, for every network, region and form."""
    controller = after.world.controller
    by_state: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for network_id, network in report.networks.items():
        recruited = 0
        for route in network.routes:
            assert route.flow == route.detected + route.arrived, (
                f"round {report.round}, route {route.id}: {route.flow} recruited, {route.detected} detected, "
                f"{route.arrived} arrived"
            )
            recruited += route.flow
            origin, destination = controller[route.path[0]], controller[route.path[-1]]
            if origin is not None:
                by_state[origin]["recruited"] += route.flow
            if destination is not None:
                by_state[destination]["arrived"] += route.arrived
            by_state["*"]["detected"] += route.detected
        assert recruited == network.recruited, (
            f"round {report.round}, {network_id}: the routes in the report recruited {recruited}, "
            f"the network {network.recruited}"
        )
        arrived: dict[tuple[str, str], int] = defaultdict(int)
        for route in network.routes:
            arrived[(route.path[-1], route.form)] += route.arrived
        old = before.networks[network_id].stock if network_id in before.networks else {}
        new = after.networks[network_id].stock
        accounts = {(s.region, s.form): s for s in network.stock}
        for region_id in sorted(set(old) | set(new)):
            for form in sorted(set(old.get(region_id, {})) | set(new.get(region_id, {}))):
                start, end = old.get(region_id, {}).get(form, 0), new.get(region_id, {}).get(form, 0)
                account = accounts.get((region_id, form))
                came = arrived.get((region_id, form), 0)
                if account is None:
                    assert start == end and came == 0, f"{network_id} in {region_id}/{form}: no account"
                    continue
                assert account.arrived == came and account.held == end, (network_id, account, came, end)
                assert end == start + account.arrived - account.identified - account.escaped, (
                    f"round {report.round}, {network_id} in {region_id} ({form}): {start} held + {account.arrived} "
                    f"arrived - {account.identified} identified - {account.escaped} escaped != {end}"
                )
    for state_id, figures in report.states.items():
        assert figures.recruited == by_state[state_id]["recruited"], (report.round, state_id, "recruited")
        assert figures.arrived == by_state[state_id]["arrived"], (report.round, state_id, "arrived")
        held = sum(
            n for network in after.networks.values() for region_id, by_form in network.stock.items()
            if controller[region_id] == state_id for n in by_form.values()
        )
        assert figures.victims_exploited == held, (report.round, state_id, "victims_exploited")
    detected = sum(f.detected_in_transit + f.victims_deported for f in report.states.values())
    assert detected == by_state["*"]["detected"], "every detection is credited to the state that made it"
    total = sum(n for network in after.networks.values() for held in network.stock.values() for n in held.values())
    assert report.victims_total == total == sum(n.victims for n in report.networks.values())
    assert after.victim_rounds == pytest.approx(before.victim_rounds + total)


def investigated_by(state: GameState, who: str) -> set[str]:
    """Networks a joint investigation team of `who` worked on in the last resolved round: model card 4,
    a team "reveals its routes to the parties", and that round's estimates keep them."""
    last = state.round - 1
    return {
        a.terms.network for a in state.agreements.values()
        if state.world.agreements[a.kind].rule == "joint_investigation_team" and who in a.parties
        and a.terms.network and a.signed <= last and (a.status == "in_force" or (a.ended_round or 0) >= last)
    }


def check_privacy(state: GameState) -> None:
    """A state's view holds only its own record in full and the published face of the others."""
    public_fields = set(PublicState.model_fields)
    specs = state.world.state_specs
    for who in state.world.state_ids:
        seen = view(state, who)
        dump = seen.model_dump(mode="json")
        text = json.dumps(dump)
        assert dump["me"]["id"] == who and dump["me"]["brief"] == specs[who].brief
        assert {other["id"] for other in dump["others"]} == set(state.world.state_ids) - {who}
        for other in dump["others"]:
            assert set(other) == public_fields, f"{who} sees fields of {other['id']}: {set(other) - public_fields}"
        for other_id, spec in specs.items():
            if other_id != who and len(spec.brief) > 20 and spec.brief != specs[who].brief:
                assert spec.brief not in text, f"{who}'s view holds the brief of {other_id}"
        for proposal in dump["proposals"]:
            assert who in proposal["parties"], f"{who} sees proposal {proposal['id']} it is not a party to"
        for message in dump["messages"]:
            assert who == message["sender"] or who in message["to"], f"{who} reads a message not for it"
        for message in state.messages:
            if who != message.sender and who not in message.to:
                assert message.text not in text, f"{who}'s view holds a message between others"
        territory = set(state.world.territory[who])
        investigated = investigated_by(state, who)
        for route in dump["routes"]:
            assert territory.intersection(route["path"]) or route["id"].split("/")[0] in investigated, (
                f"{who} sees route {route['id']}, which never touches it, of a network it does not investigate"
            )
        for word in ("stock", "periphery", "capital", "victims_exploited", "tau", "risk"):
            assert f'"{word}"' not in text, f"{who}'s view holds a network's true {word}"


def check_round_trip(state: GameState) -> None:
    """A state to data and back has the same hash, and the same next round."""
    loaded = state_from_data(json.loads(json.dumps(state_to_data(state))), state.world)
    assert state_hash(loaded) == state_hash(state)
    if not is_over(state):
        _, report = resolve_round(loaded)
        _, expected = resolve_round(state)
        assert report.state_hash == expected.state_hash
        assert report_to_data(report) == report_to_data(expected)


# The machine


class Play(RuleBasedStateMachine):
    scenario: Scenario
    seed: int
    state: GameState
    rounds: list[list[Action]]
    """The orders of each resolved round, in the order applied."""
    pending: list[Action]
    hashes: list[str]

    @initialize(source=sources(), seed=st.integers(0, 2**32 - 1))
    def start(self, source: str | Scenario, seed: int) -> None:
        self.scenario, self.seed = scenario_from(source), seed
        event(f"scenario {source if isinstance(source, str) else 'generated'}")
        self.state = new_game(self.scenario, seed)
        self.rounds, self.pending, self.hashes = [], [], []
        check_ranges(self.state)
        check_privacy(self.state)

    @precondition(lambda self: not is_over(self.state))
    @rule(data=st.data())
    def play_round(self, data: st.DataObject) -> None:
        """Every state submits a few orders, then the round resolves."""
        self.submit(data)
        self.resolve()

    def submit(self, data: st.DataObject) -> None:
        """Each state in turn submits a few orders; the same orders with the policy orders interleaved
        at random (diplomacy first, in turn, since an answer needs its proposal) give the same state."""
        plans: dict[str, list[Action]] = {}
        working = self.state
        for who in self.state.world.state_ids:
            plan: list[Action] = []
            for _ in range(data.draw(st.integers(0, 3), label=f"orders of {who}")):
                action = order_for(data, working, who)
                if action is None:
                    break
                working = apply(working, action, by=who)
                plan.append(action)
            plans[who] = plan
        in_turn = [action for who in self.state.world.state_ids for action in plans[who]]
        interleaved: list[Action] = [action for action in in_turn if not isinstance(action, POLICY)]
        queues = {who: [a for a in plan if isinstance(a, POLICY)] for who, plan in plans.items()}
        queues = {who: queue for who, queue in queues.items() if queue}
        while queues:
            who = data.draw(st.sampled_from(sorted(queues)), label="next to submit")
            interleaved.append(queues[who].pop(0))
            if not queues[who]:
                del queues[who]
        first, second = self.state, self.state
        for action in in_turn:
            first = apply(first, action)
        for action in interleaved:
            second = apply(second, action)
        assert state_hash(first) == state_hash(second), "the order of submission of policy orders changed the state"
        self.state = first
        self.pending.extend(in_turn)

    @rule(data=st.data())
    def try_a_law(self, data: st.DataObject) -> None:
        """Any law order is accepted exactly when `legal_actions` offers it; a refusal says why (after
        the last round, that the game is over)."""
        who = data.draw(st.sampled_from(self.state.world.state_ids), label="who")
        law = data.draw(st.sampled_from(LAW_IDS), label="law")
        action: Action = AdoptLaw(state=who, law=law) if data.draw(st.booleans(), label="adopt") else \
            RepealLaw(state=who, law=law)
        offered = action in legal_actions(self.state, who)
        try:
            apply(self.state, action, by=who)
        except ActionRejected as refusal:
            assert not offered, f"{action} is offered by legal_actions but refused: {refusal}"
            assert str(refusal)
        else:
            assert offered, f"{action} is accepted but legal_actions does not offer it"

    def resolve(self) -> None:
        before = self.state
        after, report = resolve_round(before)
        assert report.state_hash == state_hash(after)
        assert state_hash(before) != report.state_hash
        check_ranges(after)
        check_report_ranges(report)
        check_accounts(before, after, report)
        check_privacy(after)
        for kind in sorted({e.kind for e in report.events} | ({"displacement"} if report.displacement else set())):
            event(kind)
        self.state = after
        self.rounds.append(self.pending)
        self.pending = []
        self.hashes.append(report.state_hash)

    @precondition(lambda self: is_over(self.state))
    @rule()
    def after_the_end(self) -> None:
        with pytest.raises(ActionRejected):
            resolve_round(self.state)
        assert all(legal_actions(self.state, who) == [] for who in self.state.world.state_ids)

    @invariant()
    def round_trip(self) -> None:
        if hasattr(self, "state") and len(self.hashes) % 3 == 1:
            check_round_trip(self.state)

    def teardown(self) -> None:
        """Replay every order from a new game at the same seed: the same hash after every round."""
        if not hasattr(self, "state"):
            return
        state = new_game(self.scenario, self.seed)
        for number, (orders, expected) in enumerate(zip(self.rounds, self.hashes, strict=True), start=1):
            for action in orders:
                state = apply(state, action)
            state, report = resolve_round(state)
            assert report.state_hash == expected, f"replaying round {number} gave another state"
        for action in self.pending:
            state = apply(state, action)
        assert state_hash(state) == state_hash(self.state)


Play.TestCase.settings = settings(
    max_examples=25, stateful_step_count=10, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TestPlay = Play.TestCase


def test_shipped_scenarios_are_in_the_machine() -> None:
    """The machine plays the shipped scenarios once the loader exists; say so when it does not."""
    if not shipped():
        pytest.skip("game.scenario.loader is not there yet: shipped scenarios not played")
    assert {s.id for s in shipped()} >= {"tutorial"}


