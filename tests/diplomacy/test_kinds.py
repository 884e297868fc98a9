"""Model card section 4, what each agreement does while in force: one rule case per kind, each
playing the same corridor game with and without the agreement (same seed, same other orders) and
asserting the direction of the effect with a clear margin. Then trust, its place in the views, the
publicity of a breach, and what agreements count for in scoring.

The ring's route runs o (orig) -> t1 (tran) -> d (dest); alt is on no route of it."""

import itertools
from collections.abc import Sequence
from typing import Any

import pytest

from game.engine import run_baseline, scores, view
from game.engine.diplomacy.effects import SHARED_INFORMATION_CAP, partnerships
from game.engine.diplomacy.sharing import route_information
from game.engine.exploitation import identification_rate
from game.engine.scoring import GameScore
from game.model.actions import Action
from game.model.scenario import Scenario
from tests.diplomacy.deals import ON_ROUTE, signed, withdraw, withhold
from tests.engine.play import Game, adopt, holding, play, setup

RING_ROUTE = frozenset(ON_ROUTE)
BIG_RING: dict[str, Any] = {
    "periphery": 800, "routes": [{"path": ["o", "t1", "d"], "form": "labour", "flow": 10000}],
}
"""Ten times the corridor's flow, so that justice figures are large enough to compare."""
PROTECTED = {"laws": ["criminalization", "victim_protection"]}


def with_and_without(scenario: Scenario, deal: Sequence[Action], rounds: int,
                     other: Sequence[Action] | None = None) -> tuple[Game, Game]:
    """The same game twice: with `deal` (and `other`) in round 1, and with only `other`."""
    base: dict[int, list[Action]] = {1: list(other or [])}
    dealt = {**base, 1: [*deal, *(other or [])]}
    return play(scenario, dealt, rounds=rounds), play(scenario, base, rounds=rounds)


# information sharing ---------------------------------------------------------------------------------------------
KNOWING = {"capacities": {"intelligence": 8, "enforcement": 6}}
"""A partner with intelligence worth sharing, and the enforcement to act on what it is told."""


def knowing(*state_ids: str, **capacities: float) -> Scenario:
    states = {s: {"capacities": {**KNOWING["capacities"], **capacities}} for s in state_ids}
    return setup(states=states)


def test_information_sharing_raises_detection_and_identification_for_partners_on_shared_routes() -> None:
    """Sharing helps where partners share a network: tran and dest both lie on the ring's route and
    know it (intelligence 8); by round 4 each detects more in transit, and dest, where the victims
    are held, identifies more of them; orig, no party, detects what it did."""
    with_deal, without = with_and_without(knowing("tran", "dest"), signed("information_sharing", "dest", "tran"),
                                          rounds=4)
    for party in ("tran", "dest"):
        more, base = with_deal.figures(4, party).detected_in_transit, without.figures(4, party).detected_in_transit
        assert more > 1.1 * base, f"{party} detected {more} in transit with sharing and {base} without"
    more, base = (g.figures(4, "dest").identified_in_exploitation for g in (with_deal, without))
    assert more > 1.1 * base, f"dest identified {more} victims in exploitation with sharing and {base} without"
    orig = with_deal.figures(4, "orig").detected_in_transit, without.figures(4, "orig").detected_in_transit
    assert abs(orig[0] - orig[1]) <= 0.1 * orig[1], f"orig is no party; its detection moved: {orig}"


def test_information_sharing_gives_nothing_to_a_partner_not_on_the_route() -> None:
    """The bonus is on networks active in both: alt shares with dest, but the ring does not cross
    alt, so dest's information on the ring's route, and its identification of the ring's victims,
    gain nothing from alt."""
    with_deal, without = with_and_without(knowing("alt", "dest"), signed("information_sharing", "dest", "alt"),
                                          rounds=3)
    got, alone = (route_information(g.after(3), "dest", RING_ROUTE) for g in (with_deal, without))
    assert got == alone, f"alt knows nothing of the ring, yet dest's information went {alone} -> {got}"
    rates = [identification_rate(g.after(3), "d", "labour", "ring") for g in (with_deal, without)]
    assert rates[0] == rates[1], f"dest's identification of the ring's victims should not gain from alt: {rates}"


