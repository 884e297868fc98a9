"""What each seat may know. A state sees its own record in full, of the others only what is
published (and what reviews revealed), of the networks only its intelligence estimates. An
organization sees its own record and the public face of every state. The facilitator's `truth`
is the state itself."""

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar
from weakref import WeakKeyDictionary

from pydantic import TypeAdapter

from game.engine.assessment import next_tier_at
from game.engine.budget import available
from game.engine.diplomacy.proposals import accession_open_to, members_needed
from game.engine.diplomacy.settlement import Owed, due, owed_now, payment_order, suspends_member
from game.engine.diplomacy.summits import call_refusal, summit_data, summit_views
from game.engine.diplomacy.trust import trust_row
from game.engine.organizations.effects import TRAINABLE
from game.engine.round import is_over
from game.engine.serialize import state_to_data
from game.model.fields import FIELD_BOUNDS, generic
from game.model.pledge import PledgeRecord
from game.model.scenario import Event
from game.model.state import AgreementRecord, Estimate, GameState, ProposalRecord
from game.model.summit import SummitView
from game.model.view import (
    AgreementView,
    DueView,
    KnownRoute,
    OrgPublic,
    OrgView,
    PlayerView,
    PledgeView,
    ProposalView,
    PublicState,
    RegionView,
    RulesView,
)
from game.model.world import World

_KNOWN_ROUTES: TypeAdapter[list[KnownRoute]] = TypeAdapter(list[KnownRoute])
"""A seat's known routes validated in one call, not one per route."""
_DUES: TypeAdapter[list[DueView]] = TypeAdapter(list[DueView])
"""What a seat owes, validated once a round for the views of both its passes."""
_Record = TypeVar("_Record")
_Part = TypeVar("_Part")


def announced(state: GameState) -> list[dict[str, Any]]:
    """The scenario's events scripted for the open round, not fired yet: every team is told of them
    as the round opens (a tutorial's idea of the round, a scenario's news), so that they guide the
    decision rather than explain it afterwards. Their effects still come with the resolution; what
    they will do to a state's budget and capacity levels is told with them (`budget`, `capacities`),
    for the team deciding its money."""
    return _announce(state, _events_now(state))


def _events_now(state: GameState) -> list[Event]:
    return [event for event in state.world.scenario.events
            if event.round == state.round and event.id not in state.fired_events and event.id not in state.injected]


def _announce(state: GameState, events: list[Event]) -> list[dict[str, Any]]:
    """`announced`, of the events it names: what each will do to a state's budget and capacity
    levels, worked out as `events._apply` will (in order, within each field's bounds; the events
    fire before the allocation funds the capacities)."""
    if not events:
        return []
    values: dict[tuple[str, str], float] = {}
    """(state, field) -> its value once the events named so far have acted."""
    items: list[dict[str, Any]] = []
    for event in events:
        budget: dict[str, float] = {}
        capacities: dict[str, dict[str, float]] = {}
        for effect in event.effects:
            kind, _, ident = effect.target.partition(":")
            field = effect.field
            capacity = field.split(".", 1)[1] if field.startswith("capacities.") else None
            if kind != "state" or ident not in state.states or (field != "budget" and capacity is None):
                continue
            record = state.states[ident]
            before = values.get((ident, field))
            if before is None:
                before = record.budget if capacity is None else record.capacities.get(capacity, 0.0)
            value = before + effect.add if effect.add is not None else float(effect.set or 0.0)
            low, high = FIELD_BOUNDS.get(generic(field), (0.0, None))
            values[(ident, field)] = value = max(low, value if high is None else min(high, value))
            if capacity is None:
                budget[ident] = budget.get(ident, 0.0) + value - before
            else:
                mine = capacities.setdefault(ident, {})
                mine[capacity] = mine.get(capacity, 0.0) + value - before
        items.append({
            "id": event.id, "title": event.title, "text": " ".join(event.text.split()),
            "budget": {ident: change for ident, change in budget.items() if abs(change) > 1e-9},
            "capacities": {ident: kept for ident, changes in capacities.items()
                           if (kept := {c: change for c, change in changes.items() if abs(change) > 1e-9})},
        })
    return items


