"""Sharing inventory: departments, their datasets, and each practice of sharing residents' data."""
