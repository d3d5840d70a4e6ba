"""Every table, imported from the areas' manifests so ``SQLModel.metadata`` is complete."""

from sqlmodel import SQLModel

from portal.registry import import_models

import_models()

metadata = SQLModel.metadata

__all__ = ["metadata"]