def view(state: GameState, who: str, shared: "SharedParts | None" = None) -> PlayerView:
    """Built as plain data and validated in one call: an AI table asks for a view per seat and pass,
    and one validation of the whole is about twice as fast as a model per record. With `shared`,
    the parts every seat sees alike come already validated from it (`SharedParts`)."""
    world = state.world
    scenario = world.scenario
    if who not in state.states:
        raise KeyError(who)
    record = state.states[who]
    spec = world.state_specs[who]
    published = state.last_figures.get(who, {})
    intel = state.intelligence[who]
    me = {
        "id": who, "name": spec.name, "brief": spec.brief, "objectives": spec.objectives, "budget": record.budget,
        "available": available(state, record), "political_capital": record.political_capital,
        "approval": record.approval, "lowest_approval": record.min_approval, "corruption": record.corruption,
        "capacities": record.capacities,
        "laws": record.laws, "pending_laws": record.pending_laws, "pending_repeals": record.pending_repeals,
        "allocation": record.allocation, "allocated_against": record.allocated_against,
        "ready": record.ready, "tier": record.tier, "scores_4p": record.scores_4p,
        "next_tier_at": next_tier_at(record),
        "identified": int(published.get("identified", 0)), "prosecutions": int(published.get("prosecutions", 0)),
        "convictions": int(published.get("convictions", 0)), "victims_estimate": _estimate_data(intel.victims),
        "trust": trust_row(state, who), "accepted_dues": accepted_dues(state, who),
        **(_owed(state, who) if shared is None else shared.owed(state, who)),
    }
    routes: list[Any] = _known_routes(state, who) if shared is None else shared.routes(state, who)
    faces, table = _table_parts(state, who, shared)
    return PlayerView.model_validate({
        "scenario": scenario.id, "title": scenario.title, "round": state.round, "rounds": scenario.rounds,
        "round_label": scenario.round_label, "start_year": scenario.start_year, "over": is_over(state), "me": me,
        "others": [face for other, face in faces if other != who], "routes": routes, **table,
        "messages": _message_data(state, who),
        "rules": rules_view(state, who), "organizations": organizations_public(state),
        "announced": announced(state) if shared is None else shared.announced(state),
    })


def _table_parts(state: GameState, who: str,
                 shared: "SharedParts | None") -> tuple[list[tuple[str, Any]], dict[str, Any]]:
    """What every seat's view shows of the table: each state's public face (by state id), and the
    map, agreements, pledges, summits and `who`'s proposals; as data, or validated parts from
    `shared`."""
    if shared is None:
        faces: list[tuple[str, Any]] = [(state_id, _public_data(state, state_id)) for state_id in state.world.state_ids]
        return faces, {"regions": _shared_regions(state), "agreements": _agreement_data(state),
                       "pledges": pledge_data(state, who), "summits": summit_data(state),
                       "summit_calls_closed": call_refusal(state), "proposals": _proposal_data(state, who)}
    return shared.public(state), {"regions": shared.regions(state), "agreements": shared.agreements(state),
                                  "pledges": shared.pledges(state, who), "summits": shared.summits(state),
                                  "summit_calls_closed": call_refusal(state),
                                  "proposals": shared.proposals(state, who)}


def _known_routes(state: GameState, who: str) -> list[dict[str, Any]]:
    """The routes `who` knows of, with its estimates of their flows."""
    known = state.intelligence[who].routes
    return [
        {"id": route.id, "path": route.path, "form": route.form, "flow": _estimate_data(known[route.id]),
         "network": network.name}
        for network in state.networks.values() for route in network.routes if route.id in known
    ]


def pledge_data(state: GameState, who: str | None = None) -> list[dict[str, Any]]:
    """Every pledge on the public record, as plain data for `PledgeView`, as `who` may know it: a
    round that fell short before the due round is known to the pledger (and, `who` None, to the
    facilitator) at once; the other seats read it with the verdict, as the news gives it."""
    return [_pledge_item(state, p, who is None or p.seat == who) for p in state.pledges]


def _pledge_item(state: GameState, pledge: PledgeRecord, early: bool) -> dict[str, Any]:
    standing, status = _pledge_standing(state, pledge, early)
    return {"seat": pledge.seat, "kind": pledge.kind, "text": pledge.text, "made": pledge.made, "due": pledge.due,
            "kept": pledge.kept, "capacity": pledge.capacity, "points": pledge.points, "law": pledge.law,
            # once judged, the round it fell short is public: the verdict's news says it
            "agreement": pledge.agreement, "short": pledge.short if early or pledge.kept is not None else None,
            "standing": standing,
            "status": status}


