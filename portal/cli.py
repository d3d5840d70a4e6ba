"""The ``portal`` command (DESIGN.md §3).

Contract: exit 0 on success; on bad input exit 1 with the reasons on stderr and
nothing written. Every capability with a page also has a command. The verbs,
import kinds and export kinds come from the areas' manifests
(``portal/registry.py``); only ``serve`` and ``db upgrade`` live here.

Only the command being run is set up: its options are configured, and its module (with
SQLAlchemy and the rest) imported, when its words are on the command line. ``portal screen``
reads a CSV file and never opens the database, so it does not pay for loading one.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

import pydantic

from portal import registry
from portal.cliutil import fail
from portal.errors import PortalError, ValidationFailed
from portal.manifest import resolve
from portal.settings import PROJECT_ROOT, get_settings


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from portal.db import make_engine, upgrade

    engine = make_engine()
    upgrade(engine)
    print(f"Database is at the newest schema: {engine.url.render_as_string(hide_password=True)}")
    return 0


def _check_sign_in(secrets: list[str]) -> int:
    """Refuse to start with placeholder secrets (or the demo sign-in in production)."""
    from portal.auth.config import AuthConfigError, check_startup, default_secrets_files

    files = [Path(f).resolve() for f in secrets] if secrets else default_secrets_files()
    missing = [str(f) for f in files if secrets and not f.is_file()]
    if missing:
        return fail(f"no such secrets file: {', '.join(missing)}")
    try:
        check_startup(get_settings(), files)
    except AuthConfigError as error:
        print("portal: refusing to start: the sign-in configuration is not safe.", file=sys.stderr)
        for problem in error.problems:
            print(f"portal:   - {problem}", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from portal.encryption import KeyMissing, require_keys

    # Every reason to refuse is reported at once, before anything is created or served.
    refused = _check_sign_in(args.secrets)
    try:
        require_keys()
    except KeyMissing as error:
        refused = fail(str(error))
    from portal.audit.checkpoints import CheckpointKeyMissing, public_keys

    try:
        public_keys()
    except CheckpointKeyMissing as error:
        refused = fail(str(error))
    if refused:
        return 1
    from portal.db import is_empty, make_engine, upgrade

    engine = make_engine()
    upgrade(engine)
    if is_empty(engine):
        load = args.demo
        if not load and sys.stdin.isatty():
            answer = input("The database is empty. Load the demo county? [Y/n] ").strip().lower()
            load = answer in ("", "y", "yes")
        if load:
            load_demo_county()
        else:
            print("The database is empty. Run `portal demo` (or `portal serve --demo`) to load the demo county.")
    elif args.demo:
        load_demo_county()
    engine.dispose()
    command = [
        sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "web_app.py"),
        "--server.port", str(args.port),
        "--server.address", args.address,
        "--server.headless", "true",
        # Uploads stop at the import limit in the browser, before the server reads them.
        "--server.maxUploadSize", str(get_settings().max_import_mb),
    ]
    for secrets_file in args.secrets:
        command += ["--secrets.files", str(Path(secrets_file).resolve())]
    # The server runs in the project's folder: it must serve the database this command has
    # just migrated (by default var/portal.db under the folder it was started in), not one
    # of the same name under the project.
    os.environ["PORTAL_DATABASE_URL"] = get_settings().database_url
    os.chdir(PROJECT_ROOT)
    sys.stdout.flush()
    sys.stderr.flush()
    # Become Streamlit rather than wait for it: a signal sent to `portal serve` (Ctrl-C,
    # a service manager's SIGTERM, a test fixture's terminate) then reaches the server
    # itself instead of leaving it running as an orphan.
    os.execv(sys.executable, command)
    return 0  # not reached


class _Parser(argparse.ArgumentParser):
    """A usage error exits 1 with its reason on stderr (DESIGN.md §3), not argparse's 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(1)


def load_demo_county() -> int:
    from portal.demo.cli import demo

    return demo()


def _run(ref: str) -> Callable[[argparse.Namespace], int]:
    """Resolve an area's function only when its verb is used: ``portal --help`` stays fast."""
    return lambda args: resolve(ref)(args)  # type: ignore[no-any-return]


def _wanted(words: list[str] | None, path: tuple[str, ...]) -> bool:
    """Whether the command at ``path`` is the one ``words`` (the command line's words that
    are not options) run or ask help for, so that it needs its options; ``None``: all do."""
    return words is None or words[:len(path)] == list(path)


