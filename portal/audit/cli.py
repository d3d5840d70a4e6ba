"""``portal audit verify [--checkpoint FILE|URL]``, ``portal audit checkpoint [-o FILE]`` and
``portal audit keygen``."""

from __future__ import annotations

import argparse
import json

from portal.cliutil import fail, migrated_session, write_output


def configure_verify(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--checkpoint", metavar="FILE|URL", action="append", default=[],
                        help="also check the log against a signed checkpoint someone kept "
                             "(a file or an address; may be given more than once)")


def verify(args: argparse.Namespace) -> int:
    """The whole chain, then each checkpoint given; exit 1 on the first discrepancy."""
    from portal.audit.checkpoints import read_document, verify_checkpoint
    from portal.audit.service import verify_chain
    from portal.db import make_engine, session_scope

    documents = [(source, read_document(source)) for source in getattr(args, "checkpoint", [])]
    engine = make_engine()
    failed = False
    with session_scope(engine) as session:
        report = verify_chain(session)
        if report.ok:
            print(f"The audit chain of {report.events:,} events is intact.")
        else:
            failed = True
            fail(f"the audit chain is broken at event {report.first_broken_id}: it {report.reason}")
        for source, document in documents:
            result = verify_checkpoint(session, document)
            if not result.known_key:
                print(f"Note: {source} is signed by key {document.get('key_id')}, which is not "
                      "among this portal's checkpoint keys: compare it with the published ones.")
            if result.ok:
                print(f"Checkpoint {source}: {result.message}.")
            else:
                failed = True
                fail(f"checkpoint {source}: {result.message}")
    engine.dispose()
    return 1 if failed else 0


def configure_checkpoint(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")


def checkpoint(args: argparse.Namespace) -> int:
    """Sign the chain's head now and write the checkpoint (for cron, and for keeping)."""
    from portal.audit.checkpoints import document, sign_checkpoint

    with migrated_session() as session:
        signed = document(sign_checkpoint(session, reason="manual"))
    write_output((json.dumps(signed, indent=2) + "\n").encode(), args.output)
    return 0


def keygen(args: argparse.Namespace) -> int:
    from portal.audit.checkpoints import new_key

    print(new_key())
    return 0
