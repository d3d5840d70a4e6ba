"""Resident voice: comments, surveys and the moderation decisions taken on them."""
