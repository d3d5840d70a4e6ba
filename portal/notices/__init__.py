"""Surveillance technology notices, their versions, deployments and comment periods."""
