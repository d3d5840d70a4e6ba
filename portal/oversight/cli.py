"""``portal packet build MEETING_ID [--pdf FILE] [--json FILE] [--markdown FILE]`` and
``portal export meetings-ics``.

Building publishes the next version of the packet (as the page's button does), then
writes the files asked for and prints the version, its content hash and the audit
chain's head it printed. A missing or cancelled meeting exits 1 and writes nothing.
"""

from __future__ import annotations

import argparse
import sys

from portal.auth.roles import SYSTEM
from portal.cliutil import migrated_session, write_output


def configure_build(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    parser.add_argument("--pdf", metavar="FILE", help="write the packet's PDF to FILE")
    parser.add_argument("--json", metavar="FILE",
                        help="write the packet's JSON (every figure and quote) to FILE")
    parser.add_argument("--markdown", metavar="FILE", help="write the packet as Markdown to FILE")


def _progress(fraction: float, message: str) -> None:
    print(f"[{fraction:4.0%}] {message}", file=sys.stderr)


def build(args: argparse.Namespace) -> int:
    from portal.oversight.packets import build_packet, packet_file

    with migrated_session() as session:
        packet = build_packet(session=session, actor=SYSTEM, meeting_id=args.meeting_id,
                              progress=_progress)
        files = {kind: packet_file(session=session, actor=SYSTEM, packet_id=packet.id, kind=kind)
                 for kind, wanted in (("pdf", args.pdf), ("json", args.json),
                                      ("md", args.markdown)) if wanted}
        summary = (f"Published packet version {packet.version} for meeting {args.meeting_id}\n"
                   f"content SHA-256: {packet.content_hash}\n"
                   f"PDF SHA-256:     {packet.pdf_hash}\n"
                   f"audit head:      event {packet.audit_event_id}, {packet.audit_hash}")
    # Written only once the packet is committed: a failed build leaves no file behind.
    for kind, path in (("pdf", args.pdf), ("json", args.json), ("md", args.markdown)):
        if path:
            write_output(files[kind], path)
    print(summary)
    return 0


def export_ics(args: argparse.Namespace) -> int:
    from portal.oversight.service import meetings_ics

    with migrated_session() as session:
        data = meetings_ics(session=session, actor=SYSTEM, base_url=args.base_url)
    write_output(data, args.output)
    return 0
