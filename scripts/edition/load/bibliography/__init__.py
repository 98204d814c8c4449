"""sources/bibliography.bib: parse (bibtexparser v2) -> validate -> entries; archives.toml.

Modelled on sphinxcontrib-bibtex: parsing the bibliography (here), resolving citations
(analyse/citations) and formatting entries (write/chicago.py) are separate steps.
"""
