"""YAML mistakes in a teacher's words: the likely cause and the fix, at the line to change.

PyYAML's messages describe the parser ("mapping values are not allowed in this context") and often
point where the parser gave up, lines after the mistake (an unclosed quote). These read the text
around the mistake and say what an instructor most likely did: indented a line too deep or too
shallow, pasted curly quotes or an invisible space from a word processor, left a quote open, used a
tab, or wrote a colon inside a text.
"""

import re

from game.scenario.positions import Mark

INVISIBLE = {
    "\u00a0": "a non-breaking space (U+00A0), as word processors paste it: replace it with an ordinary space",
    "\u202f": "a narrow non-breaking space (U+202F): replace it with an ordinary space",
    "\u2007": "a figure space (U+2007): replace it with an ordinary space",
    "\u2009": "a thin space (U+2009): replace it with an ordinary space",
    "\u200b": "an invisible zero-width space (U+200B): delete it",
    "\u200c": "an invisible zero-width non-joiner (U+200C): delete it",
    "\u200d": "an invisible zero-width joiner (U+200D): delete it",
    "\u2060": "an invisible word joiner (U+2060): delete it",
    "\ufeff": "an invisible byte order mark (U+FEFF) inside the text: delete it",
}
"""Characters that cannot be seen and that break YAML's structure where they stand."""
CURLY = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
_KEY = re.compile(r"^(\s*(?:-\s+)*)([^\s#:][^:#]*?):(\s|$)")
_BLANK = " \t" + "".join(INVISIBLE)
_LEAD = re.compile(f"^[{_BLANK}]*(?:-[{_BLANK}]+)*")
"""A line's indentation and the dashes of the list items it opens, with the spaces between them:
where an invisible space breaks the structure. Past them, a dash is part of a text."""
_KEY_COLON = re.compile(f"^[{_BLANK}]*(?:-[{_BLANK}]+)*[^{_BLANK}#:'\"][^:#]*?:")
"""Up to a key's own colon, whatever follows it (an invisible space there included)."""


TAB_INDENT = "this line is indented with a tab: YAML indents with spaces only"


def tab_indented_lines(text: str) -> list[int]:
    """The lines (1-based) whose indentation holds a tab, other than blank lines and comments."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" \t")
        if "\t" in line[: len(line) - len(stripped)] and stripped and not stripped.startswith("#"):
            found.append(number)
    return found


def invisible_characters(text: str) -> list[tuple[Mark, str]]:
    """Each invisible character that would break the structure: in the indentation, beside a list's
    dash or a key's colon (inside a text it is harmless and kept, after a dash of the text too; in an
    id, the id's own check names it)."""
    found: list[tuple[Mark, str]] = []
    if not any(character in text for character in INVISIBLE):
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        if not any(character in line for character in INVISIBLE):
            continue
        lead = _LEAD.match(line)
        lead_end = lead.end() if lead is not None else 0  # the indentation and a list's dashes
        key = _KEY_COLON.match(line)
        colon = key.end() - 1 if key is not None else -1  # where the key's own colon stands
        for column, character in enumerate(line):
            if character not in INVISIBLE:
                continue
            if column < lead_end or column in (colon - 1, colon + 1):
                found.append(((number, column + 1), f"{INVISIBLE[character]}"))
    return found


