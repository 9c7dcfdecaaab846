"""Helpers shared by tests in several folders (real components, no mocks)."""
