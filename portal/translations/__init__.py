"""Staff-written content in Spanish: a Spanish version of each field of a notice, a practice,
an indicator or a survey, shown to residents who read the portal in Spanish."""