def test_a_partner_that_knows_nothing_shares_nothing() -> None:
    """What a partner shares is what it knows: tran pays but has no intelligence at all, so dest
    gains nothing from it, however long it shares."""
    scenario = setup(states={"tran": {"capacities": {"intelligence": 0}}, "dest": KNOWING})
    with_deal, without = with_and_without(scenario, signed("information_sharing", "dest", "tran"), rounds=3)
    got, alone = (route_information(g.after(3), "dest", RING_ROUTE) for g in (with_deal, without))
    assert got == alone, f"a partner with intelligence 0 gave dest information: {alone} -> {got}"


def test_what_is_shared_counts_only_as_far_as_the_receiver_can_act_on_it() -> None:
    """The receiver's enforcement decides what it makes of what it is told: a dest with no police
    gains nothing from a knowing partner, a dest with some gains, and more enforcement gains more."""
    gains = []
    for enforcement in (0, 3, 8):
        scenario = setup(states={"tran": KNOWING, "dest": {"capacities": {"enforcement": enforcement}}})
        with_deal, without = with_and_without(scenario, signed("information_sharing", "dest", "tran"), rounds=3)
        gains.append(route_information(with_deal.after(3), "dest", RING_ROUTE)
                     - route_information(without.after(3), "dest", RING_ROUTE))
    assert gains[0] == 0.0 and 0.0 < gains[1] < gains[2], f"gain by dest's enforcement 0, 3, 8: {gains}"


def test_sharing_builds_up_over_rounds_of_payment_with_diminishing_returns_and_a_cap() -> None:
    """A signature is not a working relationship: what a paying partner shares grows each round it
    pays, by less each round, and never past the cap."""
    game = play(knowing("tran", "dest"), {1: signed("information_sharing", "dest", "tran", duration=8)}, rounds=6)
    levels = [game.after(r).states["dest"].shared_from.get("tran", 0.0) for r in range(1, 7)]
    steps = [b - a for a, b in itertools.pairwise(levels)]
    assert all(step > 0 for step in steps), f"sharing should build each round it is paid: {levels}"
    assert all(b < a for a, b in itertools.pairwise(steps)), f"returns should diminish: {steps}"
    assert levels[-1] <= 1.0
    info = [route_information(game.after(r), "dest", RING_ROUTE) for r in range(1, 7)]
    assert info == sorted(info) and info[-1] <= SHARED_INFORMATION_CAP, f"information by round: {info}"


def test_a_signature_alone_shares_nothing_in_the_round_it_is_signed() -> None:
    """Sharing builds over rounds of payment, and nothing falls due in the round of signature: a
    signature alone gave a round of intelligence, and paper diplomacy's sharing tipped the tutorial's
    Blue Harbour agency off its busiest route (9.5% of the harm in one game)."""
    game = play(knowing("tran", "dest"), {1: signed("information_sharing", "dest", "tran", duration=8)}, rounds=2)
    assert game.after(1).states["dest"].shared_from == {}, "nothing built in the round of signature"
    assert route_information(game.after(1), "dest", RING_ROUTE) == route_information(
        play(knowing("tran", "dest"), {}, rounds=1).after(1), "dest", RING_ROUTE)
    assert game.after(2).states["dest"].shared_from.get("tran", 0.0) > 0.0, "it builds once paid"


def test_information_shared_by_a_party_that_withholds_its_contribution_is_worthless() -> None:
    """Worthless if a party hoards (breach). tran allocates every point and pays nothing: in round
    2, the first its contribution falls due, dest gets nothing from tran (its information and
    identification rate are what they would be with no agreement), while tran still gets what dest
    paid to share."""
    scenario = knowing("tran", "dest")
    hoard = [withhold(scenario, "tran")]
    with_deal, without = with_and_without(scenario, signed("information_sharing", "dest", "tran"), 2, other=hoard)
    assert with_deal.after(2).agreements["a1"].unpaid == ["tran"]
    got, alone = (route_information(g.after(2), "dest", RING_ROUTE) for g in (with_deal, without))
    assert got == alone, f"dest should get nothing from a partner in breach: information {got} against {alone}"
    rates = [identification_rate(g.after(2), "d", "labour", "ring") for g in (with_deal, without)]
    assert rates[0] == rates[1], f"dest's identification rate should not gain from tran: {rates}"
    got, alone = (route_information(g.after(2), "tran", RING_ROUTE) for g in (with_deal, without))
    assert got > alone, f"tran still gets dest's information: {got} against {alone}"


