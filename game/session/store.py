"""Save files on disk: atomic writes (temporary file, fsync, rename) and careful reads.

A process killed at any moment leaves either the previous save or the new one, never half of one,
because the new text goes to a temporary file in the same folder that replaces the save in one
`os.replace`. A file ending in `.json.gz` is gzip-compressed; a gzip file is recognised by its first
bytes whatever its name. Reading turns every way a file can be wrong (missing, empty, truncated,
corrupt, not JSON, not a save, a newer format) into one `SaveError` line.
"""

import contextlib
import glob
import gzip
import io
import json
import os
import stat
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game import jsontext
from game.collector import collector_paused
from game.session.document import SaveDocument, from_layout
from game.session.errors import SaveError
from game.session.formats import FORMAT, MIGRATIONS, migrate
from game.session.layout import KIND, SaveLayout
from game.session.log import Piece, piece_bytes

MAX_SAVE_BYTES = 64 * 2**20
"""The most a save may take, on disk and once inflated: a thousand-round game with a snapshot every
round stays under it (a ten-round game takes about 0.5 MB), and a file beyond it is refused before
it can take gigabytes of memory."""
SAVE_MODE = 0o600
"""A save holds every team's private brief, orders and messages and the hidden truth: it is written
for its owner only, its temporary file too (every autosave and branch goes through `write_save_parts`)."""
GZIP_MAGIC = b"\x1f\x8b"
GZIP_LEVEL = 5
"""Compression that keeps an autosave fast; saves are small and compress well anyway."""


def is_compressed_name(path: Path) -> bool:
    return path.name.endswith(".gz")


def write_save(path: Path, document: SaveDocument) -> None:
    write_save_parts(path, document.to_parts())


def write_save_parts(path: Path, parts: Iterable[Piece]) -> None:
    """A save's text given in pieces (`SaveDocument.to_parts`), encoded and compressed piece by piece
    as it goes to the file, compressed if its name says so; readable by its owner only
    (`SAVE_MODE`), as the join codes are. Streaming keeps a large save from being held whole in
    memory, as text and again as bytes, beside the game it was written from."""
    chunks: Iterable[bytes] = (piece_bytes(part) for part in parts)
    if is_compressed_name(path):
        chunks = _gzipped(chunks)
    write_atomically(path, chunks, mode=SAVE_MODE)