def _add_area_commands(sub: argparse._SubParsersAction,  # type: ignore[type-arg]
                       words: list[str] | None) -> None:
    groups: dict[str, argparse._SubParsersAction] = {}  # type: ignore[type-arg]
    for command in registry.commands():
        first, *more = command.verb
        if not more:
            parser = sub.add_parser(first, help=command.help)
        else:
            if first not in groups:
                group = sub.add_parser(first, help=f"{first} commands")
                groups[first] = group.add_subparsers(dest=f"{first}_command", required=True)
            parser = groups[first].add_parser(more[0], help=command.help)
        if command.configure and _wanted(words, command.verb):
            resolve(command.configure)(parser)
        parser.set_defaults(func=_run(command.run))


def _whole(verb: str) -> Callable[[argparse.Namespace], int]:
    """``portal export|import --all FILE``: the whole database (``portal.backup``)."""

    def run(args: argparse.Namespace) -> int:
        if getattr(args, "kind", None) or not args.all_file:
            return fail(f"{verb}: name a KIND, or --all FILE for the whole database "
                        f"(see portal {verb} --help)")
        from portal import backup

        return getattr(backup, f"{verb}_all")(Path(args.all_file))

    return run


def _add_imports(sub: argparse._SubParsersAction,  # type: ignore[type-arg]
                 words: list[str] | None) -> None:
    importer = sub.add_parser("import", help="import a batch of records: all rows or none")
    importer.add_argument("--all", metavar="FILE", dest="all_file",
                          help="restore a whole database written by `portal export --all` "
                               "into an empty one")
    importer.set_defaults(func=_whole("import"))
    kinds = importer.add_subparsers(dest="kind", metavar="KIND")
    for kind, spec in registry.importers().items():
        parser = kinds.add_parser(kind, help=spec.help)
        parser.add_argument("file", help="the file to import")
        if spec.configure and _wanted(words, ("import", kind)):
            resolve(spec.configure)(parser)
        parser.set_defaults(func=_run(spec.run))


def _add_exports(sub: argparse._SubParsersAction,  # type: ignore[type-arg]
                 words: list[str] | None) -> None:
    exporter = sub.add_parser("export", help="write an export or a feed")
    exporter.add_argument("--all", metavar="FILE", dest="all_file",
                          help="write the whole database to FILE (JSON Lines; .gz compresses), "
                               "for a backup or a move to another database")
    exporter.set_defaults(func=_whole("export"))
    kinds = exporter.add_subparsers(dest="kind", metavar="KIND")
    for kind, spec in registry.exporters().items():
        parser = kinds.add_parser(kind, help=spec.help)
        parser.add_argument("--format", choices=list(spec.formats), default=None)
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        if spec.configure and _wanted(words, ("export", kind)):
            resolve(spec.configure)(parser)
        parser.set_defaults(func=_run(spec.run))


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line; with ``argv``, only the command it names has its options set up."""
    words = None if argv is None else [a for a in argv if not a.startswith("-")]
    parser = _Parser(prog="portal", description="Civic data transparency portal")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate the database, then run the portal")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="127.0.0.1", help="interface to listen on")
    serve.add_argument("--demo", action="store_true", help="load the demo county if it is not loaded")
    serve.add_argument(
        "--secrets", action="append", default=[], metavar="FILE",
        help="read sign-in secrets from FILE instead of ~/.streamlit and .streamlit/secrets.toml",
    )
    serve.set_defaults(func=cmd_serve)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_upgrade = db_sub.add_parser("upgrade", help="migrate to the newest schema")
    db_upgrade.set_defaults(func=cmd_db_upgrade)

    _add_area_commands(sub, words)
    _add_imports(sub, words)
    _add_exports(sub, words)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except ValidationFailed as error:
        for item in error.errors or [error]:
            fail(str(item))  # a file's values in a message are shown, never acted on
        return 1
    except PortalError as error:
        return fail(str(error))
    except pydantic.ValidationError as error:
        # A bad PORTAL_* variable: name it, without a stack trace.
        for item in error.errors():
            name = "PORTAL_" + "_".join(str(part) for part in item["loc"]).upper()
            print(f"portal: {name}: {item['msg']} (got {item.get('input')!r})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
