"""Validation messages are sentences naming the field in words and the value given, not pydantic's
`allocate.budget.border: Input should be greater than or equal to 0`."""

import pytest

from game.engine import ActionRejected
from game.session.session import Session


@pytest.mark.parametrize(("data", "said"), [
    ({"type": "allocate", "state": "korvia", "budget": {"border": -1}}, "the budget for border must be 0 or more "
                                                                         "(you gave -1)"),
    ({"type": "allocate", "state": "korvia", "budget": {"border": 1e9}}, "the budget for border must be 1,000,000 or "
                                                                          "less (you gave 1,000,000,000)"),
    ({"type": "allocate", "state": "korvia", "budget": {"border": 1.2345678901234567e29}},
     "the budget for border must be 1,000,000 or less (you gave a number of 30 digits)"),
    ({"type": "allocate", "state": "korvia", "budget": {"border": -3.0}}, "the budget for border must be 0 or more "
                                                                           "(you gave -3)"),
    ({"type": "allocate", "state": "korvia", "budget": {"border": "x"}}, "the budget for border must be a number "
                                                                          "(you gave 'x')"),
    ({"type": "allocate", "state": "korvia", "budget": {"bordr": 1}},
     "'bordr' is not one of enforcement, border, protection, prevention, intelligence, cyber or labour_inspection, "
     "in the budget"),
    ({"type": "message", "state": "korvia", "to": ["aldmark"], "text": ""}, "the text cannot be empty (you gave '')"),
    ({"type": "message", "state": "korvia", "to": ["aldmark"]}, "the text is missing"),
    ({"type": "propose", "state": "korvia", "agreement": "x", "parties": ["a"], "terms": {"duration": 0}},
     "the duration in the terms must be 1 or more (you gave 0)"),
    ({"type": "respond", "state": "korvia", "proposal": "p1", "answer": "maybe"},
     "the answer must be accept or reject (you gave 'maybe')"),
    ({"type": "allocate", "state": "korvia", "budget": {}, "zz": 1}, "'zz' is not part of this order"),
    ({"type": "statement", "state": "korvia", "text": "  "}, "the text: a statement needs some words (you gave '  ')"),
    ({"type": "pledge", "state": "korvia", "kind": "fund", "due": 2}, "the order: a 'fund' pledge needs capacity and "
                                                                       "points"),
    ({"state": "korvia"}, "the order has no type; the orders are allocate, adopt_law"),
    ({"type": "allocat", "state": "korvia"}, "'allocat' is not an order; the orders are allocate, adopt_law"),
    ({"type": "call_summit", "state": "korvia", "name": "A summit", "participants": ["korvia", "meridia"],
      "clauses": []}, "the clauses cannot be empty"),
    ({"type": "call_summit", "state": "korvia", "name": "A summit", "participants": ["korvia", "meridia"],
      "clauses": [{"clause": "extradition"}] * 21}, "the clauses must hold at most 20 entries"),
])
def test_a_refused_form_says_what_is_wrong_in_a_sentence(data: dict[str, object], said: str) -> None:
    with pytest.raises(ActionRejected) as refused:
        Session.parse_action(data)
    assert str(refused.value).startswith(said)
    assert "Input should" not in str(refused.value) and "value error" not in str(refused.value).lower()
