"""The bibliography: parse (bibtexparser v2) -> check -> entries; formatting and export.

Modelled on sphinxcontrib-bibtex: parsing the bibliography, resolving citations
(edition.citations) and formatting entries (format.py) are separate steps.
"""
