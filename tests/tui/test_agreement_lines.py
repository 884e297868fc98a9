"""A grant each way between two states read the same in the agreements list and the round report,
'★ a3 Funding (Korvia, Meridia)' and '★ a4 Funding (Korvia, Meridia)' (student11's tutorial): the
student took the grant Meridia gave it for the one it gave Meridia. A grant's line says who pays whom."""

from pathlib import Path

from game.model.terms import Terms
from game.model.view import AgreementView
from game.tui.views import names_of
from game.tui.widgets.diplomacy_panel import agreement_line
from tests.tui.helpers import tutorial


def grant(donor: str, recipient: str, amount: float, parties: list[str] | None = None) -> AgreementView:
    return AgreementView(id="a3", kind="funding", parties=sorted(parties or [donor, recipient]),
                         terms=Terms(donor=donor, recipient=recipient, amount=amount, capacity="prevention"),
                         signed=1, ends=4, status="in_force", unpaid=[], ended_round=None, ended_by=None)


def test_a_grants_line_says_who_pays_whom_and_how_much_a_round(here: Path) -> None:
    view = tutorial().view("korvia")
    names = names_of(view)
    given = agreement_line(grant("korvia", "meridia", 2), view, names)
    received = agreement_line(grant("meridia", "korvia", 1.79), view, names)
    assert given == "★ a3 Funding (Korvia → Meridia, 2 a year): ✓ in force (signed year 1, until year 4)", given
    assert "(Meridia → Korvia, 1.8 a year)" in received, received
    wider = agreement_line(grant("aldmark", "meridia", 3, ["aldmark", "korvia", "meridia"]), view, names)
    assert "(Aldmark → Meridia, 3 a year, Korvia)" in wider, wider


def test_an_agreement_other_than_a_grant_still_names_its_parties(here: Path) -> None:
    view = tutorial().view("korvia")
    sharing = AgreementView(id="a5", kind="information_sharing", parties=["aldmark", "korvia", "meridia"],
                            terms=Terms(), signed=2, ends=6, status="in_force", unpaid=[], ended_round=None,
                            ended_by=None)
    line = agreement_line(sharing, view, names_of(view))
    assert line.startswith("★ a5 Information sharing (Aldmark, Korvia, Meridia): ✓ in force"), line


def test_an_agreement_that_served_its_term_reads_as_a_kept_commitment(here: Path) -> None:
    """'✗ ended in year 4' read as a failure for a grant paid to its last round."""
    view = tutorial().view("korvia")
    served = grant("korvia", "meridia", 2).model_copy(update={"status": "ended", "ended_round": 4})
    line = agreement_line(served, view, names_of(view))
    assert line.endswith("✓ served its term in year 4"), line
    lapsed = grant("korvia", "meridia", 2).model_copy(
        update={"status": "lapsed", "ended_round": 3, "ended_by": "korvia"})
    assert agreement_line(lapsed, view, names_of(view)).endswith("✗ lapsed by Korvia in year 3")


def test_an_agreement_in_force_from_before_the_game_is_not_signed_in_year_0(here: Path) -> None:
    view = tutorial().view("korvia")
    older = grant("korvia", "meridia", 2).model_copy(update={"signed": 0, "ends": 5})
    line = agreement_line(older, view, names_of(view))
    assert "✓ in force (from before the game, until year 5)" in line and "year 0" not in line, line


def test_an_accepted_proposal_whose_agreement_has_ended_costs_nothing_now(here: Path) -> None:
    """China's detail of a joint team it had accepted read 'Cost to you: 3 a year' two years after
    the agreement had served its term."""
    from game.tui.widgets.diplomacy_panel import cost_text
    from tests.diplomacy.deals import accept, propose
    from tests.tui.helpers import finish_round, tutorial

    session = tutorial(ai=())
    session.submit(propose("korvia", "information_sharing", "meridia", duration=1), by="korvia")
    proposal = session.view("meridia").proposals[0].id
    session.submit(accept("meridia", proposal), by="meridia")
    finish_round(session)
    view = session.view("korvia")
    offered = next(p for p in view.proposals if p.id == proposal)
    made = next(a for a in view.agreements if a.kind == "information_sharing")
    assert cost_text(offered, "korvia", "year", view.agreements) == (
        f"Cost to you: 2 a year, as {made.id}, until year {made.ends}.")
    for _ in range(made.ends - view.round + 1):
        finish_round(session)
    view = session.view("korvia")
    offered = next(p for p in view.proposals if p.id == proposal)
    assert next(a for a in view.agreements if a.id == made.id).status != "in_force"
    assert cost_text(offered, "korvia", "year", view.agreements) == (
        f"It became {made.id}, which ended in year {made.ends}: it costs you nothing now (it cost 2 a year).")
