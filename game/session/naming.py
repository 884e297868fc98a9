"""Names and times for new saves: the only place the session layer reads the clock.

The time goes into file names and the `created` field, never into a hash, so two runs of the same
game give the same hashes whenever they are played.
"""

import secrets
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_SAVES = Path("saves")


def new_id() -> str:
    return secrets.token_hex(4)


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def save_path(saves_dir: Path, scenario_id: str, session_id: str, when: datetime, compress: bool = False) -> Path:
    """`saves/<scenario-id>-<YYYYmmdd-HHMMSS>-<id>.json`: sorted by time in a listing, unique by id."""
    suffix = ".json.gz" if compress else ".json"
    return saves_dir / f"{scenario_id}-{when:%Y%m%d-%H%M%S}-{session_id}{suffix}"
