"""Where the shipped scenarios are, and how a name on the command line finds one."""

from pathlib import Path

from game.errors import AccordError

DEFAULT_SCENARIO = "tutorial"


def scenarios_dir() -> Path:
    """`./scenarios` when run from a checkout, else the folder beside the installed package."""
    here = Path.cwd() / "scenarios"
    if (here / f"{DEFAULT_SCENARIO}.yaml").is_file():
        return here
    return Path(__file__).resolve().parents[2] / "scenarios"


def resolve_scenario(name: str) -> Path:
    """A path as given, or the name of a shipped scenario (`mekong` for `scenarios/mekong.yaml`)."""
    given = Path(name)
    if given.exists() or given.suffix in {".yaml", ".yml"} or "/" in name:
        return given
    shipped = scenarios_dir() / f"{name}.yaml"
    if not shipped.is_file():
        names = ", ".join(path.stem for path in shipped_scenarios())
        raise AccordError(f"no scenario file or shipped scenario named '{name}' (shipped: {names})")
    return shipped


def default_scenario_path() -> Path:
    return scenarios_dir() / f"{DEFAULT_SCENARIO}.yaml"


def shipped_scenarios() -> list[Path]:
    return sorted(scenarios_dir().glob("*.yaml"))


def local_scenarios() -> list[Path]:
    """A teacher's own `./scenarios/*.yaml`, when that folder is not the shipped one."""
    here = Path.cwd() / "scenarios"
    if not here.is_dir() or here.resolve() == scenarios_dir().resolve():
        return []
    return sorted(here.glob("*.yaml"))


def is_shipped(path: Path) -> bool:
    return path.resolve().parent == scenarios_dir().resolve()
