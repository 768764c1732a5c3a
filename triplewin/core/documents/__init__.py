"""Framework documents as plain data: definitions, normalised content, hashes and diffs.

No Django here. The documents app fills a definition from a project's records, and these
modules turn the result into canonical content, hash it, compare two versions and say which
required parts are still empty.
"""