# mutual legal assistance -----------------------------------------------------------------------------------------


def test_mutual_legal_assistance_raises_the_conviction_ratio_on_cross_border_cases() -> None:
    """Model card 4, mutual_legal_assistance: a conviction bonus on cross-border cases. The ring's
    victims in dest were moved through tran: with the treaty, more of dest's prosecutions convict."""
    scenario = setup(network=BIG_RING)
    with_deal, without = with_and_without(scenario, signed("mutual_legal_assistance", "dest", "tran"), rounds=3)
    ratios = []
    for game in (with_deal, without):
        ratios.append(game.total("convictions", "dest") / game.total("prosecutions", "dest"))
    assert without.total("prosecutions", "dest") > 200, "the case needs enough prosecutions to compare"
    assert ratios[0] > ratios[1] + 0.08, f"dest's convictions per prosecution with and without MLA: {ratios}"


def test_mutual_legal_assistance_with_a_state_off_the_networks_path_adds_nothing() -> None:
    """Model card 4, mutual_legal_assistance: the bonus is for cross-border cases; the ring never
    crosses alt, so evidence from alt convicts no one more in dest."""
    scenario = setup(network=BIG_RING)
    with_deal, without = with_and_without(scenario, signed("mutual_legal_assistance", "dest", "alt"), rounds=3)
    assert with_deal.total("convictions", "dest") == without.total("convictions", "dest")


# extradition ----------------------------------------------------------------------------------------------------


HAVEN_IN_ORIG = setup(network=BIG_RING, states={"orig": {"corruption": 0.4}})
"""The big ring, its leaders hiding in orig: the state on its route where the law reaches least."""


def test_extradition_surrenders_leaders_located_in_the_other_party() -> None:
    """Issue 14 point 2, extradition: a treaty surrenders located suspects. The ring's leaders hide in
    orig (the most corrupt state on its route); dest's many convictions name some of them there, and
    a treaty between dest and orig hands them over. Without it the core stays whole."""
    with_deal, without = with_and_without(HAVEN_IN_ORIG, signed("extradition", "dest", "orig"), rounds=3)
    assert all(without.network(r).core == 5 for r in (1, 2, 3)), "no treaty: the core must stay whole"
    assert without.after(1).networks["ring"].located.get("dest", {}).get("orig", 0) > 0, "convictions name leaders"
    surrendered = [e for r in (1, 2, 3) for e in with_deal.report(r).events if e.id.startswith("extradition-a1")]
    assert surrendered, "the treaty should surrender located leaders"
    assert min(with_deal.network(r).core for r in (1, 2, 3)) < 5
    # the news says who handed whom over, by name (it listed every party's id: 'between austria, germany, ...')
    assert " by Origin State to Destination State" in surrendered[0].text, surrendered[0].text


def test_extradition_reaches_no_leader_where_none_hides() -> None:
    """Issue 14 point 2: a treaty between dest and tran reaches nobody, however many convictions,
    since the ring's leaders hide in orig: only a located suspect in a party's territory is surrendered."""
    with_deal, _ = with_and_without(HAVEN_IN_ORIG, signed("extradition", "dest", "tran"), rounds=3)
    assert not [e for r in (1, 2, 3) for e in with_deal.report(r).events if e.id.startswith("extradition-")]
    assert all(with_deal.network(r).core == 5 for r in (1, 2, 3))


def test_extradition_needs_the_network_in_both_parties_territory() -> None:
    """Model card 4, extradition: leaders are handed over between parties; alt holds none of the
    ring's regions, so an extradition treaty between dest and alt reaches no leader."""
    with_deal, _ = with_and_without(setup(network=BIG_RING), signed("extradition", "dest", "alt"), rounds=3)
    assert with_deal.network(3).core == 5


