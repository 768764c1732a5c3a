"""The three outputs of a document: the web page's HTML, a PDF printed from it, and Word."""
