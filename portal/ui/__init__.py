"""Streamlit glue the pages share: the database handle, the acting user, messages.

The only part of ``portal`` that imports Streamlit; services never do.
"""
