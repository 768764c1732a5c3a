"""What a posted form must carry so that sending it twice, or late, cannot do harm.

A create form carries a one-time token (`once.py`): the first post saves, any copy of it is
sent to what the first one made. An edit form carries the version of the record the person was
looking at (`versions.RowVersionField`), and a post without it saves nothing. See ADR 0017.
"""