def _pledge_standing(state: GameState, pledge: PledgeRecord, early: bool) -> tuple[str, str]:
    """Open, kept or broken, and a few words why, from what the engine has recorded (`pledges.settle`
    gives the verdict at the due round; a round that fell short before it decides it already, and a
    convention no longer in force can no longer be acceded to)."""
    label = state.world.scenario.round_label
    judged = f"judged in {label} {pledge.due}"
    if pledge.kept is True:
        return "kept", f"kept ({label} {pledge.due})"
    if pledge.kept is False:
        return "broken", f"broken ({label} {pledge.due})"
    if early and pledge.short is not None:
        if pledge.kind == "fund":
            why = f"less than {float(pledge.points or 0.0):g} went to {str(pledge.capacity).replace('_', ' ')}"
        else:
            agreement = state.agreements.get(str(pledge.agreement))
            left = (agreement is not None and agreement.ended_by == pledge.seat
                    and agreement.ended_round == pledge.short and agreement.status in ("withdrawn", "lapsed"))
            why = f"{'it left' if left else 'it did not pay'} {pledge.agreement}"
        # broken already, scored at its due round: 'judged in year 3' beside 'broken in year 1' left a
        # class asking whether it was broken or not (student21)
        return "broken", f"broken in {label} {pledge.short}: {why}; scored as broken in {label} {pledge.due}"
    if pledge.kind == "accede":
        agreement = state.agreements.get(str(pledge.agreement))
        # `proposals.accession_refusal`: none to an agreement that ends with this round; one asked
        # for this round is settled at its resolution if the agreement is still in force
        if agreement is not None and pledge.seat not in agreement.parties and (
                agreement.status != "in_force"
                or (agreement.ends <= state.round and pledge.seat not in agreement.acceding)):
            return "broken", (f"can no longer be kept: {pledge.agreement} is closed to accession; scored as broken "
                              f"in {label} {pledge.due}")
    if early and pledge.kind in ("fund", "pay_dues") and pledge.made < state.round:
        return "open", f"kept so far; {judged}"
    return "open", f"open; {judged}"


def pledge_views(state: GameState) -> list[PledgeView]:
    """Every pledge on the public record, as the facilitator reads it (each one's standing in full)."""
    return [PledgeView.model_validate(item) for item in pledge_data(state)]


def org_view(state: GameState, who: str, shared: "SharedParts | None" = None) -> OrgView:
    """Built as plain data and validated in one call, as `view` is (an AI table asks for one per
    organization and pass), with the map every seat shares, and with `shared` as `view` has it."""
    world = state.world
    scenario = world.scenario
    if who not in state.organizations:
        raise KeyError(who)
    org = state.organizations[who]
    spec = world.org_specs[who]
    params = world.params
    me = {
        "id": who, "name": spec.name, "kind": spec.kind, "brief": spec.brief, "objectives": spec.objectives,
        "mandate": spec.mandate, "trains": spec.training_order(), "budget": org.budget, "left": org.budget - org.spent,
        "ready": org.ready, "trained": org.trained, "monitored": org.monitored, "barred": org.barred,
        "trust": trust_row(state, who),
    }
    faces, table = _table_parts(state, who, shared)
    return OrgView.model_validate({
        "scenario": scenario.id, "title": scenario.title, "round": state.round, "rounds": scenario.rounds,
        "round_label": scenario.round_label, "start_year": scenario.start_year, "over": is_over(state), "me": me,
        "states": [face for _, face in faces], "campaigns": state.campaigns, **table,
        "costs": {"train": params.training_cost, "monitor": params.monitor_cost, "campaign": params.campaign_cost,
                  "convene": params.convene_cost},
        "messages": _message_data(state, who), "rules": rules_view(state),
        "organizations": organizations_public(state),
        "announced": announced(state) if shared is None else shared.announced(state),
    })


