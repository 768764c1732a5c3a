"""The case-study library's plain-Python core: vocabularies, text normalisation for search,
similarity scoring, interchange rows (CSV/JSON) and the statistics behind the learning views.

Nothing here imports Django, so the same rules serve the PostgreSQL and SQLite search backends,
the importers and the tests alike.
"""
