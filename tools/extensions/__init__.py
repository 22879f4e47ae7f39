"""Python-Markdown extensions of the site (listed in mkdocs.yml `markdown_extensions`): content rules that belong
to the Markdown itself, so they work in any Markdown build, not only inside MkDocs events."""
