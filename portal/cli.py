"""The ``portal`` command (DESIGN.md §3).

Contract: exit 0 on success; on bad input exit 1 with the reasons on stderr and
nothing written. Every capability with a page also has a command here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence

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


def cmd_serve(args: argparse.Namespace) -> int:
    from portal.encryption import require_keys

    # Production without an encryption key stops here, before anything is served.
    require_keys()
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
    os.chdir(PROJECT_ROOT)
    return subprocess.call(command)


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
    serve.set_defaults(func=cmd_serve)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_upgrade = db_sub.add_parser("upgrade", help="migrate to the newest schema")
    db_upgrade.set_defaults(func=cmd_db_upgrade)

    demo = sub.add_parser("demo", help="load the demo county (safe to run again)")
    demo.set_defaults(func=cmd_demo)

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
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
