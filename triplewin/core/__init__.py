"""The guidance made executable, in plain Python: no Django imports anywhere in this package."""