class SharedParts:
    """The validated parts of views that seats see alike (each state's public face, the agreements,
    proposals, pledges, summits, announced events and the map) or that a seat sees alike in both
    passes (the routes it knows of, what it owes), kept for the views of one AI table's round: the
    seats' views of a pass were each validating the same records again, most of a view's cost. A
    seat's own parts are kept by seat and handed to that seat's views alone.

    A part is reused while the records it was built from are the very same objects. That is sound
    because `apply` never changes a record in place: an order's state shares the records the order
    did not touch and holds fresh copies of those it did (`orders._copy_for`), and a resolution
    works on its own copy. The records are held here, so their ids cannot be reused while kept;
    an instance lives for one `play_round`, never longer. Views are read, never changed, so the
    seats' views may share these parts as they share the map."""

    def __init__(self) -> None:
        self._world: World | None = None
        self._round = -1
        self._forget()

    def _forget(self) -> None:
        self._public: dict[str, tuple[object, object, object, object, PublicState]] = {}
        self._agreements: dict[str, tuple[AgreementRecord, AgreementView]] = {}
        self._proposals: dict[str, tuple[ProposalRecord, ProposalView]] = {}
        self._pledges: tuple[object, list[PledgeView]] | None = None
        self._summits: tuple[object, list[SummitView]] | None = None
        self._regions: tuple[object, list[RegionView]] | None = None
        self._routes: dict[str, tuple[object, object, list[KnownRoute]]] = {}
        self._owed: tuple[object, dict[str, list[Owed]], dict[str, dict[str, Any]]] | None = None
        self._agreement_list: tuple[object, list[AgreementView]] | None = None
        self._events: tuple[object, object, list[Event]] | None = None

    def _sync(self, state: GameState) -> None:
        """Everything kept is of one world and one round (a summit's phase, a proposal's first
        payment and a state's trainings depend on the round): forget it all when either changes."""
        if state.world is not self._world or state.round != self._round:
            self._forget()
            self._world, self._round = state.world, state.round

    def public(self, state: GameState) -> list[tuple[str, PublicState]]:
        """Each state's public face, in the order of state ids."""
        self._sync(state)
        result = []
        kept_faces = self._public
        for state_id in state.world.state_ids:
            record, figures = state.states[state_id], state.last_figures.get(state_id)
            review, trainings = state.reviews.get(state_id), state.training.get(state_id)
            kept = kept_faces.get(state_id)
            if (kept is None or kept[0] is not record or kept[1] is not figures or kept[2] is not review
                    or kept[3] is not trainings):
                face = PublicState.model_validate(_public_data(state, state_id))
                kept = kept_faces[state_id] = (record, figures, review, trainings, face)
            result.append((state_id, kept[4]))
        return result

    def agreements(self, state: GameState) -> list[AgreementView]:
        """Every agreement (its view depends on its record and the scenario alone)."""
        self._sync(state)

        def build(agreement: AgreementRecord) -> AgreementView:
            return AgreementView.model_validate(_agreement_data_of(state, agreement))

        # the same table of agreements, the same list: only a withdrawal or an accession copies it
        if self._agreement_list is None or self._agreement_list[0] is not state.agreements:
            self._agreement_list = (state.agreements, [_kept(self._agreements, agreement.id, agreement, build)
                                                       for agreement in state.agreements.values()])
        return self._agreement_list[1]

    def announced(self, state: GameState) -> list[dict[str, Any]]:
        """`announced`: the round's scripted events, looked for once while none fires or is injected
        (none in most rounds); what they do to budgets is read afresh."""
        self._sync(state)
        kept = self._events
        if kept is None or kept[0] is not state.fired_events or kept[1] is not state.injected:
            kept = self._events = (state.fired_events, state.injected, _events_now(state))
        return _announce(state, kept[2])

    def proposals(self, state: GameState, who: str) -> list[ProposalView]:
        """The proposals `who` is a party to, or made (each proposal's view depends on its record,
        the scenario and the round alone)."""
        self._sync(state)

        def build(proposal: ProposalRecord) -> ProposalView:
            return ProposalView.model_validate(_proposal_data_of(state, proposal))

        return [_kept(self._proposals, proposal.id, proposal, build) for proposal in state.proposals.values()
                if who in proposal.parties or who == proposal.proposer]

    def routes(self, state: GameState, who: str) -> list[KnownRoute]:
        """The routes `who` knows of: its own, but the same in both passes of a round (no order
        changes the networks or a seat's intelligence)."""
        self._sync(state)
        intel, networks = state.intelligence[who], state.networks
        kept = self._routes.get(who)
        if kept is None or kept[0] is not intel or kept[1] is not networks:
            known = _KNOWN_ROUTES.validate_python(_known_routes(state, who))
            kept = self._routes[who] = (intel, networks, known)
        return kept[2]

    def owed(self, state: GameState, who: str) -> dict[str, Any]:
        """What `who` owes this round (`committed`, `dues`): the same in both passes of a round, as
        long as the agreements are (only a withdrawal or an accession copies them, and no order
        changes one in place). The order of payment is asked once for every party, not per seat."""
        self._sync(state)
        if self._owed is None or self._owed[0] is not state.agreements:
            self._owed = (state.agreements, payment_order(state), {})
        _, order, seats = self._owed
        found = seats.get(who)
        if found is None:
            found = seats[who] = {"committed": committed(state, who),
                                  "dues": _DUES.validate_python(_dues_of(state, order.get(who, [])))}
        return found

    def pledges(self, state: GameState, who: str) -> list[PledgeView]:
        """Every pledge as `who` may know it (`pledge_data`): a pledge replaces the list, never
        changes it in place. The list every seat reads alike is kept; a seat's own open pledges are
        read afresh, as `view` without shared parts reads them."""
        self._sync(state)
        if self._pledges is None or self._pledges[0] is not state.pledges:
            self._pledges = (state.pledges, [PledgeView.model_validate(item) for item in pledge_data(state, "")])
        public = self._pledges[1]
        if not any(p.seat == who and p.kept is None for p in state.pledges):
            return public
        # a seat's own open pledges read as it alone may know them ('kept so far', 'broken in year 1')
        return [PledgeView.model_validate(_pledge_item(state, p, True)) if p.seat == who and p.kept is None else seen
                for p, seen in zip(state.pledges, public, strict=True)]

    def summits(self, state: GameState) -> list[SummitView]:
        """Every summit: an order at a summit's table replaces the table of summits."""
        self._sync(state)
        if self._summits is None or self._summits[0] is not state.summits:
            self._summits = (state.summits, summit_views(state))
        return self._summits[1]

    def regions(self, state: GameState) -> list[RegionView]:
        """The map: no order changes a region (only a resolution, on its own copy)."""
        self._sync(state)
        if self._regions is None or self._regions[0] is not state.regions:
            self._regions = (state.regions, _shared_regions(state))
        return self._regions[1]


