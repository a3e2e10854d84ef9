"""The newstext test suite."""