# joint investigation team -----------------------------------------------------------------------------------------

STRONG = {"capacities": {"enforcement": 10, "intelligence": 10}, "corruption": 0.0}
BIG_CORE = {"core": 20}
"""A core large enough that one operation's share of it is a clear number of leaders."""


def jit_scenario() -> Scenario:
    """dest and alt field a strong team; the ring's leaders hide in dest, the least clean of the
    states on its route (orig and tran made stronger), so the team can arrest them there."""
    clean = {"capacities": {"enforcement": 10}, "corruption": 0.0}
    return setup(network=BIG_CORE, states={"dest": {**STRONG, "corruption": 0.1}, "alt": STRONG,
                                           "orig": clean, "tran": clean})


def test_joint_investigation_team_removes_core_members_of_its_named_network() -> None:
    """Model card 4, joint_investigation_team: one operation per round against a named network, which
    can remove core members; with no team the core stays whole. Its pooled budget is first paid in
    the round after signature, and so is its first operation."""
    scenario = jit_scenario()
    team = signed("joint_investigation_team", "dest", "alt", network="ring")
    with_deal, without = with_and_without(scenario, team, rounds=3)
    assert without.network(3).core == 20
    assert with_deal.network(1).core == 20, "no operation in the round of signature: nothing is pooled yet"
    assert with_deal.network(2).core <= 17, f"one round's operation left a core of {with_deal.network(2).core} of 20"
    arrested = [e.effects[0] for e in with_deal.report(3).events if e.kind == "operation"]
    assert arrested and arrested[0] != "network:ring core -0", f"a second round, a second operation: {arrested}"
    assert [e.id for e in with_deal.report(2).events if e.kind == "operation"] == ["operation-a1"]


def test_joint_investigation_team_reveals_its_networks_routes_to_every_party() -> None:
    """Model card 4, joint_investigation_team: reveals its routes to the parties. alt holds none of the
    ring's regions and knows none of its routes, until it joins a team against it."""
    with_deal, without = with_and_without(jit_scenario(), signed("joint_investigation_team", "dest", "alt",
                                                                  network="ring"), rounds=1)
    assert [r.id for r in view(without.after(1), "alt").routes] == [], "alt should know nothing of the ring alone"
    seen = {r.id for r in view(with_deal.after(1), "alt").routes}
    held = {r.id for r in with_deal.after(1).networks["ring"].routes}
    assert held and held <= seen, f"alt should see every route of the ring: sees {seen}, the ring holds {held}"


def test_joint_investigation_team_stalls_when_a_party_does_not_pay() -> None:
    """Model card 4, joint_investigation_team: the points are pooled; a team one party will not fund
    cannot work that round: no leader is arrested, and the stall is announced."""
    scenario = jit_scenario()
    team = signed("joint_investigation_team", "dest", "alt", network="ring")
    game = play(scenario, {1: [*team, withhold(scenario, "alt")]}, rounds=2)
    assert game.network(2).core == 20, "an unfunded team must arrest no one"
    assert [e.id for e in game.report(2).events if e.kind == "operation"] == ["stalled-a1"]


def test_two_teams_on_one_network_overlap_rather_than_add_up() -> None:
    """Two teams on the same network work the same suspects: together they remove less than twice
    what one removes (each operates from the round after signature)."""
    moderate = {"capacities": {"enforcement": 6, "intelligence": 6}, "corruption": 0.0}
    # the ring's leaders hide in orig, the weakest state on its route: both teams include orig
    scenario = setup(network={"core": 40}, states={"dest": moderate, "tran": moderate})
    one = play(scenario, {1: signed("joint_investigation_team", "dest", "orig", network="ring")}, rounds=2)
    two = play(scenario, {1: [*signed("joint_investigation_team", "dest", "orig", network="ring"),
                              *signed("joint_investigation_team", "tran", "orig", network="ring", proposal="p2")]},
               rounds=2)
    assert len(two.after(2).agreements) == 2
    first, both = 40 - one.network(2).core, 40 - two.network(2).core
    assert first < both < 2 * first + 1, f"one team removed {first} leaders, two removed {both}"


