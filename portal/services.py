"""Imports every area's service modules (named in its manifest) so the registry is complete."""

from portal.registry import import_services

import_services()
