"""Where a cited document can be read: sources/readings.toml -> checked readings.

Like the bibliography: parse (load/readings.py: TOML -> Reading, shape and types) -> validate
(against the bibliography and the host policy) -> compare (the publisher's evidence,
field by field, with the entry and the citing notes' pinpoints). Writers beside
write/ read the resulting Readings; nothing here formats a page.
"""
