"""Requests from strangers and bad input: no code, a wrong code, another team's code acting for
someone else, a team's code on the facilitator's routes, malformed JSON, invalid actions, oversized
bodies, floods. Each is refused with a clear JSON error and leaves the game as it was; a flood from
one client does not keep the others from playing."""

import http.client
import json
import socket
from pathlib import Path

import pytest

from game.net.codes import Codes, normalize
from tests.net.helpers import LOOPBACK, Api, hosted, tutorial_session

ACTION = {"action": {"type": "ready", "state": "korvia"}}


@pytest.fixture
def host_and_codes(tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    session = tutorial_session(tmp_path / "game.json")
    options = getattr(request, "param", {})
    with hosted(session, **options) as (host, codes):
        yield host, codes, session


def log_length(host, session) -> int:  # type: ignore[no-untyped-def]
    return int(host.call(lambda: len(session.log.open)))  # type: ignore[arg-type]


@pytest.mark.parametrize("host_and_codes", [{"failed_burst": 100.0}], indirect=True)
def test_no_code_or_a_wrong_code_is_unauthorized_without_a_hint(host_and_codes) -> None:  # type: ignore[no-untyped-def]
    host, codes, session = host_and_codes
    korvia = codes.seats["korvia"]
    one_off = korvia[:-1] + ("1" if korvia[-1] != "1" else "2")
    for code in (None, "", "XXXX-XXXX-XXXX-XXXX", one_off, korvia + "0"):
        for method, path in (("GET", "/api/view"), ("GET", "/api/table"), ("POST", "/api/action"),
                             ("GET", "/api/facilitator/truth"), ("GET", "/api/events")):
            reply = Api(host.port, code).send(method, path, json.dumps(ACTION).encode())
            assert reply.status == 401, (code, path, reply)
            assert reply.data["kind"] == "unauthorized"
            assert "korvia" not in reply.error.lower() and "meridia" not in reply.error.lower()
    wrong = Api(host.port, "Bearer-less").send("GET", "/api/view", headers={"Authorization": codes.seats["korvia"]})
    assert wrong.status == 401, "the scheme is Bearer"
    assert log_length(host, session) == 0


def test_a_code_is_read_forgivingly_but_grants_exactly_its_seat(host_and_codes) -> None:  # type: ignore[no-untyped-def]
    host, codes, _ = host_and_codes
    typed = codes.seats["meridia"].lower().replace("-", " ").replace("0", "o")
    hello = Api(host.port, typed).get("/api/whoami")
    assert hello.status == 200 and hello.data["seat"] == "meridia"
    assert Api(host.port, codes.facilitator).get("/api/whoami").data["role"] == "facilitator"
    assert normalize(" ab-Cd ") == "ABCD"
    assert Codes("F", {"korvia": "K"}).role("k") == "korvia" and Codes("F", {"korvia": "K"}).role("x") is None


def test_another_teams_code_cannot_act_for_it_or_read_its_view(host_and_codes) -> None:  # type: ignore[no-untyped-def]
    host, codes, session = host_and_codes
    meridia = Api(host.port, codes.seats["meridia"])
    for action in ({"type": "ready", "state": "korvia"},
                   {"type": "allocate", "state": "korvia", "budget": {"enforcement": 1}},
                   {"type": "message", "state": "korvia", "to": ["aldmark"], "text": "signed, korvia"},
                   {"type": "inject", "event": "hill-floods"}):
        reply = meridia.act(action)
        assert reply.status == 403 and reply.data["kind"] == "forbidden", reply
    assert "korvia" in meridia.post("/api/check", {"action": {"type": "ready", "state": "korvia"}}).data["refusal"]
    assert meridia.view()["me"]["id"] == "meridia"
    assert meridia.get("/api/report?round=1").status == 409, "no report before the first resolution"
    for path in ("/api/facilitator/status", "/api/facilitator/truth"):
        assert meridia.get(path).status == 403
    for path in ("/api/facilitator/resolve", "/api/facilitator/pause", "/api/facilitator/note",
                 "/api/facilitator/inject"):
        assert meridia.post(path, {"text": "x", "event": "hill-floods"}).status == 403
    facilitator = Api(host.port, codes.facilitator)
    assert facilitator.get("/api/view").status == 403 and facilitator.act(ACTION["action"]).status == 403
    assert log_length(host, session) == 0 and session.round == 1


def test_malformed_and_invalid_bodies_are_refused_with_the_reason(host_and_codes) -> None:  # type: ignore[no-untyped-def]
    host, codes, session = host_and_codes
    korvia = Api(host.port, codes.seats["korvia"])
    cases = {
        b"{not json": "not valid JSON",
        b"[1, 2]": "",
        b'{"action": "ready"}': "action",
        b'{"action": {"type": "fly", "state": "korvia"}}': "fly",
        b'{"action": {"type": "allocate", "state": "korvia", "budget": {"magic": 3}}}': "magic",
        b'{"action": {"type": "ready", "state": "korvia"}, "extra": 1}': "extra",
        b'{"action": {"type": "message", "state": "korvia", "to": ["meridia"], "text": ""}}': "text",
        b"\xff\xfe\x00": "JSON",
        b"[" * 5000 + b"]" * 5000: "",
    }
    for body, words in cases.items():
        reply = korvia.send("POST", "/api/action", body)
        assert reply.status == 400 and reply.data["kind"] == "invalid", (body[:40], reply)
        assert words in reply.error, (body[:40], reply.error)
    refused = korvia.act({"type": "adopt_law", "state": "korvia", "law": "referral_mechanism"})
    assert refused.status == 409 and refused.data["kind"] == "refused" and refused.error, "the rules' own words"
    assert korvia.send("GET", "/api/orders?round=abc").status == 400
    assert korvia.send("DELETE", "/api/action").status == 405
    assert korvia.get("/api/nothing-here").status == 404
    assert log_length(host, session) == 0


def test_oversized_bodies_are_refused_before_they_are_read(host_and_codes) -> None:  # type: ignore[no-untyped-def]
    host, codes, session = host_and_codes
    korvia = Api(host.port, codes.seats["korvia"])
    text = "x" * 70_000
    reply = korvia.act({"type": "message", "state": "korvia", "to": ["meridia"], "text": text})
    assert reply.status == 413 and reply.data["kind"] == "too_large"
    # a body that claims to be huge: refused on its header, without waiting for it
    with socket.create_connection((LOOPBACK, host.port), timeout=5) as raw:
        raw.sendall(f"POST /api/action HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {codes.seats['korvia']}\r\n"
                    "Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n".encode())
        answer = raw.recv(4096).decode(errors="replace")
        assert " 413 " in answer.splitlines()[0]
    # chunked, with no length given: cut off at the limit
    connection = http.client.HTTPConnection(LOOPBACK, host.port, timeout=10)
    connection.putrequest("POST", "/api/action")
    connection.putheader("Authorization", f"Bearer {codes.seats['korvia']}")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.endheaders()
    chunk = b"x" * 16_384
    try:
        for _ in range(8):
            connection.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        connection.send(b"0\r\n\r\n")
    except OSError:
        pass  # the host may close the connection as soon as the limit is passed
    assert connection.getresponse().status == 413
    connection.close()
    assert log_length(host, session) == 0


@pytest.mark.parametrize("host_and_codes", [{"rate": 2.0, "burst": 10.0}], indirect=True)
def test_a_flood_is_throttled_while_the_game_goes_on(host_and_codes) -> None:  # type: ignore[no-untyped-def]
    host, codes, _ = host_and_codes
    flooder = Api(host.port, codes.seats["aldmark"])
    statuses = [flooder.get("/api/table").status for _ in range(60)]
    assert statuses[:10] == [200] * 10 and statuses.count(429) >= 30, statuses
    throttled = flooder.get("/api/table")
    assert throttled.status == 429 and int(throttled.headers["Retry-After"]) >= 1
    assert throttled.data["kind"] == "rate_limited"
    # the other teams play on, untouched
    korvia = Api(host.port, codes.seats["korvia"])
    assert korvia.act({"type": "allocate", "state": "korvia", "budget": {"enforcement": 2}}).status == 200
    assert korvia.view()["me"]["allocation"]["enforcement"] == 2


def test_guessing_codes_is_throttled_by_address(host_and_codes) -> None:  # type: ignore[no-untyped-def]
    host, codes, _ = host_and_codes
    statuses = [Api(host.port, f"GUESS-{n:04d}").get("/api/table").status for n in range(40)]
    assert statuses[:5] == [401] * 5 and statuses[-1] == 429, statuses
    assert Api(host.port, codes.seats["korvia"]).get("/api/table").status == 200, \
        "a valid code is never held up by someone else's guesses from the same address (a browser room)"
