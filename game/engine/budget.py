"""Orders take effect (model card 5.2): laws enter into force or are repealed, upkeep is paid first,
then the allocation funds capacities. An unfunded capacity decays 10% a round; investment has
diminishing returns. A budget never goes negative: orders beyond it are scaled down."""

from game.engine import laws
from game.engine.diplomacy.settlement import owed_now, paid_in_order, pay_commitments
from game.engine.funders import Funders
from game.model.report import EventRecord, StateFigures
from game.model.state import GameState, StateRecord
from game.summing import add_up


def enact_laws(state: GameState, figures: dict[str, StateFigures]) -> None:
    """Repeals, then the pending laws whose round has come. A state with nothing pending (most
    states, most rounds) is passed over."""
    world = state.world
    now = state.round
    for state_id in world.state_ids:
        record = state.states[state_id]
        if record.pending_repeals:
            for law in record.pending_repeals:
                if law in record.laws:
                    record.laws.remove(law)
                    figures[state_id].laws_repealed.append(law)
            record.pending_repeals = []
        if not record.pending_laws:
            continue
        due = sorted(law for law, when in record.pending_laws.items() if when <= now)
        for law in due:
            del record.pending_laws[law]
            if law not in record.laws:
                record.laws.append(law)
                record.laws.sort()
                record.approval = _clamp(record.approval + world.laws[law].approval, 0.0, 100.0)
                figures[state_id].laws_entered.append(law)


def fund_capacities(
    state: GameState, figures: dict[str, StateFigures], assistance: dict[str, dict[str, float]] | None = None,
    budgets_before: dict[str, float] | None = None, funders: Funders | None = None,
) -> list[EventRecord]:
    """Upkeep, then the allocation, then agreements' contributions from what is left; funding from
    a donor and an organization's `assistance` add to the recipient's spending before capacities
    move. An organization pays its funding agreements from what its instruments left.

    `budgets_before` are the budgets the orders were given against, before this round's events: a
    state whose budget an event cut (this round, or since it gave its standing allocation:
    `StateRecord.allocated_against`) keeps aside what it had left for its contributions, and its
    allocation gives way, since nobody could see the cut coming when they allocated.

    `funders` holds who gave the organizations' `assistance` (`take_effect`); the grants paid here
    are added, and each state's figures record who funded which capacity (`StateFigures.funding`)."""
    funders = {} if funders is None else funders
    world = state.world
    params = world.params
    upkeep_rate, decay, gain = params.capacity_upkeep, params.capacity_decay, params.capacity_gain
    spending: dict[str, dict[str, float]] = {}
    leftover: dict[str, float] = {}
    upkeeps: dict[str, float] = {}
    gave_way: list[str] = []
    """States whose allocation gave way to their contributions after a budget cut."""
    for state_id in world.state_ids:
        record = state.states[state_id]
        upkeep = upkeeps[state_id] = laws.upkeep(world, record.laws)
        if record.pending_repeals or record.pending_laws:  # else the laws at resolution are those in force
            upkeep = laws.upkeep(world, laws.in_force_at_resolution(state, record))
        points = max(0.0, record.budget - upkeep)  # `available`
        # against the budget the standing allocation was given for, or this round's before its
        # events if higher: a cut of an earlier round still binds an allocation nobody has changed
        # since (Ukraine, its budget cut by the war in year 2, kept its allocation of year 1 and was
        # suspended from the convention in year 5 for the 1 point it no longer left unallocated)
        before = (budgets_before or {}).get(state_id, record.budget)
        if record.allocated_against is not None and record.allocated_against > before:
            before = record.allocated_against
        cut = before - record.budget
        if cut > 0:
            kept = kept_for_dues(points, cut, add_up(record.allocation.values()), owed_now(state, state_id))
            mine = spending[state_id] = scaled_allocation(record, max(0.0, points - kept))
            gave_way.append(state_id)
        else:
            mine = spending[state_id] = scaled_allocation(record, points)
        leftover[state_id] = max(0.0, points - add_up(mine.values()))
    for org_id, org in state.organizations.items():
        leftover[org_id] = max(0.0, org.budget - org.spent)
    transfers, paid, events = pay_commitments(state, leftover, funders)
    for state_id in gave_way:
        # what was kept aside for a contribution it then could not pay in full goes back to the
        # capacities: Ukraine, its budget cut by the war, kept 4.3 aside, paid the convention's 1 and
        # could not pay the joint team's 3.3, and 3 points lay idle while its police went unfunded
        unused = leftover.get(state_id, 0.0)
        if unused > 1e-9:
            record = state.states[state_id]
            spending[state_id] = scaled_allocation(record, add_up(spending[state_id].values()) + unused)
    for state_id, gifts in (assistance or {}).items():
        mine = transfers.setdefault(state_id, {})
        for capacity, points in gifts.items():
            mine[capacity] = mine.get(capacity, 0.0) + points
    for state_id in world.state_ids:
        record = state.states[state_id]
        mine = spending[state_id]
        received = transfers.get(state_id)
        if received:
            for capacity, points in received.items():
                mine[capacity] = mine.get(capacity, 0.0) + points
        figured = figures[state_id]
        figured.budget = record.budget
        figured.upkeep = min(upkeeps[state_id], record.budget)
        figured.spent = mine
        figured.contributed = paid.get(state_id, 0.0)
        figured.funding_received = add_up(received.values()) if received else 0
        if state_id in funders:
            figured.funding = funders[state_id]
        capacities = record.capacities
        for capacity, level in capacities.items():
            capacities[capacity] = next_level(level, mine.get(capacity, 0.0), upkeep_rate, gain, decay)
    return events