def test_a_party_in_two_teams_lends_each_half_its_investigators() -> None:
    """A police force has so many investigators: in a round where orig works in two teams, its part
    of each team's strength is halved, while dest's part, in one team only, is whole. So signing a
    team with every neighbour on paper does not multiply what a state's police can do."""
    from game.engine import new_game
    from game.engine.diplomacy.effects import joint_team_strength

    moderate = {"capacities": {"enforcement": 6, "intelligence": 6}, "corruption": 0.0}
    state = new_game(setup(states={"dest": moderate, "orig": moderate}))
    alone = joint_team_strength(state, ["dest", "orig"], {"dest": 1, "orig": 1})
    shared = joint_team_strength(state, ["dest", "orig"], {"dest": 1, "orig": 2})
    assert shared == pytest.approx(0.75 * alone), f"one team: {alone:.3f}; orig in two: {shared:.3f}"


# repatriation protocol ------------------------------------------------------------------------------------------


def test_repatriation_protocol_means_fewer_returned_victims_are_retrafficked() -> None:
    """Model card 4 and 5.8, repatriation_protocol: returned victims are re-trafficked less. dest has
    little protection, so most victims it identifies go unassisted; with the protocol fewer of them
    fall back into the ring."""
    scenario = setup(states={"dest": {"capacities": {"protection": 1}}})
    with_deal, without = with_and_without(scenario, signed("repatriation_protocol", "dest", "orig"), rounds=4)
    more, fewer = without.total("retrafficked", "dest"), with_deal.total("retrafficked", "dest")
    assert more >= 80, f"the case needs victims left unassisted: {more} retrafficked without the protocol"
    assert fewer < 0.6 * more, f"re-trafficked from dest: {fewer} with the protocol, {more} without"


# funding --------------------------------------------------------------------------------------------------------

GRANT: dict[str, Any] = {"donor": "dest", "recipient": "tran", "amount": 4, "capacity": "enforcement"}


def test_funding_moves_donor_points_to_the_recipients_capacity() -> None:
    """Model card 4, funding: donor points go to a recipient's capacity. dest pays 4 points a round
    from the round after signature, and tran's enforcement grows beyond what its own budget holds."""
    with_deal, without = with_and_without(setup(), signed("funding", "dest", "tran", **GRANT), rounds=3)
    assert with_deal.figures(1, "tran").funding_received == 0, "nothing is paid in the round of signature"
    for round_no in (2, 3):
        assert with_deal.figures(round_no, "dest").contributed == 4, "the donor pays the amount each round"
        assert with_deal.figures(round_no, "tran").funding_received == 4
        assert with_deal.figures(round_no, "tran").contributed == 0, "the recipient pays nothing by default"
    levels = [g.after(3).states["tran"].capacities["enforcement"] for g in (with_deal, without)]
    assert levels[0] > levels[1] + 1.0, f"tran's enforcement with and without the grant: {levels}"


def test_funding_lapses_when_its_condition_is_not_met_by_its_round() -> None:
    """Model card 4, funding: with conditions (adopt a law by round N). tran was to adopt the national
    rapporteur by round 2 and never does: the grant lapses at round 2's resolution, and nothing more
    is paid."""
    condition: dict[str, Any] = {"conditions": [{"law": "national_rapporteur", "by_round": 2}], "duration": 5}
    game = play(setup(), {1: signed("funding", "dest", "tran", **GRANT, **condition)}, rounds=4)
    assert game.after(1).agreements["a1"].status == "in_force"
    lapsed = game.after(2).agreements["a1"]
    assert (lapsed.status, lapsed.ended_round, lapsed.ended_by) == ("lapsed", 2, "tran")
    assert [game.figures(r, "tran").funding_received for r in (1, 2, 3, 4)] == [0, 4, 0, 0]


