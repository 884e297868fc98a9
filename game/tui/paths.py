"""Paths and commands shown to be read whole or copied: never cut at the screen's edge, never
broken in the middle of a name.

A path is named as short as it honestly is (relative to the working folder when it lies within
it, else from `~`, else absolute). Where a line is still too long, a path breaks after a `/`, and
a command breaks with the shell's own continuation (a backslash at the end of a line), so the
lines pasted into a terminal run as the one command they were: an absolute save folder pushed
`accord report ...` past an 80-column screen, where it scrolled sideways, unannounced.
"""

import shlex
from collections.abc import Sequence
from pathlib import Path

SHORTEST_PART = 12
"""The fewest columns a line's end offers the first part of a broken word: fewer, and the word
starts on the next line."""
HOME = "~/"
"""How a word names a path from the home folder: its tilde stays bare, for the shell to expand."""


def honest_path(path: Path, here: Path | None = None, home: Path | None = None) -> str:
    """`path` as short as it honestly is: relative to `here` (the working folder) when within it,
    else from `~` (the home folder), else absolute. `~/` prefixes a path from the home folder."""
    here = Path.cwd() if here is None else here
    home = Path.home() if home is None else home
    if path.is_absolute() and path.is_relative_to(here) and path != here:
        return str(path.relative_to(here))
    if path.is_absolute() and path.is_relative_to(home) and path != home:
        return HOME + str(path.relative_to(home))
    if not path.is_absolute() and str(path).startswith("~"):
        return f"./{path}"  # a folder named '~' in the working folder, not the home folder
    return str(path)


def path_lines(text: str, width: int) -> list[str]:
    """`text` (a path) in lines of at most `width` characters, each but the last ending just
    after a `/`: a name is cut only if it is longer than a whole line by itself."""
    lines: list[str] = []
    while len(text) > width:
        cut = text.rfind("/", 0, width) + 1 or width  # after the last '/' that fits, else at the edge
        lines.append(text[:cut])
        text = text[cut:]
    return [*lines, text]


def shell_word(word: str) -> str:
    """`word` quoted for a POSIX shell; a leading `~/` stays bare, since the shell expands only a
    bare tilde."""
    if word.startswith(HOME):
        rest = word.removeprefix(HOME)
        return HOME + shlex.quote(rest) if rest else HOME
    return shlex.quote(word)


def command_lines(words: Sequence[str], width: int | None = None) -> list[str]:
    """The command `words` as shell text in lines of at most `width` characters (None: one line).
    Lines end with ` \\` between words and with `\\` inside a word (the shell joins the two
    halves of a word broken so), and a word too long for a line breaks after a `/`, each part
    quoted by itself: `'/srv/class '\\` then `'saves/g.json'` is the one word `/srv/class saves/g.json`."""
    quoted = [shell_word(word) for word in words]
    if width is None or len(" ".join(quoted)) <= width:
        return [" ".join(quoted)]
    lines: list[str] = []
    line = ""
    for index, word in enumerate(words):
        text = quoted[index]
        end = 0 if index == len(words) - 1 else 2  # a line that a word does not end ends with " \"
        gap = " " if line else ""
        if len(line) + len(gap) + len(text) + end <= width:
            line += gap + text
            continue
        head, _, flag = line.rpartition(" ")
        if head and flag.startswith("-") and len(flag) + 1 + len(text) + end <= width:
            lines.append(head + " \\")  # an option goes down with its value: '-o debrief.html'
            line = f"{flag} {text}"
            continue
        if line and (len(text) + end <= width or width - len(line) - len(gap) - 2 < SHORTEST_PART):
            lines.append(line + " \\")
            line, gap = "", ""
            if len(text) + end <= width:
                line = text  # the word fits a line of its own
                continue
        # every part leaves room for the " \" after it, the last one too
        parts = _word_parts(word, width - len(line) - len(gap) - 2, width - 2)
        for part in parts[:-1]:
            lines.append(line + gap + part + "\\")
            line, gap = "", ""
        line += gap + parts[-1]
    lines.append(line)
    return lines


def _word_parts(word: str, first: int, rest: int) -> list[str]:
    """`word` quoted in parts, the first at most `first` characters and the others at most
    `rest`, broken after a `/` where one fits."""
    parts: list[str] = []
    prefix = ""
    if word.startswith(HOME):
        prefix, word = HOME, word.removeprefix(HOME)
    room = first
    while True:
        whole = prefix + shlex.quote(word) if word else prefix
        if len(whole) <= room or not word:
            return [*parts, whole]
        cut = _cut(word, room - len(prefix))
        parts.append(prefix + shlex.quote(word[:cut]))
        prefix, word, room = "", word[cut:], rest


def _cut(word: str, room: int) -> int:
    """Where to break `word` so that its first part, quoted, takes at most `room` characters:
    after the last `/` that fits, else as much as fits (at least one character)."""
    fits = 1
    for end in range(1, len(word) + 1):
        if len(shlex.quote(word[:end])) > room:
            break
        fits = end
    slash = word.rfind("/", 0, fits) + 1
    return slash if slash > 0 else fits
