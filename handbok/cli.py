"""Command line: `handbok check` and the other editor commands, one small function per subcommand."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from handbok.content import chapters, new, review, schema
from handbok.content.errors import plural
from handbok.content.kinds import BY_WORD
from handbok.site import build, ci, scaffold
from handbok.site.validate import check, readable

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


def check_arguments(parser: argparse.ArgumentParser) -> None:
    content_argument(parser)
    parser.add_argument("--format", choices=ci.FORMATS, default="text",
                        help="text (standard), github (anteckningar i pull requests) eller gitlab "
                             "(Code Quality-rapport i JSON; sammanfattningen skrivs då till stderr)")
    parser.add_argument("--sammanfattning", type=Path, default=None, metavar="FIL",
                        help="lägg också till alla fel som en Markdown-tabell i FIL (i GitHub: $GITHUB_STEP_SUMMARY)")


@command("check", "Kontrollera allt innehåll i handbook/ och skriv ut alla fel.", check_arguments)
def run_check(args: argparse.Namespace) -> int:
    handbook, errors = check(args.content, args.docs)
    if errors or args.format == "gitlab":
        print(ci.report(errors, args.format))
    summary = sys.stderr if args.format == "gitlab" else sys.stdout
    files = sum(1 for p in args.content.rglob("*") if p.is_file()) if args.content.is_dir() else 0
    if args.sammanfattning is not None:
        with args.sammanfattning.open("a", encoding="utf-8") as handle:
            handle.write(ci.summary(errors, files))
    if errors:
        print(f"{len(errors)} fel i {plural(len({e.path for e in errors}), 'fil', 'filer')}.", file=summary)
        return 1
    print(f"Inga fel i {plural(files, 'fil', 'filer')}.", file=summary)
    return 0


# --- Editor workflow (issue 6): schema, new, granskning, links ---------------------------------------------

def schema_arguments(parser: argparse.ArgumentParser) -> None:
    content_argument(parser)
    parser.add_argument("--check", action="store_true",
                        help="skriv inget; avsluta med 1 om schemas/ inte stämmer med modellen")


@command("schema", "Skriv JSON Schema för YAML-filerna till schemas/ (för hjälp och förslag i VS Code).",
         schema_arguments)
def run_schema(args: argparse.Namespace) -> int:
    root = args.content.resolve().parent
    if args.check:
        stale = schema.stale(root)
        for path in stale:
            print(f"{path.relative_to(root)}: schemat är inaktuellt. Kör `uv run handbok schema` och lägg med "
                  "ändringen i din pull request.")
        return 1 if stale else 0
    for path in schema.write(root):
        print(f"Skrev {path.relative_to(root)}")
    return 0


def new_arguments(parser: argparse.ArgumentParser) -> None:
    content_argument(parser)
    parser.add_argument("kind", choices=list(BY_WORD), metavar="TYP", help=", ".join(BY_WORD))
    parser.add_argument("id", help="filnamnet utan .yml: små bokstäver, siffror och bindestreck, t.ex. ny-metod")
    parser.add_argument("--idag", type=dt.date.fromisoformat, default=None, metavar="ÅÅÅÅ-MM-DD",
                        help=argparse.SUPPRESS)


@command("new", "Skapa en ny fil för en modell, metod, roll eller kontakt från en mall.", new_arguments)
def run_new(args: argparse.Namespace) -> int:
    try:
        path = new.create(args.content, args.kind, args.id, args.idag or dt.date.today())
    except new.NewEntryError as exc:
        print(f"handbok new: {exc}", file=sys.stderr)
        return 1
    print(f"Skapade {args.content.name}/{path.relative_to(args.content).as_posix()}. Fyll i fälten och kör "
          "`uv run handbok check`.")
    return 0


def review_arguments(parser: argparse.ArgumentParser) -> None:
    content_argument(parser)
    parser.add_argument("--dagar", type=int, default=60, metavar="N",
                        help="ta med det som ska granskas inom N dagar (standard: 60)")
    parser.add_argument("--csv", action="store_true",
                        help="skriv CSV för Excel (semikolon, UTF-8 med BOM) i stället för text")
    parser.add_argument("--mejl", type=Path, default=None, metavar="MAPP",
                        help="skriv också ett e-postutkast (.eml) per ägare i MAPP")
    parser.add_argument("--idag", type=dt.date.fromisoformat, default=None, metavar="ÅÅÅÅ-MM-DD",
                        help="räkna som om det vore den här dagen (standard: i dag)")


@command("granskning", "Lista sidor som är försenade eller snart ska granskas, per ägare.", review_arguments)
def run_review(args: argparse.Namespace) -> int:
    today = args.idag or dt.date.today()
    docs = args.docs if args.docs.is_dir() else None
    handbook, errors = readable(args.content, docs, today=today)
    if handbook is None:
        print("\n".join(map(str, errors)))
        print(f"handbok granskning: {args.content.name}/handbook.yml går inte att läsa, så ingen rapport kan "
              "göras. Rätta felen ovan först.", file=sys.stderr)
        return 0  # a report, not a check
    chapter_reviews = (docs, chapters.read(docs, handbook, today)[0]) if docs else None  # errors: in `errors`
    items = review.due(handbook, today, args.dagar, folder=args.content.name, docs=chapter_reviews)
    if args.csv:
        sys.stdout.flush()
        sys.stdout.buffer.write(review.as_csv(handbook, items, errors))
        sys.stdout.buffer.flush()
    else:
        print(review.as_text(handbook, items, today, args.dagar, errors))
    if args.mejl is not None:
        args.mejl.mkdir(parents=True, exist_ok=True)
        drafts = review.reminders(handbook, items, today)
        for owner, draft in drafts.items():
            (args.mejl / f"{owner}.eml").write_bytes(draft)
        print(f"Skrev {plural(len(drafts), 'e-postutkast', 'e-postutkast')} i {args.mejl}.", file=sys.stderr)
    return 0


def links_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), metavar="MAPP",
                        help="den byggda webbplatsen (standard: site)")


@command("links", "Kontrollera länkarna mellan sidorna i den byggda webbplatsen.", links_arguments)
def run_links(args: argparse.Namespace) -> int:
    if not (args.site / "index.html").is_file():
        print(f"handbok links: {args.site}/index.html finns inte. Bygg först med `make build`.", file=sys.stderr)
        return 1
    problems = ci.check_links(args.site)
    for problem in problems:
        print(f"{args.site.name}/{problem}")
    print(f"{plural(len(problems), 'trasig länk', 'trasiga länkar')}." if problems else "Inga trasiga länkar.")
    return 1 if problems else 0


def init_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="MAPP", help="mappen för den nya handboken (skapas om den saknas)")
    parser.add_argument("--organisation", default="Min kommun", metavar="NAMN",
                        help="organisationens namn (standard: Min kommun; går att ändra i handbook/handbook.yml)")
    parser.add_argument("--domän", dest="domain", default="min-kommun.example", metavar="DOMÄN",
                        help="intranätets domän, t.ex. aby.se (standard: min-kommun.example)")


@command("init", "Starta en ny handbok i en ny mapp: exempel på varje typ, webbplats, Makefile och CI.",
         init_arguments)
def run_init(args: argparse.Namespace) -> int:
    try:
        written = scaffold.create(args.folder, args.organisation, args.domain, dt.date.today())
    except scaffold.InitError as exc:
        print(f"handbok init: {exc}", file=sys.stderr)
        return 1
    print(f"Skapade {plural(len(written), 'fil', 'filer')} i {args.folder}. Byt ut det som är märkt ÄNDRA i "
          f"handbook/handbook.yml och mkdocs.yml, och kör sedan `make serve` i {args.folder}.")
    return 0


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="användning: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in Swedish: editors read the help and the mistakes in the same language as the errors."""

    MESSAGES = (  # argparse's English messages -> what an editor reads
        (r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", r"\1: `\2` finns inte. Välj ett av: \3."),
        (r"the following arguments are required: (.*)", r"det här saknas: \1."),
        (r"unrecognized arguments: (.*)", r"okänt argument: \1."),
        (r"argument (\S+): invalid (\S+) value: (.*)", r"\1 har ett värde som inte går att använda: \3."),
        (r"argument (\S+): expected one argument", r"\1 behöver ett värde."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **{**kwargs, "add_help": False, "formatter_class": _Formatter})
        self._positionals.title, self._optionals.title = "argument", "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str):
        for pattern, swedish in self.MESSAGES:
            message = re.sub(f"^{pattern}$", swedish, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


# --- The standalone build (issue 11): validate, generate, engine, post-steps --------------------------------

def build_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=list(build.ENGINES), default="mkdocs",
                        help="mkdocs (standard) eller zensical")
    parser.add_argument("--site-dir", type=Path, default=None, metavar="MAPP",
                        help="bygg webbplatsen hit (standard: site_dir i mkdocs.yml, annars site)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FIL",
                        help="webbplatsens inställningar (standard: mkdocs.yml)")


@command("build", "Bygg webbplatsen: kontrollera innehållet, skapa sidorna, kör motorn, lägg till räknarna.",
         build_arguments)
def run_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        site = build.build(args.config, args.engine, args.site_dir)
    except build.BuildError as exc:
        print(f"handbok build: {exc}", file=sys.stderr)
        return 1
    print(f"Byggde webbplatsen i {site} med {args.engine} på {time.perf_counter() - started:.1f} s.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="handbok", description="Verktyg för Kvalitetshandboken.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO", title="kommandon")
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
