"""A state's round figures say who paid into its capacities (`StateFigures.funding`): a partner's
grant and an organization's assistance, each by donor and capacity, adding up to
`funding_received`. The round report tells them apart from the state's own allocation; the saved
report leaves the map out when nobody funded anything, so a round without funding reads as before."""

from game.engine.serialize import REPORT_ADAPTER, report_to_data
from tests.diplomacy.deals import signed
from tests.engine.play import play
from tests.organizations.helpers import ORG, assist, with_org


def test_a_grant_and_an_assistance_are_recorded_by_donor_and_capacity() -> None:
    terms = {"donor": "dest", "recipient": "orig", "amount": 2.0, "capacity": "prevention"}
    game = play(with_org(), {1: signed("funding", "dest", "orig", **terms), 2: [assist("orig", 1.5)]}, rounds=2)
    assert game.figures(1, "orig").funding == {}, "the grant falls due from the round after signature"
    figures = game.figures(2, "orig")
    assert figures.funding == {"dest": {"prevention": 2.0}, ORG: {"protection": 1.5}}
    assert figures.funding_received == 3.5
    assert game.figures(2, "dest").funding == {}, "the donor received nothing"


def test_the_saved_report_carries_funding_only_where_someone_was_funded() -> None:
    terms = {"donor": "dest", "recipient": "orig", "amount": 2.0, "capacity": "prevention"}
    game = play(with_org(), {1: signed("funding", "dest", "orig", **terms)}, rounds=2)
    first, second = report_to_data(game.report(1)), report_to_data(game.report(2))
    assert all("funding" not in figures for figures in first["states"].values())
    assert second["states"]["orig"]["funding"] == {"dest": {"prevention": 2.0}}
    assert "funding" not in second["states"]["dest"]
    assert REPORT_ADAPTER.validate_python(second) == game.report(2), "read back, the report is the same"
    assert REPORT_ADAPTER.validate_python(first).states["orig"].funding == {}
