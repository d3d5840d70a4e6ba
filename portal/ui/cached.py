"""Cached public reads (DESIGN.md §8): computed once, reused until the data changes.

Each cache key holds the database URL and a cheap fingerprint of the tables
read (row count, newest id, newest update), taken on every run, so a write in
any process — another Streamlit server, the CLI, an import — is seen on the
next run. Pages also call ``clear()`` after their own writes. Only reads that
every role may make are cached here: the same answer serves every visitor. The
one exception, the compliance trend, checks who is asking before it answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from portal.auth.permissions import authorize
from portal.auth.roles import RESIDENT, SYSTEM, Actor
from portal.db import session_scope
from portal.engagement import decisions
from portal.inventory.findings import compliance_trend
from portal.inventory.service import inventory_version, list_datasets, list_practices, today
from portal.requests.service import RequestStatistics, request_statistics, statistics_version
from portal.settings import get_settings
from portal.ui.context import db, engine

_WORD = re.compile(r"\w+")


def clear() -> None:
    """After a write: forget every cached read at once (they are cheap to rebuild)."""
    st.cache_data.clear()
    _practices.clear()


@dataclass(frozen=True)
class Inventory:
    """Every practice as rows (for filters and exports) and as the table residents read.

    Shared by every session: callers must treat it as read-only.
    """

    rows: tuple[dict[str, Any], ...]
    frame: pd.DataFrame


# cache_resource, not cache_data: cache_data would unpickle a copy of 5,000
# records on every run (about a quarter of a second); this object is read-only.
@st.cache_resource(show_spinner=False, max_entries=4)
def _practices(url: str, fingerprint: tuple[Any, ...], on: date) -> Inventory:
    from portal.ui.inventory import table

    with session_scope(engine()) as session:
        rows = list_practices(session=session, actor=RESIDENT, on=on)
    for row in rows:
        # One lower-case string per practice, words separated by single spaces, so that
        # search is a test for " word" (matches the start of a word: "ice" is not "police").
        row["_haystack"] = " " + " ".join(_WORD.findall(" ".join(
            str(v) for v in (row["title"], row["recipient"], row["purpose"], row["legal_basis"],
                             row["department"], row["dataset_title"], row["agreement_title"] or "",
                             " ".join(row["data_elements"]))
        ).casefold()))
    return Inventory(tuple(rows), table(rows))


def practices() -> Inventory:
    with db() as session:
        fingerprint = inventory_version(session=session, actor=RESIDENT)
    return _practices(get_settings().database_url, fingerprint, today())


@st.cache_data(show_spinner=False, max_entries=4)
def _compliance_trend(url: str, fingerprint: tuple[Any, ...], on: date, days: int) -> list[dict[str, Any]]:
    with session_scope(engine()) as session:
        return compliance_trend(session=session, actor=SYSTEM, days=days, on=on)


def findings_trend(actor: Actor, days: int = 90) -> list[dict[str, Any]]:
    """Open findings per severity and day, replayed from the practices' versions (0.25 s on
    SQLite, 0.5 s on PostgreSQL at county scale): kept until a practice, dataset or department
    changes, or the day does. Not every role may read it, so the service's own check is made
    first for the person asking; the answer is the same for everyone it lets through."""
    authorize(actor, "inventory.compliance_trend")
    with db() as session:
        fingerprint = inventory_version(session=session, actor=RESIDENT)
    return _compliance_trend(get_settings().database_url, fingerprint, today(), days)


@st.cache_data(show_spinner=False, max_entries=4)
def _datasets(url: str, fingerprint: tuple[Any, ...]) -> list[dict[str, Any]]:
    with session_scope(engine()) as session:
        return list_datasets(session=session, actor=RESIDENT)


def datasets() -> list[dict[str, Any]]:
    with db() as session:
        fingerprint = inventory_version(session=session, actor=RESIDENT)
    return _datasets(get_settings().database_url, fingerprint)


@st.cache_data(show_spinner=False, max_entries=4)
def _request_statistics(url: str, fingerprint: tuple[Any, ...], k: int) -> RequestStatistics:
    with session_scope(engine()) as session:
        return request_statistics(session=session, actor=RESIDENT)


def statistics() -> RequestStatistics:
    """The public figures, kept until the requests or the suppression threshold k change
    (a figure suppressed at an old k must never sit beside a note that states the new one)."""
    with db() as session:
        fingerprint = statistics_version(session=session, actor=RESIDENT)
    settings = get_settings()
    return _request_statistics(settings.database_url, fingerprint, settings.suppression_k)


@st.cache_data(show_spinner=False, max_entries=4)
def _moderation_months(url: str, fingerprint: tuple[Any, ...]) -> list[decisions.MonthStats]:
    with session_scope(engine()) as session:
        return decisions.monthly_statistics(session=session, actor=RESIDENT)


def moderation_months() -> list[decisions.MonthStats]:
    """The moderation policy's monthly figures, kept until a comment arrives or is decided:
    counting 100,000 comments by month took 0.3–0.55 s of PostgreSQL's time on every view."""
    with db() as session:
        fingerprint = decisions.statistics_version(session=session, actor=RESIDENT)
    return _moderation_months(get_settings().database_url, fingerprint)


@st.cache_data(show_spinner=False, max_entries=4)
def _catalog(url: str, fingerprint: tuple[Any, ...]) -> bytes:
    from portal.inventory.downloads import catalog_bytes, export_catalog

    with session_scope(engine()) as session:
        return catalog_bytes(export_catalog(session=session, actor=RESIDENT))


def catalog_json() -> bytes:
    """The DCAT-US ``data.json`` (datasets change rarely; keyed like the inventory)."""
    with db() as session:
        fingerprint = inventory_version(session=session, actor=RESIDENT)
    return _catalog(get_settings().database_url, fingerprint)
