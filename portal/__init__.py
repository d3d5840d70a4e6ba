"""Civic data transparency portal: the domain layer (models, services, CLI).

Pages in ``app_pages/`` call into this package; nothing here imports Streamlit
except ``portal.ui``, which holds the thin glue pages share.
"""

__version__ = "0.1.0"
