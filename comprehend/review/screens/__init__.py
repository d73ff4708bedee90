"""Review screens, one per module."""
