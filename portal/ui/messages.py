"""Turning service errors into messages a person can act on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlalchemy.exc import DBAPIError

from portal.errors import PermissionDenied, PortalError, ValidationFailed
from portal.i18n import N_, _
from portal.ui.text import inert

DATABASE_DOWN = N_(
    "The portal cannot reach its database right now, so nothing was saved. Please try again "
    "in a few minutes: what you typed is still here."
)


def show_error(error: PortalError) -> None:
    """A field's message is shown as text: it may quote a value from a form or an imported
    file, which must not be able to format its own error box (a link, an image, a list)."""
    if isinstance(error, ValidationFailed) and error.errors:
        lines = "\n".join(f"- {inert(str(e))}" for e in error.errors)
        st.error(_("Please correct the following:\n\n{lines}").format(lines=lines))
    elif isinstance(error, PermissionDenied):
        st.error(str(error), icon=":material/block:")
    else:
        st.error(str(error))


@contextmanager
def reported() -> Iterator[None]:
    """Run a service call; a ``PortalError`` becomes a message and the page goes on.

    So does a database that cannot be reached (stopped, restarting, the network down): the
    unit of work was rolled back, so nothing is half-written, and the person can try again.
    """
    try:
        yield
    except PortalError as error:
        show_error(error)
    except DBAPIError as error:
        if not error.connection_invalidated and not _unreachable(error):
            raise
        st.error(_(DATABASE_DOWN), icon=":material/cloud_off:")


def _unreachable(error: DBAPIError) -> bool:
    """A connection that failed or broke, as opposed to a query the database refused."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    return isinstance(error, (OperationalError, InterfaceError))
