"""The home page figures: what the portal holds right now."""