def kept_for_dues(points: float, cut: float, allocated: float, owed: float) -> float:
    """What an allocation of `allocated` points given before a budget cut of `cut` keeps aside for
    the contributions owed (`owed`) when `points` are free at the resolution: what it left
    unallocated at the old budget, up to what is owed. The allocation gives way to it."""
    return min(max(0.0, points + cut - allocated), owed)


def room_after_cut(points: float, cut: float, allocated: float, dues: list[float]) -> float | None:
    """The points the capacities get at the resolution when a cut of `cut` makes the allocation of
    `allocated` give way to the contributions `dues` (in payment order): `fund_capacities`' rule,
    for the screens to tell beforehand. What is kept aside and then pays no contribution in full
    goes back to the capacities. None when the allocation fits."""
    kept = kept_for_dues(points, cut, allocated, add_up(dues))
    paid = add_up(amount for amount, ok in zip(dues, paid_in_order(dues, kept), strict=True) if ok)
    room = max(0.0, points - paid)
    return room if allocated > room + 1e-9 else None


def next_level(level: float, funded: float, upkeep_rate: float, gain: float, decay: float) -> float:
    """A capacity's level after a round funded with `funded` points: below its upkeep it decays in
    proportion to the shortfall, above it rises, more slowly the higher it is. The budget tab shows
    the level each capacity will reach with the points typed, from this same rule."""
    need = upkeep_rate * level
    if funded < need:
        shortfall = 1.0 - funded / need
        level -= decay * level * shortfall
    else:
        level += gain * (funded - need) * (1.0 - level / 10.0)
    # `_clamp` to 0-10, inlined (0.0 rather than -0.0, as `max(0.0, ...)` gives)
    return 0.0 if level <= 0.0 else 10.0 if level > 10.0 else level


def available(state: GameState, record: StateRecord) -> float:
    """Points left for capacities once the upkeep of the laws in force at this round's resolution is
    paid: laws already adopted that enter into force now count, laws being repealed do not."""
    return max(0.0, record.budget - laws.upkeep(state.world, laws.in_force_at_resolution(state, record)))


def scaled_allocation(record: StateRecord, points: float) -> dict[str, float]:
    """The standing allocation, scaled down proportionally if the budget no longer covers it."""
    total = add_up(record.allocation.values())
    if total <= points or total <= 0:
        return dict(record.allocation)
    factor = points / total
    return {capacity: amount * factor for capacity, amount in record.allocation.items()}


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
