"""A move of a network that reached no new state reads as a sentence: mekong's report said 'and
moved to Phnom Penh, Poipet and the Cambodian plains: new to no new state'."""

from game.model.report import Displacement
from game.tui.widgets import displacement_text


def displacement_lines(moves: list[Displacement], who: str, mine: set[str], names: dict[str, str]) -> list[str]:
    """The report's lines, unfolded: each sentence on one line again, so that a test reads words."""
    return [" ".join(" ".join(displacement_text.displacement_lines(moves, who, mine, names)).split())]

NAMES = {"transit": "Transit One", "t1": "Pass One", "t2": "Pass Two", "o": "Home", "d": "Port"}


def test_a_move_through_states_it_already_crossed_says_so() -> None:
    move = Displacement("ring", "labour", ["o", "t1", "d"], 900, ["o", "t2", "d"], 800.0, 0.4, "t1", "transit", [])
    text = " ".join(displacement_lines([move], "transit", {"t1"}, NAMES))
    assert "no new state" not in text, text
    assert "To: Home → Pass Two → Port. It crosses no state it did not cross before." in text, text


def test_a_move_that_lost_its_flow_says_only_that() -> None:
    move = Displacement("ring", "labour", ["o", "t1", "d"], 900, [], 0.0, 0.4, "t1", "transit", [])
    text = " ".join(displacement_lines([move], "transit", {"t1"}, NAMES))
    assert "To: nowhere. The flow was lost. Why:" in text, text


def test_a_site_that_stopped_paying_is_not_called_the_teams_pressure() -> None:
    """An outside reviewer: mekong's team read that a network 'left Bangkok because of your pressure'
    when a labour agreement's slow fall in demand had moved a few of its people. A site move says
    that demand fell, where and by how much, and that the route carried on."""
    move = Displacement("ring", "labour", ["o", "t1", "d"], 20, ["o", "t2", "x"], 40.0, 0.015, "d", "dest", [],
                        cause="site")
    text = " ".join(displacement_lines([move], "dest", {"d"}, NAMES))
    assert "pressure" not in text, text
    assert text == ("⇢ ring (labour) moved some trade to a new path. From: Home → Pass One → Port. To: Home → Pass Two "
                    "→ x. It crosses no state it did not cross before. Why: demand for its trade fell 1.5% in Port "
                    "(under 2%, a fall moves trade only now and then, by chance, as much on average as it is worth: "
                    "this time it did). "
                    "For you: demand fell in your territory. Some of the trade left your territory."), text


def test_a_fall_in_demand_under_half_a_percent_never_reads_zero_percent() -> None:
    """Mekong's labour markets lose 0.4% of their demand a round: every team's report read 'demand
    for its trade fell 0% in Bangkok', a fall of nothing that moved people."""
    move = Displacement("ring", "labour", ["o", "t1", "d"], 20, ["o", "t2", "x"], 40.0, 0.0039, "d", "dest", [],
                        cause="site")
    text = " ".join(displacement_lines([move], "dest", {"d"}, NAMES))
    assert "fell 0%" not in text, text
    assert "demand for its trade fell 0.4% in Port (under 2%, a fall moves trade only now and then, by chance" \
        in text, text


def test_a_teams_report_keeps_the_share_of_demand_a_site_lost_and_hides_a_networks_belief() -> None:
    """The seat's report zeroed every move's `risk`: for a site that is the share of demand lost
    (public: every view shows each region's demand), so every team read 'fell 0%' even for mekong's
    55% fall in Shan State; a detection move's `risk` is the network's own belief and stays hidden."""
    from game.model.report import RoundReport
    from game.session.seat_reports import seat_report

    site = Displacement("ring", "labour", ["o", "t1", "d"], 20, ["o", "t2", "x"], 40.0, 0.55, "d", "dest", [],
                        cause="site")
    pressed = Displacement("ring", "labour", ["o", "t1", "d"], 900, ["o", "t2", "d"], 800.0, 0.4, "t1", "dest", [])
    report = RoundReport(round=1, states={}, networks={}, events=[], displacement=[site, pressed])
    seen = seat_report(report, "dest", {"d", "t1"}).displacement
    assert [m.risk for m in seen] == [0.55, 0.0]
    assert [m.dropped_flow for m in seen] == [0, 0]
    text = " ".join(displacement_lines(seen[:1], "dest", {"d"}, NAMES))
    assert "demand for its trade fell 55% in Port" in text, text


