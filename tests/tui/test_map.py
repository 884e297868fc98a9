"""Issue 17.1: the Map tab draws the map: regions where they lie with their holder's letter, the
routes this team knows of (its estimates, never the truth), displacement that touched it, at 80
columns and wider."""

import asyncio
from pathlib import Path

from game.engine.setup import new_game
from game.engine.views import view
from game.model.report import Displacement, RoundReport
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.scenario.map_layout import name_lines
from game.tui.app import AccordApp
from game.tui.screens.team import TeamScreen
from game.tui.widgets.map_canvas import draw_map
from game.tui.widgets.map_view import map_text, seat_picture
from tests.tui.helpers import settled, tutorial


def mekong_view(who: str = "thailand"):  # type: ignore[no-untyped-def]
    return view(new_game(load_scenario(resolve_scenario("mekong")), 3), who)


def test_the_mekong_map_fits_80_columns_and_names_every_region_with_its_holder() -> None:
    seat = mekong_view()
    drawing = draw_map(seat_picture(seat, None), 76).plain
    assert max(len(line) for line in drawing.splitlines()) <= 76
    for place in ("Bangkok", "Vientiane", "Phnom Penh", "Shan State", "Myawaddy"):
        assert place in drawing, place
    assert "T Bangkok" in drawing and "L Vientiane" in drawing and "· Myawaddy" in drawing


def test_a_wider_terminal_gets_wider_cells_and_whole_names() -> None:
    seat = mekong_view()
    narrow, wide = (draw_map(seat_picture(seat, None), width).plain for width in (76, 116))
    assert max(len(line) for line in wide.splitlines()) > max(len(line) for line in narrow.splitlines())
    assert "Bangkok and the" in wide and "Bangkok and the" not in narrow


def test_the_map_draws_only_the_routes_the_team_knows_of() -> None:
    seat = mekong_view("thailand")
    picture = seat_picture(seat, None)
    assert {route.path for route in picture.routes} == {tuple(r.path) for r in seat.routes}
    assert [route.flow for route in picture.routes] == [r.flow.value for r in seat.routes], "estimates, not truth"
    blind = seat.model_copy(update={"routes": []})
    assert "━" in draw_map(picture, 76).plain and "━" not in draw_map(seat_picture(blind, None), 76).plain


def test_last_rounds_displacement_is_drawn_and_told() -> None:
    seat = mekong_view("thailand")
    move = Displacement("ring", "labour", ["yangon-delta", "myawaddy", "mae-sot"], 0,
                        ["yangon-delta", "thai-gulf"], 0.0, 0.0, "mae-sot", "thailand", [])
    report = RoundReport(round=2, states={}, networks={}, events=[], displacement=[move])
    drawing = draw_map(seat_picture(seat, report), 76).plain
    assert "×" in drawing and "┅" not in draw_map(seat_picture(seat, None), 76).plain
    text = map_text(seat, report)
    assert "Displacement in year 2" in text and "gave up Yangon" in text and "took Yangon" in text


def test_a_long_name_is_cut_to_its_first_part_before_it_is_cut_with_an_ellipsis() -> None:
    assert name_lines("Mae Sot and Tak province", 8) == ["Mae Sot"]
    assert name_lines("Mae Sot and Tak province", 12) == ["Mae Sot and", "Tak province"]
    assert name_lines("Bangkok and the central plain", 20) == ["Bangkok and the", "central plain"]
    assert name_lines("Golden Triangle Special Economic Zone", 12) == ["Golden", "Triangle…"]


def test_the_map_tab_at_80x24_shows_the_drawing_and_the_legend(here: Path) -> None:
    session = tutorial()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen)
            await pilot.press("m")
            text = await settled(pilot)
            assert "K Port Sava" in text and "M Tessel Pass" in text
            assert "Held by:" in text

    asyncio.run(run())


def test_the_map_tab_redraws_with_wider_cells_when_the_terminal_grows(here: Path) -> None:
    session = tutorial(ai=(), scenario=load_scenario(resolve_scenario("mekong")))

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await pilot.press("m")
            assert "Bangkok and the" not in await settled(pilot)
            await pilot.resize_terminal(120, 40)
            assert "Bangkok and the" in await settled(pilot)

    asyncio.run(run())


def test_the_terminal_maps_letters_take_the_ink_their_colour_needs() -> None:
    """A dark holder colour gets a white letter in the Map tab too (it was black on every colour)."""
    from rich.style import Style

    from game.scenario.library import resolve_scenario as resolve
    from game.scenario.loader import load_scenario as load
    from game.scenario.map_layout import ink_on
    from game.scenario.map_svg import game_picture
    from game.tui.widgets.map_canvas import draw_map, legend

    picture = game_picture(load(resolve("europe")), [])
    dark = [h for h in picture.holders.values() if ink_on(h.colour) == "#ffffff"]
    assert dark, "europe has a state on a dark colour"
    for text in (legend(picture), draw_map(picture, 120)):
        styles = [span.style for span in text.spans if isinstance(span.style, Style)]
        marks = [style for style in styles if style.bgcolor is not None and style.bgcolor.name == dark[0].colour]
        assert marks, "the holder's letter is drawn on its colour"
        assert all(style.color is not None and style.color.name == "#ffffff" for style in marks), marks


def test_the_legend_breaks_between_holders_never_between_a_letter_and_its_name() -> None:
    """Mekong's 'Held by' line at 80 columns: the terminal's wrap put Cambodia's letter at the end of
    one line and its name at the start of the next."""
    from game.scenario.library import resolve_scenario as resolve
    from game.scenario.loader import load_scenario as load
    from game.scenario.map_svg import game_picture
    from game.tui.widgets.map_canvas import legend

    picture = game_picture(load(resolve("europe")), [])
    lines = legend(picture, 78).plain.splitlines()
    assert all(len(line) <= 78 for line in lines), lines
    for holder in picture.holders.values():
        assert any(f" {holder.letter}  {holder.name}" in line for line in lines), (holder.name, lines)


def test_a_route_that_lost_only_part_of_its_trade_is_not_crossed_out_as_given_up() -> None:
    """A fall in demand at the place of exploitation moves part of a route's trade and the route
    stays (`cause` `site`): Thailand's map crossed out Yangon-Myawaddy as 'given up' beside the 7,900
    people a year its route list gave the same route."""
    seat = mekong_view("thailand")
    move = Displacement("ring", "labour", ["yangon-delta", "myawaddy", "mae-sot"], 0,
                        ["yangon-delta", "shan-state", "south-china"], 0.0, 0.0, "mae-sot", "thailand", [],
                        cause="site")
    report = RoundReport(round=2, states={}, networks={}, events=[], displacement=[move])
    picture = seat_picture(seat, report)
    assert picture.moves[0].kept
    drawing = draw_map(picture, 76).plain
    assert "×" not in drawing and "┅" in drawing, "the new path is drawn, the old one stays"
    text = map_text(seat, report)
    assert "moved some of its trade from Yangon" in text and "gave up" not in text, text
