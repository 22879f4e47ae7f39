"""Build and test tooling for the site: snippet sections, page parsing, regeneration, MkDocs hooks."""
