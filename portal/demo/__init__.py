"""The demo county ("Alder County", fictional) and its loader, behind ``portal demo``.

The loader is imported when first asked for, not with the package: the registry imports
this package to read the demo area's manifest, and ``portal screen`` (which opens no
database) then loads no SQLAlchemy through it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["demo_data_dir", "load_demo"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from portal.demo import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'portal.demo' has no attribute {name!r}")
