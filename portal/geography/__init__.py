"""Districts: the county's geography that comments, indicators and deployments refer to."""
