"""Models of this feature (imported by feedback.models so migrations see them)."""
