"""Imports every service module so the authorization matrix sees them all.

A new service module is added here; the matrix test then demands a row for
each of its functions.
"""

import portal.audit.queries  # noqa: F401
import portal.auth.grants  # noqa: F401
import portal.demo.loader  # noqa: F401
import portal.engagement.comments  # noqa: F401
import portal.engagement.decisions  # noqa: F401
import portal.engagement.queue  # noqa: F401
import portal.engagement.retention  # noqa: F401
import portal.geography.service  # noqa: F401
import portal.home.service  # noqa: F401
import portal.inventory.downloads  # noqa: F401
import portal.inventory.findings  # noqa: F401
import portal.inventory.service  # noqa: F401
import portal.notices.feeds  # noqa: F401
import portal.notices.importer  # noqa: F401
import portal.notices.service  # noqa: F401
import portal.oversight.service  # noqa: F401
import portal.requests.service  # noqa: F401
