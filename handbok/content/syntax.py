"""YAML syntax errors in an editor's words: where to act, which field, what is wrong and how to fix it.

PyYAML reports where it noticed a problem, which is often not where the editor must act: an unclosed quote is
noticed at the next quote many lines below, a missing colon on the next line. So each parser error class is
mapped to a Swedish message, and where the mark points elsewhere the text is searched for the real cause.
No English parser text reaches the editor: an unknown class gets a general Swedish message.
"""

from __future__ import annotations

import re

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Explained = tuple[int, int, str]
"""(line, column, message), 1-based."""

KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\s#'\"\[\]{}:,&*!|>%@`-][^:#]*?)\s*:(?:\s|$)")
"""A `key:` line, possibly a list item `- key:`; the key is what an editor writes as field name."""
VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)*(?:[^\s#'\"\[\]{}:,][^:#]*?\s*:\s+)?)(?P<value>\S.*)?$")
"""Where the value of a `key: value` or `- value` line starts."""
SPECIAL = {"*": "en hänvisning till ett ankare", "&": "ett ankare", "!": "en tagg", "`": "ett reserverat tecken",
           "@": "ett reserverat tecken", "%": "ett direktiv", "[": "början på en lista",
           "{": "början på en grupp av fält", "?": "en nyckel", "|": "en flerradig text", ">": "en flerradig text"}
"""A value's first character that YAML reads as syntax, and what it means there."""
STRAY_START = re.compile(r"^(\s*)[^\w\s]+\s*")
BLOCK_KEY = re.compile(r":\s*[|>][-+0-9]*\s*$")
TAGGED_KEY = re.compile(r"^(?P<lead>\s*(?:-\s+)?)!(?P<key>[^\s!:#]+):(?:\s|$)")
ITEM_END = re.compile(r"\[\d+\](\.[^.\[\]]+)?$")
INDENT_FIX = ("Fält på samma nivå ska börja i samma kolumn, och punkter i samma lista ska börja med `- ` i samma "
              "kolumn. Använd två mellanslag per nivå")


def explain(exc: Exception, text: str) -> Explained:
    """The place and Swedish message for a YAML error raised while reading `text`."""
    lines = text.splitlines() or [""]
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    mark = _mark(getattr(exc, "problem_mark", None), lines)
    start = _mark(getattr(exc, "context_mark", None), lines) or mark or (1, 1)
    mark = mark or start
    if isinstance(exc, yaml.reader.ReaderError):
        return _control_character(exc, text)
    if not isinstance(exc, yaml.YAMLError):  # a constructor failed on a `!!int`-style tag: no mark to use
        tagged = _tagged_line(lines)
        return _special_start(lines, tagged, tagged, "tag")
    cause = _unclosed_quote(lines, mark)
    if cause and ("end of stream" in problem or "expected <block end>" in problem or "expected ':'" in problem):
        return _quote_never_closed(lines, *cause)
    for test, handler in _HANDLERS:
        if test(problem, context):
            return handler(lines, mark, start, problem)
    return _general(lines, mark)


def _mark(mark, lines: list[str]) -> tuple[int, int] | None:
    if mark is None:
        return None
    line = min(mark.line + 1, len(lines))
    return line, mark.column + 1 if mark.line < len(lines) else 1


def field_at(lines: list[str], line: int) -> str:
    """The field a line belongs to, as `steg[2].rubrik`: keys of the enclosing lines, list positions 1-based."""
    parts: list[str] = []
    indent = None
    for number in range(min(line, len(lines)), 0, -1):
        raw = lines[number - 1]
        own = len(raw) - len(raw.lstrip())
        if not raw.strip() or raw.lstrip().startswith("#") or (indent is not None and own >= indent):
            continue
        found = KEY.match(raw)
        own_key = found and (indent is None or not found["dash"] or own + len(found["dash"]) < indent)
        item = [f"[{_item_number(lines, number, own)}]"] if raw.lstrip().startswith("-") else []
        parts = item + ([found["key"]] if found and own_key else []) + parts
        indent = own
        if own == 0:
            break
    return "".join(p if p.startswith("[") or not i else f".{p}" for i, p in enumerate(parts)) or "filen"


def _misplaced_field(lines: list[str], line: int) -> str:
    """The field a wrongly indented line was meant to be: its own key in the place of the line above's."""
    above = _previous_line(lines, line)
    if above is None:
        return f"`{field_at(lines, line)}`"
    path = field_at(lines, above)
    found = KEY.match(lines[line - 1])
    if found and not found["dash"] and not lines[line - 1].lstrip().startswith("-"):
        return f"`{path.rsplit('.', 1)[0] + '.' if '.' in path else ''}{found['key']}`"
    return f"`{ITEM_END.sub('', path)}`"


def _previous_line(lines: list[str], line: int) -> int | None:
    """The nearest line above with content (not blank, not a comment)."""
    for number in range(line - 1, 0, -1):
        if lines[number - 1].strip() and not lines[number - 1].lstrip().startswith("#"):
            return number
    return None


def _item_number(lines: list[str], line: int, indent: int) -> int:
    """1-based position of the list item on `line` among its siblings at `indent`."""
    count = 0
    for raw in reversed(lines[:line]):
        own = len(raw) - len(raw.lstrip())
        if raw.strip() and own < indent:
            break
        if own == indent and raw.lstrip().startswith("- ") or raw.strip() == "-" and own == indent:
            count += 1
    return max(count, 1)


def _field(lines: list[str], line: int) -> str:
    """The field of a line in backticks; a stray character before a key (`}del_av:`) is looked past."""
    name = field_at(lines, line)
    if name == "filen" and 0 < line <= len(lines):
        cleaned = STRAY_START.sub(r"\1", lines[line - 1])
        found = KEY.match(cleaned)
        if found:
            name = found["key"]
        elif line > 1:
            name = field_at(lines, line - 1)
    return f"`{name}`"


def _value_start(raw: str) -> int:
    """0-based column where the value on a line starts (after `key: ` or `- `)."""
    found = VALUE.match(raw)
    return len(found["lead"]) if found and found["value"] else len(raw) - len(raw.lstrip())


def _short(text: str) -> str:
    text = " ".join(text.split()).replace("\"", "'")
    return text if len(text) <= 30 else text[:27].rstrip() + "..."


def _key_of(lines: list[str], line: int) -> str:
    """What to write before the colon in a fix example: the line's own key, or `-` for a list item."""
    raw = lines[line - 1]
    found = KEY.match(raw)
    if found:
        return f"{found['dash'] or ''}{found['key']}".strip()
    return "-" if raw.lstrip().startswith("-") else _field(lines, line).strip("`").split(".")[-1].split("[")[0]


def _quote_example(lines: list[str], line: int) -> str:
    raw = lines[line - 1]
    value = raw[_value_start(raw):].strip()
    key = _key_of(lines, line)
    separator = " " if key == "-" else ": "
    return f"`{key}{separator}\"{_short(value)}\"`"


# --- Text a valid file loses without an error ---------------------------------------------------------------

def lost_text(text: str, node: Node) -> list[Explained]:
    """Unquoted values that YAML cuts short: text after ` #` (a comment), and a list item indented so far that
    it became part of the item above."""
    lines = text.splitlines()
    found: list[Explained] = []
    for scalar in _plain_scalars(node):
        end_line, end_column = scalar.end_mark.line, scalar.end_mark.column
        rest = lines[end_line][end_column:] if end_line < len(lines) else ""
        comment = re.match(r"^\s+#", rest)
        if comment and scalar.value:
            column = end_column + len(comment[0])
            found.append((end_line + 1, column, (
                f"{_field(lines, end_line + 1)}: texten efter ` #` kommer inte med på sidan, eftersom YAML läser "
                "` #` som början på en kommentar. Sätt hela värdet inom citattecken, t.ex. "
                f"`{_key_of(lines, end_line + 1)}: \"{_short(lines[end_line][_value_start(lines[end_line]):])}\"`.")))
        for number in range(scalar.start_mark.line + 1, end_line + 1):
            if lines[number].lstrip().startswith("- "):
                found.append((number + 1, len(lines[number]) - len(lines[number].lstrip()) + 1, (
                    f"{_field(lines, scalar.start_mark.line + 1)}: punkten på rad {number + 1} har blivit en del "
                    "av punkten ovanför, eftersom den är mer indragen. Ställ `- ` i samma kolumn som de andra "
                    "punkterna.")))
    return found


def _plain_scalars(root: Node) -> list[ScalarNode]:
    """Every unquoted scalar value (not keys); each node once, however often an alias repeats it."""
    found, seen, todo = [], set(), [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode) and not node.style:  # plain: None in PyYAML, "" from libyaml
            found.append(node)
        elif isinstance(node, SequenceNode):
            todo += node.value
        elif isinstance(node, MappingNode):
            todo += [value for _key, value in node.value]
    return found


# --- The real cause of an error noticed further down --------------------------------------------------------

def _unclosed_quote(lines: list[str], mark: tuple[int, int]) -> tuple[int, int] | None:
    """An opening quote above `mark` whose text runs on to the line of `mark` (or to the end of the file)."""
    for number in range(1, mark[0] + 1):
        raw = lines[number - 1]
        column = _value_start(raw)
        if column >= len(raw) or raw[column] not in "\"'":
            continue
        end = _closing_quote(lines, number, column)
        if end is None or (end[0] > number and end[0] >= mark[0]):
            return number, column + 1
    return None


def _closing_quote(lines: list[str], line: int, column: int) -> tuple[int, int] | None:
    """Line and column of the quote that closes the one at (line, 0-based column), or None."""
    quote = lines[line - 1][column]
    text = "\n".join(lines[line - 1:])[column + 1:]
    position = 0
    while position < len(text):
        char = text[position]
        if quote == '"' and char == "\\":
            position += 2
            continue
        if char == quote:
            if quote == "'" and text[position + 1: position + 2] == "'":
                position += 2
                continue
            before = text[:position]
            return line + before.count("\n"), (len(before) - before.rfind("\n") - 1 if "\n" in before else
                                               column + 1 + position)
        position += 1
    return None


# --- One handler per error class ----------------------------------------------------------------------------

def _quote_never_closed(lines: list[str], line: int, column: int) -> Explained:
    quote = lines[line - 1][column - 1]
    name = "citattecknet" if quote == '"' else "apostrofen"
    return line, column, (f"YAML-fel i {_field(lines, line)}: {name} `{quote}` i början av värdet stängs aldrig "
                          f"på raden. Avsluta texten med `{quote}` på samma rad, eller ta bort {name}.")


def _control_character(exc: yaml.reader.ReaderError, text: str) -> Explained:
    before = text[: exc.position]
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    lines = text.splitlines() or [""]
    return line, column, (f"YAML-fel i {_field(lines, line)}: raden innehåller ett osynligt styrtecken (kod "
                          f"{exc.character:#06x}), som ofta följer med när text klistras in. Ta bort tecknet, "
                          "eller skriv om ordet där det står.")


def _tab(lines, mark, start, problem) -> Explained:
    return mark[0], mark[1], (f"YAML-fel i {_field(lines, mark[0])}: raden har ett tabbtecken (Tab). "
                              "Ersätt det med mellanslag; indrag görs med två mellanslag per nivå.")


def _special_start(lines, mark, start, problem) -> Explained:
    """A value starting with a character YAML reads as syntax: `*`, `&`, `!`, backtick, `@`, `%`, `?`."""
    line = start[0] if "alias" in problem or "anchor" in problem else mark[0]
    raw = lines[line - 1]
    column = _value_start(raw)
    char = raw[column] if column < len(raw) else "?"
    meaning = SPECIAL.get(char, "ett reserverat tecken")
    return line, column + 1, (f"YAML-fel i {_field(lines, line)}: värdet börjar med `{char}`, som i YAML betyder "
                              f"{meaning}. Sätt hela värdet inom citattecken, t.ex. {_quote_example(lines, line)}.")


def _text_after_close(lines, mark, start, problem) -> Explained:
    """`"Mål" för året`, `[mallen](x.md) finns`: a quoted or bracketed start, then more text on the line."""
    line = mark[0]
    raw = lines[line - 1]
    column = _value_start(raw)
    char = raw[column] if column < len(raw) else ""
    field = _field(lines, line)
    if char in "\"'":
        other = "'" if char == '"' else '"'
        return line, column + 1, (f"YAML-fel i {field}: värdet börjar med `{char}` och texten fortsätter efter "
                                  f"det avslutande `{char}`. Sätt hela värdet inom `{other}`, t.ex. "
                                  f"`{_key_of(lines, line)}: {other}{_short(raw[column:].strip())}{other}`, eller "
                                  "ta bort citattecknen.")
    if char in "[{":
        return line, column + 1, (f"YAML-fel i {field}: värdet börjar med `{char}`, som i YAML betyder "
                                  f"{SPECIAL[char]}, och fortsätter efter `{']' if char == '[' else '}'}`. "
                                  f"Sätt hela värdet inom citattecken, t.ex. {_quote_example(lines, line)}.")
    return _indentation(lines, mark, start, problem)


def _colon(lines, mark, start, problem) -> Explained:
    """`mapping values are not allowed here`: a `: ` inside a value, or a field indented too far."""
    line, column = mark
    raw = lines[line - 1]
    before = raw[: column - 1]
    above = _previous_line(lines, line)
    if KEY.match(raw) and not re.search(r":\s", before):
        if above and not KEY.match(lines[above - 1]) and not _in_block(lines, above):
            return _missing_colon(lines, mark, (above, 1), problem)  # `namn Chef` ran on into this line
        return _indentation(lines, mark, start, problem)
    return line, column, (f"YAML-fel i {_field(lines, line)}: värdet innehåller kolon följt av mellanslag (`: `), "
                          "som YAML läser som ett nytt fält. Sätt hela värdet inom citattecken, t.ex. "
                          f"{_quote_example(lines, line)}.")


def _indentation(lines, mark, start, problem) -> Explained:
    line = mark[0]
    tagged = _tagged_key_above(lines, line)
    if tagged:
        return tagged
    raw = lines[line - 1]
    column = len(raw) - len(raw.lstrip()) + 1
    above = _previous_line(lines, line)
    if above and _misaligned_dash(lines, above):
        line, raw = above, lines[above - 1]
        column = len(raw) - len(raw.lstrip()) + 1
    block = _block_above(lines, line)
    if block:
        return line, column, (f"YAML-fel i `{block[1]}`: raden hör till den flerradiga texten under "
                              f"`{block[1]}: |` på rad {block[0]} men är mindre indragen än texten ovanför. "
                              "Dra in alla rader i texten lika mycket, minst två mellanslag.")
    return line, column, (f"YAML-fel i {_misplaced_field(lines, line)}: raden är indragen fel (den börjar i "
                          f"kolumn {column}). {INDENT_FIX}.")


def _tagged_key_above(lines: list[str], line: int) -> Explained | None:
    """`- !brist: >-`: a `!` before a key makes the key a tag, and the parser stumbles only on the next field,
    below the value's lines. Look back through the block the reported line belongs to."""
    own = len(lines[line - 1]) - len(lines[line - 1].lstrip())
    for number in range(line, 0, -1):
        raw = lines[number - 1]
        found = TAGGED_KEY.match(raw)
        if found:
            column = len(found["lead"]) + 1
            return number, column, (f"YAML-fel i `{found['key']}`: fältnamnet börjar med `!`, som i YAML betyder "
                                    f"en tagg. Ta bort `!` och skriv `{found['key']}:`.")
        content = len(raw) - len(raw.lstrip(" -")) if raw.strip() else own
        if number < line and content < own:
            return None
    return None


def _misaligned_dash(lines: list[str], line: int) -> bool:
    """Whether the list item on `line` starts left of the items before it in the same list."""
    raw = lines[line - 1]
    own = len(raw) - len(raw.lstrip())
    if not raw.lstrip().startswith("- "):
        return False
    for number in range(line - 1, 0, -1):
        other = lines[number - 1]
        indent = len(other) - len(other.lstrip())
        if other.strip() and other.lstrip().startswith("- ") and indent != own:
            return indent > own
        if other.strip() and indent <= own:
            return False
    return False


def _block_above(lines: list[str], line: int) -> tuple[int, str] | None:
    """(line, key) of a `key: |` block whose text the given line interrupts with a smaller indent."""
    own = len(lines[line - 1]) - len(lines[line - 1].lstrip())
    for number in range(line - 1, 0, -1):
        raw = lines[number - 1]
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip())
        found = KEY.match(raw)
        if found and BLOCK_KEY.search(raw):
            return (number, found["key"]) if indent < own else None
        if indent <= own:
            return None
    return None


def _in_block(lines: list[str], line: int) -> bool:
    """Whether the line is text of a `key: |` block above it."""
    own = len(lines[line - 1]) - len(lines[line - 1].lstrip())
    for number in range(line - 1, 0, -1):
        raw = lines[number - 1]
        if raw.strip() and len(raw) - len(raw.lstrip()) < own:
            return bool(BLOCK_KEY.search(raw))
    return False


def _missing_colon(lines, mark, start, problem) -> Explained:
    """`could not find expected ':'`: the line at `start` has a key without `: `, or is block text not indented."""
    line = start[0]
    raw = lines[line - 1]
    stripped = raw.lstrip()
    column = len(raw) - len(stripped) + 1
    glued = re.match(r"^(?:-\s+)?([^\s:#]+):(\S)", stripped)
    if glued:
        return line, column + stripped.index(":") + 1, (
            f"YAML-fel i `{glued[1]}`: mellanslag saknas efter kolonet. Skriv `{glued[1]}: ` med ett mellanslag "
            "efter kolonet.")
    above = _previous_key_line(lines, line)
    block = KEY.match(lines[above - 1]) if above and BLOCK_KEY.search(lines[above - 1]) else None
    if block:
        key = block["key"]
        return line, column, (f"YAML-fel i `{key}`: texten under `{key}: |` på rad {above} måste vara indragen. "
                              "Börja varje rad i texten med två mellanslag.")
    if stripped.startswith("-") and lines[mark[0] - 1].lstrip().startswith("-"):
        return _indentation(lines, mark, start, problem)  # a list item out of line, not a missing colon
    item = re.match(r"^-\s+", stripped)
    column += len(item[0]) if item else 0
    stripped = stripped[len(item[0]):] if item else stripped
    word = re.split(r"[\s:]", stripped, maxsplit=1)[0]
    rest = stripped[len(word):].strip() or "värde"
    parent = field_at(lines, line) if column > 1 else ""
    name = f"{parent}.{word}" if parent and parent != "filen" else word
    return line, column, (f"YAML-fel i `{name}`: kolon saknas efter fältnamnet. Skriv `{word}: {_short(rest)}`, "
                          "med kolon direkt efter fältnamnet och ett mellanslag efter kolonet.")


def _previous_key_line(lines: list[str], line: int) -> int | None:
    above = _previous_line(lines, line)
    return above if above and KEY.match(lines[above - 1]) else None


def _unclosed_bracket(lines, mark, start, problem) -> Explained:
    line, column = start
    char = lines[line - 1][column - 1] if column - 1 < len(lines[line - 1]) else "["
    close = "]" if char == "[" else "}"
    return line, column, (f"YAML-fel i {_field(lines, line)}: `{char}` i början av värdet stängs aldrig på "
                          f"raden. Avsluta med `{close}` på samma rad, t.ex. `faser: [planering, uppföljning]`, "
                          "eller sätt hela värdet inom citattecken om klammern hör till texten.")


def _empty_in_list(lines, mark, start, problem) -> Explained:
    if "<stream end>" in problem:  # the file ended inside `[` or `{`: point at the opening one
        opening = next((n for n in range(min(mark[0], len(lines)), 0, -1)
                        if lines[n - 1][_value_start(lines[n - 1]):][:1] in ("[", "{")), None)
        if opening:
            return _unclosed_bracket(lines, mark, (opening, _value_start(lines[opening - 1]) + 1), problem)
    return mark[0], mark[1], (f"YAML-fel i {_field(lines, mark[0])}: listan har ett tomt värde (två kommatecken "
                              "i rad eller ett kommatecken först). Ta bort det extra kommatecknet.")


def _stray_close(lines, mark, start, problem) -> Explained:
    char = problem.rsplit("'", 2)[-2] if problem.count("'") >= 2 else "]"
    return mark[0], mark[1], (f"YAML-fel i {_field(lines, mark[0])}: tecknet `{char}` stänger något som inte har "
                              f"öppnats. Ta bort det, eller sätt hela värdet inom citattecken.")


def _block_header(lines, mark, start, problem) -> Explained:
    line = start[0]
    key = _field(lines, line).strip("`").split(".")[-1].split("[")[0]
    return start[0], start[1], (f"YAML-fel i {_field(lines, line)}: efter `|` eller `>` ska raden ta slut. Skriv "
                                f"`{key}: |` och texten på raderna under, indragen med två mellanslag.")


def _escape(lines, mark, start, problem) -> Explained:
    return mark[0], mark[1], (f"YAML-fel i {_field(lines, mark[0])}: inom dubbla citattecken betyder `\\` ett "
                              "specialtecken. Använd enkla citattecken i stället, t.ex. `'C:\\Mallar'`, eller "
                              "skriv `\\\\` för ett bakstreck.")


def _dash_in_value(lines, mark, start, problem) -> Explained:
    line = mark[0]
    key = _key_of(lines, line)
    return mark[0], mark[1], (f"YAML-fel i {_field(lines, line)}: en lista kan inte börja på samma rad som "
                              f"fältet. Skriv `{key}:` ensamt och punkterna på raderna under (`  - punkt`), eller "
                              "sätt hela värdet inom citattecken om strecket hör till texten.")


def _documents(lines, mark, start, problem) -> Explained:
    line = next((n for n in range(min(mark[0], len(lines)), 0, -1)
                 if lines[n - 1].rstrip() in ("---", "...") or lines[n - 1].startswith("--- ")), mark[0])
    after = next((n for n in range(line + 1, len(lines) + 1) if KEY.match(lines[n - 1])), None)
    where = f"före {_field(lines, after)}" if after else "i slutet av filen"
    marker = lines[line - 1].strip()[:3]
    return line, 1, (f"YAML-fel {where}: raden `{marker}` delar filen i flera delar, och allt efter den går "
                     "förlorat. Ta bort raden; en fil innehåller bara en post.")


def _bad_key(lines, mark, start, problem) -> Explained:
    found = re.match(r"^\s*(?:-\s+)?[\[{]\s*([^\]}]*?)\s*[\]}]", lines[mark[0] - 1])
    name = found[1] if found and found[1] else "fältnamn"
    return mark[0], mark[1], (f"YAML-fel i `{name}`: ett fältnamn kan inte stå inom `[ ]` eller `{{ }}`. Skriv "
                              f"fältnamnet utan `[ ]`, t.ex. `{name}: värde`.")


def _duplicate_anchor(lines, mark, start, problem) -> Explained:
    return _special_start(lines, mark, mark, "anchor")


def _tagged_line(lines: list[str]) -> tuple[int, int]:
    for number, raw in enumerate(lines, 1):
        if raw[_value_start(raw):].startswith("!"):
            return number, 1
    return 1, 1


def _date(lines, mark, start, problem) -> Explained:
    value = problem.split("`")[1] if "`" in problem else ""
    return mark[0], mark[1], (f"{_field(lines, mark[0])} har datumet `{value}`, som inte finns. Skriv ett datum "
                              "som finns, på formen ÅÅÅÅ-MM-DD, t.ex. `2026-02-28`.")


def _general(lines: list[str], mark: tuple[int, int]) -> Explained:
    return mark[0], mark[1], (f"YAML-fel i {_field(lines, mark[0])}: raden går inte att läsa. Kontrollera "
                              "indraget, kolonet efter fältnamnet och citattecknen; sätt texten inom citattecken "
                              "om den börjar med ett specialtecken.")


def _problem(*starts: str):
    return lambda problem, context: problem.startswith(starts)


def _context(*starts: str):
    return lambda problem, context: context.startswith(starts)


_HANDLERS = [
    (_problem("ogiltigt datum"), _date),
    (_problem("found character '\\t'"), _tab),
    (_context("while scanning an alias", "while scanning an anchor", "while scanning a tag"), _special_start),
    (_problem("found character", "found undefined alias", "could not determine a constructor",
              "mapping keys are not allowed"), _special_start),
    (_context("found duplicate anchor"), _duplicate_anchor),
    (_context("while scanning a block scalar"), _block_header),
    (_problem("found unknown escape"), _escape),
    (_problem("sequence entries are not allowed"), _dash_in_value),
    (_problem("mapping values are not allowed"), _colon),
    (_problem("could not find expected ':'"), _missing_colon),
    (_problem("expected ',' or ']'", "expected ',' or '}'"), _unclosed_bracket),
    (_problem("expected the node content"), _empty_in_list),
    (_problem("expected <block end>, but found ']'", "expected <block end>, but found '}'"), _stray_close),
    (_problem("expected <block end>, but found '<scalar>'"), _text_after_close),
    (_problem("expected <block end>", "did not find expected"), _indentation),
    (_problem("but found another document", "expected '<document start>'"), _documents),
    (_problem("found unhashable key"), _bad_key),
]
"""(matches the error, handler) in order: the first match explains it."""
