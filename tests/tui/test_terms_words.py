"""A proposal's terms name what 'others' pay only when a party has no contribution of its own:
China's two-party joint team read 'each pays a year: China 3.3, Thailand 2.7 (others 3)'."""

from game.model.terms import Terms
from game.tui.widgets.diplomacy_panel import terms_text

NAMES = {"china": "China", "thailand": "Thailand", "laos": "Laos"}


def test_terms_with_every_party_paying_name_no_others() -> None:
    terms = Terms(contributions={"china": 3.3, "thailand": 2.7})
    text = terms_text(terms, 3, 3.0, NAMES, "year", ["china", "thailand"])
    assert text == "for 3 years; each pays a year: China 3.3, Thailand 2.7", text


def test_terms_with_a_party_left_to_the_default_say_what_it_pays() -> None:
    terms = Terms(contributions={"china": 3.3, "thailand": 2.7})
    text = terms_text(terms, 3, 3.0, NAMES, "year", ["china", "thailand", "laos"])
    assert text.endswith("each pays a year: China 3.3, Thailand 2.7 (others 3)"), text


def test_a_proposal_another_party_rejected_does_not_ask_to_keep_points_aside() -> None:
    """Thailand's labour MoU, rejected by Vietnam, read 'You will pay 1 a year from year 3 if it
    enters into force at this year's resolution: leave it unallocated then' above '✗ Vietnam
    rejected it: it ends when this year is resolved'."""
    from game.model.view import ProposalView
    from game.tui.widgets.diplomacy_panel import cost_text

    proposal = ProposalView(id="p1", kind="labour_migration_mou", proposer="thailand", parties=["thailand", "vietnam"],
                            terms=Terms(), round=1, expires=3, status="open", answers={"vietnam": "reject"},
                            counters=None, costs={"thailand": 1.0, "vietnam": 1.0}, first_due=3)
    text = cost_text(proposal, "thailand", "year")
    assert "leave it unallocated" not in text, text
    assert text == "It cannot enter into force now: it costs you nothing (it would have cost 1 a year).", text
    waiting = proposal.model_copy(update={"answers": {}})
    assert cost_text(waiting, "thailand", "year").startswith("You will pay 1 a year from year 3")


def test_a_proposal_the_team_itself_rejected_does_not_ask_to_keep_points_aside() -> None:
    """After rejecting Meridia's joint team (with a note), Korvia's detail read 'You will pay 2.7 a
    year from year 2 if it enters into force at this year's resolution: leave it unallocated then'
    under its own rejection."""
    from game.model.view import ProposalView
    from game.tui.widgets.diplomacy_panel import cost_text

    proposal = ProposalView(id="p1", kind="joint_investigation_team", proposer="meridia",
                            parties=["korvia", "meridia"], terms=Terms(), round=1, expires=3, status="open",
                            answers={"korvia": "reject"}, counters=None, costs={"korvia": 2.7, "meridia": 3.3},
                            first_due=2)
    text = cost_text(proposal, "korvia", "year")
    assert text == ("You rejected it: it costs you nothing. Accepted instead (a), it would cost 2.7 a year "
                    "from year 2."), text
