"""A team's round report tells each displacement in short plain sentences that fit 80 columns: who
moved what, from where, to where, why, and what it means for the team. Mekong's first round read
'It now ends in your territory: Poipet and Nong Khai brokers (labour) moved some trade off Phnom
Penh, ... → Bangkok ...: demand for its trade fell less than 1% in Bangkok ... and moved to Phnom
Penh, ...: ...', which a student could not take apart."""

from game.session import seat_reports
from game.session.seat_reports import StateRoundReport
from game.session.session import Session
from game.tui.screens.round_report import report_text
from game.tui.widgets.displacement_text import WIDTH
from tests.session.helpers import shipped, short


def _displacement(who: str) -> list[str]:
    session = Session.new(short(shipped("mekong"), 2), 2015, saves_dir=None, path=None)
    session.resolve()
    data = seat_reports.round_report(session, who, 1)
    assert isinstance(data, StateRoundReport)
    lines = report_text(data).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("[b]Displacement[/]"))
    end = lines.index("[b]News[/]", start)
    return [line for line in lines[start + 1:end] if line]


def test_a_real_mekong_move_reads_who_what_from_where_to_where_why_and_what_for_you() -> None:
    assert _displacement("cambodia") == [
        "  ⇢ Poipet and Nong Khai brokers (labour) moved some trade to a new path.",
        "    From: Phnom Penh, Poipet and the Cambodian plains →",
        "      Bangkok and the central plain.",
        "    To: Phnom Penh, Poipet and the Cambodian plains. It crosses no state it",
        "      did not cross before.",
        "    Why: demand for its trade fell 0.3% in Bangkok and the central plain",
        "      (under 2%, a fall moves trade only now and then, by chance, as much on",
        "      average as it is worth: this time it did).",
        "    For you: the trade now ends in your territory.",
    ]


def test_every_displacement_line_fits_80_columns_and_never_folds_inside_a_place() -> None:
    lines = _displacement("thailand")
    assert sum(line.startswith("  ⇢ ") for line in lines) == 2, lines
    assert all(len(line) <= WIDTH for line in lines), [line for line in lines if len(line) > WIDTH]
    assert "    From: Yangon, Bago and the Ayeyarwady delta → Myawaddy border zone →" in lines
    assert "      Mae Sot and Tak province → Bangkok and the central plain." in lines, "'Mae / Sot' was split"
    assert lines.count("    For you: demand fell in your territory. Some of the trade left your") == 2


def test_a_move_between_two_of_a_teams_markets_says_the_trade_still_ends_there() -> None:
    """Germany read 'the trade now ends in your territory' of trade moved from one German city to
    another, as if it had come from abroad (student21)."""
    from game.model.report import Displacement
    from game.tui.widgets.displacement_text import your_part

    move = Displacement(network="n", form="labour", dropped=["ro", "hu", "berlin"], dropped_flow=10,
                        opened=["ro", "hu", "at", "munich"], reach_moved=1.0, risk=0.2, pressure_region="berlin",
                        pressure_state="germany", received_by=["austria"], cause="site")
    assert "still ends in your territory" in your_part(move, "germany", {"berlin", "munich"})
    abroad = Displacement(network="n", form="labour", dropped=["ro", "hu", "berlin"], dropped_flow=10,
                          opened=["ro", "hu", "vienna"], reach_moved=1.0, risk=0.2, pressure_region="berlin",
                          pressure_state="germany", received_by=["austria"], cause="site")
    assert "now ends in your territory" in your_part(abroad, "austria", {"vienna"})