def test_funding_continues_when_its_condition_is_met_in_time() -> None:
    """Model card 4, funding: a recipient that adopts the law by round N keeps the grant."""
    condition: dict[str, Any] = {"conditions": [{"law": "national_rapporteur", "by_round": 2}], "duration": 4}
    orders: dict[int, list[Action]] = {
        1: signed("funding", "dest", "tran", **GRANT, **condition), 2: [adopt("tran", "national_rapporteur")],
    }
    game = play(setup(), orders, rounds=4)
    assert game.after(3).agreements["a1"].status == "in_force"
    assert [game.figures(r, "tran").funding_received for r in (1, 2, 3, 4)] == [0, 4, 4, 4]


def test_funding_condition_adopted_too_late_does_not_save_the_grant() -> None:
    """Model card 4, funding: "adopt a law by round N": adopting it in round N + 1 is too late."""
    condition: dict[str, Any] = {"conditions": [{"law": "national_rapporteur", "by_round": 2}], "duration": 4}
    orders: dict[int, list[Action]] = {
        1: signed("funding", "dest", "tran", **GRANT, **condition), 3: [adopt("tran", "national_rapporteur")],
    }
    game = play(setup(), orders, rounds=3)
    assert game.after(3).agreements["a1"].status == "lapsed"
    assert game.figures(3, "tran").funding_received == 0, "no money after the condition's round has passed"


# labour migration MoU -------------------------------------------------------------------------------------------


def mou_game(prevention: float = 6, enforcement: float = 6, rounds: int = 4) -> tuple[Game, Game]:
    scenario = setup(states={"orig": {"capacities": {"prevention": prevention}},
                             "dest": {"capacities": {"enforcement": enforcement}}})
    return with_and_without(scenario, signed("labour_migration_mou", "orig", "dest"), rounds=rounds)


def test_labour_migration_mou_lowers_vulnerability_and_labour_demand_on_the_parties_corridor() -> None:
    """labour_migration_mou: on the ring's labour corridor from orig to dest, vulnerability falls in
    the origin and irregular labour demand in the destination; tran, no party, is untouched."""
    with_deal, without = mou_game()
    mou, base = with_deal.after(4).regions, without.after(4).regions
    assert mou["o"].vulnerability < 0.95 * base["o"].vulnerability, "vulnerability in the origin"
    assert mou["d"].demand["labour"] < 0.95 * base["d"].demand["labour"], "labour demand in the destination"
    assert mou["t1"].vulnerability == base["t1"].vulnerability and mou["t1"].demand == base["t1"].demand


def test_an_mou_does_as_much_as_the_parties_carry_out() -> None:
    """The origin runs the programme (its prevention), the destination inspects (its enforcement):
    with neither, the signed MoU changes nothing; with more of both, it changes more."""
    falls = []
    for level in (0, 3, 8):
        with_deal, without = mou_game(prevention=level, enforcement=level)
        falls.append(without.after(4).regions["o"].vulnerability - with_deal.after(4).regions["o"].vulnerability)
    assert falls[0] == 0.0 and 0.0 < falls[1] < falls[2], f"fall in the origin's vulnerability by capacity: {falls}"


def test_an_mou_stops_at_its_floor() -> None:
    """A corridor never moves past labour_mou_floor of where it started, however long the MoU runs."""
    with_deal, _ = mou_game(prevention=10, enforcement=10, rounds=8)
    start = with_deal.after(0).regions["o"].vulnerability
    params = with_deal.after(0).world.params
    assert with_deal.after(8).regions["o"].vulnerability >= (1 - params.labour_mou_floor) * start - 1e-12


# regional convention --------------------------------------------------------------------------------------------

MEMBERS = ("orig", "tran", "dest")


def convention_scenario(**parameters: float) -> Scenario:
    states: dict[str, Any] = {s: PROTECTED for s in MEMBERS}
    states["dest"] = {**PROTECTED, "capacities": {"prevention": 10, "intelligence": 10, "enforcement": 6}}
    states["tran"] = {**PROTECTED, "capacities": {"intelligence": 8, "enforcement": 6}}
    return setup(states=states, parameters=parameters)


