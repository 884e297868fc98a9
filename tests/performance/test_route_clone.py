"""A route's copy (`RouteRecord.clone`, set slot by slot for speed) has every field of the route,
shares its path (never changed in place) and is a record of its own."""

from dataclasses import fields

from game.model.state import RouteRecord


def test_a_routes_copy_has_every_field_and_shares_only_its_path() -> None:
    route = RouteRecord("r1", ["a", "b"], "labour", 7, 0.25, 1.5, 9.0, 2, 0.3)
    copy = route.clone()
    assert copy == route and copy is not route
    for field in fields(RouteRecord):
        assert getattr(copy, field.name) == getattr(route, field.name), field.name
    assert copy.path is route.path
    copy.flow = 99
    assert route.flow == 7
