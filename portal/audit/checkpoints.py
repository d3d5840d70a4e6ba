"""Signed checkpoints of the audit chain, so deleted or rewritten events are detected later.

The hash chain (portal/audit/service.py) shows where a row was changed, but not that the
newest events were deleted, and anyone who can write the table can rebuild an unkeyed chain.
A checkpoint, as Certificate Transparency's signed tree heads and CloudTrail's digest files
do, is the chain's head — last event id, its hash, the number of events, the time — signed
with an Ed25519 key the database does not hold. A commissioner who keeps any checkpoint (the
public page lists them all; a packet prints the head it was built on) can later run
``portal audit verify --checkpoint FILE`` and learn whether any event up to it was deleted,
rewritten or reordered, and whether the log was cut back before it.

Checkpoints are signed by ``portal audit checkpoint`` (for cron), with every published packet,
and at least daily: the first audited change of a day signs one. Keys come from
``PORTAL_CHECKPOINT_KEYS`` (newest first; retired keys stay listed so their public halves
still verify), separate from the encryption keys; development creates ``var/checkpoint.key``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlmodel import Session, select

from portal.audit.models import AuditCheckpoint, AuditEvent
from portal.audit.service import (
    CHAIN_COLUMNS,
    GENESIS,
    compute_hash,
    lock_chain,
    verify_chain,
)
from portal.base import utcnow
from portal.errors import PortalError
from portal.i18n import _, number
from portal.settings import PROJECT_ROOT, Settings, get_settings
from portal.tabular import load_json

FORMAT = 1
DAILY = timedelta(hours=24)


class CheckpointKeyMissing(PortalError):
    """Production without a checkpoint key."""


def new_key() -> str:
    """A new private key, as ``PORTAL_CHECKPOINT_KEYS`` holds it."""
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    raw = Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return base64.b64encode(raw).decode()


def _configured(settings: Settings) -> list[str]:
    from portal.encryption import keys_in_force

    keys, _path = keys_in_force(
        settings.checkpoint_keys,
        Path(settings.checkpoint_key_file or PROJECT_ROOT / "var" / "checkpoint.key"),
        production=settings.environment == "production",
        refusal=lambda: CheckpointKeyMissing(_(
            "PORTAL_CHECKPOINT_KEYS is not set: in production the audit log's checkpoints must "
            "be signed with a key of their own (`portal audit keygen` prints one).")),
        new_key=new_key)
    return keys


def _private(text: str) -> Ed25519PrivateKey:
    try:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(text, validate=True))
    except ValueError as error:
        raise CheckpointKeyMissing(
            _("a checkpoint key is not a base64 Ed25519 key: {error}").format(error=error)) from None


def _public_text(key: Ed25519PublicKey) -> str:
    return base64.b64encode(key.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def key_id(public_key: str) -> str:
    return hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:16]


def public_keys(settings: Settings | None = None) -> dict[str, str]:
    """key id → public key (base64), newest first: what the public page publishes."""
    keys = [_public_text(_private(k).public_key()) for k in _configured(settings or get_settings())]
    return {key_id(k): k for k in keys}


def _payload(document: dict[str, Any]) -> bytes:
    fields = {k: v for k, v in document.items() if k != "signature"}
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def document(checkpoint: AuditCheckpoint) -> dict[str, Any]:
    """The checkpoint as published and kept: everything needed to check it, and its signature."""
    return {
        "format": FORMAT, "event_id": checkpoint.event_id, "event_hash": checkpoint.event_hash,
        "events": checkpoint.events,
        "signed_at": checkpoint.signed_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "key_id": checkpoint.key_id, "public_key": checkpoint.public_key,
        "signature": checkpoint.signature,
    }


def sign_checkpoint(session: Session, *, reason: str = "manual",
                    now: datetime | None = None) -> AuditCheckpoint:
    """Sign the chain's head now (in the caller's transaction)."""
    lock_chain(session)
    head = session.execute(sa.select(AuditEvent.id, AuditEvent.hash)
                           .order_by(AuditEvent.id.desc()).limit(1)).first()
    events = session.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar_one()
    private = _private(_configured(get_settings())[0])
    public = _public_text(private.public_key())
    checkpoint = AuditCheckpoint(
        event_id=head[0] if head else None, event_hash=head[1] if head else GENESIS,
        events=events, signed_at=(now or utcnow()).replace(microsecond=0), key_id=key_id(public),
        public_key=public, signature="", reason=reason)
    signature = private.sign(_payload(document(checkpoint)))
    checkpoint.signature = base64.b64encode(signature).decode()
    session.add(checkpoint)
    session.flush()
    return checkpoint


def sign_if_due(session: Session, now: datetime | None = None) -> AuditCheckpoint | None:
    """A checkpoint when none was signed in the last 24 hours (called as events are written)."""
    now = now or utcnow()
    last = session.execute(sa.select(sa.func.max(AuditCheckpoint.signed_at))).scalar()
    if last is not None and now - last < DAILY:
        return None
    return sign_checkpoint(session, reason="daily", now=now)


def list_checkpoints(session: Session, limit: int = 500) -> list[AuditCheckpoint]:
    return list(session.exec(select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc())
                             .limit(limit)).all())


@dataclass(frozen=True)
class CheckpointReport:
    ok: bool
    message: str
    first_discrepancy: int | None = None
    known_key: bool = True


def read_document(source: str) -> dict[str, Any]:
    """A checkpoint from a file or an http(s) address (its JSON; a list's last entry)."""
    try:
        if source.startswith(("http://", "https://")):
            with urllib.request.urlopen(source, timeout=30) as response:
                data = load_json(response.read().decode("utf-8"))
        else:
            data = load_json(Path(source).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PortalError(_("cannot read the checkpoint {source}: {error}").format(
            source=source, error=error)) from None
    if isinstance(data, list) and data:
        data = data[-1]
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PortalError(_("{source} is not an audit checkpoint (format {format})").format(
            source=source, format=FORMAT))
    return data


def _signature_holds(doc: dict[str, Any]) -> bool:
    """Whether ``doc`` is signed by the public key it names (not whether that key is ours)."""
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(doc["public_key"]))
        public.verify(base64.b64decode(doc["signature"]), _payload(doc))
    except (KeyError, ValueError, TypeError, InvalidSignature):
        return False
    return True


def verify_checkpoint(session: Session, doc: dict[str, Any]) -> CheckpointReport:
    """Whether the log still holds, unchanged, everything the checkpoint vouches for."""
    if not _signature_holds(doc):
        return CheckpointReport(False, "the checkpoint's signature does not match its content: "
                                       "it was altered, or was never signed by this key")
    known = doc.get("key_id") in public_keys() or session.execute(
        sa.select(AuditCheckpoint.id).where(AuditCheckpoint.key_id == doc.get("key_id"))
        .limit(1)).first() is not None
    event_id, events = doc.get("event_id"), int(doc.get("events", 0))
    chain = verify_chain(session)
    if not chain.ok and (event_id is None or (chain.first_broken_id or 0) <= event_id):
        return CheckpointReport(False, f"event {chain.first_broken_id} {chain.reason}",
                                chain.first_broken_id, known)
    if event_id is None:
        return CheckpointReport(True, "the checkpoint was signed on an empty log", None, known)
    row = session.execute(sa.select(AuditEvent.hash).where(AuditEvent.id == event_id)).first()
    last = session.execute(sa.select(sa.func.max(AuditEvent.id))).scalar()
    if row is None:
        if last is None or last < event_id:
            return CheckpointReport(
                False, f"the log ends at event {last or 0}, before the checkpoint's event "
                       f"{event_id}: events were deleted from the end", (last or 0) + 1, known)
        return CheckpointReport(False, f"event {event_id} is missing", event_id, known)
    if row[0] != doc.get("event_hash"):
        return CheckpointReport(False, f"event {event_id} does not have the hash the "
                                       "checkpoint signed: it or an earlier event was rewritten",
                                event_id, known)
    held = session.execute(sa.select(sa.func.count()).select_from(AuditEvent)
                           .where(AuditEvent.id <= event_id)).scalar_one()
    if held != events:
        return CheckpointReport(False, f"the checkpoint counted {events:,} events up to event "
                                       f"{event_id}; the log now holds {held:,}", event_id, known)
    return CheckpointReport(True, f"the {events:,} events up to event {event_id} are as the "
                                  f"checkpoint signed ({chain.events:,} in the log now)",
                            None, known)


@dataclass(frozen=True)
class RecentReport:
    """The chain checked from its newest signed checkpoint (:func:`verify_from_checkpoint`).

    ``checkpoint`` is the one checked from (None: there was none, and every event was
    read). Its signature vouches for the ``vouched`` events up to ``checkpoint.event_id``;
    the ``checked`` events after it were read and re-hashed. ``bad_signature``: the newest
    checkpoint is not signed by this portal's key, so it vouches for nothing.
    """

    ok: bool
    checkpoint: AuditCheckpoint | None
    vouched: int
    checked: int
    first_broken_id: int | None = None
    reason: str = ""
    bad_signature: bool = False

    @property
    def events(self) -> int:
        """Events in the log as far as the check went (all of them when ``ok``)."""
        return self.vouched + self.checked


def verify_from_checkpoint(session: Session) -> RecentReport:
    """The chain checked from its newest signed checkpoint, not from its first event.

    A checkpoint vouches for the chain up to its event: its signature must verify with one
    of this portal's keys (``PORTAL_CHECKPOINT_KEYS``: a key merely stored beside it in the
    database could be anyone's), its event must still have the content and the hash it
    signed, and the log must still hold as many events up to it as it counted. The events
    after it are then re-hashed one by one, the first expected to point at it. A rewrite
    before the checkpoint that leaves its event's hash and the count alone is found only by
    the whole chain's check (:func:`portal.audit.service.verify_chain`, ``portal audit
    verify`` and the audit log page's button), which reads every event.
    """
    checkpoint = session.exec(select(AuditCheckpoint).where(AuditCheckpoint.event_id.is_not(None))
                              .order_by(AuditCheckpoint.id.desc()).limit(1)).first()
    if checkpoint is None:
        chain = verify_chain(session)
        return RecentReport(chain.ok, None, 0, chain.events, chain.first_broken_id, chain.reason)
    event_id = checkpoint.event_id
    assert event_id is not None
    doc = document(checkpoint)
    if public_keys().get(checkpoint.key_id) != checkpoint.public_key or not _signature_holds(doc):
        return RecentReport(False, checkpoint, 0, 0, None,
                            _("does not match its signature with any of this portal's "
                              "checkpoint keys: it was altered, or was never signed by this "
                              "portal"),
                            bad_signature=True)
    row = session.execute(sa.select(*CHAIN_COLUMNS).where(AuditEvent.id == event_id)).first()
    if row is None:
        return RecentReport(False, checkpoint, 0, 0, event_id,
                            _("is missing, although checkpoint {id} signed it").format(
                                id=checkpoint.id))
    if compute_hash(row.prev_hash, row) != row.hash:
        return RecentReport(False, checkpoint, 0, 0, event_id,
                            _("has content that does not match its hash"))
    if row.hash != checkpoint.event_hash:
        return RecentReport(False, checkpoint, 0, 0, event_id,
                            _("does not have the hash checkpoint {id} signed: it or an earlier "
                              "entry was rewritten").format(id=checkpoint.id))
    # All events less those after it: counting all reads the smallest index, and those after
    # it are few, where counting "up to it" reads every row (grows with the log).
    held = (session.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar_one()
            - session.execute(sa.select(sa.func.count()).select_from(AuditEvent)
                              .where(AuditEvent.id > event_id)).scalar_one())
    if held != checkpoint.events:
        return RecentReport(False, checkpoint, held, 0, event_id,
                            (_("is preceded by {held} entries where checkpoint {id} counted "
                               "{counted}: entries before it were deleted")
                             if held < checkpoint.events else
                             _("is preceded by {held} entries where checkpoint {id} counted "
                               "{counted}: entries before it were added")).format(
                                held=number(held), id=checkpoint.id,
                                counted=number(checkpoint.events)))
    tail = verify_chain(session, after_id=event_id, after_hash=checkpoint.event_hash)
    return RecentReport(tail.ok, checkpoint, held, tail.events, tail.first_broken_id, tail.reason)
