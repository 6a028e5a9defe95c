"""Normalisers: names, dates and durations, each one place."""