def test_regional_convention_members_share_information() -> None:
    """Model card 4, regional_convention: information sharing among all members: dest identifies
    more of the victims held in its territory, and tran detects more in transit."""
    with_deal, without = with_and_without(convention_scenario(), signed("regional_convention", *MEMBERS), rounds=3)
    more, base = (g.figures(3, "dest").identified_in_exploitation for g in (with_deal, without))
    assert more > 1.1 * base, f"dest identified {more} victims with the convention and {base} without"
    more, base = (g.figures(3, "tran").detected_in_transit for g in (with_deal, without))
    assert more > 1.1 * base, f"tran detected {more} in transit with the convention and {base} without"


def test_regional_convention_peer_review_moves_approval_and_reports_gaps() -> None:
    """Model card 4, regional_convention: peer review each round; review exposes gaps. A member gains
    parameters.convention_reputation of approval and loses parameters.peer_review_gap_cost for each
    weak pillar (4P score of 2 or less), and each member with gaps is named in a 'review' event.
    dest, strong in prevention and intelligence, has no gap; orig and tran have two."""
    deal = signed("regional_convention", *MEMBERS)
    reviewed = play(convention_scenario(), {1: deal}, rounds=1)
    unreviewed = play(convention_scenario(convention_reputation=0, peer_review_gap_cost=0), {1: deal}, rounds=1)
    params = reviewed.after(1).world.params
    for member in MEMBERS:
        gaps = sorted(p for p, score in reviewed.figures(1, member).scores_4p.items() if score <= 2)
        moved = reviewed.after(1).states[member].approval - unreviewed.after(1).states[member].approval
        expected = params.convention_reputation - params.peer_review_gap_cost * len(gaps)
        assert moved == pytest.approx(expected), f"{member} with gaps {gaps}: approval moved {moved}, not {expected}"
        events = [e for e in reviewed.report(1).events if e.id == f"review-a1-{member}"]
        if gaps:
            assert events and events[0].kind == "review" and all(g in events[0].text for g in gaps), events
        else:
            assert events == [], f"{member} has no gap and must not be named"
    assert reviewed.figures(1, "dest").scores_4p and not [
        p for p, s in reviewed.figures(1, "dest").scores_4p.items() if s <= 2
    ], "the case needs one member without gaps"
    assert any(e.kind == "review" for e in reviewed.report(1).events), "the case needs a member with gaps"


# trust, views, publicity, scoring --------------------------------------------------------------------------------


def test_trust_is_kept_plus_one_over_kept_plus_broken_plus_two() -> None:
    """Model card 4: trust of A in B = (kept + 1) / (kept + broken + 2) over B's commitments to A.
    tran pays rounds 2 and 3 (nothing is due at signature) and withholds in round 4: dest's trust in
    tran is (2+1)/(2+1+2) = 3/5; dest paid all three: tran's trust in dest is (3+1)/(3+0+2) = 4/5;
    alt, with no record, 1/2."""
    scenario = setup()
    game = play(scenario, {1: signed("information_sharing", "dest", "tran"), 4: [withhold(scenario, "tran")]},
                rounds=4)
    state = game.after(4)
    assert view(state, "dest").me.trust["tran"] == pytest.approx(3 / 5)
    assert view(state, "tran").me.trust["dest"] == pytest.approx(4 / 5)
    assert view(state, "dest").me.trust["alt"] == pytest.approx(1 / 2)
    assert set(view(state, "alt").me.trust) == {"orig", "tran", "dest"}, "a view holds trust in every other state"


def test_trust_counts_a_withdrawal_as_a_broken_commitment() -> None:
    """Model card 4: leaving before the term is one broken commitment: one round paid, then out:
    (1+1)/(1+1+2) = 1/2."""
    game = play(setup(), {1: signed("information_sharing", "dest", "tran"), 3: [withdraw("tran", "a1")]}, rounds=3)
    assert view(game.after(3), "dest").me.trust["tran"] == pytest.approx(2 / 4)


def test_a_breach_is_a_public_event_seen_by_every_state() -> None:
    """Model card 4: a party that does not pay is in breach, and its partners see it; treaties are
    public, so the breach is in the round's report and in every state's view, parties or not."""
    scenario = setup()
    game = play(scenario, {1: [*signed("information_sharing", "dest", "tran"), withhold(scenario, "tran")]}, rounds=2)
    breaches = [e for e in game.report(2).events if e.kind == "breach"]
    assert len(breaches) == 1 and "tran" in breaches[0].title and "did not pay" in breaches[0].text, breaches
    for state_id in ("orig", "tran", "alt", "dest"):
        seen = {a.id: a.unpaid for a in view(game.after(2), state_id).agreements}
        assert seen == {"a1": ["tran"]}, f"{state_id} should see tran's breach of a1, sees {seen}"