def test_the_people_moved_are_counted_in_the_scenarios_word_for_a_round() -> None:
    """Mekong's debrief read 'moved about 852 people a round of its trade' above a table counting
    'people a year'."""
    from game.report.displacement_words import what_moved

    site = Displacement("ring", "labour", ["o", "d"], 852, ["o", "x"], 40.0, 0.55, "d", "dest", [], cause="site")
    pressed = Displacement("ring", "labour", ["o", "t1", "d"], 900, ["o", "t2", "d"], 800.0, 0.4, "t1", "dest", [])
    assert what_moved(site, "year") == "about 852 people a year of its trade"
    assert what_moved(pressed, "year") == "a route carrying 900 people a year"


def test_the_debriefs_why_names_a_region_no_state_holds_in_words() -> None:
    """Mekong's debrief read 'demand for its trade fell 26% in Myawaddy border zone (Shwe Kokko, KK
    Park) (no state)'."""
    from game.report.displacement_words import where_and_why

    names = {"m": "Myawaddy border zone (Shwe Kokko, KK Park)", "b": "Bangkok", "thailand": "Thailand"}

    def name(ident: str | None) -> str:
        return "no state" if ident is None else names.get(ident, ident)

    lawless = Displacement("ring", "criminality", ["o", "m"], 178, ["o", "s"], 40.0, 0.26, "m", None, [], cause="site")
    held = Displacement("ring", "labour", ["o", "b"], 81, ["o", "s"], 40.0, 0.004, "b", "thailand", [], cause="site")
    assert where_and_why(lawless, name) == (
        "demand for its trade fell 26% in Myawaddy border zone (Shwe Kokko, KK Park), held by no state")
    assert where_and_why(held, name) == (
        "demand for its trade fell 0.4% in Bangkok (Thailand) (under 2%, a fall moves trade only now and then, by "
        "chance, as much on average as it is worth: this time it did)")


def test_the_debriefs_moment_gives_the_cause_and_says_the_flow_stayed_on_states_it_crossed() -> None:
    """The tutorial's debrief read 'moved a route carrying 439 people a year because pressure in
    Aldmark; the flow moved onto no other state', while the route it took ended in Meridia's coast."""
    from types import SimpleNamespace
    from typing import Any, cast

    from game.report.teaching import _moments

    move = Displacement("ring", "labour", ["o", "t1", "d"], 439, ["o", "t2", "c"], 400.0, 0.4, "d", "dest", [])
    debrief = SimpleNamespace(displacement=[(4, move)], label="year", name=lambda i: NAMES.get(i, i) if i else "",
                              in_round=lambda n: f"year {n}")
    teaching = SimpleNamespace(ledger=SimpleNamespace(rows=[]), agreements=[])
    first = _moments(cast(Any, debrief), cast(Any, teaching))[0]
    assert first == ("The largest displacement (year 4): ring moved a route carrying 439 people a year because of "
                     "pressure in dest; the flow moved onto no state it did not cross already."), first


def test_every_screen_says_because_of_pressure_and_because_demand_fell() -> None:
    """The replay's truth and the simulation report read 'because pressure in Meridia'; a team's
    report read 'because of it was losing money'. All now go through `because`."""
    from game.model.report import Displacement
    from game.report.displacement_words import because

    def move(cause: str) -> Displacement:
        return Displacement(network="ring", form="labour", dropped=["o", "t1", "d"], dropped_flow=10,
                            opened=["o", "t2", "d"], reach_moved=1.0, risk=0.2, pressure_region="t1",
                            pressure_state="tran", received_by=["alt"], cause=cause)

    assert because(move("detection"), "Meridia") == "because of pressure in Meridia"
    assert because(move("site"), "Meridia").startswith("because demand for its trade fell 20% in Meridia")
    assert because(move("money"), "Meridia").startswith("because it was losing money")
