"""`manage.py backup` and `manage.py restore`: the database and the private files in one
archive, with a manifest that the restore checks everything against (ADR 0040)."""
