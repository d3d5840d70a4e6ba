"""``portal audit verify``."""

from __future__ import annotations

import argparse

from portal.cliutil import fail


def verify(args: argparse.Namespace) -> int:
    from portal.audit.service import verify_chain
    from portal.db import make_engine, session_scope

    engine = make_engine()
    with session_scope(engine) as session:
        report = verify_chain(session)
    engine.dispose()
    if report.ok:
        print(f"The audit chain of {report.events:,} events is intact.")
        return 0
    return fail(f"the audit chain is broken at event {report.first_broken_id}: it {report.reason}")
