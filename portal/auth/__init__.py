"""Who is acting: roles, the acting user, and the permission table services consult."""
