"""``portal screen``, ``portal retention purge`` and ``portal keys generate|rotate``."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from portal.auth.roles import SYSTEM
from portal.cliutil import fail, migrated_session
from portal.settings import get_settings


def configure_screen(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file")
    parser.add_argument("--column", default="text", help="the column holding the text")


def screen(args: argparse.Namespace) -> int:
    import moderation

    try:
        with open(args.file, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or args.column not in reader.fieldnames:
                return fail(f"{args.file}: no column named {args.column!r} "
                            f"(columns: {', '.join(reader.fieldnames or []) or 'none'})")
            texts = [row.get(args.column) or "" for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return fail(f"{args.file}: {error}")
    for n, result in enumerate(moderation.screen_batch(texts), start=1):
        print(json.dumps(moderation.to_json_row(n, result), ensure_ascii=False))
    return 0


def retention_purge(args: argparse.Namespace) -> int:
    from portal.engagement.retention import retention_purge as purge

    with migrated_session() as session:
        report = purge(session=session, actor=SYSTEM)
    print(
        f"Purged comments received before {report.cutoff:%Y-%m-%d %H:%M} UTC "
        f"({get_settings().retention_days} days, PORTAL_RETENTION_DAYS): "
        f"{report.raw_texts:,} raw texts, {report.contact_details:,} with contact details, "
        f"{report.rate_limit_buckets:,} expired rate-limit counters."
    )
    return 0


def keys_generate(args: argparse.Namespace) -> int:
    from cryptography.fernet import Fernet

    print(Fernet.generate_key().decode())
    return 0


def keys_rotate(args: argparse.Namespace) -> int:
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
    with migrated_session() as session:
        changed = rotate_keys(session=session, actor=SYSTEM)
    print(f"Re-encrypted {changed:,} stored values with the newest key. "
          "Older keys may now be removed from the configuration.")
    return 0
