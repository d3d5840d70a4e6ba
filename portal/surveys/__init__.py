"""Surveys: a builder that refuses to collect what endangers residents, anonymous answers, suppressed results."""
