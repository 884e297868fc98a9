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
    assert objective_text(objective, NAMES, "year") == "sign the Extradition treaty with China and keep it (2 pts)"


def test_an_organizations_sign_objective_says_it_is_signed_under_its_auspices() -> None:
    objective = SignAgreement(kind="sign_agreement", agreement="regional_convention", points=4)
    text = objective_text(objective, NAMES, "year", organization=True)
    assert text == "see Regional convention signed under its auspices or with it as a party (4 pts)"


def test_mekongs_printed_brief_for_myanmar_says_keep_it() -> None:
    mekong = load_scenario(next(p for p in shipped_scenarios() if p.stem == "mekong"))
    brief = team_brief(mekong, "myanmar")
    items = [item for section in brief.sections for item in section.items or []]
    assert "sign the Extradition treaty with China and keep it (2 pts)" in items, items