def _kept(table: dict[str, tuple[_Record, _Part]], key: str, record: _Record,
          build: Callable[[_Record], _Part]) -> _Part:
    """The part kept in `table` for `key` while it was built from this very `record`, else built
    from it now (and kept)."""
    kept = table.get(key)
    if kept is None or kept[0] is not record:
        kept = table[key] = (record, build(record))
    return kept[1]


def seat_view(state: GameState, who: str) -> PlayerView | OrgView:
    """The view of whoever sits at `who`: a state or an organization."""
    return org_view(state, who) if who in state.organizations else view(state, who)


def public_state(state: GameState, state_id: str) -> PublicState:
    """What a state publishes, as in a TIP Report country narrative, with any review of it."""
    return PublicState.model_validate(_public_data(state, state_id))


def _public_data(state: GameState, state_id: str) -> dict[str, Any]:
    record = state.states[state_id]
    figures = state.last_figures.get(state_id, {})
    review = state.reviews.get(state_id)
    return {
        "id": state_id, "name": state.world.state_specs[state_id].name, "laws": record.laws, "tier": record.tier,
        "scores_4p": record.scores_4p, "approval": record.approval,
        "identified": int(figures.get("identified", 0)), "prosecutions": int(figures.get("prosecutions", 0)),
        "convictions": int(figures.get("convictions", 0)), "ready": record.ready,
        "review": {"round": review.round, "by": review.by, "victims": review.victims, "gaps": review.gaps,
                   "rising": review.rising} if review else None,
        "trained_by": _trained_by(state, state_id),
    }


def _trained_by(state: GameState, state_id: str) -> dict[str, str]:
    """Capacity -> the organization whose standard its officials were trained to, while it lasts
    (`trained_by` of each trainable capacity, asked of the state's trainings once: every view shows
    every state's)."""
    trainings = state.training.get(state_id)
    if not trainings:
        return {}
    now = state.round
    return {c: held.by for c in TRAINABLE if (held := trainings.get(c)) is not None and held.until >= now}


