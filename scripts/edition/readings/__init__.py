"""Where a cited document can be read: sources/readings.toml -> checked readings.

Like the bibliography stage: parse (TOML -> Reading, shape and types) -> validate
(against the bibliography and the host policy) -> compare (the publisher's evidence,
field by field, with the entry and the citing notes' pinpoints). Writers beside
render/ read the resulting Readings; nothing here formats a page.
"""
