"""Turning service errors into messages a person can act on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from portal.errors import PermissionDenied, PortalError, ValidationFailed


def show_error(error: PortalError) -> None:
    if isinstance(error, ValidationFailed) and error.errors:
        lines = "\n".join(f"- {e}" for e in error.errors)
        st.error(f"Please correct the following:\n\n{lines}")
    elif isinstance(error, PermissionDenied):
        st.error(str(error), icon=":material/block:")
    else:
        st.error(str(error))


@contextmanager
def reported() -> Iterator[None]:
    """Run a service call; a ``PortalError`` becomes a message and the page goes on."""
    try:
        yield
    except PortalError as error:
        show_error(error)
