"""A save written under other rules whose action these rules refuse says which build opens it: a
facilitator's rules-8 mekong save, whose team had proposed a deal at zero contribution, stopped
`accord report` at 'is refused on replay: the contributions add up to 0 a year ...' and nothing
told them that the save was sound and an earlier build would open it."""

import pytest

from game import __version__
from game.engine import new_game
from game.engine.version import ENGINE_RULES
from game.session.document import EngineStamp
from game.session.errors import SaveError
from game.session.log import Submitted
from game.session.positions import apply_all
from tests.diplomacy.deals import propose
from tests.engine.play import setup

FREE = propose("dest", "information_sharing", "tran", contributions={"dest": 0, "tran": 0})


def refusal(written: EngineStamp | None) -> str:
    submitted = Submitted("dest", FREE.model_dump(mode="json"), FREE)
    with pytest.raises(SaveError) as caught:
        apply_all(new_game(setup()), [submitted], 1, "old.json", written=written)
    return caught.value.message


def test_an_action_other_rules_accepted_names_the_build_that_opens_the_save() -> None:
    message = refusal(EngineStamp(__version__, ENGINE_RULES - 1))
    assert "is refused on replay: the contributions add up to 0" in message
    assert (f"the save was written under accord {__version__}, engine rules {ENGINE_RULES - 1}, whose rules "
            f"accepted it") in message
    assert f"open it with an earlier build of accord {__version__} (engine rules {ENGINE_RULES - 1})" in message


def test_an_action_refused_under_the_same_rules_blames_no_build() -> None:
    message = refusal(EngineStamp(__version__, ENGINE_RULES))
    assert "is refused on replay" in message and "open it with" not in message
    assert "open it with" not in refusal(None)
