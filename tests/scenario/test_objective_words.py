"""A sign_agreement objective reads on the team's screen and brief as the final scores judge it: a
state's counts only a signature it kept (it read 'sign Funding', and the end judged 'sign the Funding
... and keep it', so a team that let it lapse unpaid learnt the rule only when it lost the points);
an organization's is met by an agreement signed under its auspices, not by signing one itself."""

from game.model.scenario import SignAgreement
from game.scenario.briefing import team_brief
from game.scenario.library import shipped_scenarios
from game.scenario.loader import load_scenario
from game.scenario.wording import objective_text

NAMES = {"extradition": "Extradition treaty", "china": "China", "regional_convention": "Regional convention"}


def test_a_states_sign_objective_says_it_must_keep_the_signature() -> None:
    objective = SignAgreement(kind="sign_agreement", agreement="extradition", with_=["china"], points=2)
    assert objective_text(objective, NAMES, "year") == "sign an extradition treaty with China and keep it (2 pts)"


def test_an_organizations_sign_objective_says_it_is_signed_under_its_auspices() -> None:
    objective = SignAgreement(kind="sign_agreement", agreement="regional_convention", points=4)
    text = objective_text(objective, NAMES, "year", organization=True)
    assert text == "see a regional convention signed under its auspices or with it as a party (4 pts)"


def test_mekongs_printed_brief_for_myanmar_says_keep_it() -> None:
    mekong = load_scenario(next(p for p in shipped_scenarios() if p.stem == "mekong"))
    brief = team_brief(mekong, "myanmar")
    items = [item for section in brief.sections for item in section.items or []]
    assert "sign an extradition treaty with China and keep it (2 pts)" in items, items


def test_an_objective_names_an_agreement_kind_with_an_article_in_lower_case_and_a_scenarios_own_by_name() -> None:
    """'sign the Information sharing with Meridia': a kind's capitalised name mid-sentence, no article."""
    names = {"information_sharing": "Information sharing", "funding": "Funding", "meridia": "Meridia",
             "labour_migration_mou": "Labour migration MoU",
             "actip": "ASEAN Convention against Trafficking in Persons (ACTIP)"}
    sign = SignAgreement(kind="sign_agreement", agreement="information_sharing", with_=["meridia"], points=2)
    assert objective_text(sign, names) == "sign an information sharing agreement with Meridia and keep it (2 pts)"
    sign = SignAgreement(kind="sign_agreement", agreement="funding", points=2)
    assert objective_text(sign, names) == "sign a funding agreement and keep it (2 pts)"
    sign = SignAgreement(kind="sign_agreement", agreement="labour_migration_mou", points=2)
    assert objective_text(sign, names) == "sign a labour migration MoU and keep it (2 pts)"
    names["joint_investigation_team"] = "Joint investigation team"
    sign = SignAgreement(kind="sign_agreement", agreement="joint_investigation_team", with_=["meridia"], points=2)
    assert objective_text(sign, names) == ("sign a joint investigation team agreement with Meridia and keep it "
                                           "(2 pts)")
    sign = SignAgreement(kind="sign_agreement", agreement="actip", points=3)
    assert objective_text(sign, names) == ("sign the ASEAN Convention against Trafficking in Persons (ACTIP) and "
                                           "keep it (3 pts)")


def test_the_final_scores_word_a_sign_objective_as_the_brief_does() -> None:
    """The debrief and the final scores read the engine's words: the same English as the brief."""
    from game.engine.scoring import scores
    from game.engine.setup import new_game

    tutorial = load_scenario(next(p for p in shipped_scenarios() if p.stem == "tutorial"))
    state = new_game(tutorial, 7)
    texts = [o.description for score in scores(state, state).states.values() for o in score.objectives]
    assert "sign an information sharing agreement and keep it" in texts, texts
    assert "sign a funding agreement with Aldmark and keep it" in texts, texts