def region_views(state: GameState) -> list[RegionView]:
    return [RegionView.model_validate(data) for data in _region_data(state)]


class _MapCache:
    """The map as every seat sees it is the same for all of them and changes only when a round
    resolves, so the last one built is kept, with the figures it was built from: every view of a
    table's round shares it (views are read, never changed)."""

    key: ClassVar[tuple[object, list[tuple[float, float, tuple[tuple[str, float], ...]]]] | None] = None
    regions: ClassVar[list[RegionView]] = []


def _shared_regions(state: GameState) -> list[RegionView]:
    key = (state.world, [(r.population, r.vulnerability, tuple(r.demand.items())) for r in state.regions.values()])
    if key != _MapCache.key:
        _MapCache.regions = region_views(state)
        _MapCache.key = key
    return _MapCache.regions


def _region_data(state: GameState) -> list[dict[str, Any]]:
    world = state.world
    regions = state.regions
    return [
        {
            "id": region_id, "name": world.region_specs[region_id].name, "population": regions[region_id].population,
            "vulnerability": regions[region_id].vulnerability, "demand": regions[region_id].demand,
            "neighbours": world.neighbours[region_id], "controlled_by": world.controller[region_id],
            "position": world.region_specs[region_id].position,
        }
        for region_id in world.region_ids
    ]


def proposal_views(state: GameState, who: str | None) -> list[ProposalView]:
    """Negotiations are private: the proposals `who` is a party to, or made or hosted (None: every
    proposal, for the facilitator)."""
    return [ProposalView.model_validate(data) for data in _proposal_data(state, who)]


def _proposal_data(state: GameState, who: str | None) -> list[dict[str, Any]]:
    """Each proposal with what it will cost each party a round, and from when: a proposal and an
    acceptance show the bill before it falls due."""
    return [_proposal_data_of(state, p) for p in state.proposals.values()
            if who is None or who in p.parties or who == p.proposer]


def _proposal_data_of(state: GameState, p: ProposalRecord) -> dict[str, Any]:
    return {"id": p.id, "kind": p.kind, "proposer": p.proposer, "parties": p.parties, "terms": p.terms,
            "round": p.round, "expires": p.expires, "status": p.status, "answers": p.answers, "notes": p.notes,
            "counters": p.counters, "target_name": _target_name(state, p.terms.network),
            "costs": proposal_costs(state, p), "first_due": state.round + 1,
            "min_members": members_needed(state, p) if state.world.agreements[p.kind].opt_in else 0}


def proposal_costs(state: GameState, proposal: ProposalRecord) -> dict[str, float]:
    """Points a round each party of `proposal` will owe once it is in force."""
    spec = state.world.agreements[proposal.kind]
    costs = {}
    for party in proposal.parties:
        owed = proposal.terms.contributions.get(party, spec.contribution)
        if spec.rule == "funding" and party == proposal.terms.donor:
            owed += proposal.terms.amount or 0.0
        costs[party] = owed
    return costs


def agreement_views(state: GameState) -> list[AgreementView]:
    """Treaties are public: every agreement, its parties, terms and breaches."""
    return [AgreementView.model_validate(data) for data in _agreement_data(state)]


def _agreement_data(state: GameState) -> list[dict[str, Any]]:
    return [_agreement_data_of(state, a) for a in state.agreements.values()]


def _agreement_data_of(state: GameState, a: AgreementRecord) -> dict[str, Any]:
    return {"id": a.id, "kind": a.kind, "parties": a.parties, "terms": a.terms, "signed": a.signed, "ends": a.ends,
            "status": a.status, "unpaid": a.unpaid, "ended_round": a.ended_round, "ended_by": a.ended_by,
            "joined": a.joined, "open_to": accession_open_to(state, a), "breaches": a.breaches,
            "target_name": _target_name(state, a.terms.network)}


def _target_name(state: GameState, network_id: str | None) -> str:
    """The name of a joint team's target, as its parties read it in the proposal or agreement."""
    network = state.networks.get(network_id) if network_id else None
    return network.name if network is not None else ""


