"""Issue 17.9: the scenario files a teacher opened before are remembered, most recent first, in a
folder only that user can read, and offered again on the title screen's New game list; a scenario's
own `seed` is the seed of `accord play` and `accord host` unless `--seed` is given."""

import argparse
import asyncio
import shutil
import stat
from pathlib import Path

import pytest

from game.commands.host import open_session
from game.commands.play import new_game_seed
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.recent import recent_scenarios, remember_scenario, state_dir
from game.tui.app import AccordApp
from game.tui.screens.new_game import NewGameScreen


def copy_of(name: str, folder: Path, new_name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / new_name
    shutil.copy(resolve_scenario(name), target)
    return target


def test_opened_files_are_remembered_most_recent_first_each_once(tmp_path: Path) -> None:
    first, second = copy_of("tutorial", tmp_path, "a.yaml"), copy_of("tutorial", tmp_path, "b.yaml")
    remember_scenario(first)
    remember_scenario(second)
    remember_scenario(first)
    assert recent_scenarios() == [first.resolve(), second.resolve()]
    second.unlink()
    assert recent_scenarios() == [first.resolve()], "a file no longer there is not offered"


def test_the_list_is_private_to_the_user(tmp_path: Path) -> None:
    remember_scenario(copy_of("tutorial", tmp_path, "a.yaml"))
    assert stat.S_IMODE(state_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE((state_dir() / "recent-scenarios.json").stat().st_mode) == 0o600


def test_an_unreadable_list_is_an_empty_one() -> None:
    state_dir().mkdir(parents=True, exist_ok=True)
    (state_dir() / "recent-scenarios.json").write_text("{not json", "utf-8")
    assert recent_scenarios() == []


def test_the_scenarios_seed_is_the_games_unless_one_is_given() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    assert scenario.seed == 2015
    assert new_game_seed(None, scenario) == 2015
    assert new_game_seed(7, scenario) == 7
    unseeded = scenario.model_copy(update={"seed": None})
    assert {new_game_seed(None, unseeded) for _ in range(5)} != {None}


def test_host_honours_the_scenarios_seed_and_remembers_a_teachers_file(tmp_path: Path) -> None:
    mine = copy_of("tutorial", tmp_path / "class", "my-class.yaml")
    args = argparse.Namespace(game=str(mine), seat=[], seed=None, rounds=None, saves=str(tmp_path / "saves"))
    session, _ = open_session(args)
    assert session.seed == load_scenario(mine).seed
    assert recent_scenarios() == [mine.resolve()]
    shipped = argparse.Namespace(game="mekong", seat=[], seed=11, rounds=None, saves=str(tmp_path / "saves"))
    assert open_session(shipped)[0].seed == 11
    assert recent_scenarios() == [mine.resolve()], "a shipped scenario is listed anyway"


def test_the_new_game_list_offers_local_and_remembered_scenarios(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    local = copy_of("tutorial", tmp_path / "scenarios", "local-class.yaml")
    remembered = copy_of("tutorial", tmp_path / "elsewhere", "last-year.yaml")
    remember_scenario(remembered)

    async def run() -> None:
        app = AccordApp(tmp_path / "saves")
        async with app.run_test(size=(100, 30)) as pilot:
            screen = NewGameScreen()
            await app.push_screen(screen)
            await pilot.pause()
            names = {path.name for path in screen.paths.values()}
            assert {"tutorial.yaml", "mekong.yaml", "local-class.yaml", "last-year.yaml"} <= names
            assert str(local) in screen.scenarios and str(remembered.resolve()) in screen.scenarios
            assert "tutorial" in screen.scenarios, "shipped ones keep their names"

    asyncio.run(run())


def test_the_new_game_form_takes_the_chosen_scenarios_seed() -> None:
    async def run() -> None:
        app = AccordApp(Path("saves"))
        async with app.run_test(size=(100, 30)) as pilot:
            screen = NewGameScreen()
            await app.push_screen(screen)
            await pilot.pause()
            await screen.show("mekong")
            assert screen.choice().seed == 2015

    asyncio.run(run())