def explain(message: str, mark: Mark, text: str) -> tuple[Mark, str]:
    """A parser's message at `mark` (1-based) turned into the likely cause and fix, and the mark of
    the line to change."""
    lines = text.splitlines()
    line = lines[mark[0] - 1] if 0 < mark[0] <= len(lines) else ""
    unclosed = _unclosed_quote(lines, mark[0])
    if unclosed is not None and unclosed != mark[0]:
        quote = _open_quote(lines[unclosed - 1])
        return (unclosed, 1), (f"the quote {quote} opened on this line is not closed (YAML read on to line "
                               f"{mark[0]}): end the text with {quote}")
    hidden = next((character for character in line if character in INVISIBLE), None)
    if hidden is not None:
        return mark, f"this line holds {INVISIBLE[hidden]}; YAML said: {message}"
    if any(quote in line for quote in CURLY):
        return mark, ("this line has a curly quote from a word processor (“ ” ‘ ’): use a straight one "
                      f"(\" or '); YAML said: {message}")
    if "\t" in line[: len(line) - len(line.lstrip())] or "found character '\\t'" in message:
        return (mark[0], 1), TAB_INDENT
    colon = re.search(r"could not find expected ':'.*from line (\d+), column (\d+)", message)
    if colon is not None:
        start = (int(colon.group(1)), int(colon.group(2)))
        written = lines[start[0] - 1].strip() if start[0] <= len(lines) else ""
        return start, (f"'{written}' has no ':' after its key: write it as key: value (a space after the colon), "
                       "or indent it under the key it continues")
    flow = re.search(r"expected ',' or '([\]}])'.*from line (\d+), column (\d+)", message)
    if flow is not None:
        closing, opened, column = flow.group(1), int(flow.group(2)), int(flow.group(3))
        what = "list" if closing == "]" else "mapping"
        return (opened, column), (f"the {what} opened here with {'[' if closing == ']' else '{'} is not closed "
                                  f"(YAML read on to line {mark[0]}): end it with {closing}, and separate its "
                                  "items with commas")
    if "mapping values are not allowed" in message:
        key = _KEY.match(line)
        if key is not None and ": " in line[key.end():]:
            return mark, (f"a text with ': ' inside must be in quotes, as in {key.group(2).strip()}: "
                          f"\"{line[key.end():].strip()}\"")
        previous = _previous_line(lines, mark[0])
        if previous is not None and _indent(line) > _indent(lines[previous - 1]):
            return (mark[0], 1), (f"this line is indented more than line {previous} above it: "
                                  "indent it like the one above")
        return mark, f"{_plain(message)}: check the indentation of this line, or put its text in quotes"
    if "did not find expected" in message or "expected <block end>" in message:
        previous = _previous_line(lines, mark[0])
        if previous is not None and _indent(line) != _indent(lines[previous - 1]):
            more = "more" if _indent(line) > _indent(lines[previous - 1]) else "less"
            return (mark[0], 1), (f"this line is indented {more} than line {previous} above it: "
                                  "indent it like the one above (or like the list or mapping it belongs to)")
        return mark, (f"{_plain(message)}: this line does not line up with the list or mapping it "
                      "belongs to; indent it like its neighbours")
    return mark, f"YAML syntax: {message}"


def _plain(message: str) -> str:
    return f"YAML syntax: {message.split(' (')[0]}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous_line(lines: list[str], number: int) -> int | None:
    """The nearest line above `number` (1-based) that holds something other than a comment."""
    for index in range(number - 2, -1, -1):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index + 1
    return None


def _open_quote(line: str) -> str:
    value = _value(line)
    return value[0] if value else '"'


def _value(line: str) -> str:
    key = _KEY.match(line)
    rest = line[key.end():] if key is not None else line.strip().removeprefix("- ")
    return rest.strip()


def _unclosed_quote(lines: list[str], up_to: int) -> int | None:
    """The last line at or before `up_to` whose value opens a quote that no line up to `up_to`
    closes (a quoted text may run over several lines, closed on a later one)."""
    found = None
    for number in range(1, min(up_to, len(lines)) + 1):
        value = _value(lines[number - 1])
        if value[:1] in ('"', "'") and not _closed(value):
            quote = value[0]
            later = lines[number:up_to - 1]
            if not any(_closed(quote + line) for line in later):
                found = number
    return found


def _closed(value: str) -> bool:
    quote, body = value[0], value[1:]
    if quote == '"':
        body = re.sub(r'\\.', "", body)
        return '"' in body
    return "'" in body.replace("''", "")