def objective_score(orders: dict[int, list[Action]], rounds: int = 2, seat: str = "dest",
                    partner: str = "tran") -> GameScore:
    objective = {"kind": "sign_agreement", "agreement": "information_sharing", "with": [partner], "points": 3}
    scenario = setup(rounds=rounds, states={seat: {"objectives": [objective]}})
    return scores(play(scenario, orders).after(rounds), run_baseline(scenario, 7))


def test_sign_agreement_objective_is_not_met_by_a_signature_its_state_let_lapse_unpaid() -> None:
    """Issue 14: cooperation counts when carried out. tran signs with dest and never pays: the
    agreement lapses through tran's breach, so tran's objective to sign it is not met, while dest,
    which paid, keeps its own."""
    scenario = setup()
    lapse = {r: [withhold(scenario, "tran")] for r in range(2, 6)}
    orders = {1: [*signed("information_sharing", "dest", "tran"), withhold(scenario, "tran")], **lapse}
    breaker = objective_score(orders, rounds=6, seat="tran", partner="dest").states["tran"].objectives[0]
    kept = objective_score(orders, rounds=6).states["dest"].objectives[0]
    assert not breaker.met and breaker.earned == 0, breaker
    assert breaker.description.endswith("and keep it")
    assert kept.met, "the party that paid keeps its objective when the other lets the agreement lapse"


def test_sign_agreement_objective_is_met_by_signing_with_the_named_partner() -> None:
    """Model card 6 (scenario objectives): sign_agreement is met by an agreement of that kind with the
    named partner, not with another state, and not by none."""
    met = objective_score({1: signed("information_sharing", "dest", "tran")}).states["dest"].objectives[0]
    assert met.met and met.earned == 3, met
    other = objective_score({1: signed("information_sharing", "dest", "orig")}).states["dest"].objectives[0]
    assert not other.met, "an agreement with orig does not meet an objective naming tran"
    kind = objective_score({1: signed("mutual_legal_assistance", "dest", "tran")}).states["dest"].objectives[0]
    assert not kind.met, "another kind of agreement with tran does not meet it"
    assert not objective_score({}).states["dest"].objectives[0].met


def test_partnership_pillar_counts_agreements_in_force() -> None:
    """Model card 5.9 and 1 (the 4 Ps): the partnership pillar counts agreements in force: dest's score
    rises with one agreement and again with two, and falls back once they end (paid in rounds 2 and 3,
    ended after round 3)."""
    orders = {1: [*signed("information_sharing", "dest", "tran", duration=2),
                  *signed("mutual_legal_assistance", "dest", "orig", proposal="p2", duration=2)]}
    two = play(setup(), orders, rounds=4)
    one = play(setup(), {1: signed("information_sharing", "dest", "tran", duration=2)}, rounds=1)
    none = play(setup(), {}, rounds=1)
    assert partnerships(two.after(1))["dest"] == 2 and partnerships(one.after(1))["dest"] == 1
    pillar = [g.figures(1, "dest").scores_4p["partnership"] for g in (none, one, two)]
    assert pillar[0] < pillar[1] < pillar[2], f"dest's partnership with 0, 1 and 2 agreements: {pillar}"
    assert two.figures(4, "dest").scores_4p["partnership"] == pillar[0], "back to none once both have ended"


def test_holding_capacities_leaves_room_to_pay() -> None:
    """Model card 4 and 5.2: contributions are paid from what the allocation leaves: a state that holds
    its capacities and keeps the rest pays, and is not in breach."""
    scenario = setup()
    game = play(scenario, {1: [*signed("information_sharing", "dest", "tran"), holding(scenario, "tran")]}, rounds=1)
    assert game.after(1).agreements["a1"].unpaid == []
    assert not [e for e in game.report(1).events if e.kind == "breach"]
