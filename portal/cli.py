"""The ``portal`` command (DESIGN.md §3).

Contract: exit 0 on success; on bad input exit 1 with the reasons on stderr and
nothing written. Every capability with a page also has a command here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pydantic

from portal.auth.roles import SYSTEM
from portal.db import is_empty, make_engine, session_scope, upgrade
from portal.errors import PortalError, ValidationFailed
from portal.settings import PROJECT_ROOT, get_settings


def _fail(message: str) -> int:
    print(f"portal: {message}", file=sys.stderr)
    return 1


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    engine = make_engine()
    upgrade(engine)
    print(f"Database is at the newest schema: {engine.url.render_as_string(hide_password=True)}")
    return 0


def _load_demo() -> dict[str, int]:
    from portal.demo.loader import load_demo

    engine = make_engine()
    with session_scope(engine) as session:
        return load_demo(session=session, actor=SYSTEM)


def cmd_demo(args: argparse.Namespace) -> int:
    upgrade(make_engine())
    counts = _load_demo()
    added = {k: v for k, v in counts.items() if v}
    if added:
        print("Loaded the demo county (rows per table): " + ", ".join(f"{k} {v:,}" for k, v in added.items()))
    else:
        print("The demo county is already loaded; nothing changed.")
    return 0


def _check_sign_in(secrets: list[str]) -> int:
    """Refuse to start with placeholder secrets (or the demo sign-in in production)."""
    from portal.auth.config import AuthConfigError, check_startup, default_secrets_files

    files = [Path(f).resolve() for f in secrets] if secrets else default_secrets_files()
    missing = [str(f) for f in files if secrets and not f.is_file()]
    if missing:
        return _fail(f"no such secrets file: {', '.join(missing)}")
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
        refused = _fail(str(error))
    if refused:
        return 1
    engine = make_engine()
    upgrade(engine)
    if is_empty(engine):
        load = args.demo
        if not load and sys.stdin.isatty():
            answer = input("The database is empty. Load the demo county? [Y/n] ").strip().lower()
            load = answer in ("", "y", "yes")
        if load:
            cmd_demo(args)
        else:
            print("The database is empty. Run `portal demo` (or `portal serve --demo`) to load the demo county.")
    elif args.demo:
        cmd_demo(args)
    engine.dispose()
    command = [
        sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "streamlit_app.py"),
        "--server.port", str(args.port),
        "--server.address", args.address,
        "--server.headless", "true",
    ]
    for secrets_file in args.secrets:
        command += ["--secrets.files", str(Path(secrets_file).resolve())]
    os.chdir(PROJECT_ROOT)
    sys.stdout.flush()
    sys.stderr.flush()
    # Become Streamlit rather than wait for it: a signal sent to `portal serve` (Ctrl-C,
    # a service manager's SIGTERM, a test fixture's terminate) then reaches the server
    # itself instead of leaving it running as an orphan.
    os.execv(sys.executable, command)
    return 0  # not reached


def _import_notices(args: argparse.Namespace) -> int:
    """All rows or none: the unit of work rolls back on the first refusal."""
    from pathlib import Path

    from portal.notices.importer import import_notices, read_rows

    path = Path(args.file)
    if not path.is_file():
        return _fail(f"no such file: {path}")
    rows = read_rows(path.read_bytes(), path.name)
    engine = make_engine()
    upgrade(engine)
    with session_scope(engine) as session:
        result = import_notices(session=session, actor=SYSTEM, rows=rows, publish_all=args.publish)
    print(f"Imported {len(result.created)} new and {len(result.updated)} updated notices; "
          f"{len(result.published)} published.")
    return 0


def _export_feed(args: argparse.Namespace) -> int:
    from portal.notices.feeds import comment_deadlines_ics, notices_atom

    build = {"notices-atom": notices_atom, "notices-ics": comment_deadlines_ics}[args.kind]
    engine = make_engine()
    upgrade(engine)
    with session_scope(engine) as session:
        data = build(session=session, actor=SYSTEM, base_url=args.base_url)
    _write_output(data, args.output)
    return 0


def _write_output(data: bytes, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        with open(output, "wb") as handle:
            handle.write(data)
        print(f"Wrote {len(data):,} bytes to {output}", file=sys.stderr)


def _importer(kind: str) -> tuple[Callable[..., int], dict[str, tuple[str, str]], tuple[str, ...]]:
    if kind == "inventory":
        from portal.inventory.fields import COLUMNS, REQUIRED
        from portal.inventory.service import import_practices

        return import_practices, COLUMNS, REQUIRED
    from portal.requests.service import COLUMNS as R_COLUMNS
    from portal.requests.service import REQUIRED as R_REQUIRED
    from portal.requests.service import import_requests

    return import_requests, R_COLUMNS, R_REQUIRED


def cmd_import(args: argparse.Namespace) -> int:
    """All rows or none (DESIGN.md §3): one transaction, rolled back on the first refusal."""
    from pathlib import Path

    from portal.tabular import check_columns, read_table

    if args.kind == "notices":
        return _import_notices(args)

    path = Path(args.file)
    if not path.is_file():
        return _fail(f"no such file: {path}")
    run, columns, required = _importer(args.kind)
    table = read_table(path.read_bytes(), path.name)
    problems = check_columns(table, required, list(columns))
    if problems:
        raise ValidationFailed(problems)
    engine = make_engine()
    upgrade(engine)
    with session_scope(engine) as session:
        added = run(session=session, actor=SYSTEM, rows=table.rows, source=path.name)
    print(f"Imported {added} {'practices' if args.kind == 'inventory' else 'requests'} from {path.name}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.kind in ("notices-atom", "notices-ics"):
        return _export_feed(args)
    engine = make_engine()
    upgrade(engine)
    with session_scope(engine) as session:
        if args.kind == "catalog":
            if args.format not in (None, "dcat-us"):
                return _fail("the catalog is exported with --format dcat-us")
            from portal.inventory.downloads import catalog_bytes, export_catalog

            data = catalog_bytes(export_catalog(session=session, actor=SYSTEM))
        else:
            fmt = args.format or "csv"
            if fmt not in ("csv", "json"):
                return _fail("the inventory is exported with --format csv or --format json")
            from portal.inventory.downloads import export_inventory

            data = export_inventory(session=session, actor=SYSTEM, fmt=fmt)
    _write_output(data, args.output)
    return 0


def cmd_retention_purge(args: argparse.Namespace) -> int:
    from portal.engagement.retention import retention_purge

    engine = make_engine()
    upgrade(engine)
    with session_scope(engine) as session:
        report = retention_purge(session=session, actor=SYSTEM)
    print(
        f"Purged comments received before {report.cutoff:%Y-%m-%d %H:%M} UTC "
        f"({get_settings().retention_days} days, PORTAL_RETENTION_DAYS): "
        f"{report.raw_texts:,} raw texts, {report.contact_details:,} with contact details, "
        f"{report.rate_limit_buckets:,} expired rate-limit counters."
    )
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from portal.audit.service import verify_chain

    engine = make_engine()
    with session_scope(engine) as session:
        report = verify_chain(session)
    if report.ok:
        print(f"The audit chain of {report.events:,} events is intact.")
        return 0
    return _fail(f"the audit chain is broken at event {report.first_broken_id}: it {report.reason}")


def cmd_keys_generate(args: argparse.Namespace) -> int:
    from cryptography.fernet import Fernet

    print(Fernet.generate_key().decode())
    return 0


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    from cryptography.fernet import Fernet

    from portal.encryption import configured_keys
    from portal.engagement.retention import rotate_keys

    keys, key_file = configured_keys()
    if key_file is not None:
        # Development key file: the new key goes first; old keys stay so old values still open.
        key_file.write_text("\n".join([Fernet.generate_key().decode(), *keys]) + "\n")
        print(f"Added a new key to {key_file}.")
    elif len(keys) < 2:
        print("portal: only one key in PORTAL_ENCRYPTION_KEYS; to rotate, put a new key first "
              "(`portal keys generate`), keep the old one after it, and run this again.",
              file=sys.stderr)
    engine = make_engine()
    upgrade(engine)
    with session_scope(engine) as session:
        changed = rotate_keys(session=session, actor=SYSTEM)
    print(f"Re-encrypted {changed:,} stored values with the newest key. "
          "Older keys may now be removed from the configuration.")
    return 0


def cmd_screen(args: argparse.Namespace) -> int:
    import csv

    import moderation

    try:
        with open(args.file, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or args.column not in reader.fieldnames:
                return _fail(f"{args.file}: no column named {args.column!r} "
                             f"(columns: {', '.join(reader.fieldnames or []) or 'none'})")
            texts = [row.get(args.column) or "" for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return _fail(f"{args.file}: {error}")
    for n, result in enumerate(moderation.screen_batch(texts), start=1):
        print(json.dumps(moderation.to_json_row(n, result), ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portal", description="Civic data transparency portal")
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

    demo = sub.add_parser("demo", help="load the demo county (safe to run again)")
    demo.set_defaults(func=cmd_demo)

    importer = sub.add_parser("import", help="import a batch of records: all rows or none")
    importer.add_argument("kind", choices=["inventory", "requests", "notices"])
    importer.add_argument("file", help="inventory and requests: .csv or .xlsx; notices: .csv or .json")
    importer.add_argument("--publish", action="store_true",
                          help="notices only: publish every imported notice")
    importer.set_defaults(func=cmd_import)

    exporter = sub.add_parser("export", help="write an export or a feed")
    exporter.add_argument("kind", choices=["inventory", "catalog", "notices-atom", "notices-ics"])
    exporter.add_argument("--format", choices=["csv", "json", "dcat-us"], default=None)
    exporter.add_argument("-o", "--output", help="file to write (default: standard output)")
    exporter.add_argument("--base-url", default="http://localhost:8501",
                          help="feeds only: the portal's public address, for links")
    exporter.set_defaults(func=cmd_export)

    retention = sub.add_parser("retention", help="keep raw comment text only as long as allowed")
    retention_sub = retention.add_subparsers(dest="retention_command", required=True)
    purge = retention_sub.add_parser(
        "purge", help="remove raw text and contact details older than PORTAL_RETENTION_DAYS")
    purge.set_defaults(func=cmd_retention_purge)

    audit = sub.add_parser("audit", help="the hash-chained audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser("verify", help="check every link of the chain").set_defaults(func=cmd_audit_verify)

    keys = sub.add_parser("keys", help="encryption keys for raw comments and contact details")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    keys_sub.add_parser("generate", help="print a new key").set_defaults(func=cmd_keys_generate)
    keys_sub.add_parser("rotate", help="re-encrypt everything with the newest key").set_defaults(
        func=cmd_keys_rotate)

    screen = sub.add_parser("screen", help="screen the texts of a CSV file, one JSON line per row")
    screen.add_argument("file")
    screen.add_argument("--column", default="text", help="the column holding the text")
    screen.set_defaults(func=cmd_screen)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except ValidationFailed as error:
        for item in error.errors or [error]:
            print(f"portal: {item}", file=sys.stderr)
        return 1
    except PortalError as error:
        return _fail(str(error))
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