def _gzipped(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """`chunks` as one gzip member (no file name, time 0: the same bytes for the same save)."""
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    for chunk in chunks:
        out = compressor.compress(chunk)
        if out:
            yield out
    yield compressor.flush()


def write_atomically(path: Path, data: bytes | Iterable[bytes], mode: int | None = None) -> None:
    """Replace `path` with `data` (bytes, or bytes in pieces written in turn) in one step: a crash
    leaves the old file or the new, whole. `mode` sets the file's permissions (0o600 for a secret),
    else they stay what they were."""
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise SaveError(str(path), f"cannot write it: {error.strerror or error}") from None
    try:
        os.chmod(temporary, _mode_for(path) if mode is None else mode)
        with os.fdopen(handle, "wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                for chunk in data:
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise SaveError(str(path), f"cannot write it: {error.strerror or error}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)
    _remove_stale(path)


def _mode_for(path: Path) -> int:
    """The permissions a plain `open` would give (a temporary file starts private): the file's own
    when it exists, else what the umask allows, so a debrief can be shared like any other file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _remove_stale(path: Path) -> None:
    """Temporary files a killed writer left behind: the save beside them is whole, so they go."""
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def read_save(path: str | Path) -> SaveDocument:
    name = str(path)
    return parse_save(read_save_bytes(path), name)


def read_save_bytes(path: str | Path) -> bytes:
    """The bytes of a save file, refused (`SaveError`) when it is not a regular file (a FIFO, a
    device such as /dev/zero, a folder: reading one would hang or never end) or larger than
    `MAX_SAVE_BYTES`. The file is opened without blocking and checked after opening, so a file
    swapped for a FIFO between a look and the read cannot hang the reader either."""
    name = str(path)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise SaveError(name, "no such file") from None
    except IsADirectoryError:
        raise SaveError(name, "this is a folder, not a save file") from None
    except OSError as error:
        raise SaveError(name, f"cannot read it: {error.strerror or error}") from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise SaveError(name, "this is a folder, not a save file")
        if not stat.S_ISREG(info.st_mode):
            raise SaveError(name, f"not a save: this is {_file_kind(info.st_mode)}, not a regular file")
        if info.st_size > MAX_SAVE_BYTES:
            raise SaveError(name, f"not a save: the file is {_size(info.st_size)}, more than a save can be "
                                  f"({_size(MAX_SAVE_BYTES)})")
        with os.fdopen(handle, "rb", closefd=False) as file:
            raw = file.read(MAX_SAVE_BYTES + 1)
    except OSError as error:
        raise SaveError(name, f"cannot read it: {error.strerror or error}") from None
    finally:
        os.close(handle)
    if len(raw) > MAX_SAVE_BYTES:  # it grew while being read
        raise SaveError(name, f"not a save: the file is more than a save can be ({_size(MAX_SAVE_BYTES)})")
    return raw


def _file_kind(mode: int) -> str:
    kinds = [(stat.S_ISFIFO, "a pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
             (stat.S_ISSOCK, "a socket")]
    return next((kind for test, kind in kinds if test(mode)), "a special file")


def _size(count: int) -> str:
    return f"{count / 2**20:,.0f} MB" if count >= 2**20 else f"{count:,} bytes"


def parse_save(raw: bytes, name: str) -> SaveDocument:
    with collector_paused():
        return _parse_save(raw, name)


def _parse_save(raw: bytes, name: str) -> SaveDocument:
    if not raw.strip():
        raise SaveError(name, "the file is empty: not a save, or one cut off before anything was written")
    if raw[:2] == GZIP_MAGIC:
        raw = _decompress(raw, name)
    data = _decode_json(raw, name)  # the stdlib parser, then pydantic on the result: faster than
    # pydantic's own JSON parser for a document that is mostly plain data (reports, snapshots)
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise SaveError(name, f"not an Accord save: {_what_it_is(data)}")
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or not (version >= 1 or version in MIGRATIONS):
        raise SaveError(name, f"not a valid Accord save: 'format' is {version!r}, expected a whole number from 1")
    if version > FORMAT:
        raise SaveError(name, f"written by a newer Accord (save format {version}; this one reads formats 1 to "
                              f"{FORMAT}): update Accord to open it")
    data = migrate(data, version)
    try:
        layout = SaveLayout.model_validate(data)
    except ValidationError as error:
        raise SaveError(name, f"not a valid Accord save: {_first_problem(error)}") from None
    return from_layout(layout, name)


def _decompress(raw: bytes, name: str) -> bytes:
    """The inflated save, inflated as a stream and stopped past `MAX_SAVE_BYTES`: a small file that
    inflates to gigabytes (a "zip bomb") is refused after reading only a little more than the cap."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            data = stream.read(MAX_SAVE_BYTES + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as error:
        detail = "it ends early" if isinstance(error, EOFError) else str(error)
        raise SaveError(name, f"the compressed save is truncated or corrupt ({detail})") from None
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError(name, f"not a save: it inflates to more than a save can be ({_size(MAX_SAVE_BYTES)})")
    return data


def _decode_json(raw: bytes, name: str) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(name, "not an Accord save: the file is not text (not UTF-8 JSON)") from None
    try:
        return jsontext.loads(text)
    except jsontext.NotFinite as error:
        raise SaveError(name, f"not a valid Accord save: {error} (a save holds finite numbers only)") from None
    except json.JSONDecodeError as error:
        stripped = len(text.rstrip())
        if error.pos >= stripped - 1 or error.msg.startswith("Unterminated"):
            raise SaveError(name, f"the save is truncated: its JSON ends early (line {error.lineno}, "
                                  f"column {error.colno}); it was cut off while being copied or written") from None
        raise SaveError(name, f"the save is corrupt: not valid JSON at line {error.lineno}, column "
                              f"{error.colno} ({error.msg})") from None
    except RecursionError:
        raise SaveError(name, "not an Accord save: the JSON is nested too deeply") from None
    except ValueError:  # a whole number of more digits than Python converts
        raise SaveError(name, "not a valid Accord save: a number in it has more than 4,300 digits "
                              "(an integer with too many digits for any figure of a game)") from None


def _what_it_is(data: Any) -> str:
    if isinstance(data, dict):
        if "regions" in data and "states" in data:
            return "this looks like a scenario; a save is written by `accord simulate --save` or a game"
        keys = ", ".join(sorted(str(k) for k in data)[:5])
        return f"a JSON object without \"kind\": \"{KIND}\" (its keys: {keys or 'none'})"
    kinds = {list: "a list", str: "a string", int: "a number", float: "a number", bool: "true or false"}
    return f"the JSON holds {kinds.get(type(data), 'null')}, not a save"


def _first_problem(error: ValidationError) -> str:
    problems = error.errors()
    first = problems[0]
    where = ".".join(str(part) for part in first["loc"])
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"{where}: {first['msg']}{more}" if where else f"{first['msg']}{more}"
