"""Command line: `handbok check` and the other editor commands, one small function per subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from handbok.check import check

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Command]] = {}
"""name -> (Swedish help, add arguments, run). Other modules register their subcommands with `command`."""


def command(name: str, help: str, arguments: Callable[[argparse.ArgumentParser], None] = lambda p: None):
    """Decorator registering a subcommand: `@command("schema", "Skriv JSON Schema ...")`."""

    def register(run: Command) -> Command:
        COMMANDS[name] = (help, arguments, run)
        return run

    return register


def content_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("handbook"), metavar="MAPP",
                        help="mappen med handbokens YAML-filer (standard: handbook)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), metavar="MAPP",
                        help="mappen med handskrivna sidor som också kontrolleras (standard: docs)")


@command("check", "Kontrollera allt innehåll i handbook/ och skriv ut alla fel.", content_argument)
def run_check(args: argparse.Namespace) -> int:
    handbook, errors = check(args.content, args.docs)
    for error in errors:
        print(error)
    files = sum(1 for p in args.content.rglob("*") if p.suffix in (".yml", ".yaml")) if args.content.is_dir() else 0
    if errors:
        print(f"{len(errors)} fel i {len({e.path for e in errors})} filer.")
        return 1
    print(f"Inga fel i {files} filer.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbok", description="Verktyg för Kvalitetshandboken.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    for name, (help_text, arguments, _run) in COMMANDS.items():
        arguments(subparsers.add_parser(name, help=help_text, description=help_text))
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command][2](args)
    except Exception as exc:  # an editor must never see a traceback
        print(f"handbok {args.command}: internt fel ({type(exc).__name__}: {exc}). Kör kommandot igen, och "
              "kontakta den som förvaltar verktyget om felet finns kvar.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
