"""Framework documents: one engine renders every document as Word, PDF and web page."""
