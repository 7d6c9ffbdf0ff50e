"""Staff accounts, roles and signing in."""