def _message_data(state: GameState, who: str) -> list[dict[str, Any]]:
    return [
        {"round": m.round, "sender": m.sender, "to": list(m.to), "text": m.text}
        for m in state.messages if m.sender == who or who in m.to
    ]


_STATIC: "WeakKeyDictionary[World, dict[str, Any]]" = WeakKeyDictionary()
"""World -> the parts of every view that only the scenario decides (the organizations at the table,
the rules as each seat reads them), built once: every seat's view of every round shows them, and
views are read, never changed."""


def _static(world: World) -> dict[str, Any]:
    found = _STATIC.get(world)
    if found is None:
        found = _STATIC[world] = {}
    return found


def organizations_public(state: GameState) -> list[OrgPublic]:
    """Who the organizations are is public: every seat may name them as recipients or partners."""
    kept = _static(state.world)
    found: list[OrgPublic] | None = kept.get("organizations")
    if found is None:
        specs = state.world.org_specs
        found = kept["organizations"] = [OrgPublic(id=o, name=specs[o].name, kind=specs[o].kind,
                                                   mandate=list(specs[o].mandate)) for o in state.world.org_ids]
    return list(found)


def rules_view(state: GameState, who: str | None = None) -> RulesView:
    """The catalogues and costs; a state's players read their own names of laws (`LawSpec.names`)."""
    world = state.world
    kept = _static(world)
    key = f"rules:{who}" if who is not None else "rules"
    found: RulesView | None = kept.get(key)
    if found is not None:
        return found
    laws = world.laws
    if who is not None and any(who in spec.names for spec in laws.values()):
        laws = {law_id: spec.model_copy(update={"name": spec.name_for(who)}) for law_id, spec in laws.items()}
    found = kept[key] = RulesView(
        laws=laws, agreements=world.agreements, capacity_upkeep=world.params.capacity_upkeep,
        capacity_gain=world.params.capacity_gain, capacity_decay=world.params.capacity_decay,
        breaches_to_lapse=world.params.breaches_to_lapse, proposal_rounds=world.params.proposal_rounds,
        convene_discount=world.params.convene_discount,
    )
    return found


def committed(state: GameState, who: str) -> float:
    """What `who` owes each round to agreements in force: keep this much unallocated to pay it."""
    return owed_now(state, who)


def dues(state: GameState, who: str) -> list[dict[str, Any]]:
    """What `who` owes this round, agreement by agreement, in the order the settlement pays it: the
    budget screen names from it the contributions an allocation leaves unpaid."""
    return _dues_of(state, payment_order(state, who).get(who, []))


def _owed(state: GameState, who: str) -> dict[str, Any]:
    return {"committed": committed(state, who), "dues": dues(state, who)}


def _dues_of(state: GameState, owed: list[Owed]) -> list[dict[str, Any]]:
    """`dues` from a party's contributions in the order they are paid."""
    specs = state.world.agreements
    return [{"agreement": item.agreement, "amount": item.amount, "misses": item.misses,
             "sanction": "suspend" if suspends_member(agreement, specs[agreement.kind].min_parties) else "lapse"}
            for item in owed for agreement in (state.agreements[item.agreement],)]


def accepted_dues(state: GameState, who: str) -> float:
    """What `who` will owe a round from the next round on to proposals every party has accepted (they
    enter into force at this resolution), and to conventions it has asked to accede to: the budget
    screen counts them so that next round's allocation leaves room to pay."""
    total = 0.0
    for proposal in state.proposals.values():
        if proposal.status != "open" or who not in proposal.parties:
            continue
        accepted = [p for p in proposal.parties if p == proposal.proposer or proposal.answers.get(p) == "accept"]
        if state.world.agreements[proposal.kind].opt_in:
            binding = who in accepted and len(accepted) >= members_needed(state, proposal)
        else:
            binding = len(accepted) == len(proposal.parties)
        if binding:
            total += proposal_costs(state, proposal)[who]
    for agreement in state.agreements.values():
        if who in agreement.acceding:
            total += due(state, agreement, who)
    return total


def truth(state: GameState) -> dict[str, Any]:
    """The facilitator's view: everything, hidden numbers included."""
    return state_to_data(state)


def _estimate_data(estimate: Estimate) -> dict[str, int]:
    return {"value": estimate.value, "low": estimate.low, "high": estimate.high}
