"""Prefect flows and tasks, the command line and the run settings."""
