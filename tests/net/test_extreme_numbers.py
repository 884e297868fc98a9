"""Numbers from the network (issue 13, point 1): a network body's action goes through the same action
model as a form's, so 1e999, NaN, Infinity or 1e300 in an amount is refused with 400 and a JSON reason
naming the field, nothing is recorded, and the save stays JSON that loads."""

from pathlib import Path

import pytest

from game.session.store import read_save
from tests.net.helpers import Api, hosted, tutorial_session

FUNDING = (b'{"action": {"type": "propose", "state": "korvia", "agreement": "funding", "parties": ["korvia", '
           b'"meridia"], "terms": {"donor": "korvia", "recipient": "meridia", "capacity": "protection", '
           b'"amount": %s}}}')
CONTRIBUTION = (b'{"action": {"type": "propose", "state": "korvia", "agreement": "information_sharing", '
                b'"parties": ["korvia", "meridia"], "terms": {"contributions": {"korvia": %s}}}}')
BUDGET = b'{"action": {"type": "allocate", "state": "korvia", "budget": {"border": %s}}}'


@pytest.mark.parametrize("number", [b"1e999", b"-1e999", b"NaN", b"Infinity", b"-Infinity", b"1e300",
                                    b'"1e999"', b"-1", b"9" * 400])
def test_an_impossible_number_in_a_network_order_is_refused_with_the_field_and_nothing_is_recorded(
        tmp_path: Path, number: bytes) -> None:
    path = tmp_path / "game.json"
    session = tutorial_session(path)
    with hosted(session) as (host, codes):
        korvia = Api(host.port, codes.seats["korvia"])
        for template, field in ((FUNDING, "amount"), (CONTRIBUTION, "korvia"), (BUDGET, "border")):
            reply = korvia.send("POST", "/api/action", template % number)
            assert reply.status == 400 and reply.data["kind"] == "invalid", (number, reply)
            assert field in reply.error and "\n" not in reply.error, reply.error
            check = korvia.send("POST", "/api/check", template % number)
            assert check.status == 200 and field in check.data["refusal"], check
        assert int(host.call(lambda: len(session.log.open))) == 0  # type: ignore[arg-type]
    assert read_save(path).log.open == []
