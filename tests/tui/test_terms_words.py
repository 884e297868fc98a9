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
